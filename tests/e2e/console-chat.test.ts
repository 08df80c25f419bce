/**
 * `npm run chat` as a user runs it, with its input typed from a script: the buttons of the last
 * answer are pressed by number or by label, with the same effect as a tap in Telegram.
 * Through the running server on PGlite; on PostgreSQL the chat opens the database itself.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { chat } from '../helpers/cli.js';
import { PORTAL_FILES } from '../helpers/samples.js';



let t: TestApp;
let code: string;
const taskIds: number[] = [];
beforeAll(async () => {
  t = await startTestApp({ mode: 'no-telegram' });
  expect((await t.upload(PORTAL_FILES, '2026-08')).status).toBe(201);
  const nextYear = new Date().getFullYear() + 1;
  for (const [title, deadline] of [['Rà soát hồ sơ quá hạn', `${nextYear}-03-31`], ['Số hóa hồ sơ tiếp nhận', `${nextYear}-06-30`]] as const) {
    const task = await t.admin<{ id: number }>('POST', '/api/tasks', { title, from: 'UBND tỉnh Phú Thọ', to: ['H44.100'], deadline });
    expect(task.status).toBe(201);
    taskIds.push(task.body.id);
  }
  code = (await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'H44.100', role: 'officer' })).body.code;
});
afterAll(async () => {
  await t?.stop();
});

it('presses a button by its number or its label, as a tap in Telegram would', async () => {
  const [first, second] = taskIds;
  const { code: exit, stdout, stderr } = await chat(t.database.env, [
    `/start ${code}`,
    '/nhiemvu',
    'hoan thanh',
    '2',
    '6',
    'Đã số hóa 80% hồ sơ',
    '/nhiemvu',
    'Đang làm',
  ]);
  expect(stderr).toBe('');
  expect(exit).toBe(0);
  expect(stdout).toContain('[1 Đang làm] [2 ✅ Hoàn thành] [3 Ghi chú]');
  expect(stdout).toContain('[4 Đang làm] [5 ✅ Hoàn thành] [6 Ghi chú]');
  expect(stdout).toContain('Có 2 nút «hoan thanh»: gõ số của nút cần bấm.');
  expect(stdout).toContain(`#${first}: đã ghi «hoàn thành» cho UBND Phường Việt Trì`);
  expect(stdout).toContain(`Gõ ghi chú cho nhiệm vụ #${second}`);
  expect(stdout).toContain(`Đã lưu ghi chú cho nhiệm vụ #${second}.`);
  expect(stdout).toContain(`#${second}: đã ghi «đang làm» cho UBND Phường Việt Trì`);
  const statuses = await t.app.database.query<{ task_id: number; status: string; note: string | null }>(
    'select task_id, status, note from task_assignees order by task_id',
  );
  expect(statuses).toEqual([
    { task_id: first, status: 'hoan-thanh', note: null },
    { task_id: second, status: 'dang-lam', note: 'Đã số hóa 80% hồ sơ' },
  ]);
});

it('asks which unit with numbered choices, and answers the question asked once one is typed', async () => {
  const { code: exit, stdout, stderr } = await chat(t.database.env, ['Phú Thọ tháng 8 xếp thứ mấy?', '1', 'điểm tháng chín Nông Trang', '1']);
  expect(stderr).toBe('');
  expect(exit).toBe(0);
  expect(stdout).toContain('[1 UBND Phường Phú Thọ (UBND tỉnh Phú Thọ)] [2 UBND tỉnh Phú Thọ]');
  const [row] = await t.app.database.query<{ rank: number; rank_of: number }>(
    "select r.rank, r.rank_of from results r join units u on u.id = r.unit_id where u.name = 'UBND Phường Phú Thọ' and r.period = '2026-08'",
  );
  expect(stdout).toContain(`${row?.rank}/${row?.rank_of}`);
  expect(stdout).toContain('[1 tháng 08/2026]');
  expect(stdout).toContain('UBND Phường Nông Trang, tháng 08/2026');
});

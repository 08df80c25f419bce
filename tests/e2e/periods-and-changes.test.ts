/** Which period answers a question, and the change from the period before, through the real webhook. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { letterBatch } from '../../src/imports/letter.js';
import { saveImport } from '../../src/imports/save.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

const SEED = readFileSync(new URL('../../samples/letters/myhao-2025-02.txt', import.meta.url), 'utf8');

/** The seed letter rewritten for another month with other figures: the same format a province sends. */
function letterFor(monthYear: string, total: string, rank: string, tienDo: string): string {
  return SEED.replaceAll('02/2025', monthYear).replace('91,34 điểm', `${total} điểm`).replace('thứ 01/10', `thứ ${rank}/10`).replace('20/20 điểm; đạt tỷ lệ 99,93%', `${tienDo}/20 điểm; đạt tỷ lệ 90%`);
}

let t: TestApp;
let database: TestDatabase;


beforeAll(async () => {
  // Load the letters before the server starts, through the same import code the CLI uses.
  database = await createTestDatabase();
  const db = await openDatabase(database.target);
  for (const [text, file] of [
    [SEED, 'myhao-2025-02.txt'],
    [letterFor('01/2025', '89,19', '04', '18'), 'myhao-2025-01.txt'],
    [letterFor('02/2024', '80,5', '07', '16'), 'myhao-2024-02.txt'],
  ] as const) {
    const { batch } = letterBatch(text, file);
    if (!batch) throw new Error(`no result in ${file}`);
    await saveImport(db.db, batch);
  }
  await db.close();
  t = await startTestApp({ mode: 'webhook', database });
  const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'thị xã Mỹ Hào', role: 'officer' });
  await t.ask(`/dangky ${invite.body.code}`);
});

afterAll(async () => {
  await t?.stop();
  await database.drop();
});

it('takes a month without a year as the latest such month with data', async () => {
  const card = await t.ask('/diem thang 2');
  expect(card).toContain('tháng 02/2025');
  expect(card).toContain('Tổng điểm: 91,34/100');
});

it('shows the change from the month before in points and ranks', async () => {
  expect(await t.ask('diem t2')).toContain('So với tháng 01/2025: ↑ 2,15 điểm, ↑ 3 bậc');
  expect(await t.ask('điểm tháng 1/2025')).toContain('Tổng điểm: 89,19/100');
});

it('answers an earlier year when asked for it', async () => {
  const card = await t.ask('điểm tháng 2 năm 2024');
  expect(card).toContain('tháng 02/2024');
  expect(card).toContain('Tổng điểm: 80,5/100');
  expect(card).toContain('Xếp loại: Tốt');
  expect(card).toContain('Chưa có kết quả tháng 01/2024 để so sánh.');
  expect(card).toContain('• Tiến độ giải quyết: 16/20 (90%)');
});

it('answers /diem alone with the latest period', async () => {
  expect(await t.ask('/diem')).toContain('tháng 02/2025');
});

it('lists what exists for a quarter with no data', async () => {
  const reply = await t.ask('xem điểm quý 1');
  expect(reply).toContain('Chưa có kết quả quý I của thị xã Mỹ Hào');
  expect(reply).toContain('Các kỳ đã có: tháng 02/2025, tháng 01/2025, tháng 02/2024');
});

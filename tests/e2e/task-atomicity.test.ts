/**
 * A task change and its history are one write: when recording the event fails, the change is not
 * kept either (item 6). The failure is a trigger on task_events, raised by the real database.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { callbackUpdate, textUpdate, type TestChat } from '../helpers/telegram-stand-in.js';
import { plantTree } from '../helpers/tree.js';

let t: TestApp;
// Thursday 24/09/2026, 10:00 in Hà Nội.
const clock = new Date('2026-09-24T03:00:00Z');
const LEADER: TestChat = { id: 5558001, type: 'private' };
const OFFICER: TestChat = { id: 5558002, type: 'private' };
const FAILED = 'Xin lỗi, đã có lỗi khi xử lý yêu cầu.';
let id = 0;

async function link(unit: string, role: string, chat: TestChat): Promise<void> {
  const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit, role });
  await t.ask(`/start ${invite.body.code}`, chat);
}

/** A message whose handling fails: the webhook answers 500 (Telegram redelivers), the user is told. */
async function failing(text: string, chat: TestChat): Promise<string> {
  const before = t.telegram.sentTexts(chat.id).length;
  expect(await t.deliver(textUpdate(text, chat))).toBe(500);
  return t.telegram.sentTexts(chat.id).slice(before).join('\n');
}

async function eventsFail(): Promise<void> {
  await t.app.database.query("create or replace function refuse_task_event() returns trigger language plpgsql as $$ begin raise exception 'task_events refused'; end $$");
  await t.app.database.query('create trigger refuse_task_event before insert on task_events for each row execute function refuse_task_event()');
}

beforeAll(async () => {
  t = await startTestApp({ mode: 'webhook', now: () => clock });
  await plantTree(t);
  await link('Z90.1', 'leader', LEADER);
  await link('Z90.1.1', 'officer', OFFICER);
  id = (await t.admin<{ id: number }>('POST', '/api/tasks', { title: 'Số hóa hồ sơ', from: 'Z90.1', to: ['Z90.1.1'], deadline: 'cuối tháng' })).body.id;
});

afterEach(async () => {
  await t.app.database.query('drop trigger if exists refuse_task_event on task_events');
});

afterAll(async () => {
  await t?.stop();
});

describe('a task change whose history cannot be written is not kept', () => {
  it('reporting a status', async () => {
    await eventsFail();
    expect(await t.deliver(callbackUpdate(`task:dang-lam:${id}:${await unitId('Z90.1.1')}`, 1, OFFICER))).toBe(500);
    expect(t.telegram.sentTexts(OFFICER.id).at(-1)).toContain(FAILED);
    expect(await t.ask(`/tiendo ${id}`, LEADER)).toContain('• UBND xã Cam Thử: chưa làm');
  });

  it('moving the deadline', async () => {
    await eventsFail();
    expect(await failing(`/doihan ${id} 9/10`, LEADER)).toContain(FAILED);
    expect(await t.ask(`/tiendo ${id}`, LEADER)).toContain('Hạn 30/09/2026');
  });

  it('closing the task', async () => {
    await eventsFail();
    expect(await failing(`/dongviec ${id}`, LEADER)).toContain(FAILED);
    expect(await t.ask('/nhiemvu', OFFICER)).toContain(`#${id} Số hóa hồ sơ`);
  });

  it('and each goes through once the history can be written', async () => {
    await t.deliver(callbackUpdate(`task:dang-lam:${id}:${await unitId('Z90.1.1')}`, 1, OFFICER));
    expect(await t.ask(`/doihan ${id} 9/10`, LEADER)).toContain('có hạn mới 09/10/2026');
    expect(await t.ask(`/tiendo ${id}`, LEADER)).toContain('• UBND xã Cam Thử: đang làm');
    expect(await t.ask(`/dongviec ${id}`, LEADER)).toContain(`Đã đóng nhiệm vụ #${id}`);
  });
});

async function unitId(code: string): Promise<number> {
  const [row] = await t.app.database.query<{ id: number }>('select id from units where code = $1', [code]);
  return row?.id ?? 0;
}

/**
 * Reminders on a controllable clock: a task due in 5 working days, the clock moved across a weekend
 * and a holiday, a restart in between, a unit that finishes early, and (on PostgreSQL) a second instance.
 * Each chat must receive exactly the reminders of its days, once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/database.js';
import { PORTAL_FILES } from '../helpers/samples.js';
import { callbackUpdate, TelegramStandIn, type TestChat } from '../helpers/telegram-stand-in.js';

const VIET_TRI: TestChat = { id: 5555001, type: 'private' };
const NONG_TRANG: TestChat = { id: 5555002, type: 'private' };
const PROVINCE_LEADER: TestChat = { id: 5555003, type: 'private' };
// Friday 25/09/2026 is a holiday here: the 5th working day after Monday 21/09 is Tuesday 29/09.
const ENV = { HOLIDAYS: '2026-09-25' };

let clock = new Date('2026-09-21T02:00:00Z'); // Monday 09:00 in Hà Nội
let database: TestDatabase;
let telegram: TelegramStandIn;
let t: TestApp;
let second: TestApp | null = null;

/** Hà Nội wall-clock time as an instant. */
function at(local: string): Date {
  return new Date(`${local}:00+07:00`);
}

/** What the bot pushed to a chat (reminders and digests), titles only. */
function pushed(chat: TestChat): string[] {
  return telegram.sentTexts(chat.id).filter((x) => /^<b>(Nhắc việc|\d+ nhiệm vụ quá hạn|Tổng hợp tuần)/.test(x)).map((x) => x.split('\n')[0] ?? '');
}

async function tickAt(local: string): Promise<void> {
  clock = at(local);
  await t.app.scheduler.tick();
  if (second) await second.app.scheduler.tick();
  // Let the dispatcher send what the tick enqueued (the test fails if it does not).
  await t.outboxSettled();
}

beforeAll(async () => {
  database = await createTestDatabase();
  telegram = await new TelegramStandIn().start();
  t = await startTestApp({ mode: 'webhook', now: () => clock, env: ENV, database, telegram });
  expect((await t.upload(PORTAL_FILES, '2026-08')).status).toBe(201);
  for (const [unit, role, chat] of [
    ['H44.100', 'officer', VIET_TRI],
    ['Nông Trang', 'officer', NONG_TRANG],
    ['UBND tỉnh Phú Thọ', 'leader', PROVINCE_LEADER],
  ] as const) {
    const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit, role });
    await t.ask(`/start ${invite.body.code}`, chat);
  }
  const task = await t.admin<{ deadline: string }>('POST', '/api/tasks', {
    title: 'Rà soát hồ sơ quá hạn',
    from: 'UBND tỉnh Phú Thọ',
    to: ['Việt Trì', 'Nông Trang'],
    deadline: '29/9',
  });
  expect(task.body.deadline).toBe('2026-09-29');
});

afterAll(async () => {
  await second?.stop();
  await t?.stop();
  await telegram.stop();
  await database.drop();
});

describe('a task due Tuesday 29/09, with Friday 25/09 a holiday', () => {
  it('sends nothing before 3 working days ahead, nor before 08:00', async () => {
    await tickAt('2026-09-22T08:00');
    await tickAt('2026-09-23T07:59');
    expect(pushed(VIET_TRI)).toEqual([]);
  });

  it('reminds 3 working days before (Wednesday 23/09: the holiday does not count), at 08:00, once however often it ticks', async () => {
    await tickAt('2026-09-23T08:00');
    await tickAt('2026-09-23T08:01');
    await tickAt('2026-09-23T15:00');
    expect(pushed(VIET_TRI)).toEqual(['<b>Nhắc việc: còn 3 ngày làm việc đến hạn</b>']);
    expect(pushed(NONG_TRANG)).toEqual(['<b>Nhắc việc: còn 3 ngày làm việc đến hạn</b>']);
    expect(pushed(PROVINCE_LEADER)).toEqual([]);
  });

  it('sends nothing on Thursday, the holiday and the weekend, and survives a restart', async () => {
    await tickAt('2026-09-24T08:00');
    await tickAt('2026-09-25T08:00');
    await tickAt('2026-09-26T08:00');
    await tickAt('2026-09-27T08:00');
    await t.restart();
    await tickAt('2026-09-27T09:00');
    expect(pushed(VIET_TRI)).toHaveLength(1);
  });

  it('cancels what a unit finished: Nông Trang completes on Sunday and hears no more', async () => {
    await t.ask('/nhiemvu', NONG_TRANG);
    const call = telegram.callsOf('sendMessage').filter((c) => String(c.payload.chat_id) === String(NONG_TRANG.id) && c.payload.reply_markup).at(-1);
    const done = (call?.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard.flat().find((b) => b.text === '✅ Hoàn thành');
    await t.deliver(callbackUpdate(done?.callback_data ?? '', 1, NONG_TRANG));
    expect(telegram.sentTexts(NONG_TRANG.id).at(-1)).toContain('«hoàn thành» cho UBND Phường Nông Trang');
  });

  it('reminds 1 working day before on Monday 28/09, with the weekly digest to the giver’s leader', async () => {
    if (onPostgres) second = await startTestApp({ mode: 'webhook', now: () => clock, env: ENV, database, telegram });
    await tickAt('2026-09-28T08:00');
    expect(pushed(VIET_TRI)).toEqual(['<b>Nhắc việc: còn 3 ngày làm việc đến hạn</b>', '<b>Nhắc việc: còn 1 ngày làm việc đến hạn</b>']);
    expect(pushed(NONG_TRANG)).toHaveLength(1);
    expect(pushed(PROVINCE_LEADER)).toEqual(['<b>Tổng hợp tuần (28/09/2026): tiến độ các nhiệm vụ đã giao</b>']);
    const digest = telegram.sentTexts(PROVINCE_LEADER.id).find((x) => x.startsWith('<b>Tổng hợp tuần')) ?? '';
    expect(digest).toContain('Rà soát hồ sơ quá hạn – hạn 29/09/2026: 1/2 hoàn thành, 0 quá hạn');
  });

  it('reminds on the day, then sends an overdue digest each working day until done', async () => {
    await tickAt('2026-09-29T08:00');
    await tickAt('2026-09-30T08:00');
    await tickAt('2026-10-01T08:00');
    expect(pushed(VIET_TRI)).toEqual([
      '<b>Nhắc việc: còn 3 ngày làm việc đến hạn</b>',
      '<b>Nhắc việc: còn 1 ngày làm việc đến hạn</b>',
      '<b>Nhắc việc: hôm nay là hạn</b>',
      '<b>1 nhiệm vụ quá hạn (30/09/2026):</b>',
      '<b>1 nhiệm vụ quá hạn (01/10/2026):</b>',
    ]);
    expect(pushed(NONG_TRANG)).toHaveLength(1);
    const [row] = await t.app.database.query<{ n: number }>("select count(*)::int as n from outbox where kind = 'reminder'");
    // 2 + 1 + 1 + 1 to Việt Trì, 1 to Nông Trang, 1 weekly digest: each once, whichever instance ticked.
    expect(row?.n).toBe(7);
  });

  it('forgets the update ids it kept against repeats once they are a week old', async () => {
    const count = async () => (await t.app.database.query<{ n: number }>('select count(*)::int as n from processed_updates'))[0]?.n ?? 0;
    expect(await count()).toBeGreaterThan(0);
    await tickAt('2099-01-05T08:00');
    expect(await count()).toBe(0);
  });
});

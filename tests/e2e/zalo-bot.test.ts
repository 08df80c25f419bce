/**
 * The Zalo Bot channel end to end, against a stand-in of the Zalo Bot API: the webhook's guard, the
 * Telegram scenarios with the same facts (numbered choices in place of buttons), a publication with
 * one blocked chat, a reminder, long answers in parts, duplicates, and long polling.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryReport } from '../../src/services/delivery-report.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import type { TestChat } from '../helpers/telegram-stand-in.js';
import { zaloEvent, ZaloBotStandIn, zaloTextEvent, type ZaloTestChat } from '../helpers/zalo-bot-stand-in.js';

const SECRET = 'zalo-bot-test-secret_01';
const TOKEN = '12345689:test-token';
const SEED_LETTER = readFileSync(new URL('../../samples/letters/myhao-2025-02.txt', import.meta.url), 'utf8');

const MY_HAO: ZaloTestChat = { id: '6d3f1a0000000001', type: 'PRIVATE', name: 'Trần Thị Bình' };
const VIET_TRI: ZaloTestChat = { id: '6d3f1a0000000002', type: 'PRIVATE' };
const NONG_TRANG: ZaloTestChat = { id: '6d3f1a0000000003', type: 'PRIVATE' };
const BLOCKER: ZaloTestChat = { id: '6d3f1a0000000004', type: 'PRIVATE' };
const ADMIN: ZaloTestChat = { id: '6d3f1a0000000005', type: 'PRIVATE' };
const STRANGER: ZaloTestChat = { id: '6d3f1a0000000006', type: 'PRIVATE' };
const TG_MY_HAO: TestChat = { id: 5556001, type: 'private' };
const TG_VIET_TRI: TestChat = { id: 5556002, type: 'private' };

// Monday 21/09/2026, 09:00 in Hà Nội; Friday 25/09 a holiday, as in reminders.test.ts.
let clock = new Date('2026-09-21T02:00:00Z');
let zalo: ZaloBotStandIn;
let t: TestApp;

async function post(body: unknown, secret: string | null = SECRET): Promise<number> {
  const response = await fetch(`${t.app.url}/zalo/bot/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret === null ? {} : { 'x-bot-api-secret-token': secret }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  await response.text();
  return response.status;
}

/** What the bot sent to a Zalo chat after `text`, message by message. */
async function zsay(text: string, chat: ZaloTestChat): Promise<string[]> {
  const before = zalo.sentTexts(chat.id).length;
  expect(await post(zaloTextEvent(text, chat))).toBe(200);
  return zalo.sentTexts(chat.id).slice(before);
}

async function zask(text: string, chat: ZaloTestChat): Promise<string> {
  const sent = await zsay(text, chat);
  expect(sent.length).toBeGreaterThan(0);
  return sent.join('\n');
}

/** Telegram's HTML as the plain text a Zalo user reads. */
function plain(html: string): string {
  return html.replace(/<\/?b>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The number in front of `label` in the numbered choices of `text`. */
function numberOf(text: string, label: string): string {
  const line = text.split('\n').find((l) => new RegExp(`^\\d+\\. ${label.replace(/[()]/g, '\\$&')}$`).test(l));
  if (!line) throw new Error(`no choice «${label}» in:\n${text}`);
  return line.split('.')[0] ?? '';
}

async function link(unit: string, role: string, chat: ZaloTestChat): Promise<string> {
  const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit, role });
  expect(invite.status).toBe(201);
  return zask(`/start ${invite.body.code}`, chat);
}

beforeAll(async () => {
  zalo = await new ZaloBotStandIn().start();
  // Telegram too, so that the same question can be asked on both.
  t = await startTestApp({
    mode: 'webhook',
    now: () => clock,
    env: { ZALO_BOT_TOKEN: TOKEN, ZALO_BOT_API_ROOT: zalo.url, ZALO_BOT_WEBHOOK_SECRET: SECRET, ZALO_BOT_NAME: 'Bot Chỉ số 766', HOLIDAYS: '2026-09-25' },
  });
  expect((await t.admin('POST', '/api/demo')).status).toBe(200);
});

afterAll(async () => {
  await t?.stop();
  await zalo?.stop();
});

describe('start-up', () => {
  it('sets the webhook at PUBLIC_URL/zalo/bot/webhook with its secret', () => {
    const [hook] = zalo.callsOf('setWebhook');
    expect(hook?.payload).toEqual({ url: 'https://chiso.example.gov.vn/zalo/bot/webhook', secret_token: SECRET });
    expect(zalo.callsOf('getUpdates')).toHaveLength(0);
  });
});

describe('the webhook guard', () => {
  const count = async (sql: string, value: string) => (await t.app.database.query<{ n: number }>(sql, [value]))[0]?.n;

  it('refuses a wrong or missing secret with 401 and stores nothing', async () => {
    const event = zaloTextEvent('/huongdan', STRANGER);
    expect(await post(event, 'wrong-secret-123')).toBe(401);
    expect(await post(event, null)).toBe(401);
    expect(await count("select count(*)::int as n from chats where channel = 'zalo-bot' and external_id = $1", STRANGER.id)).toBe(0);
    expect(await count("select count(*)::int as n from processed_updates where channel = 'zalo-bot' and update_id = $1", event.result.message.message_id)).toBe(0);
    expect(zalo.sentTexts(STRANGER.id)).toEqual([]);
  });

  it('refuses a body that is not an event with 400', async () => {
    expect(await post({ update_id: 1, message: { text: 'hi' } })).toBe(400);
    expect(await post('[1, 2]')).toBe(400);
    expect(await post({ ok: true, result: { event_name: 'message.text.received', message: { text: 'no chat' } } })).toBe(400);
  });

  it('takes the event at the top level too', async () => {
    const { result } = zaloTextEvent('/huongdan', STRANGER);
    expect(await post(result)).toBe(200);
    expect(zalo.sentTexts(STRANGER.id).join('\n')).toContain('Hướng dẫn sử dụng chiso-bot');
  });

  it('answers a duplicate delivery of one event once', async () => {
    const event = zaloTextEvent('/huongdan', STRANGER);
    const before = zalo.sentTexts(STRANGER.id).length;
    expect(await post(event)).toBe(200);
    const answered = zalo.sentTexts(STRANGER.id).length;
    expect(answered).toBeGreaterThan(before);
    expect(await post(event)).toBe(200);
    expect(zalo.sentTexts(STRANGER.id).length).toBe(answered);
  });

  it('tells a sticker, an image or an unsupported message that it reads text only, once', async () => {
    for (const [name, content] of [
      ['message.sticker.received', { sticker: 'bfe458bf64fa8da4d4eb' }],
      ['message.image.received', { photo: 'https://example.com/a.jpg', caption: '' }],
      ['message.unsupported.received', {}],
    ] as const) {
      const event = zaloEvent(name, STRANGER, content);
      const before = zalo.sentTexts(STRANGER.id).length;
      expect(await post(event)).toBe(200);
      expect(await post(event)).toBe(200);
      expect(zalo.sentTexts(STRANGER.id).slice(before)).toEqual(['Bot chỉ đọc được tin nhắn chữ. Anh/chị vui lòng gõ câu hỏi, ví dụ: /diem tháng 2 hoặc /huongdan.']);
    }
  });
});

describe('the same answers as on Telegram', () => {
  beforeAll(async () => {
    for (const [unit, chat] of [
      ['Mỹ Hào', TG_MY_HAO],
      ['H44.100', TG_VIET_TRI],
    ] as const) {
      const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit, role: 'officer' });
      await t.ask(`/start ${invite.body.code}`, chat);
    }
  });

  it('invites with what to type on Zalo, and links the chat on /start CODE', async () => {
    const invite = await t.admin<{ code: string; text: string }>('POST', '/api/invites', { unit: 'Mỹ Hào', role: 'leader' });
    expect(invite.body.text).toContain(`Trên Zalo: tìm «Bot Chỉ số 766» rồi gửi cho bot: /start ${invite.body.code}`);
    const reply = await zask(`/start ${invite.body.code}`, MY_HAO);
    expect(reply).toContain('Đã đăng ký');
    expect(reply).toContain('thị xã Mỹ Hào');
    expect(reply).toContain('vai trò lãnh đạo');
    const [chat] = await t.app.database.query<{ title: string; type: string }>("select title, type from chats where channel = 'zalo-bot' and external_id = $1", [MY_HAO.id]);
    expect(chat).toEqual({ title: 'Trần Thị Bình', type: 'private' });
  });

  it('answers /diem with the card Telegram gets, in plain text', async () => {
    const zaloCard = await zask('/diem thang 2', MY_HAO);
    const telegramCard = plain(await t.ask('/diem thang 2', TG_MY_HAO));
    expect(zaloCard.split('\n')[0]).toBe('Kết quả Bộ chỉ số 766 – thị xã Mỹ Hào, tháng 02/2025');
    expect(zaloCard).toContain('Tổng điểm: 91,34/100');
    expect(zaloCard).toContain('• Số hóa hồ sơ: 15,8/22 (71,7%)');
    expect(zaloCard).not.toMatch(/<\/?b>/);
    expect(zaloCard.startsWith(telegramCard)).toBe(true);
  });

  it('answers /xephang with the ranking Telegram gets', async () => {
    await link('H44.100', 'officer', VIET_TRI);
    const zaloRanking = await zask('/xephang thang 8', VIET_TRI);
    const telegramRanking = plain(await t.ask('/xephang thang 8', TG_VIET_TRI));
    expect(zaloRanking).toContain('UBND Phường Việt Trì');
    expect(zaloRanking.startsWith(telegramRanking)).toBe(true);
  });

  it('shows /nhiemvu with numbered choices, and a typed number presses the button', async () => {
    const task = await t.admin<{ id: number }>('POST', '/api/tasks', { title: 'Rà soát hồ sơ quá hạn', from: 'UBND tỉnh Phú Thọ', to: ['Việt Trì'], deadline: '2/10' });
    expect(task.status).toBe(201);
    const list = await zask('/nhiemvu', VIET_TRI);
    expect(list).toContain('Nhiệm vụ đang mở của UBND Phường Việt Trì (1)');
    expect(list).toContain('(Trả lời bằng số để chọn.)');
    expect(await zask(numberOf(list, 'Đang làm'), VIET_TRI)).toMatch(new RegExp(`#${task.body.id}: đã ghi «đang làm» cho UBND Phường Việt Trì \\(Nguyễn Văn An, 09:00 21/09/2026\\)\\.`));
    const status = async () => (await t.app.database.query<{ status: string }>('select status from task_assignees where task_id = $1', [task.body.id]))[0]?.status;
    expect(await status()).toBe('dang-lam');
    const again = await zask('/nhiemvu', VIET_TRI);
    expect(await zask(numberOf(again, '✅ Hoàn thành'), VIET_TRI)).toContain('«hoàn thành» cho UBND Phường Việt Trì');
    expect(await status()).toBe('hoan-thanh');
    // An answer without choices ends the old ones: a number typed now presses nothing.
    await zask('/huongdan', VIET_TRI);
    expect(await zask('1', VIET_TRI)).toContain('Tôi chưa hiểu «1»');
  });

  it('asks which Phú Thọ with numbered choices, and answers the one chosen', async () => {
    const reply = await zask('Phú Thọ tháng 8 được mấy điểm', STRANGER);
    expect(reply).toContain('khớp với nhiều đơn vị');
    const answer = await zask(numberOf(reply, 'UBND Phường Phú Thọ (UBND tỉnh Phú Thọ)'), STRANGER);
    expect(answer).toContain('UBND Phường Phú Thọ, tháng 08/2026');
    expect(answer).toMatch(/Tổng điểm: \d+(,\d+)?\/100/);
    // The label typed out presses it too.
    await zask('Phú Thọ tháng 8 được mấy điểm', STRANGER);
    expect(await zask('ubnd tỉnh phú thọ', STRANGER)).toContain('UBND tỉnh Phú Thọ');
  });

  it('says a long answer in parts of at most 2,000 characters, nothing lost', async () => {
    // Every sub-criterion of Việt Trì: about 3,300 characters.
    const sent = await zsay('/chitiet', VIET_TRI);
    const whole = plain(await t.ask('/chitiet', TG_VIET_TRI));
    expect(whole.length).toBeGreaterThan(2000);
    expect(sent.length).toBeGreaterThan(1);
    for (const part of sent) expect(part.length).toBeLessThanOrEqual(2000);
    expect(sent.join('\n').startsWith(whole)).toBe(true);
    expect(zalo.callsOf('sendMessage').every((c) => c.answer?.ok === true || String(c.payload.chat_id) === BLOCKER.id)).toBe(true);
  });
});

describe("an admin's pasted letter", () => {
  it('previews with numbered Xác nhận / Hủy, and "1" stores it', async () => {
    expect(await link('UBND tỉnh Phú Thọ', 'admin', ADMIN)).toContain('vai trò quản trị');
    // The demo holds the letter already: one figure changed makes it news.
    const preview = await zask(SEED_LETTER.replace('91,34', '91,35'), ADMIN);
    expect(preview).toContain('thị xã Mỹ Hào: tổng điểm 91,35');
    expect(numberOf(preview, '✅ Xác nhận')).toBe('1');
    expect(numberOf(preview, '✖ Hủy')).toBe('2');
    expect(await zask('1', ADMIN)).toContain('Nhập công văn tháng 02/2025');
    expect(await zask('/diem thang 2', MY_HAO)).toContain('Tổng điểm: 91,35/100');
  });

  it('sends a file as a link under PUBLIC_URL that serves it', async () => {
    const reply = await zask('/mau', ADMIN);
    const url = /https:\/\/chiso\.example\.gov\.vn(\/media\/[A-Za-z0-9_-]{43}\/\S+)/.exec(reply);
    expect(url).not.toBeNull();
    const file = await fetch(`${t.app.url}${url?.[1] ?? ''}`);
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  });
});

describe('a publication and a reminder', () => {
  it('reaches the linked Zalo chats, and reports the one that blocked the bot', async () => {
    await link('Lâm Thao', 'officer', BLOCKER);
    zalo.blocked.add(BLOCKER.id);
    const published = await t.admin<{ enqueued: number }>('POST', '/api/publications', { period: '2026-08' });
    expect(published.status).toBe(201);
    await t.outboxSettled();
    const { report } = (await t.admin<{ report: DeliveryReport }>('GET', '/api/publications/2026-08')).body;
    expect(report.totals.blocked).toBe(1);
    expect(report.units.filter((u) => u.blocked > 0).map((u) => u.unit)).toEqual([expect.stringContaining('Lâm Thao')]);
    const [blocked] = await t.app.database.query<{ active: boolean }>("select active from chats where channel = 'zalo-bot' and external_id = $1", [BLOCKER.id]);
    expect(blocked?.active).toBe(false);

    const card = zalo.sentTexts(VIET_TRI.id).find((text) => text.startsWith('Công bố kết quả Bộ chỉ số tháng 08/2026 – UBND Phường Việt Trì')) ?? '';
    const telegramCard = plain(t.telegram.sentTexts(TG_VIET_TRI.id).find((text) => text.startsWith('<b>Công bố kết quả')) ?? '');
    expect(card).toContain('Tổng điểm: 62,88/100');
    expect(card.startsWith(telegramCard)).toBe(true);
    // The card's buttons, numbered: "Xếp hạng" answers as the button does.
    expect(await zask(numberOf(card, 'Xếp hạng'), VIET_TRI)).toContain('Xếp hạng');
  });

  it('reminds a Zalo chat of a task 3 working days before its deadline', async () => {
    await link('Nông Trang', 'officer', NONG_TRANG);
    await t.admin('POST', '/api/tasks', { title: 'Số hóa hồ sơ tồn', from: 'UBND tỉnh Phú Thọ', to: ['Nông Trang'], deadline: '29/9' });
    clock = new Date('2026-09-23T08:00:00+07:00');
    await t.app.scheduler.tick();
    await t.outboxSettled();
    const reminders = zalo.sentTexts(NONG_TRANG.id).filter((text) => text.startsWith('Nhắc việc'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toContain('Nhắc việc: còn 3 ngày làm việc đến hạn');
    expect(reminders[0]).toContain('Số hóa hồ sơ tồn');
  });
});

describe('long polling, without PUBLIC_URL', () => {
  it('deletes the webhook, answers a queued event from getUpdates, and stops cleanly', async () => {
    const standIn = await new ZaloBotStandIn().start();
    const polling = await startTestApp({ mode: 'no-telegram', env: { ZALO_BOT_TOKEN: TOKEN, ZALO_BOT_API_ROOT: standIn.url } });
    try {
      await expect.poll(() => standIn.callsOf('getUpdates').length).toBeGreaterThan(0);
      expect(standIn.calls[0]?.method).toBe('deleteWebhook');
      expect(standIn.callsOf('setWebhook')).toHaveLength(0);
      const { result } = zaloTextEvent('/huongdan', STRANGER);
      standIn.queueUpdate(result);
      standIn.queueUpdate(result);
      // Both fetched, and the poll after the duplicate asked: the duplicate was handled too, and answered once.
      await expect.poll(() => standIn.queued, { timeout: 10_000 }).toBe(0);
      const fetched = standIn.callsOf('getUpdates').length;
      await expect.poll(() => standIn.callsOf('getUpdates').length, { timeout: 10_000 }).toBeGreaterThan(fetched);
      expect(standIn.sentTexts(STRANGER.id)).toHaveLength(1);
      expect(standIn.sentTexts(STRANGER.id)[0]).toContain('Hướng dẫn sử dụng chiso-bot');
    } finally {
      await polling.stop();
    }
    await standIn.stop();
  });
});

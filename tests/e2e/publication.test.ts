/**
 * Publishing a month: each linked chat gets its own unit's card (leaders of the province a summary),
 * once, whatever is repeated; blocked chats are marked and skipped; 429s are waited out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicationView } from '../../src/admin/commands.js';
import type { DeliveryReport } from '../../src/services/delivery-report.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { PORTAL_FILES } from '../helpers/samples.js';
import { callbackUpdate, myChatMemberUpdate, type TelegramStandIn, type TestChat } from '../helpers/telegram-stand-in.js';

const ADMIN: TestChat = { id: 5550501, type: 'private' };
const VIET_TRI: TestChat = { id: 5550502, type: 'private' };
const VIET_TRI_GROUP: TestChat = { id: -1005550503, type: 'group', title: 'UBND Phường Việt Trì' };
const NONG_TRANG: TestChat = { id: 5550504, type: 'private' };
const PROVINCE_LEADER: TestChat = { id: 5550505, type: 'private' };

/** Links a chat to a unit through an invite and /start, as a user does. */
async function link(t: TestApp, unit: string, role: string, chat: TestChat): Promise<void> {
  const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit, role });
  expect(invite.status).toBe(201);
  await t.ask(`/start ${invite.body.code}`, chat);
}

/** sendMessage calls to a chat that carry a published card or summary. */
function published(telegram: TelegramStandIn, chatId: number): string[] {
  return telegram.sentTexts(chatId).filter((text) => /^<b>(Công bố kết quả|Tổng hợp kết quả)/.test(text));
}

/** The delivery report of a period once the dispatcher has nothing left to send. */
async function waitUntilSent(t: TestApp, period: string, expected: number): Promise<DeliveryReport> {
  await t.outboxSettled();
  const { report } = (await t.admin<{ report: DeliveryReport | null }>('GET', `/api/publications/${period}`)).body;
  if (!report) throw new Error(`no delivery report for ${period}`);
  expect(report.totals).toMatchObject({ chats: expected, pending: 0 });
  return report;
}

async function outboxRows(t: TestApp): Promise<number> {
  const [row] = await t.app.database.query<{ n: number }>('select count(*)::int as n from outbox');
  return row?.n ?? 0;
}

describe('publishing 08/2026 to the chats of Phú Thọ', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ mode: 'webhook', now: () => new Date('2026-09-29T03:00:00Z') });
    expect((await t.upload(PORTAL_FILES, '2026-08')).status).toBe(201);
    await link(t, 'UBND tỉnh Phú Thọ', 'admin', ADMIN);
    await link(t, 'H44.100', 'officer', VIET_TRI);
    await link(t, 'H44.100', 'officer', VIET_TRI_GROUP);
    await link(t, 'Nông Trang', 'officer', NONG_TRANG);
    await link(t, 'UBND tỉnh Phú Thọ', 'leader', PROVINCE_LEADER);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('previews on /congbo and sends nothing before "Công bố"', async () => {
    const preview = await t.ask('/congbo tháng 8/2026', ADMIN);
    expect(preview).toContain('Xem trước công bố tháng 08/2026');
    expect(preview).toContain('Sẽ gửi 3 kết quả đơn vị và 2 bản tổng hợp cho lãnh đạo đơn vị cấp trên (5 cuộc trò chuyện).');
    expect(preview).toContain('(Mẫu) Công bố kết quả Bộ chỉ số tháng 08/2026 – UBND Phường Việt Trì');
    expect(preview).toContain('(Mẫu) Tổng hợp kết quả Bộ chỉ số tháng 08/2026 – các đơn vị thuộc UBND tỉnh Phú Thọ');
    expect(await outboxRows(t)).toBe(0);
    expect(published(t.telegram, VIET_TRI.id)).toHaveLength(0);
  });

  it("sends each chat its own unit's card once, the leaders a summary", async () => {
    const messageId = t.telegram.lastKeyboardMessage(ADMIN.id);
    expect(await t.deliver(callbackUpdate('pubgo:2026-08', messageId, ADMIN))).toBe(200);
    expect(t.telegram.sentTexts(ADMIN.id).join('\n')).toContain('Công bố tháng 08/2026: 5 tin mới được đưa vào hàng gửi');
    const report = await waitUntilSent(t, '2026-08', 5);
    expect(report.totals).toMatchObject({ chats: 5, sent: 5, failed: 0, blocked: 0 });

    const [card] = published(t.telegram, VIET_TRI.id);
    expect(published(t.telegram, VIET_TRI.id)).toHaveLength(1);
    expect(card).toContain('Công bố kết quả Bộ chỉ số tháng 08/2026 – UBND Phường Việt Trì');
    expect(card).toContain('Tổng điểm: 62,88/100');
    expect(card).toContain('⚠️ Số hóa hồ sơ: 8,68/22 (39,45%)');
    expect(card).toContain('• Mức độ hài lòng: 17,26/18 (95,89%)');
    expect(card).toContain('Việc nên làm để tăng điểm:');
    expect(card).toMatch(/• Số hóa hồ sơ: \+[\d,]+ điểm nếu «Hồ sơ thực hiện số hóa hồ sơ» đạt 90% \(ước tính\)\. Số hóa đầy đủ thành phần hồ sơ/);
    expect(card).not.toContain('Nông Trang');
    const call = t.telegram.callsOf('sendMessage').find((c) => String(c.payload.chat_id) === String(VIET_TRI.id) && String(c.payload.text).startsWith('<b>Công bố'));
    const buttons = (call?.payload.reply_markup as { inline_keyboard: { text: string }[][] }).inline_keyboard.flat().map((b) => b.text);
    expect(buttons).toEqual(['Chi tiết', 'Xếp hạng', 'Nhiệm vụ', '✅ Đã nhận']);

    expect(published(t.telegram, VIET_TRI_GROUP.id)).toEqual([card]);
    expect(published(t.telegram, NONG_TRANG.id)[0]).toContain('– UBND Phường Nông Trang');
    const [summary] = published(t.telegram, PROVINCE_LEADER.id);
    // Communes and departments are summed up apart, communes first.
    expect(summary).toMatch(/▸ xã, phường:\nĐã có tổng điểm của 148\/148 đơn vị\.[\s\S]*▸ sở, ban, ngành:\nĐã có tổng điểm của 15\/15 đơn vị\./);
    expect(summary).toMatch(/Điểm trung bình: \d+,\d\d/);
    expect(summary).toContain('5 đơn vị cao nhất:');
    expect(summary).toMatch(/Số đơn vị dưới 80 điểm: \d+/);
    expect(summary).toContain('Chưa có kết quả kỳ trước để so sánh.');
    // The one-page report follows each summary (the admin of the province gets one too), outside the delivery report's count.
    for (const chat of [PROVINCE_LEADER, ADMIN]) expect(t.telegram.sentDocuments(chat.id).map((d) => d.fileName)).toEqual(['bao-cao-2026-08.pdf']);
    expect(t.telegram.sentDocuments(VIET_TRI.id)).toEqual([]);
  });

  it('enqueues nothing when the period is published again, by any door', async () => {
    const again = await t.admin<PublicationView>('POST', '/api/publications', { period: '2026-08' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ again: true, enqueued: 0, planned: 5 });
    expect(again.body.text).toContain('đã công bố từ');
    expect(await outboxRows(t)).toBe(7);
    await t.outboxSettled();
    for (const chat of [VIET_TRI, VIET_TRI_GROUP, NONG_TRANG, PROVINCE_LEADER, ADMIN]) expect(published(t.telegram, chat.id)).toHaveLength(1);
  });

  it('records "Đã nhận" once and reports per unit', async () => {
    const call = t.telegram.callsOf('sendMessage').find((c) => String(c.payload.chat_id) === String(VIET_TRI.id) && String(c.payload.text).includes('Công bố kết quả'));
    const ack = (call?.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard.flat().at(-1)?.callback_data ?? '';
    const messageId = (call?.answer as { result: { message_id: number } }).result.message_id;
    expect(await t.deliver(callbackUpdate(ack, messageId, VIET_TRI))).toBe(200);
    expect(t.telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text).toBe('Đã ghi nhận: anh/chị đã nhận kết quả.');
    await t.deliver(callbackUpdate(ack, messageId, VIET_TRI));
    expect(t.telegram.callsOf('answerCallbackQuery').at(-1)?.payload.text).toBe('Đã ghi nhận từ trước.');
    const { body } = await t.admin<{ report: DeliveryReport; text: string }>('GET', '/api/publications/2026-08');
    expect(body.report.units.find((u) => u.unit === 'UBND Phường Việt Trì')).toMatchObject({ chats: 2, sent: 2, acknowledged: 1 });
    const baocao = await t.ask('/baocao tháng 8/2026', ADMIN);
    expect(baocao).toContain('Báo cáo gửi kết quả tháng 08/2026');
    expect(baocao).toContain('5 cuộc trò chuyện, 3 đơn vị: đã gửi 5, đang chờ 0, lỗi 0, bị chặn 0; đã xác nhận nhận 1.');
    expect(baocao).toContain('• UBND Phường Việt Trì: gửi 2/2, xác nhận 1');
  });

  it('answers the card buttons with the detail, the ranking and the suggested tasks', async () => {
    const messageId = t.telegram.lastKeyboardMessage(VIET_TRI.id);
    const before = t.telegram.sentTexts(VIET_TRI.id).length;
    const unitId = /pub:detail:(\d+):/.exec(JSON.stringify(t.telegram.callsOf('sendMessage').find((c) => String(c.payload.chat_id) === String(VIET_TRI.id) && c.payload.reply_markup)?.payload.reply_markup))?.[1];
    for (const action of ['detail', 'rank', 'tasks']) await t.deliver(callbackUpdate(`pub:${action}:${unitId}:2026-08`, messageId, VIET_TRI));
    const answers = t.telegram.sentTexts(VIET_TRI.id).slice(before).join('\n');
    expect(answers).toContain('2.348/2.971 hồ sơ đúng hạn');
    expect(answers).toContain('Đơn vị của anh/chị: UBND Phường Việt Trì đứng thứ 88/148 với 62,88 điểm.');
    expect(answers).toContain('Nhiệm vụ gợi ý cho UBND Phường Việt Trì (tháng 08/2026):');
  });

  it('refuses /congbo to chats that are not admins, and a period without results', async () => {
    expect(await t.ask('/congbo tháng 8/2026', VIET_TRI)).toContain('Chỉ quản trị viên');
    expect(await t.ask('/congbo tháng 7/2026', ADMIN)).toContain('Chưa có kết quả nào của kỳ tháng 07/2026');
    const api = await t.admin<{ error: string }>('POST', '/api/publications', { period: '2026-13' });
    expect(api.status).toBe(400);
    expect(api.body.error).toContain('Kỳ «2026-13» không hợp lệ');
  });

  it('marks a chat that blocked the bot, and skips it from then on', async () => {
    const blocker: TestChat = { id: 5550510, type: 'private' };
    await link(t, 'UBND xã Lâm Thao', 'officer', blocker);
    t.telegram.intercept = (method, payload) =>
      method === 'sendMessage' && String(payload.chat_id) === String(blocker.id) ? { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } : undefined;
    const outcome = await t.admin<PublicationView>('POST', '/api/publications', { period: '2026-08' });
    expect(outcome.body.enqueued).toBe(1);
    const report = await waitUntilSent(t, '2026-08', 6);
    expect(report.totals).toMatchObject({ sent: 5, blocked: 1 });
    const [chat] = await t.app.database.query<{ active: boolean; blocked_at: Date | null }>('select active, blocked_at from chats where external_id = $1', [String(blocker.id)]);
    expect(chat?.active).toBe(false);
    expect(chat?.blocked_at).not.toBeNull();
    const attempts = t.telegram.callsOf('sendMessage').filter((c) => String(c.payload.chat_id) === String(blocker.id)).length;
    t.telegram.intercept = null;
    const rows = await outboxRows(t);
    expect((await t.admin<PublicationView>('POST', '/api/publications', { period: '2026-08' })).body.enqueued).toBe(0);
    expect(await outboxRows(t)).toBe(rows);
    await t.outboxSettled();
    expect(t.telegram.callsOf('sendMessage').filter((c) => String(c.payload.chat_id) === String(blocker.id))).toHaveLength(attempts);
  });

  it('follows my_chat_member: kicked is unreachable, added back is reachable', async () => {
    expect(await t.deliver(myChatMemberUpdate('kicked', NONG_TRANG))).toBe(200);
    const [kicked] = await t.app.database.query<{ active: boolean }>('select active from chats where external_id = $1', [String(NONG_TRANG.id)]);
    expect(kicked?.active).toBe(false);
    expect(await t.deliver(myChatMemberUpdate('member', NONG_TRANG))).toBe(200);
    const [back] = await t.app.database.query<{ active: boolean; blocked_at: Date | null }>('select active, blocked_at from chats where external_id = $1', [String(NONG_TRANG.id)]);
    expect(back).toMatchObject({ active: true, blocked_at: null });
  });
});

describe('a Bot API that answers 429 to a third of the calls', () => {
  let t: TestApp;
  const chats: TestChat[] = Array.from({ length: 24 }, (_, i) => ({ id: 5551000 + i, type: 'private' as const }));
  beforeAll(async () => {
    t = await startTestApp({ mode: 'webhook' });
    expect((await t.upload(PORTAL_FILES, '2026-08')).status).toBe(201);
    const communes = ['Việt Trì', 'Nông Trang', 'Lâm Thao', 'Phú Mỹ', 'Trạm Thản', 'Tân Hòa'];
    for (const [i, chat] of chats.entries()) await link(t, communes[i % communes.length] ?? '', 'officer', chat);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('still delivers every message, none twice', async () => {
    let calls = 0;
    t.telegram.intercept = (method) => {
      if (method !== 'sendMessage') return undefined;
      calls += 1;
      return calls % 3 === 0 ? { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } } : undefined;
    };
    const outcome = await t.admin<PublicationView>('POST', '/api/publications', { period: '2026-08' });
    expect(outcome.body.enqueued).toBe(24);
    const report = await waitUntilSent(t, '2026-08', 24);
    expect(report.totals).toMatchObject({ sent: 24, failed: 0, blocked: 0 });
    for (const chat of chats) expect(published(t.telegram, chat.id)).toHaveLength(1);
    const refused = t.telegram.callsOf('sendMessage').filter((c) => (c.answer as { ok: boolean }).ok === false);
    expect(refused.length).toBeGreaterThan(5);
    t.telegram.intercept = null;
  });

  it('retries a server error after a pause, and sends once it passes', async () => {
    const late: TestChat = { id: 5551100, type: 'private' };
    await link(t, 'Việt Trì', 'officer', late);
    let failures = 0;
    t.telegram.intercept = (method, payload) => {
      if (method !== 'sendMessage' || String(payload.chat_id) !== String(late.id) || failures >= 1) return undefined;
      failures += 1;
      return { ok: false, error_code: 502, description: 'Bad Gateway' };
    };
    const mark = t.telegram.calls.length;
    expect((await t.admin<PublicationView>('POST', '/api/publications', { period: '2026-08' })).body.enqueued).toBe(1);
    await waitUntilSent(t, '2026-08', 25);
    expect(failures).toBe(1);
    expect(published(t.telegram, late.id)).toHaveLength(1);
    // The retry was put off 2 s from the failed call, and sent no earlier: lower bounds, measured from the failure itself.
    const [failed, retried, ...more] = t.telegram.calls.slice(mark).filter((c) => c.method === 'sendMessage' && String(c.payload.chat_id) === String(late.id));
    expect(more).toEqual([]);
    expect(failed?.answer?.ok).toBe(false);
    expect(retried?.answer?.ok).toBe(true);
    expect((retried?.at ?? 0) - (failed?.at ?? 0)).toBeGreaterThanOrEqual(2000);
    const [row] = await t.app.database.query<{ attempts: number; not_before_ms: number; early: boolean }>(
      `select o.attempts, (extract(epoch from o.not_before) * 1000)::float as not_before_ms, o.sent_at < o.not_before as early
         from outbox o join chats c on c.id = o.chat_id where c.external_id = $1`,
      [String(late.id)],
    );
    expect(row).toMatchObject({ attempts: 2, early: false });
    expect(row?.not_before_ms).toBeGreaterThanOrEqual((failed?.at ?? Infinity) + 2000);
    t.telegram.intercept = null;
  });
});

describe('automatic publication at 08:00 on the next working day after an import', () => {
  let t: TestApp;
  let clock = new Date('2026-09-25T03:00:00Z'); // Friday 10:00 in Hà Nội
  const chat: TestChat = { id: 5551500, type: 'private' };
  beforeAll(async () => {
    // Monday 28/9 is made a holiday here, so the next working day is Tuesday.
    t = await startTestApp({ mode: 'webhook', now: () => clock, env: { PUBLISH_AUTO_TIME: '08:00', HOLIDAYS: '2026-09-28' } });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('schedules the import, sends nothing before the time, and publishes once when it comes', async () => {
    expect((await t.upload(PORTAL_FILES, '2026-08')).status).toBe(201);
    const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'H44.100', role: 'officer' });
    await t.ask(`/start ${invite.body.code}`, chat);
    const [scheduled] = await t.app.database.query<{ status: string; scheduled_at: Date }>("select status, scheduled_at from publications where period = '2026-08'");
    expect(scheduled?.status).toBe('scheduled');
    expect(new Date(scheduled?.scheduled_at ?? 0).toISOString()).toBe('2026-09-29T01:00:00.000Z');

    clock = new Date('2026-09-29T00:59:00Z');
    await t.app.scheduler.tick();
    expect(await outboxRows(t)).toBe(0);

    clock = new Date('2026-09-29T01:00:00Z');
    await t.app.scheduler.tick();
    await t.app.scheduler.tick();
    expect(await outboxRows(t)).toBe(1);
    await t.outboxSettled();
    expect(published(t.telegram, chat.id)).toHaveLength(1);
    expect(published(t.telegram, chat.id)[0]).toContain('UBND Phường Việt Trì');
  });
});

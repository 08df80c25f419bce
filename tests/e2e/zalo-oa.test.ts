/**
 * The Zalo Official Account channel end to end: the signed webhook (forgeries refused with nothing
 * stored, copies handled once, echoes ignored), registration, the same answers as on Telegram with
 * numbered choices, the access token refreshed once when Zalo refuses it, a publication with one
 * user outside the 7-day window (reported, or kept until they write again), and a reminder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryReport } from '../../src/services/delivery-report.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { fiveGroupLetter } from '../helpers/samples.js';
import type { TestChat } from '../helpers/telegram-stand-in.js';
import { echoEvent, followEvent, oaEnv, signBody, signed, textEvent } from '../helpers/zalo-oa-events.js';
import { OA_APP_ID, ZaloOaStandIn } from '../helpers/zalo-oa-stand-in.js';

const MY_HAO = '8958041078911298472';
const VIET_TRI = '9007199254740993123';
const NONG_TRANG = '9007199254740993456';

/** Posts a body to the OA webhook as Zalo would; returns the HTTP status. */
async function post(t: TestApp, raw: string, signature?: string): Promise<number> {
  const response = await fetch(`${t.app.url}/zalo/oa/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature !== undefined ? { 'x-zevent-signature': signature } : {}) },
    body: raw,
  });
  await response.text();
  return response.status;
}

async function deliver(t: TestApp, event: Record<string, unknown>): Promise<number> {
  const { raw, signature } = signed(event);
  return post(t, raw, signature);
}

/** What the OA sent the user after they wrote `text`. */
async function say(t: TestApp, oa: ZaloOaStandIn, userId: string, text: string): Promise<string> {
  const before = oa.sentTexts(userId).length;
  expect(await deliver(t, textEvent(userId, text))).toBe(200);
  return oa.sentTexts(userId).slice(before).join('\n');
}

async function count(t: TestApp, sql: string): Promise<number> {
  return (await t.app.database.query<{ n: number }>(sql))[0]?.n ?? -1;
}

async function register(t: TestApp, oa: ZaloOaStandIn, unit: string, role: string, userId: string): Promise<string> {
  const invite = await t.admin<{ code: string; text: string }>('POST', '/api/invites', { unit, role });
  expect(invite.status).toBe(201);
  expect(await deliver(t, followEvent(userId))).toBe(200);
  return say(t, oa, userId, `dangky ${invite.body.code}`);
}

/** The number a choice was given in a numbered answer. */
function numberOf(answer: string, label: string): string {
  const line = answer.split('\n').find((l) => l.endsWith(`. ${label}`));
  if (!line) throw new Error(`no choice «${label}» in:\n${answer}`);
  return line.split('.')[0] ?? '';
}

/** Hà Nội wall-clock time as an instant. */
function at(local: string): Date {
  return new Date(`${local}:00+07:00`);
}

describe('Zalo OA', () => {
  const oa = new ZaloOaStandIn();
  let clock = at('2026-09-21T09:00'); // Monday
  let t: TestApp;

  beforeAll(async () => {
    await oa.start();
    t = await startTestApp({ mode: 'no-telegram', now: () => clock, env: oaEnv(oa, { HOLIDAYS: '2026-09-25' }) });
    expect((await t.admin('POST', '/api/demo')).status).toBe(200);
  });
  afterAll(async () => {
    await t?.stop();
    await oa.stop();
  });

  it('refuses forged, replayed, altered and unsigned bodies, storing nothing', async () => {
    const event = followEvent(MY_HAO);
    const { raw, signature } = signed(event);
    expect(await post(t, raw, `mac=${'0'.repeat(64)}`)).toBe(401);
    expect(await post(t, raw, signBody(raw, String(event.timestamp), { appId: OA_APP_ID, secretKey: 'not-the-oa-secret' }))).toBe(401);
    // The same body replayed with another timestamp keeps the old signature.
    const replayed = raw.replace(String(event.timestamp), String(Number(event.timestamp) + 1000));
    expect(await post(t, replayed, signature)).toBe(401);
    // One byte changed.
    expect(await post(t, raw.replace('oa_profile', 'oa_profilf'), signature)).toBe(401);
    expect(await post(t, raw)).toBe(401);
    expect(await post(t, '{not json', signature)).toBe(401);
    expect(await count(t, "select count(*)::int as n from chats where channel = 'zalo-oa'")).toBe(0);
    expect(await count(t, "select count(*)::int as n from processed_updates where channel = 'zalo-oa'")).toBe(0);
  });

  it('stores the chat of a follower, once however often the follow comes', async () => {
    const event = followEvent(MY_HAO);
    expect(await deliver(t, event)).toBe(200);
    expect(await deliver(t, event)).toBe(200);
    const rows = await t.app.database.query<{ external_id: string; active: boolean; last_inbound_at: Date | null }>(
      "select external_id, active, last_inbound_at from chats where channel = 'zalo-oa'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.external_id).toBe(MY_HAO);
    expect(rows[0]?.last_inbound_at).not.toBeNull();
    expect(await count(t, "select count(*)::int as n from processed_updates where channel = 'zalo-oa'")).toBe(1);
  });

  it('links the chat with dangky CODE and answers /diem with the figures Telegram shows', async () => {
    const invite = await t.admin<{ code: string; text: string }>('POST', '/api/invites', { unit: 'Mỹ Hào', role: 'leader' });
    expect(invite.body.text).toContain(`«dangky ${invite.body.code}»`);
    expect(invite.body.text).toContain('Official Account của đơn vị');
    const registered = await say(t, oa, MY_HAO, `dangky ${invite.body.code}`);
    expect(registered).toContain('Đã đăng ký');
    expect(registered).toContain('thị xã Mỹ Hào');
    const card = await say(t, oa, MY_HAO, '/diem thang 2');
    expect(card).toContain('Kết quả Bộ chỉ số 766 – thị xã Mỹ Hào, tháng 02/2025');
    expect(card).not.toContain('<b>');
    for (const line of [
      'Tổng điểm: 91,34/100',
      'Xếp hạng: 1/10 huyện/thị xã/thành phố',
      'Xếp loại: Xuất sắc',
      '• Dịch vụ công trực tuyến: 10/12 (94,6%)',
      '• Số hóa hồ sơ: 15,8/22 (71,7%)',
      'Nhóm cần cải thiện: Số hóa hồ sơ (15,8/22), Dịch vụ công trực tuyến (10/12)',
    ]) {
      expect(card).toContain(line);
    }
  });

  it('handles a message delivered twice once, and answers no echo of its own sends', async () => {
    const event = textEvent(MY_HAO, '/diem thang 2');
    const before = oa.sentTexts(MY_HAO).length;
    expect(await deliver(t, event)).toBe(200);
    expect(await deliver(t, event)).toBe(200);
    expect(oa.sentTexts(MY_HAO).length - before).toBe(1);
    const calls = oa.calls.length;
    expect(await deliver(t, echoEvent(MY_HAO, 'Kết quả Bộ chỉ số'))).toBe(200);
    expect(oa.calls.length).toBe(calls);
  });

  it("answers a picture with a note that it reads text, and leaves events of the app's other OAs alone", async () => {
    const before = oa.sentTexts(MY_HAO).length;
    const picture = { ...textEvent(MY_HAO, ''), event_name: 'user_send_image', message: { msg_id: `img-${Date.now()}`, attachments: [{ type: 'image', payload: { url: 'https://example.com/a.jpg' } }] } };
    expect(await deliver(t, picture)).toBe(200);
    await expect.poll(() => oa.sentTexts(MY_HAO).slice(before).join('\n')).toContain('Bot chỉ đọc được tin nhắn chữ');
    const calls = oa.calls.length;
    const elsewhere = { ...textEvent('7777000011112222333', '/diem thang 2'), recipient: { id: '1111222233334444555' } };
    expect(await deliver(t, elsewhere)).toBe(200);
    expect(oa.calls.length).toBe(calls);
    expect(await count(t, "select count(*)::int as n from chats where external_id = '7777000011112222333'")).toBe(0);
  });

  it('asks which Phú Thọ with numbered choices, and a number answers it', async () => {
    const asked = await say(t, oa, MY_HAO, 'Phú Thọ tháng 8 được mấy điểm');
    expect(asked).toContain('khớp với nhiều đơn vị');
    expect(asked).toContain('(Trả lời bằng số để chọn.)');
    numberOf(asked, 'UBND tỉnh Phú Thọ');
    const answer = await say(t, oa, MY_HAO, numberOf(asked, 'UBND Phường Phú Thọ (UBND tỉnh Phú Thọ)'));
    expect(answer).toContain('UBND Phường Phú Thọ, tháng 08/2026');
  });

  it('reminds an OA user of a task, and /nhiemvu takes a number for a button', async () => {
    expect(await register(t, oa, 'H44.100', 'officer', VIET_TRI)).toContain('Đã đăng ký');
    const task = await t.admin<{ deadline: string }>('POST', '/api/tasks', { title: 'Rà soát hồ sơ quá hạn', from: 'UBND tỉnh Phú Thọ', to: ['Việt Trì'], deadline: '29/9' });
    expect(task.body.deadline).toBe('2026-09-29');
    clock = at('2026-09-23T08:00');
    await t.app.scheduler.tick();
    await t.outboxSettled();
    expect(oa.sentTexts(VIET_TRI).filter((x) => x.startsWith('Nhắc việc'))).toHaveLength(1);

    const list = await say(t, oa, VIET_TRI, '/nhiemvu');
    expect(list).toContain('Nhiệm vụ đang mở của UBND Phường Việt Trì (1)');
    expect(await say(t, oa, VIET_TRI, numberOf(list, 'Đang làm'))).toMatch(/#\d+: đã ghi «đang làm» cho UBND Phường Việt Trì/);
  });

  it('refreshes a refused access token once, stores the new pair, and sends', async () => {
    oa.expireAccessToken();
    const card = await say(t, oa, MY_HAO, '/diem thang 2');
    expect(card).toContain('Tổng điểm: 91,34/100');
    expect(oa.refreshCalls()).toHaveLength(1);
    const [row] = await t.app.database.query<{ access_token: string; refresh_token: string; expires_at: Date }>('select access_token, refresh_token, expires_at from zalo_oa_tokens');
    expect(row).toMatchObject({ access_token: 'access-token-1', refresh_token: 'refresh-token-1' });
    expect(new Date(row?.expires_at ?? 0).getTime()).toBeGreaterThan(Date.now() + 24 * 3600 * 1000);
    expect(await say(t, oa, MY_HAO, '/diem thang 2')).toContain('Tổng điểm: 91,34/100');
    expect(oa.refreshCalls()).toHaveLength(1);
  });

  it('publishes to the users within the window and reports the one outside it', async () => {
    expect(await register(t, oa, 'Nông Trang', 'officer', NONG_TRANG)).toContain('Đã đăng ký');
    // Their last message is 8 days old by the time the card goes.
    await t.app.database.query("update chats set last_inbound_at = $1 where channel = 'zalo-oa' and external_id = $2", [new Date(clock.getTime() - 8 * 24 * 3600 * 1000).toISOString(), NONG_TRANG]);
    const publication = await t.admin<{ enqueued: number }>('POST', '/api/publications', { period: '2026-08' });
    expect(publication.status).toBe(201);
    await t.outboxSettled();
    const card = oa.sentTexts(VIET_TRI).find((x) => x.startsWith('Công bố kết quả'));
    expect(card).toContain('Công bố kết quả Bộ chỉ số tháng 08/2026 – UBND Phường Việt Trì');
    expect(card).toMatch(/\n1\. Chi tiết\n2\. Xếp hạng\n3\. Nhiệm vụ\n4\. ✅ Đã nhận\n/);
    expect(oa.sentTexts(NONG_TRANG).filter((x) => x.startsWith('Công bố'))).toHaveLength(0);
    const { body } = await t.admin<{ report: DeliveryReport; text: string }>('GET', '/api/publications/2026-08');
    expect(body.report.totals.outsideWindow).toBe(1);
    expect(body.report.outsideWindow).toEqual([expect.objectContaining({ unit: 'UBND Phường Nông Trang', externalId: NONG_TRANG, waiting: false })]);
    expect(body.text).toContain('ngoài thời hạn tương tác');
    expect(body.text).toContain(`• UBND Phường Nông Trang: zalo-oa ${NONG_TRANG}`);
    // "Đã nhận" by number, as a tap would.
    expect(await say(t, oa, VIET_TRI, '4')).toContain('Đã ghi nhận');
  });

  it('stops writing to a user who unfollows', async () => {
    expect(await deliver(t, followEvent(VIET_TRI, 'unfollow'))).toBe(200);
    const [row] = await t.app.database.query<{ active: boolean }>("select active from chats where channel = 'zalo-oa' and external_id = $1", [VIET_TRI]);
    expect(row?.active).toBe(false);
  });
});

describe('Zalo OA with ZALO_OA_OUTSIDE_WINDOW=wait', () => {
  const oa = new ZaloOaStandIn();
  let t: TestApp;

  beforeAll(async () => {
    await oa.start();
    t = await startTestApp({ mode: 'no-telegram', now: () => new Date('2026-09-29T03:00:00Z'), env: oaEnv(oa, { ZALO_OA_OUTSIDE_WINDOW: 'wait' }) });
    expect((await t.admin('POST', '/api/demo')).status).toBe(200);
  });
  afterAll(async () => {
    await t?.stop();
    await oa.stop();
  });

  it('keeps the card Zalo refuses for the window, and sends it when the user writes again', async () => {
    expect(await register(t, oa, 'H44.100', 'officer', VIET_TRI)).toContain('Đã đăng ký');
    oa.outsideWindow.add(VIET_TRI);
    expect((await t.admin('POST', '/api/publications', { period: '2026-08' })).status).toBe(201);
    await t.outboxSettled();
    expect(await count(t, "select count(*)::int as n from outbox where status = 'waiting'")).toBe(1);
    const { body } = await t.admin<{ report: DeliveryReport; text: string }>('GET', '/api/publications/2026-08');
    expect(body.report.totals.outsideWindow).toBe(1);
    expect(body.text).toContain('ngoài thời hạn tương tác');
    expect(body.text).toContain('sẽ gửi khi người dùng nhắn lại');

    oa.outsideWindow.delete(VIET_TRI);
    await say(t, oa, VIET_TRI, 'xin chào');
    await t.outboxSettled();
    await expect.poll(() => oa.sentTexts(VIET_TRI).filter((x) => x.startsWith('Công bố kết quả')).length, { timeout: 10_000 }).toBe(1);
    expect(await count(t, "select count(*)::int as n from outbox where status = 'sent' and publication_id is not null")).toBe(1);
  });

  it('gives up waiting after a month: the card is reported outside the window, never sent stale', async () => {
    const NONG_TRANG_USER = '2040000000000000077';
    expect(await register(t, oa, 'Nông Trang', 'officer', NONG_TRANG_USER)).toContain('Đã đăng ký');
    oa.outsideWindow.add(NONG_TRANG_USER);
    await t.admin('POST', '/api/publications', { period: '2026-08' });
    await t.outboxSettled();
    expect(await count(t, "select count(*)::int as n from outbox o join chats c on c.id = o.chat_id where c.external_id = '2040000000000000077' and o.status = 'waiting'")).toBe(1);
    await t.app.database.query("update outbox set created_at = '2026-08-25T00:00:00Z' where status = 'waiting'");
    await t.app.scheduler.tick();
    expect(await count(t, "select count(*)::int as n from outbox where status = 'waiting'")).toBe(0);
    oa.outsideWindow.delete(NONG_TRANG_USER);
    await say(t, oa, NONG_TRANG_USER, 'xin chào');
    await t.outboxSettled();
    expect(oa.sentTexts(NONG_TRANG_USER).filter((x) => x.startsWith('Công bố kết quả'))).toEqual([]);
  });
});

describe('Zalo OA events acknowledged but left unfinished', () => {
  const oa = new ZaloOaStandIn();
  let t: TestApp;

  beforeAll(async () => {
    await oa.start();
    t = await startTestApp({ mode: 'no-telegram', env: oaEnv(oa), resuming: { everyMs: 100, afterSeconds: 0 }, webhookBudgetMs: 300 });
    expect((await t.admin('POST', '/api/demo')).status).toBe(200);
  });
  afterAll(async () => {
    await t?.stop();
    await oa.stop();
  });

  it('handles again an event whose handler died, once', async () => {
    expect(await deliver(t, followEvent(MY_HAO))).toBe(200);
    // As a process that died mid-handling leaves it: claimed, not done, the event kept.
    const event = textEvent(MY_HAO, '/diem thang 2 Mỹ Hào', 'died-midway');
    await t.app.database.query("insert into processed_updates (channel, update_id, status, attempts, payload) values ('zalo-oa', 'msg:died-midway', 'handling', 1, $1::jsonb)", [JSON.stringify(event)]);
    await expect.poll(() => oa.sentTexts(MY_HAO).join('\n'), { timeout: 10_000 }).toContain('Tổng điểm: 91,34/100');
    // The outcome is recorded after the answer went out: wait for it rather than race it.
    await expect.poll(() => count(t, "select count(*)::int as n from processed_updates where update_id = 'msg:died-midway' and status = 'done'"), { timeout: 10_000 }).toBe(1);
    // Zalo's own retry of it, later, is not answered again.
    expect(await deliver(t, event)).toBe(200);
    expect(oa.sentTexts(MY_HAO)).toHaveLength(1);
  });

  it('acknowledges within its budget while the answer is still on its way, and the answer follows', async () => {
    let release = () => {};
    oa.hold = new Promise<void>((resolve) => (release = resolve));
    try {
      const before = oa.sentTexts(MY_HAO).length;
      expect(await deliver(t, textEvent(MY_HAO, '/diem thang 2 Mỹ Hào'))).toBe(200);
      // Acknowledged while Zalo still holds the answer.
      expect(oa.sentTexts(MY_HAO)).toHaveLength(before);
      release();
      await expect.poll(() => oa.sentTexts(MY_HAO).length, { timeout: 10_000 }).toBe(before + 1);
    } finally {
      oa.hold = null;
      release();
    }
  });
});

describe('Zalo OA beside Telegram: the same facts on both', () => {
  const oa = new ZaloOaStandIn();
  const TELEGRAM_VIET_TRI: TestChat = { id: 5558101, type: 'private' };
  const OA_ADMIN = '9007199254740994001';
  const OA_UNFOLLOWED = '9007199254740994002';
  let t: TestApp;

  /** A Telegram message as the OA shows it: the same text without the HTML. */
  const plain = (html: string) => html.replace(/<\/?b>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

  beforeAll(async () => {
    await oa.start();
    t = await startTestApp({ mode: 'webhook', env: oaEnv(oa) });
    expect((await t.admin('POST', '/api/demo')).status).toBe(200);
    const code = (await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'H44.100', role: 'officer' })).body.code;
    await t.ask(`/start ${code}`, TELEGRAM_VIET_TRI);
    await register(t, oa, 'H44.100', 'officer', VIET_TRI);
  });
  afterAll(async () => {
    await t?.stop();
    await oa.stop();
  });

  it.each(['/xephang thang 8', '/diem thang 8', 'Việt Trì xếp thứ mấy?', '/chitiet tien do'])('answers «%s» on the OA with what Telegram says', async (question) => {
    const telegram = plain(await t.ask(question, TELEGRAM_VIET_TRI));
    expect(await say(t, oa, VIET_TRI, question)).toBe(telegram);
  });

  it("previews an admin's pasted letter with numbered choices, and «1» stores it", async () => {
    expect(await register(t, oa, 'UBND tỉnh Phú Thọ', 'admin', OA_ADMIN)).toContain('Đã đăng ký');
    const letter = fiveGroupLetter().bytes.toString('utf8');
    const preview = await say(t, oa, OA_ADMIN, letter);
    expect(preview).toContain('phường Việt Trì');
    const confirm = numberOf(preview, '✅ Xác nhận');
    expect(await say(t, oa, OA_ADMIN, confirm)).toContain('Đã nhập xong');
    expect(await count(t, "select count(*)::int as n from results r join units u on u.id = r.unit_id where u.name = 'UBND Phường Việt Trì' and r.framework_version = '766-2022'")).toBe(1);
  });

  it('publishes to every linked chat, and reports the OA user who stopped following', async () => {
    expect(await register(t, oa, 'Nông Trang', 'officer', OA_UNFOLLOWED)).toContain('Đã đăng ký');
    oa.notFollowing.add(OA_UNFOLLOWED);
    expect((await t.admin('POST', '/api/publications', { period: '2026-08' })).status).toBe(201);
    await t.outboxSettled();
    expect(oa.sentTexts(VIET_TRI).some((text) => text.startsWith('Công bố kết quả'))).toBe(true);
    expect(t.telegram.sentTexts(TELEGRAM_VIET_TRI.id).some((text) => text.includes('Công bố kết quả'))).toBe(true);
    const { body } = await t.admin<{ report: DeliveryReport }>('GET', '/api/publications/2026-08');
    const nongTrang = body.report?.units.find((u) => u.unit === 'UBND Phường Nông Trang');
    expect(nongTrang?.blocked).toBe(1);
  });
});

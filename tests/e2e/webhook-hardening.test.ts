/**
 * The webhook as a tester attacks it and as a crowd uses it: the secret checked before a body is
 * read, bodies capped, non-updates refused, a failed update handled again on redelivery and a
 * handled one never twice, files refused before they are downloaded, every question of a burst
 * answered although the Bot API throttles, and each pasted letter previewed as itself.
 */
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, WEBHOOK_SECRET, type TestApp } from '../helpers/app.js';
import { PORTAL_FILES } from '../helpers/samples.js';
import { callbackUpdate, documentUpdate, textUpdate, type ApiAnswer, type TestChat } from '../helpers/telegram-stand-in.js';

const ADMIN_CHAT: TestChat = { id: 5558801, type: 'private' };
const OFFICER_CHAT: TestChat = { id: 5558802, type: 'private' };
const SEED_LETTER = readFileSync(new URL('../../samples/letters/myhao-2025-02.txt', import.meta.url), 'utf8');
const QUANG_NAM_LETTER = readFileSync(new URL('../../samples/letters/12_quangnam_2023-11.txt', import.meta.url), 'utf8');
const TUYEN_QUANG_LETTER = readFileSync(new URL('../../samples/letters/19_tuyenquang_2025-08.txt', import.meta.url), 'utf8');

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ mode: 'webhook', now: () => new Date('2026-09-29T03:00:00Z') });
  await t.admin('POST', '/api/demo');
  const admin = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'Mỹ Hào', role: 'admin' });
  await t.ask(`/start ${admin.body.code}`, ADMIN_CHAT);
  const officer = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'Mỹ Hào', role: 'officer' });
  await t.ask(`/start ${officer.body.code}`, OFFICER_CHAT);
});

afterAll(async () => {
  t.telegram.intercept = null;
  await t?.stop();
});

/** POST /telegram/webhook with a raw body; resolves with the status as soon as the server answers. */
function post(body: string, headers: Record<string, string>, options: { endBody: boolean }): Promise<number> {
  const url = new URL('/telegram/webhook', t.app.url);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.write(body);
    if (options.endBody) req.end();
  });
}

describe('what reaches the webhook', () => {
  it('refuses a wrong secret before reading the body, even one that never ends', async () => {
    // 59 MB announced, a little sent, never finished: only a server that checks first can answer.
    const status = await post('{"update_id": 1, "message": "', { 'content-length': String(59 * 1024 * 1024), 'x-telegram-bot-api-secret-token': 'wrong' }, { endBody: false });
    expect(status).toBe(401);
  });

  it('refuses a body larger than any update, there and on any other path', async () => {
    const big = JSON.stringify({ update_id: 1, padding: 'x'.repeat(2 * 1024 * 1024) });
    expect(await post(big, { 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET }, { endBody: true })).toBe(413);
    for (const path of ['/healthz', '/telegram/webhookx', '/api/nothing']) {
      const response = await fetch(`${t.app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
      expect(response.status, path).toBe(413);
    }
  });

  it('answers 400, not 500, to JSON that is not an update', async () => {
    for (const body of ['[]', 'null', '{}', '{"update_id":"x"}']) {
      const response = await fetch(`${t.app.url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
        body,
      });
      expect(response.status, body).toBe(400);
      expect(((await response.json()) as { error: string }).error).toContain('không phải là một cập nhật Telegram');
    }
  });
});

describe('an update whose handling failed', () => {
  it('is handled again when Telegram delivers it again, and a handled one never twice', async () => {
    const [file] = PORTAL_FILES;
    if (!file) throw new Error('no portal file');
    const update = documentUpdate(t.telegram.addFile(file.fileName, file.bytes), 'tháng 8/2026', ADMIN_CHAT);
    t.telegram.intercept = (method) => (method === 'getFile' ? { ok: false, error_code: 500, description: 'Internal Server Error' } : undefined);
    expect(await t.deliver(update)).toBe(500);
    t.telegram.intercept = null;

    const before = t.telegram.sentTexts(ADMIN_CHAT.id).length;
    expect(await t.deliver(update)).toBe(200);
    const answers = t.telegram.sentTexts(ADMIN_CHAT.id).slice(before);
    expect(answers.join('\n')).toContain('Dữ liệu Cổng DVCQG');

    const handled = t.telegram.calls.length;
    expect(await t.deliver(update)).toBe(200);
    expect(t.telegram.calls.length).toBe(handled);
  });
});

describe('a file from a chat that may not import', () => {
  it('is refused without being downloaded', async () => {
    const [file] = PORTAL_FILES;
    if (!file) throw new Error('no portal file');
    const before = t.telegram.callsOf('getFile').length;
    const answered = t.telegram.sentTexts(OFFICER_CHAT.id).length;
    expect(await t.deliver(documentUpdate(t.telegram.addFile(file.fileName, file.bytes), '', OFFICER_CHAT))).toBe(200);
    expect(t.telegram.sentTexts(OFFICER_CHAT.id).slice(answered).join('\n')).toContain('Chỉ quản trị viên');
    expect(t.telegram.callsOf('getFile').length).toBe(before);
  });
});

describe('two letters pasted one after the other', () => {
  it('previews each as itself, with buttons for its own draft', async () => {
    const first = await t.ask(SEED_LETTER, ADMIN_CHAT);
    expect(first).toContain('thị xã Mỹ Hào');
    const firstMessage = t.telegram.lastKeyboardMessage(ADMIN_CHAT.id);
    const second = await t.ask(QUANG_NAM_LETTER, ADMIN_CHAT);
    expect(second).toContain('tỉnh Quảng Nam');
    expect(second).not.toContain('thị xã Mỹ Hào');
    const buttonsOf = (messageId: number) =>
      t.telegram.calls
        .filter((c) => c.method === 'sendMessage' && (c.answer as { result?: { message_id?: number } } | undefined)?.result?.message_id === messageId)
        .flatMap((c) => (c.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard.flat().map((b) => b.callback_data));
    const secondMessage = t.telegram.lastKeyboardMessage(ADMIN_CHAT.id);
    expect(buttonsOf(secondMessage)).not.toEqual(buttonsOf(firstMessage));

    // The first preview's Xác nhận no longer imports: its draft was replaced.
    const results = (await t.snapshot()).results;
    const ok = buttonsOf(firstMessage).find((d) => d.startsWith('import:ok:')) ?? '';
    expect(await t.deliver(callbackUpdate(ok, firstMessage, ADMIN_CHAT))).toBe(200);
    expect((await t.snapshot()).results).toBe(results);

    // A letter the bot cannot read is answered about itself, never with an earlier letter's preview.
    const third = await t.ask(TUYEN_QUANG_LETTER, ADMIN_CHAT);
    expect(third).toContain('Không nhập được');
    expect(third).not.toContain('Quảng Nam');
    expect(t.telegram.lastKeyboardMessage(ADMIN_CHAT.id)).toBe(secondMessage);
  });
});

describe('a burst of questions while the Bot API throttles', () => {
  it('answers every one, once, and acknowledges every webhook', async () => {
    const perSecond = 30;
    const sentIn = new Map<number, number>();
    t.telegram.intercept = (method): ApiAnswer | undefined => {
      if (method !== 'sendMessage') return undefined;
      const second = Math.floor(Date.now() / 1000);
      const sent = sentIn.get(second) ?? 0;
      if (sent >= perSecond) return { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } };
      sentIn.set(second, sent + 1);
      return undefined;
    };
    const users = Array.from({ length: 150 }, (_, i): TestChat => ({ id: 5570000 + i, type: 'private' }));
    const statuses = await Promise.all(users.map((chat) => t.deliver(textUpdate('/huongdan', chat))));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    const answered = () => users.filter((chat) => t.telegram.sentTexts(chat.id).length > 0).length;
    await expect.poll(answered, { timeout: 120_000, interval: 200 }).toBe(users.length);
    for (const chat of users) expect(t.telegram.sentTexts(chat.id)).toHaveLength(1);
    t.telegram.intercept = null;
  });
});

describe('an answer slower than the webhook budget', () => {
  it('is acknowledged first, then answered all the same', async () => {
    const quick = await startTestApp({ mode: 'webhook', webhookBudgetMs: 50 });
    try {
      const chat: TestChat = { id: 5558899, type: 'private' };
      const answered = () => quick.telegram.callsOf('sendMessage').filter((c) => String(c.payload.chat_id) === String(chat.id) && c.answer?.ok === true).length;
      // sendMessage is held until the webhook has been acknowledged: the answer cannot come within the budget.
      let release!: () => void;
      quick.telegram.hold = new Promise<void>((resolve) => (release = resolve));
      try {
        expect(await quick.deliver(textUpdate('/huongdan', chat))).toBe(200);
        expect(answered()).toBe(0);
      } finally {
        release();
        quick.telegram.hold = null;
      }
      await expect.poll(answered, { timeout: 60_000, interval: 100 }).toBe(1);
    } finally {
      await quick.stop();
    }
  });
});

describe('an update acknowledged, then failed', () => {
  it('is handled again by the bot itself, since Telegram will not deliver it again', async () => {
    // A budget of 0: Telegram is answered before the handling (which then fails) is over.
    const late = await startTestApp({ mode: 'webhook', webhookBudgetMs: 0, resuming: { everyMs: 100, afterSeconds: 0 } });
    try {
      const chat: TestChat = { id: 5558898, type: 'private' };
      await late.admin('POST', '/api/demo');
      const invite = await late.admin<{ code: string }>('POST', '/api/invites', { unit: 'Mỹ Hào', role: 'admin' });
      await late.deliver(textUpdate(`/start ${invite.body.code}`, chat));
      await expect.poll(() => late.telegram.sentTexts(chat.id).length, { timeout: 60_000 }).toBe(1);
      const [file] = PORTAL_FILES;
      if (!file) throw new Error('no portal file');
      let downloads = 0;
      late.telegram.intercept = (method) => (method === 'getFile' && ++downloads === 1 ? { ok: false, error_code: 500, description: 'Internal Server Error' } : undefined);
      expect(await late.deliver(documentUpdate(late.telegram.addFile(file.fileName, file.bytes), 'tháng 8/2026', chat))).toBe(200);
      await expect.poll(() => late.telegram.sentTexts(chat.id).join('\n'), { timeout: 60_000 }).toContain('Dữ liệu Cổng DVCQG');
      expect(downloads).toBe(2);
      // The handling is marked done after its answer is sent: wait for that, not just for the answer.
      const unfinished = () => late.app.database.query<{ status: string; attempts: number }>("select status, attempts from processed_updates where status <> 'done'");
      await expect.poll(unfinished, { timeout: 20_000, interval: 25 }).toEqual([]);
    } finally {
      await late.stop();
    }
  });
});

/**
 * Publishing a period nobody is linked to yet (issue 8, item 17): one rule for every door. The chat,
 * the admin API and the CLI all publish it, say that nobody received it, and a chat linked later gets
 * its card when the period is published again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicationView } from '../../src/admin/commands.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { PORTAL_FILES } from '../helpers/samples.js';
import { callbackUpdate, type TestChat } from '../helpers/telegram-stand-in.js';
import { readFileSync } from 'node:fs';

const ADMIN: TestChat = { id: 5552901, type: 'private' };
const MY_HAO: TestChat = { id: 5552902, type: 'private' };
const SEED_LETTER = { fileName: 'myhao-2025-02.txt', bytes: readFileSync(new URL('../../samples/letters/myhao-2025-02.txt', import.meta.url)) };
const NOBODY = 'Chưa có cuộc trò chuyện nào gắn với đơn vị có kết quả tháng 02/2025: công bố lúc này chỉ ghi nhận kỳ đã công bố, chưa gửi cho ai.';

async function publicationStatus(t: TestApp, period: string): Promise<string | null> {
  const [row] = await t.app.database.query<{ status: string }>('select status from publications where period = $1', [period]);
  return row?.status ?? null;
}

describe('publishing a period with nobody to send to', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ mode: 'webhook', now: () => new Date('2026-09-29T03:00:00Z') });
    expect((await t.upload(PORTAL_FILES, '2026-08')).status).toBe(201);
    expect((await t.upload([SEED_LETTER])).status).toBe(201);
    const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'UBND tỉnh Phú Thọ', role: 'admin' });
    await t.ask(`/start ${invite.body.code}`, ADMIN);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('is previewed in the chat with a warning and the "Công bố" button, and published on it', async () => {
    const preview = await t.ask('/congbo tháng 2/2025', ADMIN);
    expect(preview).toContain('Xem trước công bố tháng 02/2025');
    expect(preview).toContain(NOBODY);
    expect(await publicationStatus(t, '2025-02')).toBeNull();
    const markup = t.telegram.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === ADMIN.id).at(-1)?.payload.reply_markup as {
      inline_keyboard: { callback_data: string }[][];
    };
    expect(markup.inline_keyboard.flat().map((b) => b.callback_data)).toContain('pubgo:2025-02');

    expect(await t.deliver(callbackUpdate('pubgo:2025-02', t.telegram.lastKeyboardMessage(ADMIN.id), ADMIN))).toBe(200);
    const answer = t.telegram.sentTexts(ADMIN.id).at(-1) ?? '';
    expect(answer).toContain('Công bố tháng 02/2025: 0 tin mới được đưa vào hàng gửi');
    expect(answer).toContain(NOBODY);
    expect(await publicationStatus(t, '2025-02')).toBe('published');
  });

  it('is published the same way through the admin API, which the CLI uses while a server runs', async () => {
    await t.app.database.query("delete from publications where period = '2025-02'");
    const api = await t.admin<PublicationView>('POST', '/api/publications', { period: '2025-02' });
    expect(api.status).toBe(201);
    expect(api.body).toMatchObject({ again: false, planned: 0, enqueued: 0 });
    expect(api.body.text).toContain(NOBODY);
    expect(await publicationStatus(t, '2025-02')).toBe('published');
  });

  it('reaches a chat linked afterwards when the period is published again', async () => {
    const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'Mỹ Hào', role: 'officer' });
    await t.ask(`/start ${invite.body.code}`, MY_HAO);
    const again = await t.admin<PublicationView>('POST', '/api/publications', { period: '2025-02' });
    expect(again.body).toMatchObject({ again: true, enqueued: 1 });
    await t.telegram.waitFor(() => t.telegram.sentTexts(MY_HAO.id).some((text) => text.includes('Công bố kết quả Bộ chỉ số tháng 02/2025 – thị xã Mỹ Hào')));
  });
});

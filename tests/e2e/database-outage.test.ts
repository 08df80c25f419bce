/**
 * PostgreSQL stops (as in a crash) in the middle of a publication, or while the bot is idle, and comes
 * back: the server lives through it, says so on /readyz, answers webhooks 503 so Telegram delivers
 * them again, and the dispatcher resumes: every chat gets its card, at most the in-flight few twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicationView } from '../../src/admin/commands.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { onPostgres } from '../helpers/database.js';
import { startPostgresServer, type PostgresServer } from '../helpers/postgres-server.js';
import { PORTAL_FILES } from '../helpers/samples.js';
import { textUpdate, type TelegramStandIn, type TestChat } from '../helpers/telegram-stand-in.js';

const COMMUNES = ['Việt Trì', 'Nông Trang', 'Lâm Thao', 'Phú Mỹ', 'Trạm Thản', 'Tân Hòa', 'Hòa Bình', 'Yên Phú'];
const CHATS = 120;
/** The dispatcher's default concurrency: only messages in flight can go twice. */
const IN_FLIGHT = 4;

function cardsTo(telegram: TelegramStandIn, chat: TestChat): number {
  return telegram.sentTexts(chat.id).filter((text) => text.startsWith('<b>Công bố kết quả')).length;
}

async function readiness(t: TestApp): Promise<{ status: number; notReady: string[] }> {
  const response = await fetch(`${t.app.url}/readyz`);
  return { status: response.status, notReady: ((await response.json()) as { notReady: string[] }).notReady };
}

describe.runIf(onPostgres)('PostgreSQL stops for a while during a publication', () => {
  let server: PostgresServer;
  let t: TestApp;
  const asker: TestChat = { id: 5556000, type: 'private' };
  const chats: TestChat[] = [asker, ...Array.from({ length: CHATS - 1 }, (_, i): TestChat => ({ id: 5556001 + i, type: 'private' }))];

  beforeAll(async () => {
    server = await startPostgresServer();
    t = await startTestApp({ mode: 'webhook', database: server.database, env: { DELIVERY_LEASE_SECONDS: '15' } });
    expect((await t.upload(PORTAL_FILES, '2026-08')).status).toBe(201);
    const codes: string[] = [];
    for (const unit of COMMUNES) codes.push((await t.admin<{ code: string }>('POST', '/api/invites', { unit, role: 'officer', uses: CHATS })).body.code);
    for (const [i, chat] of chats.entries()) await t.ask(`/start ${codes[i % codes.length]}`, chat);
  }, 180_000);

  afterAll(async () => {
    await t?.stop();
    await server?.destroy();
  });

  it('lives through it, reports it, and sends every card once the database is back', async () => {
    expect(await readiness(t)).toEqual({ status: 200, notReady: [] });
    t.telegram.sendDelayMs = 150;
    const published = await t.admin<PublicationView>('POST', '/api/publications', { period: '2026-08' });
    expect(published.body.enqueued).toBe(CHATS);
    await expect.poll(() => chats.filter((c) => cardsTo(t.telegram, c) > 0).length, { timeout: 60_000 }).toBeGreaterThanOrEqual(10);

    await server.crash();
    const question = textUpdate('/diem thang 8', asker);
    await expect.poll(() => t.deliver(question), { timeout: 30_000 }).toBe(503);
    await expect.poll(() => readiness(t), { timeout: 30_000 }).toEqual({ status: 503, notReady: ['database', 'migrations'] });
    expect((await fetch(`${t.app.url}/healthz`)).status).toBe(200);
    expect(chats.filter((c) => cardsTo(t.telegram, c) > 0).length).toBeLessThan(CHATS);

    await server.start();
    await expect.poll(() => readiness(t), { timeout: 60_000 }).toEqual({ status: 200, notReady: [] });
    // Telegram delivers the refused update again: now it is answered.
    expect(await t.deliver(question)).toBe(200);
    expect(t.telegram.sentTexts(asker.id).at(-1)).toContain('Tổng điểm');
    await expect.poll(() => chats.filter((c) => cardsTo(t.telegram, c) === 0).length, { timeout: 120_000 }).toBe(0);
    const twice = chats.reduce((n, c) => n + cardsTo(t.telegram, c) - 1, 0);
    expect(twice).toBeLessThanOrEqual(IN_FLIGHT);
    const unsent = async () => (await t.app.database.query<{ n: number }>("select count(*)::int as n from outbox where status <> 'sent'"))[0]?.n;
    await expect.poll(unsent, { timeout: 30_000 }).toBe(0);
  }, 300_000);

  it('lives through it while idle, and answers again once it is back', async () => {
    await server.crash();
    await expect.poll(() => readiness(t), { timeout: 30_000 }).toEqual({ status: 503, notReady: ['database', 'migrations'] });
    const question = textUpdate('/diem thang 8', asker);
    expect(await t.deliver(question)).toBe(503);
    await server.start();
    await expect.poll(() => readiness(t), { timeout: 60_000 }).toEqual({ status: 200, notReady: [] });
    expect(await t.deliver(question)).toBe(200);
    expect(t.telegram.sentTexts(asker.id).at(-1)).toContain('Tổng điểm');
  }, 180_000);

  it('answers, once it is back, what long polling fetched during the outage, and polls on', async () => {
    const poller = await startTestApp({ mode: 'polling', database: server.database });
    try {
      await expect.poll(() => readiness(poller), { timeout: 30_000 }).toEqual({ status: 200, notReady: [] });
      const before = poller.telegram.sentTexts(asker.id).length;
      await server.crash();
      poller.telegram.queueUpdate(textUpdate('/diem thang 8', asker));
      await expect.poll(() => readiness(poller), { timeout: 30_000 }).toEqual({ status: 503, notReady: ['database', 'migrations'] });
      await server.start();
      await expect.poll(() => poller.telegram.sentTexts(asker.id).slice(before).join('\n'), { timeout: 60_000 }).toContain('Tổng điểm');
      const answered = poller.telegram.sentTexts(asker.id).length;
      expect(poller.telegram.sentTexts(asker.id).slice(before).join('\n')).not.toContain('đã có lỗi');
      poller.telegram.queueUpdate(textUpdate('/diem thang 8', asker));
      await expect.poll(() => poller.telegram.sentTexts(asker.id).slice(answered).join('\n'), { timeout: 30_000 }).toContain('Tổng điểm');
    } finally {
      await poller.stop();
    }
  }, 180_000);
});

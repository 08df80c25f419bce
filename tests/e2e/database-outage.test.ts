/**
 * PostgreSQL stops (as in a crash) in the middle of a publication and of a stream of questions, or
 * while the bot is idle, and comes back: the server lives through it, says so on /readyz, answers
 * webhooks 503 while it is down and only then (Telegram delivers them again), recovers by itself, and
 * the dispatcher resumes: every question is answered, every chat gets its card, at most the in-flight
 * few twice.
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

const isAnswer = (text: string) => text.includes('Tổng điểm') && !text.startsWith('<b>Công bố kết quả');

/**
 * Telegram's side of the webhook under traffic: a new question every few moments from a new chat, one
 * request at a time, each update delivered again until it is taken (200). Every answer is recorded
 * with the phase the test was in while the request was under way.
 */
function questionTraffic(t: TestApp, askers: TestChat[], everyMs: number) {
  let phase = 'up';
  let running = true;
  /** A request whose time overlaps the outage was sent or answered while the test said 'down'. */
  const statuses: { phase: string; status: number }[] = [];
  const waiting: ReturnType<typeof textUpdate>[] = [];
  const asked: TestChat[] = [];
  let lastAsked = 0;
  const loop = (async () => {
    while (running) {
      const asker = askers[asked.length];
      if (asker && Date.now() - lastAsked >= everyMs) {
        waiting.push(textUpdate('/diem thang 8', asker));
        asked.push(asker);
        lastAsked = Date.now();
      }
      for (const update of [...waiting]) {
        const sentIn = phase;
        const status = await t.deliver(update).catch(() => 0);
        statuses.push({ phase: sentIn === 'down' || phase === 'down' ? 'down' : phase, status });
        if (status === 200) waiting.splice(waiting.indexOf(update), 1);
      }
      // Telegram waits a little between deliveries.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    statuses,
    asked,
    waiting,
    enter(next: string) {
      phase = next;
    },
    async stop() {
      running = false;
      await loop;
    },
  };
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
    const traffic = questionTraffic(t, chats.slice(CHATS / 2), 150);
    await expect.poll(() => traffic.statuses.length, { timeout: 30_000 }).toBeGreaterThan(3);

    traffic.enter('down');
    await server.crash();
    const question = textUpdate('/diem thang 8', asker);
    await expect.poll(() => t.deliver(question), { timeout: 30_000 }).toBe(503);
    await expect.poll(() => readiness(t), { timeout: 30_000 }).toEqual({ status: 503, notReady: ['database', 'migrations'] });
    expect((await fetch(`${t.app.url}/healthz`)).status).toBe(200);
    expect(chats.filter((c) => cardsTo(t.telegram, c) > 0).length).toBeLessThan(CHATS);

    await server.start();
    await expect.poll(() => readiness(t), { timeout: 60_000 }).toEqual({ status: 200, notReady: [] });
    traffic.enter('back');
    // Telegram delivers the refused update again: now it is answered.
    expect(await t.deliver(question)).toBe(200);
    expect(t.telegram.sentTexts(asker.id).at(-1)).toContain('Tổng điểm');

    // The questions refused while it was down are all taken once it is back, and new ones at once.
    await expect.poll(() => traffic.waiting.length === 0 && traffic.statuses.filter((s) => s.phase === 'back').length > 3, { timeout: 60_000 }).toBe(true);
    await traffic.stop();
    const answered = (chat: TestChat) => t.telegram.sentTexts(chat.id).filter(isAnswer).length;
    // Back, a connection that died with the server can still fail the one request that finds it (503, delivered again):
    // never more than that, and never before the outage.
    expect(traffic.statuses.filter((s) => s.phase === 'up' && s.status !== 200)).toEqual([]);
    expect(traffic.statuses.filter((s) => s.phase === 'back' && s.status !== 200).length).toBeLessThanOrEqual(1);
    expect(traffic.statuses.filter((s) => s.phase === 'back' && s.status !== 200 && s.status !== 503)).toEqual([]);
    expect(traffic.statuses.filter((s) => s.phase === 'down' && s.status !== 200 && s.status !== 503)).toEqual([]);
    expect(traffic.statuses.filter((s) => s.status === 503).length).toBeGreaterThan(0);
    expect(traffic.asked.filter((chat) => answered(chat) === 0)).toEqual([]);
    // One request at a time: only the one the crash cut can have been answered before it was refused.
    expect(traffic.asked.reduce((n, chat) => n + answered(chat) - 1, 0)).toBeLessThanOrEqual(1);
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

/**
 * /readyz names what is ready, and a stop (what SIGTERM runs) in the middle of a publication gives
 * back the messages it had claimed but not sent, so the restarted server sends them at once rather
 * than after their lease.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicationView } from '../../src/admin/commands.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { PORTAL_FILES } from '../helpers/samples.js';
import type { TelegramStandIn, TestChat } from '../helpers/telegram-stand-in.js';

const CHATS = 12;

function cardsTo(telegram: TelegramStandIn, chat: TestChat): number {
  return telegram.sentTexts(chat.id).filter((text) => text.startsWith('<b>Công bố kết quả')).length;
}

async function outboxByStatus(t: TestApp): Promise<Record<string, number>> {
  const rows = await t.app.database.query<{ status: string; n: number }>('select status, count(*)::int as n from outbox group by status');
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

describe('readiness, and a stop in the middle of a publication', () => {
  let t: TestApp;
  const chats: TestChat[] = Array.from({ length: CHATS }, (_, i): TestChat => ({ id: 5557000 + i, type: 'private' }));

  beforeAll(async () => {
    // A lease far longer than the test: a message waiting for its lease would never arrive in time.
    t = await startTestApp({ mode: 'webhook', env: { DELIVERY_LEASE_SECONDS: '3600' } });
    expect((await t.upload(PORTAL_FILES, '2026-08')).status).toBe(201);
    const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'Việt Trì', role: 'officer', uses: CHATS });
    for (const chat of chats) await t.ask(`/start ${invite.body.code}`, chat);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('says on /readyz that the database, its migrations and Telegram are ready', async () => {
    const response = await fetch(`${t.app.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ready: true,
      notReady: [],
      checks: { database: { ready: true }, migrations: { ready: true }, 'channel:telegram': { ready: true } },
    });
  });

  it('gives back the claimed messages on stop: after a restart they go out at once, each once', async () => {
    t.telegram.sendDelayMs = 300;
    const published = await t.admin<PublicationView>('POST', '/api/publications', { period: '2026-08' });
    expect(published.body.enqueued).toBe(CHATS);
    await expect.poll(() => t.telegram.calls.filter((c) => c.method === 'sendMessage' && String(c.payload.text).startsWith('<b>Công bố')).length).toBeGreaterThan(0);

    await t.restart();
    await expect.poll(() => outboxByStatus(t), { timeout: 60_000 }).toEqual({ sent: CHATS });
    for (const chat of chats) expect(cardsTo(t.telegram, chat)).toBe(1);
    const [attempts] = await t.app.database.query<{ most: number }>('select max(attempts)::int as most from outbox');
    expect(attempts?.most).toBe(1);
  });
});

/**
 * GET /metrics behind a token, what it counts after real traffic (a /diem through the webhook, a
 * publication through the dispatcher, a 429), and labels that never name a chat.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../helpers/app.js';
import { getMetrics, METRICS_TOKEN, scrape, value, type Sample } from '../helpers/metrics.js';
import { PORTAL_FILES } from '../helpers/samples.js';
import { textUpdate, type TestChat } from '../helpers/telegram-stand-in.js';

describe('GET /metrics', () => {
  const ASKER: TestChat = { id: 5557001, type: 'private' };
  const VIET_TRI: TestChat = { id: 5557002, type: 'private' };
  const VIET_TRI_GROUP: TestChat = { id: -1005557003, type: 'group', title: 'UBND Phường Việt Trì' };
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ mode: 'webhook', now: () => new Date('2026-09-29T03:00:00Z'), env: { METRICS_TOKEN } });
    expect((await t.upload(PORTAL_FILES, '2026-08')).status).toBe(201);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('is refused without a token or with a wrong one, and served with the admin token or METRICS_TOKEN', async () => {
    const none = await getMetrics(t);
    expect(none.status).toBe(401);
    expect(JSON.parse(none.text)).toEqual({ error: expect.stringContaining('METRICS_TOKEN') });
    expect((await getMetrics(t, 'Bearer wrong-token-wrong-token')).status).toBe(401);
    expect((await getMetrics(t, METRICS_TOKEN)).status).toBe(401);

    for (const token of [ADMIN_TOKEN, METRICS_TOKEN]) {
      const served = await getMetrics(t, `Bearer ${token}`);
      expect(served.status).toBe(200);
      expect(served.type).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(served.text).toContain('# TYPE chiso_updates_total counter');
      expect(served.text).toContain('process_resident_memory_bytes');
    }

    // The scraper's token opens nothing else.
    const api = await fetch(`${t.app.url}/api/publications/2026-08`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(api.status).toBe(401);
  });

  it('counts an update asking /diem by channel and intent, and its answer time', async () => {
    expect(await t.ask('/diem thang 8 Việt Trì', ASKER)).toContain('62,88');
    const samples = await scrape(t);
    expect(value(samples, 'chiso_updates_total', { channel: 'telegram', intent: 'score', outcome: 'ok' })).toBe(1);
    expect(samples.filter((s) => s.name === 'chiso_updates_total').reduce((sum, s) => sum + s.value, 0)).toBe(1);
    expect(value(samples, 'chiso_answer_duration_seconds_count', { channel: 'telegram' })).toBe(1);
    expect(value(samples, 'chiso_sends_total', { channel: 'telegram', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
  });

  it('counts a publication: its duration, the cards sent, and the outbox by kind and status', async () => {
    for (const chat of [VIET_TRI, VIET_TRI_GROUP]) {
      const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'H44.100', role: 'officer' });
      await t.ask(`/start ${invite.body.code}`, chat);
    }
    const before = await scrape(t);
    expect(value(before, 'chiso_updates_total', { channel: 'telegram', intent: 'register', outcome: 'ok' })).toBe(2);
    expect(value(before, 'chiso_outbox_messages', { kind: 'result', status: 'sent' })).toBe(0);

    expect((await t.admin('POST', '/api/publications', { period: '2026-08' })).status).toBe(201);
    await t.outboxSettled();
    const after = await scrape(t);
    expect(value(after, 'chiso_publication_duration_seconds_count')).toBe(1);
    const sentOk = (samples: Sample[]) => value(samples, 'chiso_sends_total', { channel: 'telegram', outcome: 'ok' });
    expect(sentOk(after) - sentOk(before)).toBe(2);
    expect(value(after, 'chiso_outbox_messages', { kind: 'result', status: 'sent' })).toBe(2);
    expect(value(after, 'chiso_outbox_messages', { kind: 'result', status: 'pending' })).toBe(0);
    // Every kind and status is there, at 0 when no row has it.
    expect(after.filter((s) => s.name === 'chiso_outbox_messages')).toHaveLength(4 * 8);
    expect(value(after, 'chiso_import_duration_seconds_count', { source: 'portal', step: 'save' })).toBe(1);
  });

  it("counts Telegram's 429 and the answer sent again through the outbox", async () => {
    const before = await scrape(t);
    let refused = 0;
    t.telegram.intercept = (method, payload) =>
      method === 'sendMessage' && String(payload.chat_id) === String(ASKER.id) && refused++ === 0
        ? { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } }
        : undefined;
    try {
      expect(await t.deliver(textUpdate('/diem thang 8 Nông Trang', ASKER))).toBe(200);
      await t.outboxSettled();
    } finally {
      t.telegram.intercept = null;
    }
    const after = await scrape(t);
    const delta = (name: string, labels: Record<string, string>) => value(after, name, labels) - value(before, name, labels);
    expect(delta('chiso_platform_429_total', { channel: 'telegram' })).toBe(1);
    expect(delta('chiso_sends_total', { channel: 'telegram', outcome: 'retry' })).toBe(1);
    expect(delta('chiso_sends_total', { channel: 'telegram', outcome: 'ok' })).toBe(1);
    expect(value(after, 'chiso_outbox_messages', { kind: 'answer', status: 'sent' })).toBe(1);
  });

  it('never puts a chat or user id in a label', async () => {
    const samples = await scrape(t);
    const values = samples.flatMap((s) => Object.values(s.labels));
    expect(values.length).toBeGreaterThan(50);
    expect(values.filter((v) => /^-?\d{7,}$/.test(v))).toEqual([]);
    for (const id of [ASKER.id, VIET_TRI.id, VIET_TRI_GROUP.id]) expect(values.join(' ')).not.toContain(String(Math.abs(id)));
  });
});

/**
 * What the server logs: one line per update (its channel, what the core made of it, how long it took
 * and how it ended), one line per request, none for the health and readiness probes, and no secret.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, startTestApp, TEST_TOKEN, WEBHOOK_SECRET, type TestApp } from '../helpers/app.js';
import { textUpdate, type TestChat } from '../helpers/telegram-stand-in.js';

interface LogLine {
  msg: string;
  level: number;
  [field: string]: unknown;
}

describe('log lines', () => {
  let t: TestApp;
  const lines: LogLine[] = [];
  const chat: TestChat = { id: 5558801, type: 'private' };
  const updates = () => lines.filter((line) => line.msg === 'update');

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
        done();
      },
    });
    t = await startTestApp({ mode: 'webhook', logger: pino({ level: 'info' }, sink) });
    expect((await t.admin('POST', '/api/demo')).status).toBe(200);
  });
  afterAll(async () => {
    await t?.stop();
  });
  beforeEach(() => {
    lines.length = 0;
  });

  it('writes exactly one line for a webhook update, with its channel, intent, latency and outcome', async () => {
    const update = textUpdate('/diem thang 2 Mỹ Hào', chat);
    expect(await t.deliver(update)).toBe(200);
    expect(t.telegram.sentTexts(chat.id).at(-1)).toContain('Tổng điểm');
    expect(updates()).toHaveLength(1);
    expect(updates()[0]).toMatchObject({ level: 30, channel: 'telegram', update: String(update.update_id), intent: 'score', outcome: 'done' });
    expect(updates()[0]?.ms).toEqual(expect.any(Number));
    // The request that carried it says nothing more at the info level.
    expect(lines.filter((line) => line.msg === 'request')).toEqual([]);
  });

  it('names other intents by the request, and a copy delivered again as a duplicate', async () => {
    const help = textUpdate('giúp', chat);
    expect(await t.deliver(help)).toBe(200);
    expect(await t.deliver(help)).toBe(200);
    expect(await t.deliver(textUpdate('Mỹ Hào xếp thứ mấy?', chat))).toBe(200);
    expect(updates().map((line) => [line.intent, line.outcome])).toEqual([
      ['help', 'done'],
      // Dropped before the core reads it.
      ['none', 'duplicate'],
      ['rank', 'done'],
    ]);
  });

  it('logs nothing for /healthz and /readyz', async () => {
    for (let i = 0; i < 3; i += 1) {
      expect((await fetch(`${t.app.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${t.app.url}/readyz`)).status).toBe(200);
    }
    expect(lines).toEqual([]);
  });

  it('writes one line for an admin request, with the route and status, and never a token', async () => {
    expect((await t.admin('POST', '/api/invites', { unit: 'Mỹ Hào', role: 'officer' })).status).toBe(201);
    const requests = lines.filter((line) => line.msg === 'request');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', url: '/api/invites', status: 201, ms: expect.any(Number) });
    expect(lines.filter((line) => /incoming request|request completed/.test(line.msg))).toEqual([]);
    // A refused webhook is a request worth a line.
    expect(await t.deliver(textUpdate('giúp', chat), 'wrong-secret')).toBe(401);
    const printed = JSON.stringify(lines);
    for (const secret of [TEST_TOKEN, WEBHOOK_SECRET, ADMIN_TOKEN, 'wrong-secret']) expect(printed).not.toContain(secret);
    expect(lines.filter((line) => line.msg === 'request').at(-1)).toMatchObject({ url: '/telegram/webhook', status: 401 });
  });
});

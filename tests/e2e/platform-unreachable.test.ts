/**
 * The chat platforms out of reach at start (a closed port; a port that accepts and never answers):
 * the server listens all the same, /healthz answers, /readyz names the channels not ready and why,
 * each failed call is one log line, and once the platforms answer the channels become ready by
 * themselves (getMe, setMyCommands, setWebhook, in that order).
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { TEST_TOKEN, WEBHOOK_SECRET } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { TcpFront } from '../helpers/tcp-front.js';
import { TelegramStandIn, textUpdate } from '../helpers/telegram-stand-in.js';
import { ZaloBotStandIn } from '../helpers/zalo-bot-stand-in.js';

interface LogLine {
  level: number;
  msg: string;
  channel?: string;
  step?: string;
  failure?: string;
}

/** Quick retries, and an attempt long enough for a busy machine's stand-in, short enough to see it fail. */
const CONNECTING = { firstMs: 20, longestMs: 200, attemptMs: 2000 };

async function readiness(app: RunningApp): Promise<{ status: number; notReady: string[]; checks: Record<string, { ready: boolean; detail?: string }> }> {
  const response = await fetch(`${app.url}/readyz`);
  const body = (await response.json()) as { notReady: string[]; checks: Record<string, { ready: boolean; detail?: string }> };
  return { status: response.status, notReady: body.notReady, checks: body.checks };
}

function capture(): { logger: pino.Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

describe.each([
  { kind: 'a closed port', open: () => TcpFront.closed(), failure: 'ECONNREFUSED' },
  { kind: 'a port that accepts and never answers', open: () => TcpFront.silent(), failure: 'no answer within 2 s' },
])('the chat platforms behind $kind', ({ open, failure }) => {
  let database: TestDatabase;
  let telegram: TelegramStandIn;
  let zalo: ZaloBotStandIn;
  let telegramFront: TcpFront;
  let zaloFront: TcpFront;
  let app: RunningApp;
  const { logger, lines } = capture();

  beforeAll(async () => {
    database = await createTestDatabase();
    telegram = await new TelegramStandIn().start();
    zalo = await new ZaloBotStandIn().start();
    telegramFront = await open();
    zaloFront = await open();
    const config = loadConfig({
      ...database.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      TELEGRAM_API_ROOT: telegramFront.url,
      ZALO_BOT_TOKEN: '12345689:zalo-token-for-the-stand-in',
      ZALO_BOT_API_ROOT: zaloFront.url,
      PUBLIC_URL: 'https://chiso.example.gov.vn',
    });
    app = await startApp(config, { logger, connecting: CONNECTING });
  });

  afterAll(async () => {
    await app?.stop();
    await Promise.all([telegramFront?.stop(), zaloFront?.stop(), telegram?.stop(), zalo?.stop()]);
    await database?.drop();
  });

  it('listens at once: /healthz answers, /readyz names each channel not ready and why', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    await expect.poll(() => lines.filter((l) => l.failure === failure).map((l) => l.channel).sort(), { timeout: 20_000 }).toEqual(expect.arrayContaining(['telegram', 'zalo-bot']));
    const ready = await readiness(app);
    expect(ready.status).toBe(503);
    expect(ready.notReady).toEqual(['channel:telegram', 'channel:zalo-bot']);
    expect(ready.checks['channel:telegram']?.detail).toMatch(/^getMe: /);
    expect(ready.checks['channel:zalo-bot']?.detail).toMatch(/^setWebhook: /);
    expect(ready.checks.database).toEqual({ ready: true });
  });

  it('says each failure in one log line naming the channel, the call and what went wrong, without the token', () => {
    const telegramFailure = lines.find((l) => l.channel === 'telegram' && l.failure === failure);
    expect(telegramFailure?.step).toBe('getMe');
    expect(telegramFailure?.msg).toContain(`telegram: getMe failed (${failure})`);
    expect(telegramFailure?.msg).toContain('TELEGRAM_API_ROOT');
    expect(lines.find((l) => l.channel === 'zalo-bot' && l.failure === failure)?.msg).toContain(`zalo-bot: setWebhook failed (${failure})`);
    const printed = JSON.stringify(lines);
    expect(printed).not.toContain(TEST_TOKEN);
    expect(printed).not.toContain('zalo-token-for-the-stand-in');
  });

  it('asks Telegram to deliver a webhook update again later while it does not know itself', async () => {
    const response = await fetch(`${app.url}/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET },
      body: JSON.stringify(textUpdate('/huongdan', { id: 5551234, type: 'private' })),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).not.toBeNull();
  });

  it('becomes ready by itself once the platforms answer', async () => {
    await telegramFront.forwardTo(telegram.url);
    await zaloFront.forwardTo(zalo.url);
    await expect.poll(async () => (await readiness(app)).notReady, { timeout: 20_000 }).toEqual([]);
    expect((await readiness(app)).status).toBe(200);
    expect(telegram.calls.map((c) => c.method)).toEqual(['getMe', 'setMyCommands', 'setWebhook']);
    expect(zalo.callsOf('setWebhook')).toHaveLength(1);
    await expect(app.channelsConnected).resolves.toBeUndefined();
    expect(app.channels.get('telegram')?.botName).toBe('chiso_test_bot');
  });
});

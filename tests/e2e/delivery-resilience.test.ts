/**
 * Delivery that survives what production throws at it: a kill -9 in the middle of a publication
 * (the restarted server sends the rest, at most the in-flight few twice), and two instances on one
 * PostgreSQL publishing the same period at once (each chat gets one message).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicationView } from '../../src/admin/commands.js';
import { ADMIN_TOKEN, startTestApp, TEST_TOKEN, type TestApp } from '../helpers/app.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/database.js';
import { PORTAL_FILES } from '../helpers/samples.js';
import { TelegramStandIn, type TestChat } from '../helpers/telegram-stand-in.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const COMMUNES = ['Việt Trì', 'Nông Trang', 'Lâm Thao', 'Phú Mỹ', 'Trạm Thản', 'Tân Hòa', 'Hòa Bình', 'Yên Phú'];

/** Chats linked to communes through invites, and the portal's August data, prepared by an app that then stops. */
async function seed(database: TestDatabase, telegram: TelegramStandIn, count: number, firstId: number): Promise<TestChat[]> {
  const t = await startTestApp({ mode: 'webhook', database, telegram });
  expect((await t.upload(PORTAL_FILES, '2026-08')).status).toBe(201);
  const chats: TestChat[] = [];
  for (let i = 0; i < count; i += 1) {
    const chat: TestChat = { id: firstId + i, type: 'private' };
    const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit: COMMUNES[i % COMMUNES.length], role: 'officer' });
    await t.ask(`/start ${invite.body.code}`, chat);
    chats.push(chat);
  }
  await t.stop();
  return chats;
}

function publishedTo(telegram: TelegramStandIn, chat: TestChat): number {
  return telegram.sentTexts(chat.id).filter((text) => text.startsWith('<b>Công bố kết quả')).length;
}

/** `npm start` as a separate process, so it can be killed like a crashed server. */
function startServer(database: TestDatabase, telegram: TelegramStandIn): ChildProcess {
  rmSync(join(database.dataDir, 'server.json'), { force: true });
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...database.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      ADMIN_TOKEN,
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: telegram.url,
      PUBLIC_URL: 'https://chiso.example.gov.vn',
      DELIVERY_LEASE_SECONDS: '2',
    },
  });
}

async function serverUrl(database: TestDatabase): Promise<string> {
  const file = join(database.dataDir, 'server.json');
  await expect.poll(() => existsSync(file), { message: 'the server did not start', timeout: 30_000, interval: 50 }).toBe(true);
  return (JSON.parse(readFileSync(file, 'utf8')) as { url: string }).url;
}

/** Stops a server started by startServer, and waits until its process is gone. */
async function stopServer(server: ChildProcess | null): Promise<void> {
  if (!server || server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}

describe('a server killed (kill -9) in the middle of a publication', () => {
  let database: TestDatabase;
  let telegram: TelegramStandIn;
  let chats: TestChat[];
  let server: ChildProcess | null = null;
  beforeAll(async () => {
    database = await createTestDatabase();
    telegram = await new TelegramStandIn().start();
    chats = await seed(database, telegram, 40, 5552000);
  });
  afterAll(async () => {
    await stopServer(server);
    await telegram.stop();
    await database.drop();
  });

  it('resumes after a restart: nothing lost, at most the in-flight messages sent twice', async () => {
    telegram.sendDelayMs = 100;
    server = startServer(database, telegram);
    const url = await serverUrl(database);
    const response = await fetch(`${url}/api/publications`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ period: '2026-08' }),
    });
    expect(((await response.json()) as PublicationView).enqueued).toBe(40);
    await expect.poll(() => chats.filter((c) => publishedTo(telegram, c) > 0).length, { timeout: 30_000, interval: 25 }).toBeGreaterThanOrEqual(10);
    const killed = new Promise((r) => server?.once('exit', r));
    server.kill('SIGKILL');
    await killed;
    const beforeRestart = chats.filter((c) => publishedTo(telegram, c) > 0).length;
    expect(beforeRestart).toBeLessThan(40);

    server = startServer(database, telegram);
    const restarted = await serverUrl(database);
    // Every message sent (or given up on): nothing pending nor being sent, so no duplicate is still to come.
    const report = async () => {
      const answer = await fetch(`${restarted}/api/publications/2026-08`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      return ((await answer.json()) as { report: { totals: { pending: number; sent: number } } | null }).report?.totals;
    };
    await expect.poll(report, { timeout: 60_000, interval: 50 }).toMatchObject({ pending: 0, sent: 40 });
    expect(chats.filter((c) => publishedTo(telegram, c) === 0)).toEqual([]);
    const extra = chats.reduce((n, c) => n + publishedTo(telegram, c) - 1, 0);
    // The dispatcher has at most 4 messages in flight; only those can go twice.
    expect(extra).toBeLessThanOrEqual(4);
  });
});

describe.runIf(onPostgres)('two instances on one PostgreSQL', () => {
  let database: TestDatabase;
  let telegram: TelegramStandIn;
  let chats: TestChat[];
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    database = await createTestDatabase();
    telegram = await new TelegramStandIn().start();
    chats = await seed(database, telegram, 30, 5553000);
    first = await startTestApp({ mode: 'webhook', database, telegram });
    second = await startTestApp({ mode: 'webhook', database, telegram });
  });
  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await telegram.stop();
    await database.drop();
  });

  it('publishing the same period from both at once gives each chat one message', async () => {
    const [a, b] = await Promise.all([
      first.admin<PublicationView>('POST', '/api/publications', { period: '2026-08' }),
      second.admin<PublicationView>('POST', '/api/publications', { period: '2026-08' }),
    ]);
    expect(a.body.enqueued + b.body.enqueued).toBe(30);
    // Both dispatchers work on the one outbox: once nothing is pending nor being sent, no message is still to come.
    await first.outboxSettled();
    expect(chats.filter((c) => publishedTo(telegram, c) === 0)).toEqual([]);
    for (const chat of chats) expect(publishedTo(telegram, chat)).toBe(1);
  });
});

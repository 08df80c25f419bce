/**
 * SIGTERM to `npm start` (src/main.ts as its own process) in the middle of a publication to many
 * chats, while the Bot API answers slowly: webhooks get 503 from then on (Telegram delivers them
 * again), what is in flight (cards being sent, a question being answered) finishes, the leases are
 * given back, and the process exits 0 (it exits 1 when its stop outlives 9 s). After a restart every
 * chat has its card exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { ADMIN_TOKEN, startTestApp, TEST_TOKEN, WEBHOOK_SECRET } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { PORTAL_FILES } from '../helpers/samples.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { TelegramStandIn, textUpdate, type TestChat } from '../helpers/telegram-stand-in.js';

const CHATS = 24;
const CARD = '<b>Công bố kết quả';
/** Starting a process that loads the whole app, twice, on a shared machine. */
const TEST_MS = 300_000;

function cardsTo(telegram: TelegramStandIn, chat: TestChat): number {
  return telegram.sentTexts(chat.id).filter((text) => text.startsWith(CARD)).length;
}

async function answerTo(url: string, path: string, body: unknown, headers: Record<string, string>): Promise<Response> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  await response.text();
  return response;
}

const post = async (url: string, path: string, body: unknown, headers: Record<string, string>) => (await answerTo(url, path, body, headers)).status;
const webhook = (url: string, update: unknown) => answerTo(url, '/telegram/webhook', update, { 'x-telegram-bot-api-secret-token': WEBHOOK_SECRET });
const deliver = async (url: string, update: unknown) => (await webhook(url, update)).status;

async function readiness(url: string): Promise<{ status: number; notReady: string[] }> {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, notReady: ((await response.json()) as { notReady: string[] }).notReady };
}

describe('SIGTERM in the middle of a publication', () => {
  let database: TestDatabase;
  let telegram: TelegramStandIn;
  let env: Record<string, string>;
  const chats: TestChat[] = Array.from({ length: CHATS }, (_, i): TestChat => ({ id: 5559100 + i, type: 'private' }));
  const processes: ServerProcess[] = [];
  const start = () => {
    const server = startServerProcess(env);
    processes.push(server);
    return server;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    telegram = await new TelegramStandIn().start();
    // The results and the linked chats, put there by an app in this process.
    const seed = await startTestApp({ database, telegram });
    expect((await seed.upload(PORTAL_FILES, '2026-08')).status).toBe(201);
    const invite = await seed.admin<{ code: string }>('POST', '/api/invites', { unit: 'Việt Trì', role: 'officer', uses: CHATS });
    for (const chat of chats) await seed.ask(`/start ${invite.body.code}`, chat);
    await seed.stop();
    env = {
      ...database.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ADMIN_TOKEN,
      TELEGRAM_BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: telegram.url,
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      PUBLIC_URL: 'https://chiso.example.gov.vn',
      // A card left leased would wait an hour: only a lease given back lets it go out after the restart.
      DELIVERY_LEASE_SECONDS: '3600',
    };
  }, TEST_MS);

  afterAll(async () => {
    for (const server of processes) server.child.kill('SIGKILL');
    await telegram?.stop();
    await database?.drop();
  });

  it('stops taking updates, finishes what is in flight, gives the leases back and exits 0; after a restart each card arrives once', async () => {
    const first = start();
    const url = await first.url();
    await expect.poll(() => readiness(url), { timeout: 60_000 }).toEqual({ status: 200, notReady: [] });

    // The Bot API takes the messages and does not answer until the test says so.
    let answer = () => {};
    telegram.hold = new Promise<void>((resolve) => (answer = resolve));
    const held = () => telegram.calls.filter((c) => c.method === 'sendMessage' && !c.answer);
    const published = await post(url, '/api/publications', { period: '2026-08' }, { authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(published).toBe(201);
    await expect.poll(() => held().filter((c) => String(c.payload.text).startsWith(CARD)).length, { timeout: 60_000 }).toBeGreaterThan(0);
    // A question under way as well: its answer is held too.
    const [asker] = chats;
    const question = webhook(url, textUpdate('/diem thang 8', asker));
    const isAnswer = (text: string) => text.includes('Tổng điểm') && !text.startsWith(CARD);
    await expect.poll(() => held().some((c) => String(c.payload.chat_id) === String(asker?.id) && isAnswer(String(c.payload.text))), { timeout: 60_000 }).toBe(true);

    first.child.kill('SIGTERM');
    // From now on a webhook is refused with 503, for Telegram to deliver it again later…
    const latecomer: TestChat = { id: 5559999, type: 'private' };
    let refused: ReturnType<typeof textUpdate> | null = null;
    await expect
      .poll(
        async () => {
          const update = textUpdate('/huongdan', latecomer);
          if ((await deliver(url, update)) === 503) refused = update;
          return refused !== null;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    expect(await readiness(url)).toEqual({ status: 503, notReady: ['server'] });
    // …while what was in flight goes on until it is done.
    answer();
    telegram.hold = null;
    // On a failure, the stopping process's last log lines say why (a stop past 9 s, a stop that failed).
    expect(await first.exited, JSON.stringify(first.logs().slice(-15))).toEqual({ code: 0, signal: null });
    // Answered after the stop began, it closes its keep-alive connection, which would hold the stop.
    const answered = await question;
    expect([answered.status, answered.headers.get('connection')]).toEqual([200, 'close']);
    expect(telegram.sentTexts(asker?.id).filter(isAnswer)).toHaveLength(1);
    expect(first.logs().map((line) => line.msg)).toEqual(expect.arrayContaining(['stopping: no new updates; finishing what is in flight', 'stopped']));
    const answeredBefore = telegram.sentTexts(latecomer.id).length;

    // Nothing is left leased: the cards in flight were sent, the others given back, no chat's turn held.
    const opened = await openDatabase(database.target);
    try {
      const statuses = await opened.query<{ status: string; n: number }>('select status, count(*)::int as n from outbox group by status order by status');
      const cardsSent = chats.reduce((n, chat) => n + cardsTo(telegram, chat), 0);
      expect(cardsSent).toBeLessThan(CHATS);
      expect(Object.fromEntries(statuses.map((row) => [row.status, row.n]))).toEqual({ pending: CHATS - cardsSent, sent: cardsSent });
      // A turn given back keeps its row, held by nobody.
      expect(await opened.query("select * from chat_turns where holder <> ''")).toEqual([]);
    } finally {
      await opened.close();
    }

    const second = start();
    const again = await second.url();
    // Telegram delivers the refused update again: the restarted server answers it.
    await expect.poll(() => deliver(again, refused), { timeout: 60_000 }).toBe(200);
    expect(telegram.sentTexts(latecomer.id).slice(answeredBefore).join('\n')).toContain('Hướng dẫn sử dụng');
    await expect.poll(() => chats.filter((chat) => cardsTo(telegram, chat) === 0).length, { timeout: 120_000 }).toBe(0);
    second.child.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(chats.map((chat) => cardsTo(telegram, chat))).toEqual(chats.map(() => 1));

    const after = await openDatabase(database.target);
    try {
      expect(await after.query('select status, count(*)::int as n, max(attempts)::int as attempts from outbox group by status')).toEqual([{ status: 'sent', n: CHATS, attempts: 1 }]);
    } finally {
      await after.close();
    }
  }, TEST_MS);
});

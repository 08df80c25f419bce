/** Starts the real app (Fastify on a free port, real database) against the Telegram stand-in. */
import type { Logger } from 'pino';
import { startApp, type AppOptions, type RunningApp } from '../../src/app.js';
import type { DispatcherOptions } from '../../src/delivery/dispatcher.js';
import { loadConfig } from '../../src/config.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { expect } from 'vitest';
import { callbackUpdate, PRIVATE_CHAT, TelegramStandIn, textUpdate, type TestChat } from './telegram-stand-in.js';

export const TEST_TOKEN = '7000000001:TEST-token_for-the-stand-in';
export const WEBHOOK_SECRET = 'test-webhook-secret';
export const ADMIN_TOKEN = 'test-admin-token-0123456789';
/** Longer than any backoff a test provokes, shorter than vitest's test timeout. */
export const DELIVERY_TIMEOUT_MS = 20_000;

export interface TestApp {
  app: RunningApp;
  telegram: TelegramStandIn;
  database: TestDatabase;
  /** Posts an update to the webhook as Telegram would; returns the HTTP status. */
  deliver(update: unknown, secret?: string): Promise<number>;
  /** Sends a text as a user in `chat` and returns what the bot answered there (at least one message). */
  ask(text: string, chat?: TestChat): Promise<string>;
  /** Sends a text as a user in `chat` and returns what the bot answered there, which may be nothing. */
  say(text: string, chat?: TestChat): Promise<string[]>;
  /** Taps the button labelled `label` on the `nth` message to `chat` that has one; returns the answer. */
  tap(label: string, chat?: TestChat, nth?: number): Promise<string>;
  /** The labels of the buttons under the last message to `chat` that has any. */
  buttons(chat?: TestChat): string[];
  admin<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** POST /api/imports as multipart, the files and the period as an admin's script would send them. */
  upload<T>(files: { fileName: string; bytes: Uint8Array }[], period?: string): Promise<{ status: number; body: T }>;
  /** Rows in each table that an import writes: equal before and after a refused import. */
  snapshot(): Promise<Record<string, number>>;
  /** Waits until the dispatcher has sent (or given up on) every outbox row: none is pending or being sent. */
  outboxSettled(): Promise<void>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface TestAppOptions {
  mode?: 'webhook' | 'polling' | 'no-telegram';
  now?: () => Date;
  env?: Record<string, string>;
  /** A database the test already made (and seeded); made fresh otherwise. */
  database?: TestDatabase;
  logger?: Logger;
  dispatcher?: Partial<DispatcherOptions>;
  /** Share a stand-in between instances (two instances on one database). */
  telegram?: TelegramStandIn;
  /** The webhook's time budget; long by default, so `ask` reads every answer right after its webhook call on a busy machine. */
  webhookBudgetMs?: number;
  resuming?: AppOptions['resuming'];
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const mode = options.mode ?? 'webhook';
  const telegram = options.telegram ?? (await new TelegramStandIn().start());
  const database = options.database ?? (await createTestDatabase());
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ADMIN_TOKEN,
    // Tests ask one chat far more than 20 questions a minute; the limit's own tests set it (tests/e2e/rate-limit.test.ts).
    CHAT_RATE_LIMIT: '100000',
    ...database.env,
    ...(mode !== 'no-telegram' ? { TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: telegram.url, TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET } : {}),
    ...(mode === 'webhook' ? { PUBLIC_URL: 'https://chiso.example.gov.vn' } : {}),
    ...options.env,
  };
  const appOptions: AppOptions = {
    ...(options.now ? { now: options.now } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    // Quick to notice work, so tests need not wait out the production idle sleep.
    dispatcher: { idleMs: 50, ...options.dispatcher },
    webhookBudgetMs: options.webhookBudgetMs ?? 120_000,
    ...(options.resuming ? { resuming: options.resuming } : {}),
  };
  // Tests talk to the channels at once: wait for their start-up calls to the stand-in.
  const boot = async () => {
    const started = await startApp(loadConfig(env), appOptions);
    await started.channelsConnected;
    return started;
  };
  let app = await boot();
  const handle: TestApp = {
    get app() {
      return app;
    },
    telegram,
    database,
    async deliver(update, secret = WEBHOOK_SECRET) {
      const response = await fetch(`${app.url}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
        body: JSON.stringify(update),
      });
      await response.text();
      return response.status;
    },
    async ask(text, chat = PRIVATE_CHAT) {
      const before = telegram.sentTexts(chat.id).length;
      let sent = await handle.say(text, chat);
      // An answer the Bot API did not take at once went through the outbox: it is an answer all the same.
      if (sent.length === 0) {
        await handle.outboxSettled();
        sent = telegram.sentTexts(chat.id).slice(before);
      }
      expect(sent.length).toBeGreaterThan(0);
      return sent.join('\n');
    },
    async say(text, chat = PRIVATE_CHAT) {
      const before = telegram.sentTexts(chat.id).length;
      expect(await handle.deliver(textUpdate(text, chat))).toBe(200);
      return telegram.sentTexts(chat.id).slice(before);
    },
    async tap(label, chat = PRIVATE_CHAT, nth = 0) {
      const hit = keyboards(telegram, chat).filter(({ button }) => button.text === label)[nth];
      if (!hit) throw new Error(`no button «${label}» in chat ${chat.id}`);
      const before = telegram.sentTexts(chat.id).length;
      expect(await handle.deliver(callbackUpdate(hit.button.callback_data, hit.messageId, chat))).toBe(200);
      return telegram.sentTexts(chat.id).slice(before).join('\n');
    },
    buttons(chat = PRIVATE_CHAT) {
      const all = keyboards(telegram, chat);
      const lastMessage = all.at(-1)?.messageId;
      return all.filter((k) => k.messageId === lastMessage).map((k) => k.button.text);
    },
    async admin<T>(method: string, path: string, body?: unknown) {
      const response = await fetch(`${app.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      return { status: response.status, body: (await response.json()) as T };
    },
    async upload<T>(files: { fileName: string; bytes: Uint8Array }[], period?: string) {
      const form = new FormData();
      if (period) form.set('period', period);
      for (const f of files) form.append('file', new Blob([f.bytes]), f.fileName);
      const response = await fetch(`${app.url}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, body: form });
      return { status: response.status, body: (await response.json()) as T };
    },
    async snapshot() {
      const counts: Record<string, number> = {};
      for (const table of ['units', 'imports', 'results', 'group_scores', 'criterion_scores']) {
        const [row] = await app.database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
        counts[table] = row?.n ?? -1;
      }
      return counts;
    },
    async outboxSettled() {
      const unsent = async () => (await app.database.query<{ n: number }>("select count(*)::int as n from outbox where status in ('pending', 'sending')"))[0]?.n;
      await expect.poll(unsent, { timeout: DELIVERY_TIMEOUT_MS, interval: 25 }).toBe(0);
    },
    async restart() {
      await app.stop();
      app = await boot();
    },
    async stop() {
      await app.stop();
      if (!options.telegram) await telegram.stop();
      if (!options.database) await database.drop();
    },
  };
  return handle;
}

/** Every inline button the bot sent to `chat`, in order, with the message that carries it. */
function keyboards(telegram: TelegramStandIn, chat: TestChat): { button: { text: string; callback_data: string }; messageId: number }[] {
  return telegram
    .callsOf('sendMessage')
    .filter((c) => String(c.payload.chat_id) === String(chat.id) && c.payload.reply_markup)
    .flatMap((c) =>
      (c.payload.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard
        .flat()
        .map((button) => ({ button, messageId: (c.answer as { result: { message_id: number } }).result.message_id })),
    );
}

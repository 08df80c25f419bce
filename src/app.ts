/**
 * The composition root: config → database (migrated) → Telegram bot → HTTP server → webhook or polling.
 * `startApp` is what `npm start` runs and what the end-to-end tests start.
 */
import { randomBytes } from 'node:crypto';
import type { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { AdminContext } from './admin/commands.js';
import { ChatTurns } from './channels/chat-turns.js';
import type { ConversationDeps } from './channels/conversation.js';
import { createTelegramBot } from './channels/telegram/bot.js';
import { DEFAULT_RESUMING, resumeEvery, type Resuming } from './channels/telegram/updates.js';
import { setCommandMenu } from './channels/telegram/commands.js';
import type { Config } from './config.js';
import { createTelegramSender } from './channels/telegram/sender.js';
import { openDatabase, type Database } from './db/client.js';
import { DEFAULT_DISPATCHER_OPTIONS, Dispatcher, type DispatcherOptions } from './delivery/dispatcher.js';
import type { Sender } from './delivery/sender.js';
import type { ImportReport } from './imports/save.js';
import { schedulePublication } from './scheduler/auto-publish.js';
import { startScheduler, type Scheduler } from './scheduler/index.js';
import { createLogger } from './logger.js';
import { t } from './messages/i18n.js';
import { buildServer } from './server/app.js';
import type { ChannelStates } from './server/readiness.js';
import { removeInstanceFile, writeInstanceFile } from './server/instance-file.js';

/** Used in deep links when neither TELEGRAM_BOT_USERNAME nor getMe says otherwise. */
export const DEFAULT_BOT_USERNAME = 'chiso_bot';
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;
/** Telegram is answered within this, well inside its own patience, however long the handling takes. */
const WEBHOOK_BUDGET_MS = 5000;


export interface AppOptions {
  now?: () => Date;
  logger?: Logger;
  botInfo?: UserFromGetMe;
  /** Tests make the dispatcher quicker to notice work. */
  dispatcher?: Partial<DispatcherOptions>;
  /** How long Telegram waits for the webhook's answer (tests that read answers right after it lengthen it). */
  webhookBudgetMs?: number;
  /** Tests look for unfinished updates sooner. */
  resuming?: Partial<Resuming>;
}

export interface RunningApp {
  config: Config;
  database: Database;
  server: FastifyInstance;
  bot: Bot | null;
  dispatcher: Dispatcher;
  scheduler: Scheduler;
  url: string;
  adminToken: string;
  stop(): Promise<void>;
}

export async function startApp(config: Config, options: AppOptions = {}): Promise<RunningApp> {
  const log = options.logger ?? createLogger(config.logLevel);
  const now = options.now ?? (() => new Date());
  const database = await openDatabase(config.database);
  log.info({ database: database.kind }, 'database ready');
  const senders = new Map<string, Sender>();
  if (config.telegram) senders.set('telegram', createTelegramSender(config.telegram.token, config.telegram.apiRoot));
  const dispatcher = new Dispatcher(database, senders, log.child({ part: 'delivery' }), {
    ...DEFAULT_DISPATCHER_OPTIONS,
    leaseSeconds: config.deliveryLeaseSeconds,
    ...options.dispatcher,
  });
  const wakeDelivery = () => dispatcher.wake();
  const onImported = async (report: ImportReport) => {
    if (!config.publishAutoTime) return;
    const at = await schedulePublication(database.db, report.period, now(), { time: config.publishAutoTime, timeZone: config.timeZone, holidays: config.holidays });
    if (at) log.info({ period: report.period, at: at.toISOString() }, 'publication scheduled');
  };
  const conversation: ConversationDeps = { db: database.db, t, now, timeZone: config.timeZone, wakeDelivery, onImported };

  const turns = new ChatTurns(database.db);
  let stopped = false;
  let signalStop = () => {};
  const stopping = new Promise<void>((resolve) => (signalStop = resolve));

  let bot: Bot | null = null;
  const telegramSender = senders.get('telegram');
  if (config.telegram && telegramSender) {
    bot = createTelegramBot({
      token: config.telegram.token,
      apiRoot: config.telegram.apiRoot,
      deps: conversation,
      turns,
      answering: { db: database.db, sender: telegramSender, wakeDelivery, log },
      log,
      ...(config.telegram.publicUrl ? {} : { waitForDatabase: () => database.health.untilUp(stopping).then(() => !stopped) }),
      ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    });
    await bot.init();
    await setCommandMenu(bot.api, t);
  } else {
    log.warn('TELEGRAM_BOT_TOKEN is not set: Telegram is off. Set it (and PUBLIC_URL for webhooks) to connect the bot; `npm run chat` talks to the bot in the terminal meanwhile.');
  }

  const adminToken = config.adminToken ?? randomBytes(24).toString('base64url');
  if (!config.adminToken) log.warn(`ADMIN_TOKEN is not set: a temporary token was written to ${config.dataDir}/server.json for the CLI.`);
  const admin: AdminContext = { db: database.db, botUsername: bot?.botInfo.username ?? config.telegram?.username ?? DEFAULT_BOT_USERNAME, now, wakeDelivery, onImported };
  const webhook = config.telegram?.publicUrl && bot ? { bot, webhookSecret: config.telegram.webhookSecret, budgetMs: options.webhookBudgetMs ?? WEBHOOK_BUDGET_MS } : null;
  let webhookSet = false;
  const channels: ChannelStates = bot ? { telegram: () => (webhook ? webhookSet : bot.isRunning()) } : {};
  const server = buildServer({ database, conversation, turns, admin, adminToken, telegram: webhook, log, channels, trustProxy: config.trustProxy });
  await server.listen({ port: config.port, host: config.host });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://127.0.0.1:${port}`;
  writeInstanceFile(config.dataDir, { pid: process.pid, url, adminToken });
  log.info({ url }, 'http server listening');

  let polling: Promise<void> | null = null;
  if (bot && config.telegram) {
    if (config.telegram.publicUrl) {
      const hook = `${config.telegram.publicUrl}/telegram/webhook`;
      await bot.api.setWebhook(hook, { secret_token: config.telegram.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
      webhookSet = true;
      log.info({ url: hook }, 'telegram webhook set');
    } else {
      polling = bot.start({ allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false }).catch((error: unknown) => log.error({ err: error }, 'telegram long polling stopped'));
      log.info('telegram long polling started');
    }
  }

  // With no channel to send through, messages wait in the outbox until one is configured.
  if (senders.size > 0) dispatcher.start();
  const stopResuming = bot ? resumeEvery(bot, database.db, log, { ...DEFAULT_RESUMING, ...options.resuming }) : null;
  const scheduler = startScheduler({
    db: database.db,
    t,
    now,
    timeZone: config.timeZone,
    log: log.child({ part: 'scheduler' }),
    wakeDelivery,
    reminders: { ...config.reminders, timeZone: config.timeZone, holidays: config.holidays },
  });

  return {
    config,
    database,
    server,
    bot,
    dispatcher,
    scheduler,
    url,
    adminToken,
    async stop() {
      if (stopped) return;
      stopped = true;
      signalStop();
      if (polling && bot) {
        await bot.stop();
        await polling.catch(() => {});
      }
      await stopResuming?.();
      scheduler.stop();
      await dispatcher.stop();
      await server.close();
      await database.close();
      removeInstanceFile(config.dataDir);
    },
  };
}

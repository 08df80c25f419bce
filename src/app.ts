/**
 * The composition root: config → database (migrated) → channels → HTTP server → webhooks or polling.
 * `startApp` is what `npm start` runs and what the end-to-end tests start.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { ChannelOptions, RunningChannel } from './channels/channel.js';
import { ChatRateLimit } from './channels/chat-rate-limit.js';
import { ChatTurns } from './channels/chat-turns.js';
import { buildServices } from './composition.js';
import { CHANNELS } from './channels/index.js';
import { secretsOf, type Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import type { Channel } from './db/schema.js';
import { DEFAULT_DISPATCHER_OPTIONS, Dispatcher, type DispatcherOptions } from './delivery/dispatcher.js';
import type { Sender } from './delivery/sender.js';
import { startScheduler, type Scheduler } from './scheduler/index.js';
import { collectorSettingsOf } from './collector/settings.js';
import { BOT_VERSION } from './collector/version.js';
import { createLogger } from './logger.js';
import { t } from './messages/i18n.js';
import { buildServer } from './server/app.js';
import { mediaStore } from './server/media.js';
import type { ChannelStates } from './server/readiness.js';
import { removeInstanceFile, writeInstanceFile } from './server/instance-file.js';

export interface AppOptions extends ChannelOptions {
  now?: () => Date;
  logger?: Logger;
  /** Tests make the dispatcher quicker to notice work. */
  dispatcher?: Partial<DispatcherOptions>;
}

export interface RunningApp {
  config: Config;
  database: Database;
  server: FastifyInstance;
  /** The channels running, by name. */
  channels: ReadonlyMap<Channel, RunningChannel>;
  dispatcher: Dispatcher;
  scheduler: Scheduler;
  url: string;
  adminToken: string;
  /**
   * Resolves once every channel's start-up calls to its platform are done (or the app stopped first).
   * `startApp` does not wait for it: the server listens whether the platforms answer or not.
   */
  channelsConnected: Promise<void>;
  /**
   * Stops taking updates (webhooks answer 503, and the platform delivers them again), lets what is in
   * flight finish, gives back the outbox rows claimed and not sent, and closes the database.
   */
  stop(): Promise<void>;
}

/** The HTTP server could not listen on HOST:PORT (a port in use, say). */
export class ListenError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
    override readonly cause: unknown,
  ) {
    super(`cannot listen on ${host}:${port}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'ListenError';
  }
}

export async function startApp(config: Config, options: AppOptions = {}): Promise<RunningApp> {
  const log = options.logger ?? createLogger(config.logLevel, { format: config.logFormat, secrets: secretsOf(config) });
  const now = options.now ?? (() => new Date());
  const database = await openDatabase(config.database);
  log.info({ database: database.kind }, 'database ready');
  try {
    return await startOn(database, config, log, now, options);
  } catch (error) {
    // Nothing half-started is left behind: the embedded database's folder is free again.
    await database.close().catch(() => undefined);
    throw error;
  }
}

async function startOn(database: Database, config: Config, log: Logger, now: () => Date, options: AppOptions): Promise<RunningApp> {
  const senders = new Map<string, Sender>();
  const dispatcher = new Dispatcher(database, senders, log.child({ part: 'delivery' }), {
    ...DEFAULT_DISPATCHER_OPTIONS,
    leaseSeconds: config.deliveryLeaseSeconds,
    ...options.dispatcher,
  });
  const wakeDelivery = () => dispatcher.wake();
  const { conversation } = buildServices({ config, db: database.db, now, log, wakeDelivery });

  // PGlite is this process's alone: chats wait in line here, with no lease rows.
  const turns = new ChatTurns(database.db, { leases: database.kind === 'postgres' });
  const rateLimit = new ChatRateLimit(config.chatRateLimit, () => now().getTime());
  let stopped = false;
  let signalStop = () => {};
  const stopping = new Promise<void>((resolve) => (signalStop = resolve));

  const media = config.publicUrl ? mediaStore(database.db, config.publicUrl, now) : null;
  // Setting a channel up calls nothing outside: its platform is called after the server listens.
  const channels = new Map<Channel, RunningChannel>();
  for (const module of CHANNELS) {
    const running = await module.setup({ config, database, conversation, turns, rateLimit, log, wakeDelivery, media, stopping, options });
    if (!running) continue;
    channels.set(module.name, running);
    senders.set(module.name, running.sender);
  }

  const adminToken = config.adminToken ?? randomBytes(24).toString('base64url');
  if (!config.adminToken) log.warn(`ADMIN_TOKEN is not set: a temporary token was written to ${config.dataDir}/server.json for the CLI.`);
  // Read when an invite is made: a bot learns its name from its platform after the start.
  const botNames: Partial<Record<Channel, string>> = {};
  for (const [name, running] of channels) Object.defineProperty(botNames, name, { enumerable: true, get: () => running.botName });
  const { admin } = buildServices({ config, db: database.db, now, log, wakeDelivery, botNames });
  const channelStates: ChannelStates = Object.fromEntries(
    [...channels].map(([name, running]) => [
      name,
      () => {
        const ready = running.ready();
        const waiting = ready ? null : (running.waitingFor?.() ?? null);
        return waiting ? { ready, detail: waiting } : { ready };
      },
    ]),
  );
  const server = buildServer({ database, conversation, turns, admin, adminToken, metricsToken: config.metricsToken, channels: [...channels.values()], media: { db: database.db, now }, log, channelStates, trustProxy: config.trustProxy, stopping: () => stopped });
  try {
    // Fastify writes one line per address it listens at ("http server listening at http://127.0.0.1:3000").
    await server.listen({ port: config.port, host: config.host, listenTextResolver: (address) => `http server listening at ${address}` });
  } catch (error) {
    await server.close().catch(() => undefined);
    throw new ListenError(config.host, config.port, error);
  }
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://127.0.0.1:${port}`;
  writeInstanceFile(config.dataDir, { pid: process.pid, url, adminToken });

  // In the background: a platform out of reach leaves its channel not ready (/readyz), nothing else.
  for (const running of channels.values()) await running.start();
  const channelsConnected = Promise.all([...channels.values()].map((running) => running.connected?.() ?? Promise.resolve(true))).then(() => undefined);
  // With no channel to send through, messages wait in the outbox until one is configured.
  if (senders.size > 0) dispatcher.start();
  const scheduler = startScheduler({
    db: database.db,
    tryLock: (key) => database.tryLock(key),
    t,
    now,
    timeZone: config.timeZone,
    log: log.child({ part: 'scheduler' }),
    wakeDelivery,
    reminders: { ...config.reminders, timeZone: config.timeZone, holidays: config.holidays },
    collection: {
      provinces: config.collector.provinces,
      time: config.collector.time,
      national: config.collector.national,
      timeZone: config.timeZone,
      settings: collectorSettingsOf(config.collector, BOT_VERSION),
      autoPublish: config.publishAutoTime ? { time: config.publishAutoTime, timeZone: config.timeZone, holidays: config.holidays } : null,
    },
  });

  return {
    config,
    database,
    server,
    channels,
    dispatcher,
    scheduler,
    url,
    adminToken,
    channelsConnected,
    async stop() {
      if (stopped) return;
      // From here webhooks answer 503 and /readyz says so: the platforms deliver the updates again later.
      stopped = true;
      signalStop();
      log.info('stopping: no new updates; finishing what is in flight');
      for (const running of channels.values()) await running.stop();
      log.debug('stopping: channels stopped');
      scheduler.stop();
      await dispatcher.stop();
      log.debug('stopping: delivery stopped');
      // Waits for the requests under way and the handlings that outlived their acknowledgement.
      await server.close();
      log.debug('stopping: http server closed');
      await database.close();
      removeInstanceFile(config.dataDir);
      log.info('stopped');
    },
  };
}

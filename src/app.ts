/**
 * The composition root: config → database (migrated) → channels → HTTP server → webhooks or polling.
 * `startApp` is what `npm start` runs and what the end-to-end tests start.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { ChannelOptions, RunningChannel } from './channels/channel.js';
import { ChatTurns } from './channels/chat-turns.js';
import { buildServices } from './composition.js';
import { CHANNELS } from './channels/index.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import type { Channel } from './db/schema.js';
import { DEFAULT_DISPATCHER_OPTIONS, Dispatcher, type DispatcherOptions } from './delivery/dispatcher.js';
import type { Sender } from './delivery/sender.js';
import { startScheduler, type Scheduler } from './scheduler/index.js';
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
  stop(): Promise<void>;
}

export async function startApp(config: Config, options: AppOptions = {}): Promise<RunningApp> {
  const log = options.logger ?? createLogger(config.logLevel);
  const now = options.now ?? (() => new Date());
  const database = await openDatabase(config.database);
  log.info({ database: database.kind }, 'database ready');
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
  let stopped = false;
  let signalStop = () => {};
  const stopping = new Promise<void>((resolve) => (signalStop = resolve));

  const media = config.publicUrl ? mediaStore(database.db, config.publicUrl, now) : null;
  const channels = new Map<Channel, RunningChannel>();
  for (const module of CHANNELS) {
    const running = await module.setup({ config, database, conversation, turns, log, wakeDelivery, media, stopping, options });
    if (!running) continue;
    channels.set(module.name, running);
    senders.set(module.name, running.sender);
  }

  const adminToken = config.adminToken ?? randomBytes(24).toString('base64url');
  if (!config.adminToken) log.warn(`ADMIN_TOKEN is not set: a temporary token was written to ${config.dataDir}/server.json for the CLI.`);
  const botNames = Object.fromEntries([...channels].flatMap(([name, running]) => (running.botName ? [[name, running.botName]] : [])));
  const { admin } = buildServices({ config, db: database.db, now, log, wakeDelivery, botNames });
  const channelStates: ChannelStates = Object.fromEntries([...channels].map(([name, running]) => [name, () => running.ready()]));
  const server = buildServer({ database, conversation, turns, admin, adminToken, channels: [...channels.values()], media: { db: database.db, now }, log, channelStates, trustProxy: config.trustProxy });
  await server.listen({ port: config.port, host: config.host });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://127.0.0.1:${port}`;
  writeInstanceFile(config.dataDir, { pid: process.pid, url, adminToken });
  log.info({ url }, 'http server listening');

  for (const running of channels.values()) await running.start();
  // With no channel to send through, messages wait in the outbox until one is configured.
  if (senders.size > 0) dispatcher.start();
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
    channels,
    dispatcher,
    scheduler,
    url,
    adminToken,
    async stop() {
      if (stopped) return;
      stopped = true;
      signalStop();
      for (const running of channels.values()) await running.stop();
      scheduler.stop();
      await dispatcher.stop();
      await server.close();
      await database.close();
      removeInstanceFile(config.dataDir);
    },
  };
}

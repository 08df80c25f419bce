/**
 * What a channel is to the rest of the bot: a folder that turns its platform's updates into
 * `converse` / `converseFile` / `act` calls and renders replies back, plus one entry in
 * channels/index.ts. The composition root starts each channel whose settings are present, gives it
 * the core, mounts its routes, hands its sender to the delivery layer and stops it at the end.
 */
import type { FastifyInstance } from 'fastify';
import type { UserFromGetMe } from 'grammy/types';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import type { Channel } from '../db/schema.js';
import type { Sender } from '../delivery/sender.js';
import type { MediaStore } from '../server/media.js';
import type { ChatRateLimit } from './chat-rate-limit.js';
import type { ChatTurns } from './chat-turns.js';
import type { ConversationDeps } from '../core/conversation.js';
import type { Connecting } from './connecting.js';

/** How often, and after how long, updates acknowledged but left unfinished are handled again. */
export interface Resuming {
  everyMs: number;
  /** Long enough that a handler still at work, or the platform's own redelivery, comes first. */
  afterSeconds: number;
}

export const DEFAULT_RESUMING: Resuming = { everyMs: 30_000, afterSeconds: 30 };

/** Timings the tests shorten or lengthen; production leaves them unset. */
export interface ChannelOptions {
  /** How long a webhook's caller is kept waiting before the handling goes on after the answer. */
  webhookBudgetMs?: number;
  resuming?: Partial<Resuming>;
  /** Telegram's getMe answer, so tests need no call for it. */
  telegramBotInfo?: UserFromGetMe;
  /** How the calls to a platform at start are tried again (tests wait less). */
  connecting?: Partial<Connecting>;
}

/** What the core lends a channel. */
export interface ChannelCore {
  config: Config;
  database: Database;
  conversation: ConversationDeps;
  /** One update of a chat at a time, across instances. */
  turns: ChatTurns;
  /** At most so many updates per chat and window, on every channel. */
  rateLimit: ChatRateLimit;
  log: Logger;
  wakeDelivery: () => void;
  /** Where files sent by address are kept and served (needs PUBLIC_URL); null without one. */
  media: MediaStore | null;
  /** Resolves when the app stops: a channel waiting for something gives up then. */
  stopping: Promise<void>;
  options: ChannelOptions;
}

/** A channel running in this process. */
export interface RunningChannel {
  /** How the delivery layer writes to its chats, and at what pace. */
  sender: Sender;
  /** Mounts its webhook route, before the server listens. */
  routes?(app: FastifyInstance): void;
  /**
   * After the server listens: sets its webhook, or starts polling. Calls to the platform go on in the
   * background (connecting.ts), so a platform out of reach never holds the start up.
   */
  start(): Promise<void>;
  /** Resolves once its start-up calls are done (true), or when it stops first (false). */
  connected?(): Promise<boolean>;
  /** Taking updates and able to send, for /readyz. */
  ready(): boolean;
  /** While not ready: what it waits for ("setWebhook: ECONNREFUSED"), for /readyz. */
  waitingFor?(): string | null;
  /** Stops taking updates; handlings under way finish first. */
  stop(): Promise<void>;
  /** The name the platform knows the bot by (Telegram's username), for invite links. */
  botName?: string;
}

export interface ChannelModule {
  name: Channel;
  /** Null when the channel's settings are absent: the channel is off. */
  setup(core: ChannelCore): Promise<RunningChannel | null>;
  /**
   * What an invite says about this channel: a link that opens the bot, or what to type and where; null
   * when the channel is off. `botName`: the name the running bot goes by (getMe), when it runs here.
   */
  inviteHint(config: Config, code: string, botName: string | null): string | null;
}

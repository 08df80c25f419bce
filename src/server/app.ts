/**
 * The HTTP face: health, the Telegram webhook, and the admin API. Built by a function from its
 * dependencies, so tests start exactly what production starts.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Bot } from 'grammy';
import type { Logger } from 'pino';
import type { AdminContext } from '../admin/commands.js';
import type { ChatTurns } from '../channels/chat-turns.js';
import type { ConversationDeps } from '../channels/conversation.js';
import { registerTelegramWebhook } from '../channels/telegram/webhook.js';
import type { Database } from '../db/client.js';
import { adminRoutes } from './admin-routes.js';
import { installErrorHandling } from './errors.js';
import { installReadiness, type ChannelStates } from './readiness.js';

export interface ServerDeps {
  database: Database;
  conversation: ConversationDeps;
  turns: ChatTurns;
  admin: AdminContext;
  adminToken: string;
  telegram: { bot: Bot; webhookSecret: string; budgetMs: number } | null;
  log: Logger;
  channels?: ChannelStates;
  /** Which X-Forwarded-For to believe (the client's address counts wrong admin tokens). */
  trustProxy?: boolean | string;
}

/** No route reads a large body whole: uploads stream under their own limits (upload.ts). */
const BODY_LIMIT = 1024 * 1024;

export function buildServer(deps: ServerDeps): FastifyInstance {
  const logger: FastifyBaseLogger = deps.log.child({ part: 'http' });
  const app = Fastify({ loggerInstance: logger, bodyLimit: BODY_LIMIT, trustProxy: deps.trustProxy ?? false });

  installErrorHandling(app, deps.database);

  app.get('/healthz', () => ({ ok: true, database: deps.database.kind, telegram: deps.telegram !== null }));
  installReadiness(app, { database: deps.database, channels: deps.channels ?? {} });

  if (deps.telegram) {
    registerTelegramWebhook(app, { bot: deps.telegram.bot, secret: deps.telegram.webhookSecret, budgetMs: deps.telegram.budgetMs, log: deps.log });
  }

  app.register(adminRoutes, { prefix: '/api', admin: deps.admin, conversation: deps.conversation, turns: deps.turns, adminToken: deps.adminToken });

  return app;
}

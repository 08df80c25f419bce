/**
 * The HTTP face: health, the Telegram webhook, and the admin API. Built by a function from its
 * dependencies, so tests start exactly what production starts.
 */
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { webhookCallback, type Bot } from 'grammy';
import type { Logger } from 'pino';
import type { AdminContext } from '../admin/commands.js';
import type { ConversationDeps } from '../channels/conversation.js';
import type { Database } from '../db/client.js';
import { adminRoutes } from './admin-routes.js';
import { installErrorHandling } from './errors.js';

export interface ServerDeps {
  database: Database;
  conversation: ConversationDeps;
  admin: AdminContext;
  adminToken: string;
  telegram: { bot: Bot; webhookSecret: string } | null;
  log: Logger;
}

export function buildServer(deps: ServerDeps): FastifyInstance {
  const app = Fastify({ loggerInstance: deps.log.child({ part: 'http' }) as FastifyBaseLogger, bodyLimit: 60 * 1024 * 1024 });

  installErrorHandling(app);

  app.get('/healthz', async () => {
    await deps.database.query('select 1');
    return { ok: true, database: deps.database.kind, telegram: deps.telegram !== null };
  });

  if (deps.telegram) {
    app.post('/telegram/webhook', webhookCallback(deps.telegram.bot, 'fastify', { secretToken: deps.telegram.webhookSecret }));
  }

  app.register(adminRoutes, { prefix: '/api', admin: deps.admin, conversation: deps.conversation, adminToken: deps.adminToken });

  return app;
}

/**
 * The HTTP face: health, the Telegram webhook, and the admin API. Built by a function from its
 * dependencies, so tests start exactly what production starts.
 */
import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { webhookCallback, type Bot } from 'grammy';
import type { Logger } from 'pino';
import { AdminError, demoCommand, inviteCommand, type AdminContext } from '../admin/commands.js';
import { converse, type ConversationDeps } from '../channels/conversation.js';
import type { Database } from '../db/client.js';
import { t } from '../messages/i18n.js';

export interface ServerDeps {
  database: Database;
  conversation: ConversationDeps;
  admin: AdminContext;
  adminToken: string;
  telegram: { bot: Bot; webhookSecret: string } | null;
  log: Logger;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function buildServer(deps: ServerDeps): FastifyInstance {
  const app = Fastify({ loggerInstance: deps.log.child({ part: 'http' }) as FastifyBaseLogger, bodyLimit: 60 * 1024 * 1024 });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    if (error instanceof AdminError) return reply.code(error.status).send({ error: error.message });
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'request failed');
    return reply.code(status).send({ error: status === 500 ? t('admin-server-error') : error.message });
  });

  app.get('/healthz', async () => {
    await deps.database.query('select 1');
    return { ok: true, database: deps.database.kind, telegram: deps.telegram !== null };
  });

  if (deps.telegram) {
    app.post('/telegram/webhook', webhookCallback(deps.telegram.bot, 'fastify', { secretToken: deps.telegram.webhookSecret }));
  }

  app.register(async (api) => {
    api.addHook('onRequest', async (request, reply) => {
      if (!tokenMatches(request.headers.authorization, deps.adminToken)) {
        return reply.code(401).send({ error: t('admin-unauthorized') });
      }
    });

    api.post('/demo', async () => demoCommand(deps.admin));

    api.post<{ Body: { unit?: string; role?: string; uses?: number | null; days?: number } }>('/invites', async (request, reply) => {
      const body = request.body ?? {};
      const view = await inviteCommand(deps.admin, {
        unit: String(body.unit ?? ''),
        role: String(body.role ?? 'officer'),
        ...(body.uses !== undefined ? { uses: body.uses } : {}),
        ...(body.days !== undefined ? { days: body.days } : {}),
      });
      return reply.code(201).send(view);
    });

    /** The terminal chat (`npm run chat`) talks through here while the server holds the database. */
    api.post<{ Body: { chatId?: string; text?: string } }>('/console/messages', async (request) => {
      const { chatId = 'local', text = '' } = request.body ?? {};
      const replies = await converse(deps.conversation, {
        chat: { channel: 'console', externalId: String(chatId), type: 'private', title: null },
        text: String(text),
        addressed: true,
      });
      return { replies };
    });
  }, { prefix: '/api' });

  return app;
}

/**
 * POST /telegram/webhook. The secret is checked before the body is read, the body is capped at what
 * Telegram sends, and the answer comes within a time budget: an update still being handled then
 * goes on after the acknowledgement (its replies reach the chat through the outbox if need be).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import { t } from '../../messages/i18n.js';

export interface TelegramWebhookOptions {
  bot: Bot;
  secret: string;
  /** How long Telegram is kept waiting for the acknowledgement. */
  budgetMs: number;
  log: Logger;
}

/** An update is a few KB; a message with a long text, well under 1 MB. */
const UPDATE_BODY_LIMIT = 1024 * 1024;

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  const given = Buffer.from(typeof header === 'string' ? header : '');
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function isUpdate(body: unknown): body is Update {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && Number.isSafeInteger((body as { update_id?: unknown }).update_id);
}

export function registerTelegramWebhook(app: FastifyInstance, options: TelegramWebhookOptions): void {
  app.post(
    '/telegram/webhook',
    {
      bodyLimit: UPDATE_BODY_LIMIT,
      onRequest: async (request, reply) => {
        if (!secretMatches(request.headers['x-telegram-bot-api-secret-token'], options.secret)) {
          return reply.code(401).send({ error: t('webhook-wrong-secret') });
        }
      },
    },
    async (request, reply) => {
      if (!isUpdate(request.body)) return reply.code(400).send({ error: t('webhook-not-an-update') });
      const handling = options.bot.handleUpdate(request.body);
      let timer: NodeJS.Timeout | undefined;
      // The budget counts from the request's arrival: reading it in a crowd already spent some.
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), Math.max(0, options.budgetMs - reply.elapsedTime))));
      try {
        if ((await Promise.race([handling, late])) === 'late') {
          handling.catch((error: unknown) => options.log.error({ err: error, update: request.body }, 'update failed after its acknowledgement'));
        }
      } finally {
        clearTimeout(timer);
      }
      return reply.code(200).send();
    },
  );
}

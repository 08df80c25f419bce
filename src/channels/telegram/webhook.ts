/**
 * POST /telegram/webhook. The secret is checked before the body is read (the server caps bodies at
 * 1 MB, far above an update), and the answer comes within a time budget: an update still being handled then
 * goes on after the acknowledgement (its replies reach the chat through the outbox if need be).
 */
import type { FastifyInstance } from 'fastify';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import { t } from '../../messages/i18n.js';
import { sendNotReady, WEBHOOK_ROUTE } from '../../server/readiness.js';
import { sameSecret } from '../../server/secrets.js';
import { withinBudget } from '../../server/webhook-budget.js';

export interface TelegramWebhookOptions {
  bot: Bot;
  secret: string;
  /** How long Telegram is kept waiting for the acknowledgement. */
  budgetMs: number;
  log: Logger;
  /** False until the bot knows itself (getMe, in the background at start): Telegram is asked to deliver again later. */
  accepting?: () => boolean;
}

function isUpdate(body: unknown): body is Update {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && Number.isSafeInteger((body as { update_id?: unknown }).update_id);
}

export function registerTelegramWebhook(app: FastifyInstance, options: TelegramWebhookOptions): void {
  const wait = withinBudget(app, options.log);
  app.post(
    '/telegram/webhook',
    {
      config: WEBHOOK_ROUTE,
      onRequest: async (request, reply) => {
        const header = request.headers['x-telegram-bot-api-secret-token'];
        if (!sameSecret(typeof header === 'string' ? header : '', options.secret)) {
          return reply.code(401).send({ error: t('webhook-wrong-secret') });
        }
      },
    },
    async (request, reply) => {
      if (!isUpdate(request.body)) return reply.code(400).send({ error: t('webhook-not-an-update') });
      if (options.accepting && !options.accepting()) return sendNotReady(reply);
      // The budget counts from the request's arrival: reading it in a crowd already spent some.
      await wait(options.bot.handleUpdate(request.body), options.budgetMs - reply.elapsedTime, { update: request.body.update_id });
      return reply.code(200).send();
    },
  );
}

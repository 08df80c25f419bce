/**
 * POST /zalo/bot/webhook. The secret header is checked (in constant time) before the body is read,
 * and Zalo is answered within a time budget: an event still being handled then goes on after the
 * acknowledgement (its replies reach the chat through the outbox if need be).
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { t } from '../../messages/i18n.js';
import { WEBHOOK_ROUTE } from '../../server/readiness.js';
import { sameSecret } from '../../server/secrets.js';
import { withinBudget } from '../../server/webhook-budget.js';
import { readEvent, type ZaloBotEvent } from './updates.js';

export const ZALO_BOT_WEBHOOK_PATH = '/zalo/bot/webhook';

export interface ZaloBotWebhookOptions {
  handle: (event: ZaloBotEvent) => Promise<void>;
  secret: string;
  /** How long Zalo is kept waiting for the acknowledgement. */
  budgetMs: number;
  log: Logger;
}

export function registerZaloBotWebhook(app: FastifyInstance, options: ZaloBotWebhookOptions): void {
  const wait = withinBudget(app, options.log);
  app.post(
    ZALO_BOT_WEBHOOK_PATH,
    {
      config: WEBHOOK_ROUTE,
      onRequest: async (request, reply) => {
        const header = request.headers['x-bot-api-secret-token'];
        if (!sameSecret(typeof header === 'string' ? header : '', options.secret)) {
          return reply.code(401).send({ error: t('webhook-wrong-secret') });
        }
      },
    },
    async (request, reply) => {
      const event = readEvent(request.body);
      if (!event) return reply.code(400).send({ error: t('zalo-bot-not-an-event') });
      // The budget counts from the request's arrival.
      await wait(options.handle(event), options.budgetMs - reply.elapsedTime, { channel: 'zalo-bot', event: event.message?.message_id });
      return reply.code(200).send({ ok: true });
    },
  );
}

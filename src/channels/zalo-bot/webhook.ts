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
  // Handlings that outlived their acknowledgement finish before the server (and the database under it) closes.
  const outliving = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...outliving]);
  });
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
      const handling = options.handle(event);
      let timer: NodeJS.Timeout | undefined;
      // The budget counts from the request's arrival.
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), Math.max(0, options.budgetMs - reply.elapsedTime))));
      try {
        if ((await Promise.race([handling, late])) === 'late') {
          const rest = handling
            .catch((error: unknown) => options.log.error({ err: error, event: event.message?.message_id }, 'zalo bot event failed after its acknowledgement'))
            .finally(() => outliving.delete(rest));
          outliving.add(rest);
        }
      } finally {
        clearTimeout(timer);
      }
      return reply.code(200).send({ ok: true });
    },
  );
}

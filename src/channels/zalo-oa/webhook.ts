/**
 * POST /zalo/oa/webhook. The body is kept as the string received, since the signature covers those
 * exact bytes (its own JSON parser, in a scope of its own so other routes keep theirs). A bad or
 * missing signature is refused before anything is stored. Zalo wants its 200 within 2 s and
 * disables a webhook that keeps failing, so the handling goes on after the answer when it is slow;
 * a handling that failed is recorded and handled again (resumeEvery), not answered with an error.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { isConnectionError } from '../../db/health.js';
import { t } from '../../messages/i18n.js';
import { sendDatabaseUnavailable, WEBHOOK_ROUTE } from '../../server/readiness.js';
import { isEcho, oaEvent, oaOf, signedPart, type OaEvent } from './events.js';
import { signedByZalo, type SigningKeys } from './signature.js';
import { withinBudget } from '../../server/webhook-budget.js';

export const ZALO_OA_WEBHOOK_PATH = '/zalo/oa/webhook';

export interface OaWebhookOptions {
  keys: SigningKeys;
  /** This OA's id, when the settings name it. */
  oaId: string | null;
  handle: (event: OaEvent) => Promise<void>;
  /** How long Zalo is kept waiting before the handling goes on after the answer. */
  budgetMs: number;
  log: Logger;
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return null;
  }
}

export function registerOaWebhook(app: FastifyInstance, options: OaWebhookOptions): void {
  const wait = withinBudget(app, options.log);
  void app.register((scope, _options, done) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.post(ZALO_OA_WEBHOOK_PATH, { config: WEBHOOK_ROUTE }, async (request, reply) => {
      const raw = typeof request.body === 'string' ? request.body : '';
      const signed = signedPart.safeParse(parseJson(raw));
      const header = request.headers['x-zevent-signature'];
      if (!signed.success || !signedByZalo(options.keys, raw, signed.data.timestamp, typeof header === 'string' ? header : undefined)) {
        return reply.code(401).send({ error: t('zalo-oa-webhook-wrong-signature') });
      }
      if (isEcho(signed.data.event_name)) return reply.code(200).send();
      const event = oaEvent.safeParse(parseJson(raw));
      // Events the bot has no use for (seen, received, shared info…), and those of the app's other OAs, are acknowledged and left.
      if (!event.success) return reply.code(200).send();
      const oa = oaOf(event.data);
      if (options.oaId !== null && oa !== null && oa !== options.oaId) return reply.code(200).send();
      try {
        await wait(options.handle(event.data), options.budgetMs - reply.elapsedTime, { channel: 'zalo-oa', event: event.data.event_name });
      } catch (error) {
        // Nothing recorded without the database: Zalo's retry is the only second chance.
        if (isConnectionError(error)) return await sendDatabaseUnavailable(reply);
        options.log.error({ err: error, event: event.data.event_name }, 'zalo oa event failed: handled again later');
      }
      return reply.code(200).send();
    });
    done();
  });
}

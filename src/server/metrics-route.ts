/**
 * GET /metrics: the Prometheus text (src/observability/metrics.ts) behind `Authorization: Bearer`
 * with the admin token or METRICS_TOKEN (a token for the scraper that opens nothing else), and the
 * same throttle on wrong tokens as the admin API. The outbox is counted at each scrape.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { t } from '../messages/i18n.js';
import { registry, scrape } from '../observability/metrics.js';
import { requireToken } from './admin-auth.js';

export interface MetricsRouteOptions {
  database: Database;
  tokens: readonly string[];
  log: Logger;
}

export async function metricsRoute(scope: FastifyInstance, options: MetricsRouteOptions): Promise<void> {
  await requireToken(scope, options.tokens, t('metrics-unauthorized'));
  scope.get('/metrics', { logLevel: 'warn' }, async (_request, reply) => {
    const text = await scrape(options.database, (error) => options.log.warn({ err: error }, 'metrics: could not count the outbox'));
    return reply.type(registry.contentType).send(text);
  });
}

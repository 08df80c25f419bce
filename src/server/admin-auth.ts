/**
 * The admin API's door: `Authorization: Bearer ADMIN_TOKEN`, compared in constant time, and a
 * throttle on wrong tokens. Only failures are counted, per client address: a CLI with the right
 * token never meets the limit, while an address that failed too often is refused (429), right
 * token or not, until its window ends, so guessing gains nothing from a blocked address.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { t } from '../messages/i18n.js';
import { sameSecret } from './secrets.js';

export const AUTH_FAILURES = { max: 10, timeWindow: 10 * 60 * 1000 };

export function bearerToken(header: string | undefined): string | null {
  return /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1] ?? null;
}

export async function requireAdminToken(scope: FastifyInstance, token: string): Promise<void> {
  await requireToken(scope, [token], t('admin-unauthorized'));
}

/** The same door for routes that several tokens open (GET /metrics: the admin token or METRICS_TOKEN). */
export async function requireToken(scope: FastifyInstance, tokens: readonly string[], refusal: string): Promise<void> {
  await scope.register(rateLimit, { global: false });
  const failures = scope.createRateLimit(AUTH_FAILURES);
  scope.addHook('onRequest', async (request, reply) => {
    const seen = await failures(request, { increment: false });
    if (!seen.isAllowed && seen.remaining === 0) {
      return reply
        .code(429)
        .header('retry-after', seen.ttlInSeconds)
        .send({ error: t('admin-too-many-attempts', { minutes: Math.ceil(seen.ttlInSeconds / 60) }) });
    }
    const given = bearerToken(request.headers.authorization);
    // Every token compared, so the time taken says nothing about which one was near.
    if (given !== null && tokens.map((token) => sameSecret(given, token)).includes(true)) return;
    await failures(request);
    return reply.code(401).send({ error: refusal });
  });
}

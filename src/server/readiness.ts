/**
 * Readiness, and what the server does while the database is away: `/readyz` lists what is not ready
 * (database, migrations, each channel) with a 503, and webhooks answer 503 so the platform
 * delivers the update again later instead of it being lost.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Database } from '../db/client.js';
import { t } from '../messages/i18n.js';

/** Per channel: is it taking updates and able to send (webhook set, polling running)? And if not, what it waits for. */
export type ChannelStates = Readonly<Record<string, () => boolean | Check>>;

export interface Check {
  ready: boolean;
  detail?: string;
}

/** A channel's webhook route says so in its config: it answers 503 while the database is away. */
export const WEBHOOK_ROUTE = { webhook: true } as const;

/** Platforms retry a webhook that answers 5xx; a minute of outage is the common case. */
const RETRY_AFTER_SECONDS = 5;

/** A webhook's answer while this instance cannot take the update (stopping, or its channel still connecting): delivered again later. */
export function sendNotReady(reply: FastifyReply): FastifyReply {
  return reply.code(503).header('retry-after', RETRY_AFTER_SECONDS).send({ error: t('server-not-taking-updates') });
}

/** The answer to any request that needs the database while it is away. */
export function sendDatabaseUnavailable(reply: FastifyReply): FastifyReply {
  return reply.code(503).header('retry-after', RETRY_AFTER_SECONDS).send({ error: t('database-unavailable') });
}

async function checkDatabase(database: Database): Promise<{ database: Check; migrations: Check }> {
  if (!(await database.health.check())) {
    const detail = database.health.state().error ?? undefined;
    return { database: { ready: false, ...(detail ? { detail } : {}) }, migrations: { ready: false, detail: 'database not reachable' } };
  }
  try {
    const pending = await database.pendingMigrations();
    return { database: { ready: true }, migrations: pending === 0 ? { ready: true } : { ready: false, detail: `${pending} pending` } };
  } catch (error) {
    return { database: { ready: true }, migrations: { ready: false, detail: error instanceof Error ? error.message : String(error) } };
  }
}

export interface ReadinessDeps {
  database: Database;
  channels: ChannelStates;
  /** True once a stop has begun: webhooks are refused (the platform delivers them again) and /readyz says so. */
  stopping?: () => boolean;
}

export function installReadiness(app: FastifyInstance, deps: ReadinessDeps): void {
  // Probes come every few seconds: they are not logged (server/app.ts logs requests).
  app.get('/readyz', { logLevel: 'silent' }, async (_request, reply) => {
    const checks: Record<string, Check> = { ...(await checkDatabase(deps.database)) };
    for (const [name, state] of Object.entries(deps.channels)) {
      const check = state();
      checks[`channel:${name}`] = typeof check === 'boolean' ? { ready: check } : check;
    }
    if (deps.stopping?.()) checks.server = { ready: false, detail: 'stopping' };
    const notReady = Object.entries(checks)
      .filter(([, check]) => !check.ready)
      .map(([name]) => name);
    return reply.code(notReady.length === 0 ? 200 : 503).send({ ready: notReady.length === 0, notReady, checks });
  });

  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config as Partial<typeof WEBHOOK_ROUTE>;
    if (!config.webhook) return;
    if (deps.stopping?.()) return sendNotReady(reply);
    // Down by the last word heard: ask again (one shared ping) before refusing, the database may be back.
    if (!deps.database.health.up && !(await deps.database.health.check())) return sendDatabaseUnavailable(reply);
  });

  // An answer finished after the stop began closes its connection: a client's keep-alive socket
  // would otherwise hold the server's close until the keep-alive timeout (72 s in Fastify).
  app.addHook('onSend', async (_request, reply) => {
    if (deps.stopping?.()) reply.header('connection', 'close');
  });
}

/**
 * The HTTP face: health, each channel's webhook, files sent by address, and the admin API. Built by a function from its
 * dependencies, so tests start exactly what production starts.
 */
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { AdminContext } from '../admin/commands.js';
import type { ChatTurns } from '../channels/chat-turns.js';
import type { ConversationDeps } from '../core/conversation.js';
import type { RunningChannel } from '../channels/channel.js';
import type { Database } from '../db/client.js';
import { adminRoutes } from './admin-routes.js';
import { installErrorHandling } from './errors.js';
import { installReadiness, type ChannelStates } from './readiness.js';
import { registerMediaRoute } from './media.js';
import { metricsRoute } from './metrics-route.js';
import type { Db } from '../db/client.js';

export interface ServerDeps {
  database: Database;
  conversation: ConversationDeps;
  turns: ChatTurns;
  admin: AdminContext;
  adminToken: string;
  /** Opens GET /metrics besides the admin token. */
  metricsToken?: string | null;
  /** The channels running: each mounts its own webhook route. */
  channels: readonly RunningChannel[];
  /** Files sent by address (GET /media/…). */
  media: { db: Db; now: () => Date };
  log: Logger;
  channelStates?: ChannelStates;
  /** True once a stop has begun. */
  stopping?: () => boolean;
  /** Which X-Forwarded-For to believe (the client's address counts wrong admin tokens). */
  trustProxy?: boolean | string;
}

/** No route reads a large body whole: uploads stream under their own limits (upload.ts). */
const BODY_LIMIT = 1024 * 1024;

/**
 * One line a request, when it is answered (Fastify's own are two: incoming and completed), with the
 * route's pattern rather than the path (a file's address holds its token). None for the probes (their
 * routes log nothing); a webhook's update has its own line (channels/update-handling.ts), so its
 * request's line is only at debug level when it went well.
 */
class RequestLines extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = { method: request.method, url: request.routeOptions.url ?? request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    if (error) reply.log.error({ ...line, err: error }, 'request failed');
    else if ((request.routeOptions.config as { webhook?: boolean }).webhook && reply.statusCode < 300) reply.log.debug(line, 'request');
    else reply.log.info(line, 'request');
  }
}

export function buildServer(deps: ServerDeps): FastifyInstance {
  const logger: FastifyBaseLogger = deps.log.child({ part: 'http' });
  const app = Fastify({ loggerInstance: logger, bodyLimit: BODY_LIMIT, trustProxy: deps.trustProxy ?? false, logController: new RequestLines() });

  installErrorHandling(app, deps.database);

  app.get('/healthz', { logLevel: 'silent' }, () => ({ ok: true, database: deps.database.kind, channels: Object.keys(deps.channelStates ?? {}) }));
  installReadiness(app, { database: deps.database, channels: deps.channelStates ?? {}, ...(deps.stopping ? { stopping: deps.stopping } : {}) });

  for (const channel of deps.channels) channel.routes?.(app);
  registerMediaRoute(app, deps.media.db, deps.media.now);

  app.register(metricsRoute, { database: deps.database, tokens: [deps.adminToken, ...(deps.metricsToken ? [deps.metricsToken] : [])], log: deps.log });
  app.register(adminRoutes, { prefix: '/api', admin: deps.admin, conversation: deps.conversation, turns: deps.turns, adminToken: deps.adminToken });

  return app;
}

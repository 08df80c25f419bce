/**
 * The HTTP face: health, the Telegram webhook, and the admin API. Built by a function from its
 * dependencies, so tests start exactly what production starts.
 */
import { timingSafeEqual } from 'node:crypto';
import multipart from '@fastify/multipart';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { webhookCallback, type Bot } from 'grammy';
import type { Logger } from 'pino';
import {
  AdminError,
  createTaskCommand,
  deliveryReportCommand,
  demoCommand,
  importCommand,
  inviteCommand,
  publishCommand,
  type AdminContext,
  type TaskArgs,
} from '../admin/commands.js';
import { act } from '../channels/actions.js';
import { converse, type ConversationDeps } from '../channels/conversation.js';
import type { Database } from '../db/client.js';
import { ImportRejected } from '../imports/problems.js';
import { t } from '../messages/i18n.js';
import { renderProblems } from '../messages/import-problems.js';
import type { IncomingFile } from '../services/imports.js';

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
    if (error instanceof ImportRejected) return reply.code(422).send({ error: renderProblems(t, error.problems).join('\n'), problems: error.problems });
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

    /** multipart/form-data: one or more `file` parts (the six portal responses, a sheet or a letter) and `period`. */
    api.register(async (imports) => {
      // Over the import limit on purpose: a too large file is refused by the import with a clear message.
      await imports.register(multipart, { limits: { fileSize: 60 * 1024 * 1024, files: 20 } });
      imports.post('/imports', async (request, reply) => {
        if (!request.isMultipart()) throw new AdminError(t('admin-import-not-multipart'), 415);
        const files: IncomingFile[] = [];
        let period: string | null = null;
        for await (const part of request.parts()) {
          if (part.type === 'file') files.push({ fileName: part.filename, bytes: await part.toBuffer() });
          else if (part.fieldname === 'period') period = String(part.value);
        }
        if (files.length === 0) throw new AdminError(t('admin-import-no-files'));
        const result = await importCommand(deps.admin, files, { period });
        return reply.code(result.report.importId === null ? 200 : 201).send(result);
      });
    });

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

    api.post<{ Body: { period?: string } }>('/publications', async (request, reply) => {
      const view = await publishCommand(deps.admin, String(request.body?.period ?? ''), 'api');
      return reply.code(view.again ? 200 : 201).send(view);
    });

    api.get<{ Params: { period: string } }>('/publications/:period', async (request) => deliveryReportCommand(deps.admin, request.params.period));

    api.post<{ Body: TaskArgs }>('/tasks', async (request, reply) => reply.code(201).send(await createTaskCommand(deps.admin, request.body, deps.conversation.timeZone)));

    /** The terminal chat (`npm run chat`) talks through here while the server holds the database. */
    api.post<{ Body: { chatId?: string; text?: string } }>('/console/messages', async (request) => {
      const { chatId = 'local', text = '' } = request.body ?? {};
      const replies = await converse(deps.conversation, {
        chat: { channel: 'console', externalId: String(chatId), type: 'private', title: null },
        text: String(text),
        addressed: true,
      });
      // A terminal cannot show an attached file: it is named, and the CLI writes it (`template`).
      return { replies: replies.map(({ file, ...reply }) => (file ? { ...reply, file: { fileName: file.fileName, bytes: [] } } : reply)) };
    });

    /** A button the terminal chat pressed. */
    api.post<{ Body: { chatId?: string; action?: string } }>('/console/actions', async (request) => {
      const { chatId = 'local', action = '' } = request.body ?? {};
      return { replies: await act(deps.conversation, { channel: 'console', externalId: String(chatId), type: 'private', title: null }, null, String(action)) };
    });
  }, { prefix: '/api' });

  return app;
}

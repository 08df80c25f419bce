/**
 * The admin API under /api: its OpenAPI description (public, at /api/docs) and the routes behind
 * the admin token. Every route declares what it takes and gives (admin-schemas.ts); a request that
 * does not fit is refused with 400 naming the field before any command runs.
 */
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AdminError,
  collectCommand,
  createTaskCommand,
  deliveryReportCommand,
  demoCommand,
  importCommand,
  inviteCommand,
  publishCommand,
  type AdminContext,
} from '../admin/commands.js';
import { act, asReplies } from '../core/act.js';
import type { ChatTurns } from '../channels/chat-turns.js';
import { converse, type ConversationDeps } from '../core/conversation.js';
import type { ChatAddress } from '../db/chats.js';
import { t } from '../messages/i18n.js';
import type { Reply } from '../messages/reply.js';
import { requireAdminToken } from './admin-auth.js';
import * as schemas from './admin-schemas.js';
import { zodValidator } from './errors.js';
import { readUpload, UPLOAD_LIMITS } from './upload.js';

export interface AdminRoutesOptions {
  admin: AdminContext;
  conversation: ConversationDeps;
  turns: ChatTurns;
  adminToken: string;
}

/** Only the page and its own assets: nothing is fetched from elsewhere. */
const DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'self'";

/** The multipart body is read by the handler under busboy's limits; its schema only documents it. */
const multipartBody: FastifySchemaCompiler<unknown> = () => (data: unknown) => ({ value: data });

/** A terminal cannot show an attached file: it comes along in base64, for the chat to write out. */
function forTerminal(replies: Reply[]) {
  return replies.map(({ file, ...reply }) => (file ? { ...reply, file: { fileName: file.fileName, bytes: [], base64: Buffer.from(file.bytes).toString('base64') } } : reply));
}

export async function adminRoutes(scope: FastifyInstance, options: AdminRoutesOptions): Promise<void> {
  scope.setValidatorCompiler(zodValidator);
  scope.setSerializerCompiler(serializerCompiler);

  await scope.register(swagger, {
    openapi: {
      info: { title: 'chiso-bot: API quản trị', version: '1', description: t('admin-docs-description') },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await scope.register(swaggerUi, { routePrefix: '/docs', indexPrefix: scope.prefix, staticCSP: DOCS_CSP });

  await scope.register(async (api) => {
    await requireAdminToken(api, options.adminToken);
    const { admin, conversation, turns } = options;
    const routes = api.withTypeProvider<ZodTypeProvider>();

    routes.post('/demo', { schema: { summary: 'Nạp dữ liệu mẫu', response: { 200: schemas.demoReply, ...schemas.commonErrors } } }, async () => demoCommand(admin));

    await routes.register(async (imports) => {
      await imports.register(multipart, { limits: UPLOAD_LIMITS, throwFileSizeLimit: false });
      imports.withTypeProvider<ZodTypeProvider>().post(
        '/imports',
        {
          validatorCompiler: multipartBody,
          schema: {
            summary: 'Nhập kết quả: tệp của Cổng DVCQG, bảng tính hoặc công văn',
            consumes: ['multipart/form-data'],
            body: schemas.importBody,
            response: { 200: schemas.importReply, 201: schemas.importReply, 413: schemas.errorReply, 415: schemas.errorReply, 422: schemas.errorReply, ...schemas.commonErrors },
          },
        },
        async (request, reply) => {
          const { files, period, force } = await readUpload(request);
          if (files.length === 0) throw new AdminError(t('admin-import-no-files'));
          const result = await importCommand(admin, files, { period, force });
          return reply.code(result.report.importId === null ? 200 : 201).send(result);
        },
      );
    });

    routes.post(
      '/collections',
      {
        schema: {
          summary: 'Thu thập kết quả một tỉnh từ Cổng DVCQG rồi nhập',
          description: 'Hỏi lần lượt 6 bảng đánh giá của Cổng, nhập như tệp gửi lên. Cổng trả lời lỗi (403, 429, trang tường lửa, quá thời gian): 502, không lưu gì.',
          body: schemas.collectionBody,
          response: { 200: schemas.collectionReply, 201: schemas.collectionReply, 422: schemas.errorReply, 502: schemas.errorReply, ...schemas.commonErrors },
        },
      },
      async (request, reply) => {
        const outcome = await collectCommand(admin, request.body, 'api');
        return reply.code(outcome.report.importId === null ? 200 : 201).send(outcome);
      },
    );

    routes.post(
      '/invites',
      { schema: { summary: 'Tạo mã mời', body: schemas.inviteBody, response: { 201: schemas.inviteReply, 409: schemas.errorReply, ...schemas.commonErrors } } },
      async (request, reply) => reply.code(201).send(await inviteCommand(admin, request.body)),
    );

    routes.post(
      '/publications',
      { schema: { summary: 'Công bố một kỳ', body: schemas.publicationBody, response: { 200: schemas.publicationReply, 201: schemas.publicationReply, 409: schemas.errorReply, ...schemas.commonErrors } } },
      async (request, reply) => {
        const view = await publishCommand(admin, request.body.period, 'api');
        return reply.code(view.again ? 200 : 201).send(view);
      },
    );

    routes.get(
      '/publications/:period',
      { schema: { summary: 'Báo cáo gửi của một kỳ', params: schemas.periodParams, response: { 200: schemas.deliveryReportReply, ...schemas.commonErrors } } },
      async (request) => deliveryReportCommand(admin, request.params.period),
    );

    routes.post(
      '/tasks',
      { schema: { summary: 'Giao nhiệm vụ', body: schemas.taskBody, response: { 201: schemas.taskReply, 409: schemas.errorReply, ...schemas.commonErrors } } },
      async (request, reply) => reply.code(201).send(await createTaskCommand(admin, request.body, conversation.timeZone)),
    );

    /** The terminal chat (`npm run chat`) talks through here while the server holds the database. */
    routes.post(
      '/console/messages',
      { schema: { summary: 'Trò chuyện trong terminal', body: schemas.consoleBody, response: { 200: schemas.consoleReply, ...schemas.commonErrors } } },
      async (request) => {
        const chat: ChatAddress = { channel: 'console', externalId: request.body.chatId, type: 'private', title: null };
        const replies = await turns.run(chat, () => converse(conversation, { chat, text: request.body.text, addressed: true }));
        return { replies: forTerminal(replies) };
      },
    );

    /** A button pressed in the terminal chat. */
    routes.post(
      '/console/actions',
      { schema: { summary: 'Bấm nút trong terminal', body: schemas.consoleActionBody, response: { 200: schemas.consoleReply, ...schemas.commonErrors } } },
      async (request) => {
        const chat = { channel: 'console' as const, externalId: request.body.chatId, type: 'private' as const, title: null };
        return { replies: forTerminal(asReplies(await turns.run(chat, () => act(conversation, chat, null, request.body.action)))) };
      },
    );
  });
}

/**
 * Every refusal as `{ error }` in Vietnamese: the admin commands' own, a request that does not match
 * its route's schema (naming each field), a path that does not exist, and Fastify's and its plugins'
 * own errors, recognised by their codes.
 */
import type { FastifyInstance, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { AdminError } from '../admin/commands.js';
import type { Database } from '../db/client.js';
import { ImportRejected } from '../imports/problems.js';
import { t } from '../messages/i18n.js';
import { renderProblems } from '../messages/import-problems.js';
import { sendDatabaseUnavailable } from './readiness.js';

export interface FieldProblem {
  field: string;
  message: string;
}

/** A request that does not match its route's schema: 400 with one message per field. */
export class RequestInvalid extends Error {
  readonly statusCode = 400;
  constructor(readonly fields: FieldProblem[]) {
    super(t('admin-request-invalid', { problems: fields.map((f) => f.message).join('; ') }));
  }
}

type Issue = z.core.$ZodIssue;

const fieldName = (path: readonly PropertyKey[]): string =>
  path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`)).join('');

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

const typeName = (expected: string): string => (t.has(`admin-type-${expected}`) ? t(`admin-type-${expected}`) : expected);

function describe(issue: Issue, data: unknown): FieldProblem[] {
  const field = fieldName(issue.path);
  const value = valueAt(data, issue.path);
  if (issue.path.length === 0 && (value === null || value === undefined)) return [{ field: '', message: t('admin-body-missing') }];
  if (value === undefined) return [{ field, message: t('admin-field-missing', { field }) }];
  // A schema may name its own message by a catalogue key (a union's expected shape, say).
  if (t.has(issue.message)) return [{ field, message: t(issue.message, { field }) }];
  switch (issue.code) {
    case 'invalid_type':
      return [{ field, message: issue.path.length === 0 ? t('admin-body-type', { expected: typeName(issue.expected) }) : t('admin-field-type', { field, expected: typeName(issue.expected) }) }];
    case 'invalid_value':
      return [{ field, message: t('admin-field-one-of', { field, values: issue.values.map((v) => JSON.stringify(v)).join(', ') }) }];
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return [{ field, message: t('admin-field-empty', { field }) }];
      return [{ field, message: t('admin-field-too-small', { field, origin: issue.origin, minimum: Number(issue.minimum) }) }];
    case 'too_big':
      return [{ field, message: t('admin-field-too-big', { field, origin: issue.origin, maximum: Number(issue.maximum) }) }];
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const name = fieldName([...issue.path, key]);
        return { field: name, message: t('admin-field-unknown', { field: name }) };
      });
    default:
      return [{ field, message: t('admin-field-invalid', { field }) }];
  }
}

/** Validates a route's params, querystring and body with its zod schema; the parsed value replaces the input. */
export const zodValidator: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data);
    return result.success ? { value: result.data } : { error: new RequestInvalid(result.error.issues.flatMap((issue) => describe(issue, data))) };
  };

/** Fastify's and @fastify/multipart's own errors that a client can cause, by code. */
const FASTIFY_ERRORS: Record<string, (request: FastifyRequest) => string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => t('http-invalid-json'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => t('http-empty-json'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: (request) => t('http-media-type', { type: request.headers['content-type'] ?? '' }),
  FST_ERR_CTP_BODY_TOO_LARGE: (request) => t('http-body-too-large', { max: Math.floor(request.routeOptions.bodyLimit / 1024) }),
  FST_INVALID_MULTIPART_CONTENT_TYPE: () => t('admin-import-not-multipart'),
  FST_MP_PREMATURE_CLOSE: () => t('admin-upload-broken'),
};

export function installErrorHandling(app: FastifyInstance, database: Pick<Database, 'health'>): void {
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: t('http-not-found', { method: request.method, path: request.url.split('?')[0] ?? '' }) }),
  );

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error instanceof AdminError) return reply.code(error.status).send({ error: error.message });
    if (error instanceof RequestInvalid) return reply.code(400).send({ error: error.message, fields: error.fields });
    if (error instanceof ImportRejected) return reply.code(422).send({ error: renderProblems(t, error.problems).join('\n'), problems: error.problems });
    if (database.health.report(error)) return sendDatabaseUnavailable(reply);
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) {
      request.log.error({ err: error }, 'request failed');
      return reply.code(500).send({ error: t('admin-server-error') });
    }
    const code = error.code ?? String(status);
    const known = FASTIFY_ERRORS[code];
    return reply.code(status).send({ error: known ? known(request) : t('http-bad-request', { code }) });
  });
}

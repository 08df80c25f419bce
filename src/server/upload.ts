/**
 * Reads POST /api/imports (multipart/form-data: `file` parts, `period` and `force`) under limits that busboy
 * enforces while the bytes arrive: a file over the import limit is refused when its 20 MB are
 * passed, not after it is buffered, and one request carries at most a few such files.
 */
import type { FastifyRequest } from 'fastify';
import { AdminError } from '../admin/commands.js';
import { MAX_IMPORT_BYTES } from '../imports/problems.js';
import { t } from '../messages/i18n.js';
import type { IncomingFile } from '../imports/read.js';

export const MAX_UPLOAD_FILES = 20;
export const MAX_UPLOAD_BYTES = 3 * MAX_IMPORT_BYTES;
export const UPLOAD_LIMITS = { fileSize: MAX_IMPORT_BYTES, files: MAX_UPLOAD_FILES, fields: 5, fieldSize: 1024, parts: MAX_UPLOAD_FILES + 5 };

const megabytes = (bytes: number) => bytes / 1024 / 1024;
const fileTooLarge = (file: string) => new AdminError(t('admin-upload-file-too-large', { file, max: megabytes(MAX_IMPORT_BYTES) }), 413);
const requestTooLarge = () => new AdminError(t('admin-upload-too-large', { max: megabytes(MAX_UPLOAD_BYTES) }), 413);

/** Codes of @fastify/multipart's own refusals. */
const PART_LIMITS = new Set(['FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT']);

/**
 * Reads what is left of a refused request and drops it, so the answer comes once the client has
 * sent everything and can read it, and the connection is left idle, not half read. A client that
 * keeps sending past the request limit is cut off.
 */
async function dropRest(request: FastifyRequest): Promise<void> {
  const raw = request.raw;
  raw.unpipe();
  if (raw.readableEnded || raw.destroyed) return;
  let dropped = 0;
  await new Promise<void>((resolve) => {
    raw.on('data', (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > MAX_UPLOAD_BYTES) raw.destroy();
    });
    raw.once('end', resolve);
    raw.once('close', resolve);
    raw.resume();
  });
}

export async function readUpload(request: FastifyRequest): Promise<{ files: IncomingFile[]; period: string | null; force: boolean }> {
  if (!request.isMultipart()) throw new AdminError(t('admin-import-not-multipart'), 415);
  if (Number(request.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) throw requestTooLarge();
  const files: IncomingFile[] = [];
  let period: string | null = null;
  let force = false;
  let total = 0;
  try {
    for await (const part of request.parts({ limits: UPLOAD_LIMITS })) {
      if (part.type === 'field') {
        if (part.fieldname === 'period') period = String(part.value);
        else if (part.fieldname === 'force') force = String(part.value) === 'true';
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (part.file.truncated) throw fileTooLarge(part.filename);
        if (total > MAX_UPLOAD_BYTES) throw requestTooLarge();
        chunks.push(chunk);
      }
      if (part.file.truncated) throw fileTooLarge(part.filename);
      files.push({ fileName: part.filename, bytes: Buffer.concat(chunks) });
    }
  } catch (error) {
    await dropRest(request);
    if (error instanceof AdminError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (PART_LIMITS.has(code)) throw new AdminError(t('admin-upload-too-many-parts', { files: MAX_UPLOAD_FILES }), 413);
    request.log.info({ err: error }, 'multipart upload unreadable');
    throw new AdminError(t('admin-upload-broken'), 400);
  }
  return { files, period, force };
}

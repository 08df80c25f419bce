/**
 * GET /media/:token/:name: files a channel sends by address (Zalo takes photos by URL, and has no
 * documents), for as long as they are kept. An unknown or expired token is a plain 404.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { keepMedia, mediaByToken } from '../db/media.js';
import type { ReplyFile } from '../messages/reply.js';
import { t } from '../messages/i18n.js';

/** How long a file sent by address stays reachable. */
export const MEDIA_TTL_MS = 7 * 24 * 3600 * 1000;

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export function contentTypeOf(fileName: string): string {
  return CONTENT_TYPES[fileName.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

/** Where a channel's files are served from: keeps a file and gives its address. */
export interface MediaStore {
  address(file: ReplyFile): Promise<string>;
}

export function mediaStore(db: Db, publicUrl: string, now: () => Date): MediaStore {
  return {
    async address(file) {
      const token = await keepMedia(db, { fileName: file.fileName, contentType: contentTypeOf(file.fileName), bytes: file.bytes }, now(), MEDIA_TTL_MS);
      return `${publicUrl}/media/${token}/${encodeURIComponent(file.fileName)}`;
    },
  };
}

const params = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/), name: z.string() });

export function registerMediaRoute(app: FastifyInstance, db: Db, now: () => Date): void {
  app.get('/media/:token/:name', async (request, reply) => {
    const parsed = params.safeParse(request.params);
    const media = parsed.success ? await mediaByToken(db, parsed.data.token, now()) : null;
    if (!media) return reply.code(404).send({ error: t('media-not-found') });
    return reply
      .header('content-type', media.contentType)
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(media.fileName)}`)
      .header('cache-control', 'private, max-age=3600')
      .send(media.bytes);
  });
}

/** Files served by address for a while (media_files): kept, read back, and forgotten once expired. */
import { randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from './client.js';
import { mediaFiles } from './schema.js';

export interface StoredMedia {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/** Keeps a file for `ttlMs` and returns its token: 32 random bytes, so its address cannot be guessed. */
export async function keepMedia(db: Db, file: { fileName: string; contentType: string; bytes: Uint8Array }, now: Date, ttlMs: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(mediaFiles).values({
    token,
    fileName: file.fileName,
    contentType: file.contentType,
    data: Buffer.from(file.bytes).toString('base64'),
    expiresAt: new Date(now.getTime() + ttlMs),
  });
  return token;
}

export async function mediaByToken(db: Db, token: string, now: Date): Promise<StoredMedia | null> {
  const [row] = await db
    .select()
    .from(mediaFiles)
    .where(and(eq(mediaFiles.token, token), gt(mediaFiles.expiresAt, now)));
  return row ? { fileName: row.fileName, contentType: row.contentType, bytes: Buffer.from(row.data, 'base64') } : null;
}

export async function forgetExpiredMedia(db: Db, now: Date): Promise<number> {
  const gone = await db.delete(mediaFiles).where(lt(mediaFiles.expiresAt, now)).returning({ token: mediaFiles.token });
  return gone.length;
}

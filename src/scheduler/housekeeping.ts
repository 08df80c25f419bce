/**
 * Forgetting what no longer matters: update ids older than a week (Telegram re-sends an update for
 * at most 24 hours, so a week is generous).
 */
import { lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { processedUpdates } from '../db/schema.js';

const KEEP_UPDATES_MS = 7 * 24 * 60 * 60 * 1000;

export async function forgetOldUpdates(db: Db, now: Date): Promise<number> {
  const removed = await db
    .delete(processedUpdates)
    .where(lt(processedUpdates.receivedAt, new Date(now.getTime() - KEEP_UPDATES_MS)))
    .returning({ id: processedUpdates.updateId });
  return removed.length;
}

/**
 * Updates and how their handling went. Claiming an update marks it as being handled; a copy
 * delivered again is handled only if the first handling failed or its handler died (a few times at
 * most), never after it was done. Claims are made in the chat's turn, so an update still marked as
 * being handled is one whose handler died (its process, or the database under it).
 */
import { and, eq, isNotNull, lt, ne, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { processedUpdates, type UpdateStatus } from './schema.js';

/** A deterministic failure is not retried forever: the platform would redeliver it for a day. */
export const MAX_UPDATE_ATTEMPTS = 3;

export interface UpdateRef {
  channel: string;
  updateId: string;
}


/** Called in the update's chat turn; non-null when this caller is now the one to handle the update. */
export async function claimUpdate(db: Db, update: UpdateRef, payload: unknown): Promise<{ attempt: number } | null> {
  const [row] = await db
    .insert(processedUpdates)
    .values({ ...update, status: 'handling', attempts: 1, payload })
    .onConflictDoUpdate({
      target: [processedUpdates.channel, processedUpdates.updateId],
      set: { status: 'handling', attempts: sql`${processedUpdates.attempts} + 1` },
      setWhere: sql`${processedUpdates.status} <> 'done' and ${processedUpdates.attempts} < ${MAX_UPDATE_ATTEMPTS}`,
    })
    .returning({ attempt: processedUpdates.attempts });
  return row ?? null;
}

export async function finishUpdate(db: Db, update: UpdateRef, status: Exclude<UpdateStatus, 'handling'>): Promise<void> {
  await db
    .update(processedUpdates)
    .set(status === 'done' ? { status, payload: null } : { status })
    .where(and(eq(processedUpdates.channel, update.channel), eq(processedUpdates.updateId, update.updateId)));
}

/** Updates acknowledged but not done (their handler failed or died): handled again by `resume`. */
export async function unfinishedUpdates(db: Db, channel: string, olderThanSeconds: number, limit: number): Promise<unknown[]> {
  const rows = await db
    .select({ payload: processedUpdates.payload })
    .from(processedUpdates)
    .where(
      and(
        eq(processedUpdates.channel, channel),
        ne(processedUpdates.status, 'done'),
        lt(processedUpdates.attempts, MAX_UPDATE_ATTEMPTS),
        isNotNull(processedUpdates.payload),
        lt(processedUpdates.receivedAt, sql`now() - make_interval(secs => ${olderThanSeconds})`),
      ),
    )
    // Oldest first by arrival: ids are text now, and "10" sorts before "9".
    .orderBy(processedUpdates.receivedAt)
    .limit(limit);
  return rows.map((r) => r.payload);
}

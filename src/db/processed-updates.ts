/**
 * Updates and how their handling went. Claiming an update marks it as being handled, on a lease;
 * a copy delivered again is handled only if the first handling failed (a few times at most) or its
 * handler died, never after it was done.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { processedUpdates, type UpdateStatus } from './schema.js';

/** A deterministic failure is not retried forever: the platform would redeliver it for a day. */
export const MAX_UPDATE_ATTEMPTS = 3;
const HANDLING_LEASE_SECONDS = 120;

export interface UpdateRef {
  channel: string;
  updateId: number;
}

/** True when this caller is now the one to handle the update. */
export async function claimUpdate(db: Db, update: UpdateRef): Promise<{ attempt: number } | null> {
  const leaseUntil = sql`now() + make_interval(secs => ${HANDLING_LEASE_SECONDS})`;
  const [row] = await db
    .insert(processedUpdates)
    .values({ ...update, status: 'handling', attempts: 1, leaseUntil })
    .onConflictDoUpdate({
      target: [processedUpdates.channel, processedUpdates.updateId],
      set: { status: 'handling', attempts: sql`${processedUpdates.attempts} + 1`, leaseUntil },
      setWhere: sql`(${processedUpdates.status} = 'failed' and ${processedUpdates.attempts} < ${MAX_UPDATE_ATTEMPTS})
        or (${processedUpdates.status} = 'handling' and ${processedUpdates.leaseUntil} < now())`,
    })
    .returning({ attempt: processedUpdates.attempts });
  return row ?? null;
}

export async function finishUpdate(db: Db, update: UpdateRef, status: Exclude<UpdateStatus, 'handling'>): Promise<void> {
  await db
    .update(processedUpdates)
    .set({ status, leaseUntil: null })
    .where(and(eq(processedUpdates.channel, update.channel), eq(processedUpdates.updateId, update.updateId)));
}

/**
 * Updates and how their handling went. Claiming an update marks it as being handled; a copy
 * delivered again is handled only if the first handling failed or its handler died (a few times at
 * most), never after it was done. Claims are made in the chat's turn, so an update still marked as
 * being handled is one whose handler died (its process, or the database under it).
 */
import { and, eq, isNotNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';
import { processedUpdates, type UpdateStatus } from './schema.js';

/** A deterministic failure is not retried forever: the platform would redeliver it for a day. */
export const MAX_UPDATE_ATTEMPTS = 3;

export interface UpdateRef {
  channel: string;
  updateId: string;
}


/**
 * Claims the update, as part of the statement that takes its chat's turn: when the CTE named `source`
 * has a row (the turn was taken), it returns the attempt this handling is; nothing when the update was
 * done already or tried too often.
 */
export function claimFrom(source: string, update: UpdateRef, payload: unknown): SQL {
  const kept = payload === undefined || payload === null ? sql`null::jsonb` : sql`${JSON.stringify(payload)}::jsonb`;
  return sql`insert into ${processedUpdates} (channel, update_id, status, attempts, payload)
    select ${update.channel}::text, ${update.updateId}::text, 'handling', 1, ${kept} from ${sql.identifier(source)}
    on conflict (channel, update_id) do update set status = 'handling', attempts = ${processedUpdates.attempts} + 1
    where ${processedUpdates.status} <> 'done' and ${processedUpdates.attempts} < ${MAX_UPDATE_ATTEMPTS}
    returning attempts`;
}

/** Records how the handling went (the payload is no longer kept once done), as part of the statement that gives the turn back. */
export function finishing(update: UpdateRef, status: Exclude<UpdateStatus, 'handling'>): SQL {
  return sql`update ${processedUpdates} set status = ${status}${status === 'done' ? sql`, payload = null` : sql``}
    where ${and(eq(processedUpdates.channel, update.channel), eq(processedUpdates.updateId, update.updateId))}`;
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

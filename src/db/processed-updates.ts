/**
 * Updates and how their handling went. Claiming an update marks it as being handled; a copy
 * delivered again is handled only if the first handling failed or its handler died (a few times at
 * most), never after it was done. Claims are made in the chat's turn, so an update still marked as
 * being handled is one whose handler died (its process, or the database under it).
 */
import { and, eq, isNotNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';
import { processedUpdates } from './schema.js';

/** A deterministic failure is not retried forever: the platform would redeliver it for a day. */
export const MAX_UPDATE_ATTEMPTS = 3;

export interface UpdateRef {
  channel: string;
  updateId: string;
}


/**
 * Claims the update, as part of the statement that takes its chat's turn (a prepared statement's
 * placeholders: `updateChannel`, `updateId`, `payload`, the update as JSON text or null): when the CTE named
 * `source` has a row (the turn was taken; no `source`, always), it returns the attempt this handling is;
 * nothing when the update was done already or tried too often.
 */
export function claimFrom(source: string | null): SQL {
  const from = source === null ? sql`` : sql` from ${sql.identifier(source)}`;
  return sql`insert into ${processedUpdates} (channel, update_id, status, attempts, payload)
    select ${sql.placeholder('updateChannel')}::text, ${sql.placeholder('updateId')}::text, 'handling', 1, ${sql.placeholder('payload')}::jsonb${from}
    on conflict (channel, update_id) do update set status = 'handling', attempts = ${processedUpdates.attempts} + 1
    where ${processedUpdates.status} <> 'done' and ${processedUpdates.attempts} < ${MAX_UPDATE_ATTEMPTS}
    returning attempts`;
}

/**
 * Records how the handling went, placeholders `updateChannel`, `updateId` and `status` (`done` or
 * `failed`): once done, the payload is no longer kept.
 */
export const FINISHING: SQL = sql`update ${processedUpdates}
  set status = ${sql.placeholder('status')}::text, payload = case when ${sql.placeholder('status')}::text = 'done' then null else ${processedUpdates.payload} end
  where ${and(eq(processedUpdates.channel, sql.placeholder('updateChannel')), eq(processedUpdates.updateId, sql.placeholder('updateId')))}`;

/** The payload as `claimFrom` keeps it. */
export function payloadText(payload: unknown): string | null {
  return payload === undefined || payload === null ? null : JSON.stringify(payload);
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

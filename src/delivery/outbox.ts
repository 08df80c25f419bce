/**
 * The outbox table's operations. Enqueueing is INSERT … ON CONFLICT DO NOTHING on a dedupe key, so
 * any trigger may repeat; claiming takes due rows FOR UPDATE SKIP LOCKED and leases them, so a crashed
 * sender's rows come back once the lease runs out.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Db } from '../db/client.js';
import { chats, outbox, outboxPayloads, type OutboxKind } from '../db/schema.js';
import type { Reply } from '../messages/reply.js';

export interface NewMessage {
  dedupeKey: string;
  kind: OutboxKind;
  /** Higher goes first (PRIORITY_ANSWER before the rest). */
  priority?: number;
  chatId: number;
  unitId: number | null;
  publicationId: number | null;
  taskId?: number | null;
  payload: Reply;
  notBefore?: Date;
}

const CHUNK = 1000;

/** A person waiting for an answer goes before a publication's thousands of cards. */
export const PRIORITY_ANSWER = 10;

/** A reply as JSON can hold it: a file's bytes as base64. */
function storable(reply: Reply): Record<string, unknown> {
  const { file, ...rest } = reply;
  return file ? { ...rest, file: { fileName: file.fileName, base64: Buffer.from(file.bytes).toString('base64') } } : rest;
}

function replyOf(stored: Record<string, unknown> | string): Reply {
  const value = (typeof stored === 'string' ? JSON.parse(stored) : stored) as Reply & { file?: { fileName: string; base64?: string } };
  const { file, ...rest } = value;
  return file?.base64 !== undefined ? { ...rest, file: { fileName: file.fileName, bytes: Buffer.from(file.base64, 'base64') } } : value;
}

/**
 * Writes messages, each payload once (chats that get the same reply share it). Returns how many
 * messages were new; payloads that no new message uses are removed again.
 */
export async function enqueue(db: Db, messages: readonly NewMessage[]): Promise<number> {
  const distinct = [...new Set(messages.map((m) => m.payload))];
  const payloadIds = new Map<Reply, number>();
  for (let i = 0; i < distinct.length; i += CHUNK) {
    const slice = distinct.slice(i, i + CHUNK);
    const rows = await db
      .insert(outboxPayloads)
      .values(slice.map((payload) => ({ payload: storable(payload) })))
      .returning({ id: outboxPayloads.id });
    // Ids are serial and handed out in VALUES order within one statement.
    const ids = rows.map((r) => r.id).sort((a, b) => a - b);
    slice.forEach((payload, j) => payloadIds.set(payload, ids[j] as number));
  }
  let added = 0;
  for (let i = 0; i < messages.length; i += CHUNK) {
    const rows = await db
      .insert(outbox)
      .values(messages.slice(i, i + CHUNK).map(({ payload, ...m }) => ({ ...m, payloadId: payloadIds.get(payload) as number })))
      .onConflictDoNothing({ target: outbox.dedupeKey })
      .returning({ id: outbox.id });
    added += rows.length;
  }
  const created = [...payloadIds.values()];
  if (created.length > 0) {
    await db.delete(outboxPayloads).where(and(inArray(outboxPayloads.id, created), sql`not exists (select 1 from ${outbox} where ${outbox.payloadId} = ${outboxPayloads.id})`));
  }
  return added;
}

export interface ClaimedMessage {
  id: number;
  chatId: number;
  attempts: number;
  payload: Reply;
  channel: string;
  externalId: string;
  chatType: string;
  chatReachable: boolean;
}

/** Due rows, and rows whose lease ran out (their sender died), leased to this sender. */
export async function claim(database: Database, limit: number, leaseSeconds: number): Promise<ClaimedMessage[]> {
  const rows = await database.query<{ id: number; chat_id: number; attempts: number; priority: number; payload: Record<string, unknown> | string }>(
    `with claimed as (
       update outbox set status = 'sending', attempts = attempts + 1, lease_until = now() + make_interval(secs => $2)
       where id in (
         select id from outbox
         where (status = 'pending' and not_before <= now()) or (status = 'sending' and lease_until < now())
         order by priority desc, id limit $1 for update skip locked)
       returning id, chat_id, attempts, priority, payload_id)
     select claimed.id, claimed.chat_id, claimed.attempts, claimed.priority, p.payload from claimed join outbox_payloads p on p.id = claimed.payload_id`,
    [limit, leaseSeconds],
  );
  if (rows.length === 0) return [];
  const chatRows = await database.db.select().from(chats).where(inArray(chats.id, [...new Set(rows.map((r) => r.chat_id))]));
  const byId = new Map(chatRows.map((c) => [c.id, c]));
  return rows
    .sort((a, b) => b.priority - a.priority || a.id - b.id)
    .map((r) => {
      const chat = byId.get(r.chat_id);
      return {
        id: r.id,
        chatId: r.chat_id,
        attempts: r.attempts,
        payload: replyOf(r.payload),
        channel: chat?.channel ?? '',
        externalId: chat?.externalId ?? '',
        chatType: chat?.type ?? 'private',
        chatReachable: Boolean(chat?.active && !chat.blockedAt),
      };
    });
}

export async function markSent(db: Db, id: number, messageId: string | null): Promise<void> {
  await db.update(outbox).set({ status: 'sent', sentAt: sql`now()`, externalMessageId: messageId, leaseUntil: null, lastError: null }).where(eq(outbox.id, id));
}

export async function markRetry(db: Db, id: number, afterSeconds: number, error: string): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'pending', notBefore: sql`now() + make_interval(secs => ${afterSeconds})`, leaseUntil: null, lastError: error })
    .where(eq(outbox.id, id));
}

/** A 429 is the channel's pacing, not the message's fault: the attempt is given back. */
export async function markWaiting(db: Db, id: number, afterSeconds: number, error: string): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'pending', attempts: sql`${outbox.attempts} - 1`, notBefore: sql`now() + make_interval(secs => ${afterSeconds})`, leaseUntil: null, lastError: error })
    .where(eq(outbox.id, id));
}

export async function markFailed(db: Db, id: number, status: 'failed' | 'blocked', error: string): Promise<void> {
  await db.update(outbox).set({ status, leaseUntil: null, lastError: error }).where(eq(outbox.id, id));
}

/** Outside the chat's messaging window: reported, or kept `waiting` for the user's next message. */
export async function markOutsideWindow(db: Db, id: number, status: 'outside-window' | 'waiting', error: string): Promise<void> {
  await db.update(outbox).set({ status, attempts: sql`${outbox.attempts} - 1`, leaseUntil: null, lastError: error }).where(eq(outbox.id, id));
}

/** The user wrote again: what waited for them is due now. Returns how many rows came back. */
export async function releaseWaiting(db: Db, chatId: number): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ status: 'pending', notBefore: sql`now()`, lastError: null })
    .where(and(eq(outbox.chatId, chatId), eq(outbox.status, 'waiting')))
    .returning({ id: outbox.id });
  return rows.length;
}

/** The chat is gone for the bot: it is skipped from now on, and its pending messages with it. */
export async function markChatUnreachable(db: Db, chatId: number, error: string): Promise<void> {
  await db.update(chats).set({ active: false, blockedAt: sql`now()`, updatedAt: sql`now()` }).where(eq(chats.id, chatId));
  await db
    .update(outbox)
    .set({ status: 'blocked', lastError: error, leaseUntil: null })
    .where(and(eq(outbox.chatId, chatId), inArray(outbox.status, ['pending', 'waiting'])));
}

/**
 * Claims this sender will not send after all (it is stopping, or lost the database mid-batch): due
 * again at once, the attempt not counted. A row is matched with the attempt it was claimed at, so a
 * row another sender has claimed since (its lease ran out) stays with that sender.
 */
export async function giveBack(database: Database, rows: readonly Pick<ClaimedMessage, 'id' | 'attempts'>[]): Promise<void> {
  if (rows.length === 0) return;
  await database.query(
    `update outbox set status = 'pending', attempts = outbox.attempts - 1, lease_until = null
     from jsonb_to_recordset($1::jsonb) as given(id int, attempts int)
     where outbox.id = given.id and outbox.attempts = given.attempts and outbox.status = 'sending'`,
    [JSON.stringify(rows.map(({ id, attempts }) => ({ id, attempts })))],
  );
}

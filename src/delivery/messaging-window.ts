/**
 * The messaging window of channels that have one (Zalo OA): each message or follow of a user opens
 * it again, and what waited outside it for that user is due at once.
 */
import { and, eq, lt } from 'drizzle-orm';
import { upsertChat, type ChatAddress, type ChatRow } from '../db/chats.js';
import type { Db } from '../db/client.js';
import { chats, outbox } from '../db/schema.js';
import { releaseWaiting } from './outbox.js';

/** The chat (made reachable: the user is there), its last inbound time set, and how many messages came back to be sent. */
export async function recordInbound(db: Db, address: ChatAddress, at: Date): Promise<{ chat: ChatRow; released: number }> {
  const row = await upsertChat(db, address);
  const [chat] = await db.update(chats).set({ lastInboundAt: at }).where(eq(chats.id, row.id)).returning();
  return { chat: chat ?? row, released: await releaseWaiting(db, row.id) };
}

/** A card or reminder waits this long for its user to write again; then it is reported outside the window instead. */
export const WAIT_AT_MOST_MS = 30 * 24 * 3600 * 1000;

/** Waiting messages too old to send: a user back after months gets no stale cards. */
export async function expireWaiting(db: Db, now: Date): Promise<number> {
  const expired = await db
    .update(outbox)
    .set({ status: 'outside-window' })
    .where(and(eq(outbox.status, 'waiting'), lt(outbox.createdAt, new Date(now.getTime() - WAIT_AT_MOST_MS))))
    .returning({ id: outbox.id });
  return expired.length;
}

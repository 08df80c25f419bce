/**
 * The messaging window of channels that have one (Zalo OA): each message or follow of a user opens
 * it again, and what waited outside it for that user is due at once.
 */
import { eq } from 'drizzle-orm';
import { upsertChat, type ChatAddress, type ChatRow } from '../db/chats.js';
import type { Db } from '../db/client.js';
import { chats } from '../db/schema.js';
import { releaseWaiting } from './outbox.js';

/** The chat (made reachable: the user is there), its last inbound time set, and how many messages came back to be sent. */
export async function recordInbound(db: Db, address: ChatAddress, at: Date): Promise<{ chat: ChatRow; released: number }> {
  const row = await upsertChat(db, address);
  const [chat] = await db.update(chats).set({ lastInboundAt: at }).where(eq(chats.id, row.id)).returning();
  return { chat: chat ?? row, released: await releaseWaiting(db, row.id) };
}

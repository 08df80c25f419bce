/** Queries on chats: one row per conversation on one channel. */
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';
import type { Role } from '../domain/roles.js';
import { chats, type Channel, type ChatType } from './schema.js';

export type ChatRow = typeof chats.$inferSelect;

export interface ChatAddress {
  channel: Channel;
  externalId: string;
  type: ChatType;
  title: string | null;
}

export async function chatByAddress(db: Db, channel: Channel, externalId: string): Promise<ChatRow | undefined> {
  return (await db.select().from(chats).where(and(eq(chats.channel, channel), eq(chats.externalId, externalId))))[0];
}

export async function upsertChat(db: Db, address: ChatAddress, link?: { unitId: number; role: Role }): Promise<ChatRow> {
  const [row] = await db
    .insert(chats)
    .values({ ...address, unitId: link?.unitId ?? null, role: link?.role ?? null })
    .onConflictDoUpdate({
      target: [chats.channel, chats.externalId],
      set: {
        type: address.type,
        title: address.title,
        active: true,
        blockedAt: null,
        updatedAt: sql`now()`,
        ...(link ? { unitId: link.unitId, role: link.role } : {}),
      },
    })
    .returning();
  if (!row) throw new Error('upsert chat returned nothing');
  return row;
}

export async function markChatReachable(db: Db, chatId: number): Promise<void> {
  await db.update(chats).set({ active: true, blockedAt: null, updatedAt: sql`now()` }).where(eq(chats.id, chatId));
}

/** Chats that may receive a message the bot starts: active, not blocked, on a channel that can push. */
export function reachableOn(channels: readonly Channel[]): SQL {
  return and(eq(chats.active, true), isNull(chats.blockedAt), inArray(chats.channel, [...channels])) as SQL;
}

/** A chat's conversation in progress: at most one per chat, replaced by the next, removed when done. */
import { and, eq, sql } from 'drizzle-orm';
import type { ChatAddress } from './chats.js';
import type { Db } from './client.js';
import { conversationStates } from './schema.js';

export type ConversationState =
  | { kind: 'assign-task'; data: { step: 'title' | 'units' | 'deadline'; assigningUnitId: number; title?: string; unitIds?: number[] } }
  | { kind: 'task-note'; data: { taskId: number; unitId: number } };

type Address = Pick<ChatAddress, 'channel' | 'externalId'>;

export async function setState(db: Db, chat: Address, state: ConversationState): Promise<void> {
  await db
    .insert(conversationStates)
    .values({ channel: chat.channel, externalId: chat.externalId, kind: state.kind, data: state.data })
    .onConflictDoUpdate({ target: [conversationStates.channel, conversationStates.externalId], set: { kind: state.kind, data: state.data, updatedAt: sql`now()` } });
}

export async function clearState(db: Db, chat: Address): Promise<boolean> {
  const rows = await db
    .delete(conversationStates)
    .where(and(eq(conversationStates.channel, chat.channel), eq(conversationStates.externalId, chat.externalId)))
    .returning({ kind: conversationStates.kind });
  return rows.length > 0;
}

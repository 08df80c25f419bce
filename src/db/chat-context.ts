/**
 * What answering a message reads about its chat before anything else, in one statement: the chat's
 * row, the conversation under way (a task being given, a note), whether an import draft is open, and
 * `IMPORTS_STAMP`, which tells whether what is held in memory of the results is still current
 * (services/import-cache.ts).
 * The statement that takes the chat's turn reads it as well (channels/chat-turns.ts), so a question
 * costs no statement of its own for it.
 */
import { and, desc, eq, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { ChatAddress, ChatRow } from './chats.js';
import type { Db } from './client.js';
import type { ConversationState } from './conversation-states.js';
import { fromJsonRow, jsonRow } from './json-rows.js';
import { Prepared } from './prepared.js';
import { IMPORTS_STAMP } from './results.js';
import { chats, conversationStates, importDrafts } from './schema.js';

type Address = Pick<ChatAddress, 'channel' | 'externalId'>;

export interface ChatContext {
  /** The chat's row, when the chat is known. */
  chat: ChatRow | undefined;
  state: ConversationState | null;
  /** The chat's open import draft, without its files (the draft itself is read when it is needed). */
  draft: { id: number; period: string | null } | null;
  /** `IMPORTS_STAMP` as the chat's turn began. */
  importsStamp: string;
}

export interface ChatContextColumns {
  chat: Record<string, unknown> | null;
  state: { kind: ConversationState['kind']; data: unknown } | null;
  draft: { id: number; period: string | null } | null;
  imports: string;
}

/** Four columns, `chat`, `state`, `draft` and `imports`, for a select list; the address is given as placeholders of a prepared statement. */
export function chatContextColumns(address: { channel: Placeholder; externalId: Placeholder }): SQL {
  return sql`
    (select ${jsonRow(chats)} from ${chats} where ${and(eq(chats.channel, address.channel), eq(chats.externalId, address.externalId))}) as chat,
    (select json_build_object('kind', ${conversationStates.kind}, 'data', ${conversationStates.data}) from ${conversationStates}
      where ${and(eq(conversationStates.channel, address.channel), eq(conversationStates.externalId, address.externalId))}) as state,
    (select json_build_object('id', ${importDrafts.id}, 'period', ${importDrafts.period}) from ${importDrafts}
      where ${and(eq(importDrafts.channel, address.channel), eq(importDrafts.externalId, address.externalId), eq(importDrafts.status, 'open'))}
      order by ${desc(importDrafts.id)} limit 1) as draft,
    ${IMPORTS_STAMP} as imports`;
}

export function chatContextOf(columns: ChatContextColumns): ChatContext {
  return {
    chat: columns.chat ? fromJsonRow(chats, columns.chat) : undefined,
    state: columns.state ? ({ kind: columns.state.kind, data: columns.state.data } as ConversationState) : null,
    draft: columns.draft ?? null,
    importsStamp: columns.imports,
  };
}

const READ = new Prepared<Address, ChatContextColumns>(
  'chat_context',
  sql`select ${chatContextColumns({ channel: sql.placeholder('channel'), externalId: sql.placeholder('externalId') })}`,
);

export async function readChatContext(db: Db, address: Address): Promise<ChatContext> {
  const [row] = await READ.rows(db, { channel: address.channel, externalId: address.externalId });
  if (!row) throw new Error('the chat context query returned no row');
  return chatContextOf(row);
}

/**
 * What a feature is: the requests it answers, the button actions it handles, and optionally a step
 * that takes a message before any request is read (a conversation under way, an import waiting for
 * its period). features/index.ts joins them into tables that must cover every request and action
 * kind: one that no feature answers fails the type check.
 */
import type { ChatContext } from '../db/chat-context.js';
import type { ChatAddress, ChatRow } from '../db/chats.js';
import type { Action } from '../domain/actions.js';
import type { Gazetteer } from '../domain/gazetteer.js';
import type { Request, Today } from '../domain/request.js';
import type { ImportProgress } from '../imports/save.js';
import type { Reply } from '../messages/reply.js';
import type { ConversationDeps, IncomingMessage } from '../core/conversation.js';

/** A message being answered, with what the core read about it once. */
export interface Asked {
  deps: ConversationDeps;
  message: IncomingMessage;
  /** The chat's row, when the chat is known. */
  chat: ChatRow | undefined;
  /** The chat's row, conversation under way and open draft, as read before anything was written. */
  known: ChatContext;
  today: Today;
}

/** The request of one kind (a member may hold two kinds, as /congbo and /baocao share one shape). */
export type RequestOf<K extends Request['kind']> = Request & { kind: K };

export type Answer<K extends Request['kind']> = (asked: Asked & { gazetteer: Gazetteer }, request: RequestOf<K>) => Promise<Reply[]>;
export type Answers<K extends Request['kind']> = { [P in K]: Answer<P> };

/** A button pressed. */
export interface Tapped {
  deps: ConversationDeps;
  chat: ChatAddress;
  /** The person who pressed, as the channel names them. */
  sender: string | null;
  /** A long action (storing an import) says how far it is, for channels that can show it. */
  onProgress?: ImportProgress;
}

/**
 * What a button press comes to: the replies, and how a channel that can may show them — `replaces`:
 * in place of the message whose button was pressed; `notice`: a short line on the press itself.
 * A channel that cannot shows the replies (and the notice) as new messages.
 */
export interface ActOutcome {
  replies: Reply[];
  replaces?: boolean;
  notice?: string;
  /** The pressed message's buttons are spent (a publication sent): a channel that can takes them away. */
  spends?: boolean;
}

export type Act<K extends Action['kind']> = (tapped: Tapped, action: Extract<Action, { kind: K }>) => Promise<ActOutcome>;
export type Acts<K extends Action['kind']> = { [P in K]: Act<P> };

/** Takes a message before its request is read; null lets it through. */
export type Intercept = (asked: Asked) => Promise<Reply[] | null>;

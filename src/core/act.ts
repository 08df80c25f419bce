/**
 * A button pressed, on any channel: the action it carries is decoded in one place
 * (domain/actions.ts) and handled by the feature that put it there. Data no button of ours
 * carries (an older version's, a forged tap) does nothing.
 */
import type { ChatAddress } from '../db/chats.js';
import { decodeAction, type Action } from '../domain/actions.js';
import type { ImportProgress } from '../imports/save.js';
import { textReply, type Reply } from '../messages/reply.js';
import { ACTS } from '../features/index.js';
import type { Act, ActOutcome } from '../features/feature.js';
import type { ConversationDeps } from './conversation.js';
import { noteIntent } from './intent.js';

export type { ActOutcome } from '../features/feature.js';

export async function act(deps: ConversationDeps, chat: ChatAddress, sender: string | null, data: string, options: { onProgress?: ImportProgress } = {}): Promise<ActOutcome> {
  const action = decodeAction(data);
  noteIntent(`button:${action?.kind ?? 'unknown'}`);
  if (!action) return { replies: [] };
  const handle = ACTS[action.kind] as Act<Action['kind']>;
  return handle({ deps, chat, sender, ...options }, action);
}

/** An outcome as new messages, for a channel that shows nothing in place: the notice becomes a line of its own. */
export function asReplies(outcome: ActOutcome): Reply[] {
  return outcome.notice ? [...outcome.replies, textReply(outcome.notice)] : outcome.replies;
}

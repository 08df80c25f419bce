/**
 * What the bot does with one OA event, in the user's turn and once: a message is answered (a
 * number that picks one of the last choices shown presses it), a follow opens the way to the user,
 * an unfollow closes it; every message and follow restarts the user's messaging window.
 */
import type { Logger } from 'pino';
import { chatByAddress, type ChatAddress } from '../../db/chats.js';
import { sendAnswers, type Answering } from '../../delivery/answers.js';
import { recordInbound } from '../../delivery/messaging-window.js';
import { markChatUnreachable } from '../../delivery/outbox.js';
import { textReply } from '../../messages/reply.js';
import { answerPlainChat } from '../plain-chat.js';
import type { ConversationDeps } from '../../core/conversation.js';
import { noteIntent } from '../../core/intent.js';
import { handleInTurnOnce, type UpdateHandling } from '../update-handling.js';
import { updateIdOf, userOf, type OaEvent } from './events.js';

export interface OaHandling {
  deps: ConversationDeps;
  handling: UpdateHandling;
  answering: Answering;
  log: Logger;
}

export function oaChat(userId: string): ChatAddress {
  return { channel: 'zalo-oa', externalId: userId, type: 'private', title: null };
}

async function handleEvent(h: OaHandling, event: OaEvent, updateId: string): Promise<void> {
  const { deps } = h;
  const chat = oaChat(userOf(event));
  if (event.event_name === 'follow' || event.event_name === 'unfollow') noteIntent('membership');
  if (event.event_name === 'unfollow') {
    const row = await chatByAddress(deps.db, 'zalo-oa', chat.externalId);
    if (row) await markChatUnreachable(deps.db, row.id, 'unfollowed the OA');
    return;
  }
  const { released } = await recordInbound(deps.db, chat, deps.now());
  if (released > 0) deps.wakeDelivery?.();
  if (!event.event_name.startsWith('user_send_')) return;
  const text = event.event_name === 'user_send_text' && 'message' in event && event.message && 'text' in event.message ? event.message.text : null;
  const replies = await answerPlainChat(deps, { chat, text, addressed: true, sender: null });
  if (replies.length > 0) await sendAnswers(h.answering, chat, replies, `zalo-oa:${updateId}`);
}

/** Handles the event unless a copy of it was handled already; throws when it failed (it is then handled again later). */
export async function handleOaEvent(h: OaHandling, event: OaEvent): Promise<void> {
  const updateId = updateIdOf(event);
  const chat = oaChat(userOf(event));
  await handleInTurnOnce(
    h.handling,
    { channel: 'zalo-oa', updateId, turn: chat.externalId, payload: event, addressed: event.event_name.startsWith('user_send_') },
    () => handleEvent(h, event, updateId),
    async (text) => {
      // Only to someone who wrote: the sender refuses outside the window anyway.
      if (event.event_name !== 'user_send_text') return;
      await h.answering.sender.send(chat, textReply(text)).catch((error: unknown) => h.log.error({ err: error }, 'could not tell the user'));
    },
  );
}

/**
 * A message on a channel without buttons (Zalo): a typed number or label presses the button it
 * stands for, any other text is a message to the conversation, and what is not text gets a short
 * note that the bot reads text only. The answer comes with its buttons numbered, across its replies.
 */
import { act, asReplies } from '../core/act.js';
import { converse, type ConversationDeps, type IncomingMessage } from '../core/conversation.js';
import { textReply, type Reply } from '../messages/reply.js';
import { noteIntent } from '../core/intent.js';
import { chosenAction, numberChoices } from './choices.js';

/** `text` null: the user sent something else (a picture, a sticker). */
export async function answerPlainChat(deps: ConversationDeps, message: Omit<IncomingMessage, 'text'> & { text: string | null }): Promise<Reply[]> {
  const { chat } = message;
  let replies: Reply[];
  if (message.text === null) {
    noteIntent('not-text');
    replies = [textReply(deps.t('text-only'))];
  } else {
    const text = message.text.trim();
    const action = await chosenAction(deps.db, chat, text);
    replies = action !== null ? asReplies(await act(deps, chat, message.sender ?? null, action)) : await converse(deps, { ...message, text });
  }
  return numberChoices(deps.db, chat, replies);
}

/**
 * A button pressed, on any channel: the action string it carries, routed to the conversation's
 * answer. Telegram answers some of them in place (it edits the preview, or shows a notice on the
 * tap); a channel that cannot shows the same replies as new messages.
 */
import { chatByAddress, type ChatAddress } from '../db/chats.js';
import { decodeQuestion } from '../domain/question-action.js';
import { textReply, type Reply } from '../messages/reply.js';
import { cancelImport, cardAction, confirmImport, confirmPublication, type ConversationDeps } from './conversation.js';
import { answerSettled } from './questions.js';
import { acceptSuggestion, taskAction } from './task-talk.js';

export async function act(deps: ConversationDeps, chat: ChatAddress, sender: string | null, action: string): Promise<Reply[]> {
  const [kind = '', ...rest] = action.split(':');
  const argument = rest.join(':');
  let reply: Reply | null = null;
  switch (kind) {
    case 'import': {
      const [choice, draftId] = rest;
      if (choice === 'ok' || choice === 'force') reply = await confirmImport(deps, chat, Number(draftId), { force: choice === 'force' });
      if (choice === 'no') reply = await cancelImport(deps, chat, Number(draftId));
      break;
    }
    case 'pubgo':
      reply = await confirmPublication(deps, chat, argument);
      break;
    case 'pubno':
      reply = textReply(deps.t('publication-cancelled'));
      break;
    case 'pub':
      reply = await cardAction(deps, chat, action);
      break;
    case 'task':
      reply = await taskAction(deps, chat, sender, action);
      break;
    case 'sugg':
      reply = await acceptSuggestion(deps, chat, sender, action);
      break;
    case 'q': {
      // A unit chosen among several of one name, a nearby period: the question answered as settled.
      const settled = decodeQuestion(action);
      if (!settled) break;
      return answerSettled(deps, await chatByAddress(deps.db, chat.channel, chat.externalId), settled);
    }
    default:
      // A button of an older version, or data no button carries: nothing to do.
      break;
  }
  return reply ? [reply] : [];
}

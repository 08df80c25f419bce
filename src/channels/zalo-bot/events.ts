/**
 * What the bot does with a Zalo Bot event, in its chat's turn and once (channels/update-handling.ts):
 * a text is a typed number (or label) of the last numbered choices, pressed as a button, or else a
 * message for the conversation; anything else (image, sticker, "unsupported", which is also what
 * protected users send) is told that the bot reads text only.
 */
import type { Logger } from 'pino';
import type { ChatAddress } from '../../db/chats.js';
import { sendAnswers, type Answering } from '../../delivery/answers.js';
import type { ChatRateLimit } from '../chat-rate-limit.js';
import type { ChatTurns } from '../chat-turns.js';
import { answerPlainChat } from '../plain-chat.js';
import type { ConversationDeps } from '../../core/conversation.js';
import { handleInTurnOnce } from '../update-handling.js';
import type { ZaloBotClient } from './client.js';
import { TEXT_EVENT, type ZaloBotEvent, type ZaloBotMessage } from './updates.js';

export interface ZaloBotHandling {
  deps: ConversationDeps;
  turns: ChatTurns;
  answering: Answering;
  client: ZaloBotClient;
  log: Logger;
  /** Set for long polling: see UpdateHandling. */
  waitForDatabase?: () => Promise<boolean>;
  rateLimit?: ChatRateLimit;
}

export function chatAddress(message: ZaloBotMessage): ChatAddress {
  return {
    channel: 'zalo-bot',
    externalId: message.chat.id,
    type: message.chat.chat_type?.toUpperCase() === 'GROUP' ? 'group' : 'private',
    title: message.from.display_name ?? null,
  };
}

/** Handles one event; rejects when it failed (the user was told), as a webhook's 500 needs. */
export function zaloBotEventHandler(handling: ZaloBotHandling): (event: ZaloBotEvent) => Promise<void> {
  const { deps, client, log } = handling;
  return async (event) => {
    const message = event.message;
    // Events without a message (none documented yet) carry nothing to answer.
    if (!message || message.from.is_bot === true) return;
    const chat = chatAddress(message);
    const text = event.eventName === TEXT_EVENT && message.text !== undefined ? message.text : null;
    const addressed = chat.type === 'private' || (text?.trim().startsWith('/') ?? false);
    await handleInTurnOnce(
      {
        db: deps.db,
        turns: handling.turns,
        log,
        t: deps.t,
        ...(handling.rateLimit ? { rateLimit: handling.rateLimit } : {}),
        ...(handling.waitForDatabase ? { waitForDatabase: handling.waitForDatabase } : {}),
      },
      // Message ids may count per chat, as Telegram's do: the chat makes them unique.
      { channel: 'zalo-bot', updateId: `${chat.externalId}:${message.message_id}`, turn: chat.externalId, payload: { event_name: event.eventName, message }, addressed },
      async (known) => {
        const replies = await answerPlainChat(deps, { chat, text, addressed, sender: message.from.display_name ?? null, known });
        if (replies.length > 0) await sendAnswers(handling.answering, chat, replies, `zalo-bot:${chat.externalId}:${message.message_id}`);
      },
      (text) =>
        client.call('sendMessage', { chat_id: chat.externalId, text }).then(
          () => undefined,
          (error: unknown) => log.error({ err: error }, 'could not tell the user'),
        ),
    );
  };
}

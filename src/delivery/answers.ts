/**
 * Answers to what a person just asked: sent at once while the channel takes them, and whatever it
 * does not take at once (a 429 in a burst, a network fault) goes through the outbox ahead of
 * publications, so every question gets its answer and the webhook is never held waiting.
 */
import type { Logger } from 'pino';
import { upsertChat, type ChatAddress } from '../db/chats.js';
import type { Db } from '../db/client.js';
import type { Reply } from '../messages/reply.js';
import { countSend } from '../observability/metrics.js';
import { enqueue, markChatUnreachable, PRIORITY_ANSWER } from './outbox.js';
import type { Sender } from './sender.js';

export interface Answering {
  db: Db;
  sender: Sender;
  /** Tells the dispatcher the outbox has new rows. */
  wakeDelivery: () => void;
  log: Logger;
}

/** `key` names the question (the channel's update id), so an answer is queued once however often it is retried. */
export async function sendAnswers(answering: Answering, chat: ChatAddress, replies: readonly Reply[], key: string): Promise<void> {
  const recipient = { externalId: chat.externalId, type: chat.type };
  for (const [i, reply] of replies.entries()) {
    const outcome = await answering.sender.send(recipient, reply);
    countSend(answering.sender.channel, outcome);
    switch (outcome.kind) {
      case 'sent':
        continue;
      case 'rejected':
        answering.log.error({ chat: chat.externalId, error: outcome.error }, 'answer refused by the channel');
        continue;
      case 'outside-window':
        // An answer follows the user's own message, so this is the platform disagreeing about the window.
        answering.log.warn({ chat: chat.externalId, error: outcome.error }, 'answer outside the messaging window');
        return;
      case 'unreachable': {
        const row = await upsertChat(answering.db, chat);
        await markChatUnreachable(answering.db, row.id, outcome.error);
        return;
      }
      case 'retry-after':
      case 'transient': {
        const row = await upsertChat(answering.db, chat);
        const notBefore = outcome.kind === 'retry-after' ? new Date(Date.now() + outcome.seconds * 1000) : undefined;
        await enqueue(
          answering.db,
          replies.slice(i).map((payload, j) => ({
            dedupeKey: `answer:${key}:${i + j}`,
            kind: 'answer' as const,
            priority: PRIORITY_ANSWER,
            chatId: row.id,
            unitId: null,
            publicationId: null,
            payload,
            ...(notBefore ? { notBefore } : {}),
          })),
        );
        answering.wakeDelivery();
        return;
      }
    }
  }
}

/**
 * Telegram as the dispatcher sees it. It uses its own Api without auto-retry: the dispatcher decides
 * about 429s and failures, so a wait never holds a webhook answer and no message is retried twice over.
 */
import { Api, GrammyError, HttpError } from 'grammy';
import type { Reply } from '../../messages/reply.js';
import type { Recipient, Sender, SendOutcome } from '../../delivery/sender.js';
import { sendReply } from './send.js';

/** Bot API errors that mean the chat is gone for this bot, whatever the status code. */
const UNREACHABLE = /bot was blocked|bot was kicked|chat not found|user is deactivated|not a member|group chat was deleted|have no rights to send/i;

export function classifyTelegramError(error: unknown): SendOutcome {
  if (error instanceof GrammyError) {
    const description = `${error.error_code} ${error.description}`;
    if (error.error_code === 429) return { kind: 'retry-after', seconds: error.parameters.retry_after ?? 1, error: description };
    if (error.error_code === 403 || UNREACHABLE.test(error.description)) return { kind: 'unreachable', error: description };
    if (error.error_code >= 500) return { kind: 'transient', error: description };
    return { kind: 'rejected', error: description };
  }
  if (error instanceof HttpError) return { kind: 'transient', error: error.message };
  return { kind: 'transient', error: String(error) };
}

export function createTelegramSender(token: string, apiRoot: string): Sender {
  const api = new Api(token, { apiRoot });
  return {
    channel: 'telegram',
    // Telegram: about 30 messages/s overall, 1/s to a chat, 20/min to a group.
    limits: { perSecond: 29, perChatMs: (r: Recipient) => (r.type === 'group' ? 3000 : 1000) },
    async send(recipient: Recipient, reply: Reply): Promise<SendOutcome> {
      try {
        return { kind: 'sent', messageId: String(await sendReply(api, recipient.externalId, reply)) };
      } catch (error) {
        return classifyTelegramError(error);
      }
    },
  };
}

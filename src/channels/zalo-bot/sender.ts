/**
 * Zalo Bot as the dispatcher sees it. Buttons become numbered choices (Zalo has none), so a card
 * sent from the outbox is answered by number too; files go by address (sendPhoto takes a URL).
 *
 * Zalo documents neither its error codes nor its limits (channels.md A6, [U]); assumed here:
 * 429 → wait a second; 403 or a description saying blocked / not found → the chat is unreachable;
 * 5xx and network faults → transient; any other code → the message itself was refused.
 */
import type { Db } from '../../db/client.js';
import type { Recipient, Sender, SendOutcome } from '../../delivery/sender.js';
import type { Translate } from '../../messages/i18n.js';
import type { Reply, ReplyFile } from '../../messages/reply.js';
import type { MediaStore } from '../../server/media.js';
import { numbered, rememberChoices } from '../choices.js';
import { ZaloBotError, type ZaloBotClient } from './client.js';
import { renderForZaloBot, splitForZaloBot, ZALO_BOT_TEXT_LIMIT } from './render.js';

const UNREACHABLE = /block|chặn|not found|không tồn tại|unfollow|deactivat/i;

export function classifyZaloBotError(error: unknown): SendOutcome {
  if (error instanceof ZaloBotError) {
    const description = `${error.code} ${error.description}`;
    if (error.code === 429) return { kind: 'retry-after', seconds: 1, error: description };
    if (error.code === 403 || UNREACHABLE.test(error.description)) return { kind: 'unreachable', error: description };
    if (error.code >= 500) return { kind: 'transient', error: description };
    return { kind: 'rejected', error: description };
  }
  return { kind: 'transient', error: String(error) };
}

export interface ZaloBotSenderOptions {
  client: ZaloBotClient;
  db: Db;
  /** Null without PUBLIC_URL: files cannot be sent then, and the reply says so. */
  media: MediaStore | null;
  t: Translate;
}

interface SentMessage {
  message_id?: string | number;
}

export function createZaloBotSender(options: ZaloBotSenderOptions): Sender {
  return {
    channel: 'zalo-bot',
    // Unknown limits: well under Telegram's, one message a second to a chat.
    limits: { perSecond: 10, perChatMs: () => 1000 },
    async send(recipient: Recipient, reply: Reply): Promise<SendOutcome> {
      try {
        // A card from the outbox brings its buttons (an answer comes numbered already); its choices count once it is sent.
        const card = numbered([reply]);
        const messageId = await sendReply(options, recipient.externalId, card.replies[0] ?? reply);
        if (card.choices.length > 0) await rememberChoices(options.db, { channel: 'zalo-bot', externalId: recipient.externalId }, card.choices);
        return { kind: 'sent', messageId };
      } catch (error) {
        return classifyZaloBotError(error);
      }
    },
  };
}

/** One reply to one chat: a .png as a photo with the text as caption when it fits, any other file as a link line. Returns the first message's id. */
async function sendReply(options: ZaloBotSenderOptions, chatId: string, reply: Reply): Promise<string | null> {
  const { client } = options;
  let text = renderForZaloBot(reply);
  if (reply.file) {
    const url = options.media ? await options.media.address(reply.file) : null;
    if (url && isPhoto(reply.file) && text.length <= ZALO_BOT_TEXT_LIMIT) {
      const sent = await client.call<SentMessage>('sendPhoto', { chat_id: chatId, photo: url, caption: text });
      return idOf(sent);
    }
    text += `\n${url ? options.t('zalo-bot-file-link', { file: reply.file.fileName, url }) : options.t('zalo-bot-file-unavailable', { file: reply.file.fileName })}`;
  }
  let first: string | null = null;
  for (const part of splitForZaloBot(text)) {
    const sent = await client.call<SentMessage>('sendMessage', { chat_id: chatId, text: part });
    first ??= idOf(sent);
  }
  return first;
}

function isPhoto(file: ReplyFile): boolean {
  return file.fileName.toLowerCase().endsWith('.png');
}

function idOf(sent: SentMessage | null | undefined): string | null {
  return sent?.message_id === undefined ? null : String(sent.message_id);
}

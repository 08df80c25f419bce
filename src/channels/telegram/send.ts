/**
 * One Reply sent to one Telegram chat: a picture as a photo, any other file as a document, with the text
 * as its caption (sent after it, when longer than a caption may be); or the text in parts with the
 * buttons under the last.
 */
import { InputFile, type Api } from 'grammy';
import { isPicture, type Reply } from '../../messages/reply.js';
import { renderForTelegram, splitForTelegram, type TelegramMessage } from './render.js';

/** Telegram refuses a photo's or a document's caption over this many characters. */
export const TELEGRAM_CAPTION_LIMIT = 1024;

/** Returns the id of the first message sent. */
export async function sendReply(api: Api, chatId: number | string, reply: Reply): Promise<number> {
  const message = renderForTelegram(reply);
  if (!reply.file) return sendText(api, chatId, message);
  const { text, reply_markup } = message;
  const file = new InputFile(reply.file.bytes, reply.file.fileName);
  const captioned = text.length <= TELEGRAM_CAPTION_LIMIT;
  const other = captioned ? { caption: text, parse_mode: 'HTML' as const, ...(reply_markup ? { reply_markup } : {}) } : {};
  const sent = isPicture(reply.file) ? await api.sendPhoto(chatId, file, other) : await api.sendDocument(chatId, file, other);
  if (!captioned && text.trim() !== '') await sendText(api, chatId, message);
  return sent.message_id;
}

async function sendText(api: Api, chatId: number | string, { text, reply_markup }: TelegramMessage): Promise<number> {
  const parts = splitForTelegram(text);
  let first: number | null = null;
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    const sent = await api.sendMessage(chatId, part, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(last && reply_markup ? { reply_markup } : {}) });
    first ??= sent.message_id;
  }
  return first ?? 0;
}

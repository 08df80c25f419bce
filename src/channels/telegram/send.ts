/** One Reply sent to one Telegram chat: a document with its caption, or the text in parts with the buttons under the last. */
import { InputFile, type Api } from 'grammy';
import type { Reply } from '../../messages/reply.js';
import { renderForTelegram, splitForTelegram } from './render.js';

/** Returns the id of the first message sent. */
export async function sendReply(api: Api, chatId: number | string, reply: Reply): Promise<number> {
  const { text, reply_markup } = renderForTelegram(reply);
  if (reply.file) {
    const sent = await api.sendDocument(chatId, new InputFile(reply.file.bytes, reply.file.fileName), { caption: text, parse_mode: 'HTML' });
    return sent.message_id;
  }
  const parts = splitForTelegram(text);
  let first: number | null = null;
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    const sent = await api.sendMessage(chatId, part, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(last && reply_markup ? { reply_markup } : {}) });
    first ??= sent.message_id;
  }
  return first ?? 0;
}

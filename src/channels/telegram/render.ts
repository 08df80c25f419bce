/** A Reply in Telegram's HTML: only <, > and & need escaping; the title in bold. */
import { InlineKeyboard } from 'grammy';
import type { Reply } from '../../messages/reply.js';
import { splitText } from '../../messages/split.js';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface TelegramMessage {
  text: string;
  reply_markup?: InlineKeyboard;
}

export function renderForTelegram(reply: Reply): TelegramMessage {
  const body = reply.lines.map(escapeHtml).join('\n');
  const text = reply.title ? `<b>${escapeHtml(reply.title)}</b>\n${body}` : body;
  if (!reply.buttons || reply.buttons.length === 0) return { text };
  const keyboard = new InlineKeyboard();
  reply.buttons.forEach((row, i) => {
    if (i > 0) keyboard.row();
    for (const b of row) keyboard.text(b.label, b.action);
  });
  return { text, reply_markup: keyboard };
}

/** Telegram refuses messages over 4,096 characters: long replies (a list of import problems) go in parts, split between lines. */
export const TELEGRAM_TEXT_LIMIT = 4096;

export function splitForTelegram(text: string, limit = TELEGRAM_TEXT_LIMIT): string[] {
  return splitText(text, limit);
}

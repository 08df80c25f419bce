/** A Reply as Zalo shows it: plain text (no markup), the title on its own line, in parts Zalo takes. */
import { plainText, type Reply } from '../../messages/reply.js';
import { splitText } from '../../messages/split.js';

/** sendMessage takes 1–2,000 characters (channels.md A6). */
export const ZALO_BOT_TEXT_LIMIT = 2000;

/** NFC first: Vietnamese typed in decomposed form would count (and show) differently. */
export function renderForZaloBot(reply: Reply): string {
  return plainText(reply).normalize('NFC');
}

export function splitForZaloBot(text: string, limit = ZALO_BOT_TEXT_LIMIT): string[] {
  return splitText(text.normalize('NFC'), limit);
}

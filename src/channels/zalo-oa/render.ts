/**
 * A reply as OA text messages: plain text (no markup is documented for OA), NFC, at most 2,000
 * characters each, split on line boundaries; a file becomes a line with its address.
 */
import type { MediaStore } from '../../server/media.js';
import type { Translate } from '../../messages/i18n.js';
import { plainText, type Reply } from '../../messages/reply.js';

export const ZALO_OA_TEXT_LIMIT = 2000;

/** Parts of at most `limit` characters, cut between lines; a longer line is cut where it must. */
export function splitText(text: string, limit = ZALO_OA_TEXT_LIMIT): string[] {
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const pieces = line.length > limit ? (line.match(new RegExp(`[\\s\\S]{1,${limit}}`, 'g')) ?? []) : [line];
    for (const piece of pieces) {
      const joined = current === '' ? piece : `${current}\n${piece}`;
      if (joined.length <= limit) {
        current = joined;
        continue;
      }
      if (current.trim() !== '') parts.push(current);
      current = piece;
    }
  }
  if (current.trim() !== '') parts.push(current);
  return parts;
}

export async function renderForZaloOa(reply: Reply, media: MediaStore | null, t: Translate): Promise<string[]> {
  const lines = [plainText(reply)];
  if (reply.file) {
    const file = reply.file.fileName;
    lines.push(media ? t('zalo-oa-file', { file, url: await media.address(reply.file) }) : t('zalo-oa-file-unavailable', { file }));
  }
  return splitText(lines.join('\n').normalize('NFC'));
}

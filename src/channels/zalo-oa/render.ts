/**
 * A reply as OA text messages: plain text (no markup is documented for OA), NFC, at most 2,000
 * characters each, split on line boundaries; a file becomes a line with its address.
 */
import type { MediaStore } from '../../server/media.js';
import type { Translate } from '../../messages/i18n.js';
import { plainText, type Reply } from '../../messages/reply.js';
import { splitText } from '../../messages/split.js';

export const ZALO_OA_TEXT_LIMIT = 2000;

export async function renderForZaloOa(reply: Reply, media: MediaStore | null, t: Translate): Promise<string[]> {
  const lines = [plainText(reply)];
  if (reply.file) {
    const file = reply.file.fileName;
    lines.push(media ? t('zalo-oa-file', { file, url: await media.address(reply.file) }) : t('zalo-oa-file-unavailable', { file }));
  }
  return splitText(lines.join('\n').normalize('NFC'), ZALO_OA_TEXT_LIMIT);
}

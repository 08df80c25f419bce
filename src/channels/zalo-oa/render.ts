/**
 * A reply as OA messages: plain text (no markup is documented for OA), NFC, at most 2,000 characters
 * each, split on line boundaries. A picture goes as an image by its address, its text with it when it
 * fits in one message; any other file (or a picture without PUBLIC_URL) becomes a line with its address.
 */
import type { MediaStore } from '../../server/media.js';
import type { Translate } from '../../messages/i18n.js';
import { isPicture, plainText, type Reply } from '../../messages/reply.js';
import { splitText } from '../../messages/split.js';
import type { OaMessage } from './api.js';

export const ZALO_OA_TEXT_LIMIT = 2000;

export async function renderForZaloOa(reply: Reply, media: MediaStore | null, t: Translate): Promise<OaMessage[]> {
  if (reply.file && media && isPicture(reply.file)) {
    const imageUrl = await media.address(reply.file);
    const [caption = '', ...rest] = splitText(plainText(reply).normalize('NFC'), ZALO_OA_TEXT_LIMIT);
    return [{ text: caption, imageUrl }, ...rest.map((text) => ({ text }))];
  }
  return (await renderTexts(reply, media, t)).map((text) => ({ text }));
}

async function renderTexts(reply: Reply, media: MediaStore | null, t: Translate): Promise<string[]> {
  const lines = [plainText(reply)];
  if (reply.file) {
    const file = reply.file.fileName;
    lines.push(media ? t('zalo-oa-file', { file, url: await media.address(reply.file) }) : t('zalo-oa-file-unavailable', { file }));
  }
  return splitText(lines.join('\n').normalize('NFC'), ZALO_OA_TEXT_LIMIT);
}

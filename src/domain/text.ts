/** Text as people type it: with or without diacritics, any case, any spacing. */

/** Zero-width spaces, joiners and the byte-order mark: invisible, pasted along from documents and chats. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** NFC, without zero-width characters, trimmed, inner whitespace collapsed. Every text that enters the system passes here first. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

/** Lower case without diacritics (đ → d), so "Điểm tháng 2" and "diem thang 2" compare equal. */
export function fold(text: string): string {
  return text
    .replace(ZERO_WIDTH, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Folded text reduced to words: punctuation becomes a space. */
export function foldWords(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower case without tones, one character for one: an index in the fold is the same place in the text. */
export function foldAligned(text: string): string {
  let out = '';
  for (const ch of text) {
    const folded = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
}

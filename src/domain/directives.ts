/**
 * The directives a letter gives: the numbered items after "… thực hiện nghiêm một số nội dung sau:",
 * "… triển khai một số nhiệm vụ sau:", "… các yêu cầu sau:", up to the closing lines ("Trên đây là",
 * "Nơi nhận", "TM.", "KT."). Items start "1.", "2)", "a)" or with a bullet "- "; the lines that follow an
 * item's first line (PDF text breaks lines anywhere) belong to it.
 */
import { cleanText, foldAligned } from './text.js';

/** The phrase that opens the list, on text folded index for index. */
const HEADER = /(?:noi\s+dung|nhiem\s+vu|yeu\s+cau)\s+sau\s*:/;
/** The first line of an item, and its marker. */
const ITEM = /^(?:\d{1,2}\s*[.)]|[a-zđ]\)|[-–+•])\s+/iu;
/** Lines that close the letter, folded. */
const CLOSING = /^(?:tren day la|noi nhan|tm\.|t\/m|kt\.|k\/t)/;

export function extractDirectives(text: string): string[] {
  const nfc = text.normalize('NFC');
  const header = HEADER.exec(foldAligned(nfc));
  if (!header) return [];
  const lines = nfc.slice(header.index + header[0].length).split(/\r?\n/);
  const items: string[][] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (CLOSING.test(foldAligned(line))) break;
    const marker = ITEM.exec(line);
    const current = items[items.length - 1];
    if (marker) items.push([line.slice(marker[0].length)]);
    else if (current) current.push(line);
    else break; // prose rather than a list after the phrase
  }
  return items.map((parts) => cleanText(parts.join(' ')).replace(/\s*[;,]$/, '')).filter((item) => item !== '');
}

/** A short title: the first sentence (to the first '.' or ';'), cut at a word with '…' past `maxLength`. */
export function directiveTitle(directive: string, maxLength = 120): string {
  const text = cleanText(directive);
  const end = /[.;](?=\s|$)/.exec(text);
  const sentence = (end ? text.slice(0, end.index) : text).trim();
  if (sentence.length <= maxLength) return sentence;
  const room = sentence.slice(0, Math.max(1, maxLength - 1));
  const space = room.lastIndexOf(' ');
  const cut = (space > 0 ? room.slice(0, space) : room).replace(/[\s,;:–-]+$/u, '');
  return `${cut}…`;
}


import { foldWords } from '../text.js';
import { type Doc } from './document.js';
import { CLASSIFICATION } from './classification.js';
import type { Mention } from './units.js';

// ---------------------------------------------------------------------------------------------------
// Classification lists: "Nhóm các sở xếp loại tốt gồm: Khoa học và Công nghệ, Tư pháp, …", names without figures.

/** "Nhóm các sở xếp loại tốt gồm:", "Nhóm khá gồm các sở:", "Loại tốt gồm 3 huyện:". */
const HEADER_RE =
  /(?<![a-z])(?:nhom|loai|xep loai|dat loai)\s+(?:cac\s+(so|huyen|don vi|dia phuong)\s+)?(?:(?:duoc\s+)?xep loai\s+)?(xuat sac|trung binh kha|trung binh|tot|kha|yeu|kem)\s+(?:bao gom|gom)(?:\s+(?:co\s+)?(?:cac|\d+)\s+(so|huyen|don vi|dia phuong))?\s*:/g;

/** Department names that hold a comma of their own: a list split at commas puts them back together. */
const COMMA_NAMES = ['Văn hóa, Thể thao và Du lịch', 'Lao động, Thương binh và Xã hội'].map(foldWords);

/** Words that make an item a unit's name as it stands ("Ban Quản lý …"), without the list's "Sở". */
const OWN_KIND = /^(?:Sở|Ban|Văn phòng|Bảo hiểm|Công an|Thanh tra|Cục|Chi cục|Kho bạc|UBND|Ủy ban) /u;

export interface Listed {
  unit: Mention;
  classification: string;
}

/** Each name of a list headed by a classification, as its own unit: "Tư pháp" under "các sở" is "Sở Tư pháp". */
export function classifiedLists(doc: Doc, breaks: readonly number[]): Listed[] {
  const out: Listed[] = [];
  for (const m of doc.f.matchAll(HEADER_RE)) {
    const classification = CLASSIFICATION[m[2] ?? ''];
    const kind = m[1] ?? m[3];
    if (!classification || kind === undefined) continue;
    const from = m.index + m[0].length;
    const to = breaks.find((b) => b > from) ?? doc.t.length;
    const body = doc.t.slice(from, to).replace(/[.;]\s*$/u, '');
    let at = from;
    const items: { text: string; start: number }[] = [];
    for (const part of body.split(',')) {
      const lead = part.length - part.trimStart().length;
      items.push({ text: part.trim(), start: at + lead });
      at += part.length + 1;
    }
    for (let i = 0; i < items.length - 1; i++) {
      const joined = `${items[i]?.text}, ${items[i + 1]?.text}`;
      if (COMMA_NAMES.some((name) => foldWords(joined).startsWith(name))) items.splice(i, 2, { text: joined, start: items[i]?.start ?? 0 });
    }
    // A department's name holds "và" ("Khoa học và Công nghệ"); places do not: "Quế Sơn và Nông Sơn" are two.
    const split = kind === 'so' ? items : items.flatMap((x) => x.text.split(/ và /u).map((text) => ({ text, start: x.start + x.text.indexOf(text) })));
    for (const item of split) {
      if (!/^\p{Lu}[\p{L}\p{M}&,\- ]{1,80}$/u.test(item.text) || item.text.split(' ').length > 14) continue;
      const name = kind === 'so' && !OWN_KIND.test(item.text) ? `Sở ${item.text}` : item.text;
      out.push({ unit: { start: item.start, end: item.start + item.text.length, name, kind: kind === 'so' ? 'so' : 'bare', level: 2 }, classification });
    }
  }
  return out;
}

import { cleanText, foldAligned } from '../text.js';
import { findMentions, type Mention } from './units.js';

// ---------------------------------------------------------------------------------------------------
// Text: the cleaned original and its fold, index for index.

export interface Doc {
  /** cleanText of the input. */
  t: string;
  /** t folded character by character: same length, so an index in one is the same place in the other. */
  f: string;
  /** f with unit names and well-known non-group phrases ("Cổng Dịch vụ công quốc gia") blanked, for group names. */
  fa: string;
  mentions: Mention[];
  /** Each mention's place in `mentions`. */
  order: Map<Mention, number>;
  /** The mentions of provinces and cities, where a unit's parent is looked for. */
  provinces: Mention[];
}

/** The first index whose key is at least `key` (keys ascending): binary search, so a 1 MB text stays linear-ish. */
export function lowerBound<T>(items: readonly T[], key: number, of: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (of(items[mid] as T) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The mentions that start in [from, to). */
export function mentionsIn(doc: Doc, from: number, to: number): Mention[] {
  const out: Mention[] = [];
  for (let i = lowerBound(doc.mentions, from, (m) => m.start); i < doc.mentions.length && (doc.mentions[i]?.start ?? to) < to; i++) out.push(doc.mentions[i] as Mention);
  return out;
}

/** The text with these stretches replaced by spaces, so that every index stays where it was. */
function blank(text: string, ranges: readonly (readonly [number, number])[]): string {
  const chars = text.split('');
  for (const [start, end] of ranges) chars.fill(' ', start, end);
  return chars.join('');
}

/** Phrases that contain a group's words without being about the group. */
const NOT_A_GROUP = [
  /cong dich vu cong(?: quoc gia)?/g,
  /cung cap dich vu cong(?! truc tuyen)/g,
  /dich vu cong theo thoi gian thuc/g,
  /he thong (?:thong tin )?giai quyet (?:thu tuc hanh chinh|tthc)/g,
  /mot cua dien tu/g,
];

/**
 * A headline or a paragraph that ends without a stop ("Khoảng cách dẫn đầu thu hẹp, áp lực cạnh tranh gia tăng") still ends
 * its sentence at the blank line when the next paragraph starts with a capital: else it runs into it and lends it its
 * subject. Not in text copied out of a PDF, which puts a blank line after every wrapped line (many then go on in lower
 * case); short lines (table cells) are left alone.
 */
function closeParagraphs(raw: string): string {
  const starts = [...raw.matchAll(/\n[ \t]*\n\s*(\S)/g)].map((m) => m[1] ?? '');
  const wrapped = starts.filter((c) => /\p{Ll}/u.test(c)).length;
  if (wrapped * 4 > starts.length) return raw;
  return raw.replace(/(^|\n)([^\n]*[^\s.!?:;,])[ \t]*(?=\n[ \t]*\n\s*[\p{Lu}\d#(])/gu, (all, start: string, line: string) =>
    line.trim().split(/\s+/).length >= 4 ? `${start}${line}.` : all,
  );
}

export function readDoc(raw: string): Doc {
  const t = cleanText(closeParagraphs(raw));
  const f = foldAligned(t);
  const mentions = findMentions(t, f);
  const ranges = NOT_A_GROUP.flatMap((re) => [...f.matchAll(re)].map((m) => [m.index, m.index + m[0].length] as const));
  const fa = blank(f, [...ranges, ...mentions.map((m) => [m.start, m.end] as const)]);
  const provinces = mentions.filter((m) => m.kind === 'tinh' || m.kind === 'thanh pho');
  return { t, f, fa, mentions, order: new Map(mentions.map((m, i) => [m, i])), provinces };
}

/** A stretch without what brackets closed in it: "(tháng 9 đạt 87,2 điểm), xếp thứ 3/9" dates the rank by nothing in brackets. */
export function withoutClosedBrackets(f: string): string {
  let out = f;
  for (let previous = ''; previous !== out; ) {
    previous = out;
    out = out.replace(/\([^()]*\)/g, (m) => ' '.repeat(m.length));
  }
  return out;
}

/** A dot ends a clause, except after "TP.", "TX.", "TT.", "H.", "P.", "X.", "Q.". */
const WIDE_SEPARATOR = /[;:!?•]|(?<!(?:^|[^a-z])(?:tp|tx|tt|[hpxq]))\.(?=\s|$)|\s[-–+]\s/g;
const NARROW_SEPARATOR = /[;:!?•]|,(?!\d)|(?<!(?:^|[^a-z])(?:tp|tx|tt|[hpxq]))\.(?=\s|$)|\s[-–+]\s/g;

/** Where the clause that ends at `end` starts: after the last separator in [from, end); a trailing ':' is not one. */
export function clauseStart(f: string, from: number, end: number, narrow: boolean): number {
  let e = end;
  while (e > from && /[\s:=–-]/.test(f[e - 1] ?? '')) e--;
  let start = from;
  for (const m of f.slice(from, e).matchAll(narrow ? NARROW_SEPARATOR : WIDE_SEPARATOR)) start = from + m.index + m[0].length;
  return start;
}

/** "TP. Huế", "H. Lâm Thao", "ThS." end no sentence. */
const NOT_A_SENTENCE_END = /(?<![\p{L}\p{M}])(?:TP|Tp|TX|Tx|TT|H|P|X|Q|ThS|TS|PGS|GS|Th|St|Nxb)$/u;

export function sentenceBreaks(t: string): number[] {
  const breaks: number[] = [];
  for (const m of t.matchAll(/[.!?](?=\s|$)/g)) {
    if (NOT_A_SENTENCE_END.test(t.slice(Math.max(0, m.index - 4), m.index))) continue;
    breaks.push(m.index + 1);
  }
  return breaks;
}

interface Bounds {
  start: number;
  end: number;
}

/** The sentence holding `pos`, as printed: what the preview quotes beside a figure it did not store. */
export function sentenceAt(doc: Doc, breaks: readonly number[], pos: number): string {
  const b = around(breaks, pos, doc.t.length);
  return doc.t.slice(b.start, b.end).trim();
}

export function around(breaks: readonly number[], pos: number, length: number): Bounds {
  const i = lowerBound(breaks, pos + 1, (b) => b);
  return { start: i > 0 ? (breaks[i - 1] ?? 0) : 0, end: breaks[i] ?? length };
}

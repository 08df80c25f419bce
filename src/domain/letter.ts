/**
 * Reads results out of the text of a công văn or a news item: best effort, shown back to a person
 * for confirmation before anything is stored. Numbers are kept as printed (a decimal comma becomes a dot).
 *
 * How it reads. The text is cleaned (NFC, one space) and folded into a copy of the same length (no tones,
 * lower case): keywords are matched on the fold, names are cut from the original at the same positions.
 * Every "N điểm", "N/M điểm", "N điểm/M điểm", "N/100" or "tổng điểm N" is a score; the clause before it
 * says what it scores:
 *   - a group: "- Chỉ số Công khai minh bạch: 18/18 điểm; đạt tỷ lệ 100%", "Tiến độ giải quyết đạt 19,98 điểm";
 *   - a unit's total: "thị xã Mỹ Hào đạt 91,34 điểm", "Tổng điểm: 88,5/100", any "…/100";
 *   - nothing kept: "tăng 2,15 điểm", "cao hơn … 3 điểm", "trung bình cả nước 80,1 điểm", "tối đa 18 điểm",
 *     or a score the clause dates to another period ("Tháng 7/2026, tỉnh … đạt 83,13 điểm").
 * Each unit whose total is printed is one result; the groups, rank, change and classification printed
 * after it (until the next unit's total) are its own. A text with group scores but no total is still a
 * result when it names the unit; a total with no group scores is a result too (unit, total and period
 * are all the text must name clearly). Anything less is `no-result`: the extractor does not guess.
 */
import { compareDecimals, parseDecimal } from './decimal.js';
import { FRAMEWORK_2022, FRAMEWORK_2024, groupOf, type Framework, type GroupKey } from './framework.js';
import { parsePeriodKey, periodKey, type Period } from './period.js';
import { orderGroups, type CriterionScore, type GroupScore, type UnitResult } from './result.js';
import { cleanText, foldAligned, foldWords } from './text.js';

/**
 * A figure the text prints but that cannot be right: left out of the result rather than stored,
 * and listed so the person who confirms the extraction sees what was dropped.
 */
export interface SkippedFigure {
  what: GroupKey | 'total' | 'rank';
  /** As printed: "19,5/18 điểm", "105 điểm", "40/34". */
  printed: string;
  /** above-max: more points than the group (or 100) allows; max-mismatch: a printed maximum the framework does not have. */
  reason: 'above-max' | 'max-mismatch' | 'rank-out-of-range';
}

/** A unit's result as a letter prints it, with the unit by name. */
export interface LetterResult extends Omit<UnitResult, 'period'> {
  unitName: string;
  parentName: string | null;
  period: Period;
  /** Places gained since the previous period as printed ("tăng 3 bậc" → 3, "giảm 2 bậc" → -2, "giữ nguyên vị trí" → 0). */
  rankChange: number | null;
  /** The change in total as printed, signed by its verb: "tăng 2,15 điểm" → "+2,15", "giảm 0,96%" → "-0,96%" (a percentage is no points). */
  printedDelta: string | null;
  skipped: SkippedFigure[];
}

export type LetterExtraction =
  | { ok: true; results: LetterResult[]; unread: UnreadFigure[]; periodSource: PeriodSource }
  | { ok: false; reason: 'no-period' }
  /** No result; `unread` lists the figures printed without a unit that could be told, when there are any. */
  | { ok: false; reason: 'no-result'; unread?: UnreadFigure[] }
  /** The same unit printed twice with different totals for one period: refused, both sentences named. */
  | { ok: false; reason: 'conflict'; conflicts: { unit: string; first: string; second: string }[] };

const NUMBER = String.raw`\d+(?:[.,]\d+)?`;

// ---------------------------------------------------------------------------------------------------
// Text: the cleaned original and its fold, index for index.

interface Doc {
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
function lowerBound<T>(items: readonly T[], key: number, of: (item: T) => number): number {
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
function mentionsIn(doc: Doc, from: number, to: number): Mention[] {
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

function readDoc(raw: string): Doc {
  const t = cleanText(raw);
  const f = foldAligned(t);
  const mentions = findMentions(t, f);
  const ranges = NOT_A_GROUP.flatMap((re) => [...f.matchAll(re)].map((m) => [m.index, m.index + m[0].length] as const));
  const fa = blank(f, [...ranges, ...mentions.map((m) => [m.start, m.end] as const)]);
  const provinces = mentions.filter((m) => m.kind === 'tinh' || m.kind === 'thanh pho');
  return { t, f, fa, mentions, order: new Map(mentions.map((m, i) => [m, i])), provinces };
}

/** A dot ends a clause, except after "TP.", "TX.", "TT.", "H.", "P.", "X.", "Q.". */
const WIDE_SEPARATOR = /[;:!?•]|(?<!(?:^|[^a-z])(?:tp|tx|tt|[hpxq]))\.(?=\s|$)|\s[-–+]\s/g;
const NARROW_SEPARATOR = /[;:!?•]|,(?!\d)|(?<!(?:^|[^a-z])(?:tp|tx|tt|[hpxq]))\.(?=\s|$)|\s[-–+]\s/g;

/** Where the clause that ends at `end` starts: after the last separator in [from, end); a trailing ':' is not one. */
function clauseStart(f: string, from: number, end: number, narrow: boolean): number {
  let e = end;
  while (e > from && /[\s:=–-]/.test(f[e - 1] ?? '')) e--;
  let start = from;
  for (const m of f.slice(from, e).matchAll(narrow ? NARROW_SEPARATOR : WIDE_SEPARATOR)) start = from + m.index + m[0].length;
  return start;
}

// ---------------------------------------------------------------------------------------------------
// Units: "thị xã Mỹ Hào", "UBND xã Hùng Sơn", "phường 12", "tỉnh Phú Thọ", "Sở Tư pháp".

interface Mention {
  start: number;
  end: number;
  /** "thị xã Mỹ Hào": the kind in lower case, the name as printed. */
  name: string;
  kind: string;
  /** 1 tỉnh, 2 huyện/thị xã/thành phố/quận/sở, 3 xã/phường/thị trấn/đặc khu: a parent has a smaller level. */
  level: number;
}

const KINDS: Record<string, { label: string; level: number }> = {
  'thi xa': { label: 'thị xã', level: 2 },
  'thanh pho': { label: 'thành phố', level: 2 },
  'thi tran': { label: 'thị trấn', level: 3 },
  'dac khu': { label: 'đặc khu', level: 3 },
  huyen: { label: 'huyện', level: 2 },
  quan: { label: 'quận', level: 2 },
  tinh: { label: 'tỉnh', level: 1 },
  xa: { label: 'xã', level: 3 },
  phuong: { label: 'phường', level: 3 },
};
const KIND_RE = /(?<![a-z0-9.])(thi xa|thanh pho|thi tran|dac khu|huyen|quan|tinh|xa|phuong) /g;
/** Abbreviations officials write, as printed (case matters: "TP." is a city, "tp." in prose is not read). */
const ABBREVIATIONS: { re: RegExp; kind: string }[] = [
  { re: /(?<![\p{L}\p{M}\d.&,])(?:TP\.?|Tp\.) ?(?=\p{Lu})/gu, kind: 'thanh pho' },
  { re: /(?<![\p{L}\p{M}\d.&,])(?:TX\.?|Tx\.) ?(?=\p{Lu})/gu, kind: 'thi xa' },
  { re: /(?<![\p{L}\p{M}\d.&,])TT\. ?(?=\p{Lu})/gu, kind: 'thi tran' },
  { re: /(?<![\p{L}\p{M}\d.&,])H\. ?(?=\p{Lu})/gu, kind: 'huyen' },
  { re: /(?<![\p{L}\p{M}\d.&,])P\. ?(?=\p{Lu}|\d)/gu, kind: 'phuong' },
  { re: /(?<![\p{L}\p{M}\d.&,])X\. ?(?=\p{Lu})/gu, kind: 'xa' },
];

/**
 * Capitalised words that start a new phrase, not a place name, when a line break ran them together
 * ("thị xã Mỹ Hào\nTổng điểm"). Words that begin real names (Đồng, Năm, Như, Tăng, Quý…) are not here.
 */
const NAME_STOP = String.raw`(?:Trong|Tổng|Chỉ|Nhóm|Kết|Theo|Đạt|Xếp|Về|Tháng|Với|Trên|Tại|Các|Số|Điểm|Kính|Nơi|Tỉnh|Huyện|Xã|Phường|Quận|Đứng|Ngày|Sở|Thị xã|Thị trấn|Thành phố|Đặc khu)(?![\p{L}\p{M}])`;
const NAME_WORD = String.raw`(?!${NAME_STOP})\p{Lu}[\p{Ll}\p{M}]*(?![\p{L}\p{M}\d])`;
const NAME_RE = new RegExp(String.raw`${NAME_WORD}(?: ${NAME_WORD}){0,4}|\d{1,2}(?![\d\p{L}]|[/.,]\d)`, 'uy');
const NAME_STOP_WORD = new RegExp(`^${NAME_STOP}$`, 'u');

const SO_STOP = new Set(
  'đạt được là xếp có đứng tăng giảm với trong tại tháng quý năm về của theo thuộc đã chỉ tổng điểm trên ở cũng vẫn tiếp nhưng còn thì tỉnh thành huyện xã phường quận thị dẫn giữ vươn tụt nằm sở đều cùng lại vừa mới nay'.split(' '),
);
/** Words that may follow a place name in a sentence: a lower-case word that is none of them is part of the name ("tỉnh Bình định"). */
const AFTER_NAME = new Set([...SO_STOP, ...'và hoặc bị cho cả nước này đó khi sau trước từ đến hiện gồm như nhất'.split(' ')]);

/** "Bình" + " định với": a lower-case word between the name and a word that follows names is the name's last word (a typo in case). */
function lowerCaseTail(t: string, end: number): number {
  const m = /^ ([\p{Ll}][\p{Ll}\p{M}]*)(?= ([\p{L}\p{M}]+)|[\s,.;:()]|$)/u.exec(t.slice(end, end + 40));
  if (!m?.[1] || AFTER_NAME.has(m[1])) return end;
  const next = m[2];
  if (next !== undefined && !AFTER_NAME.has(next.toLowerCase())) return end;
  return end + m[0].length;
}

/** "Sở Tư pháp", "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch": words up to a verb or a place. */
function soName(t: string, from: number): number {
  const word = /[\p{L}\p{M}]+(?:[&,][\p{Lu}][\p{L}\p{M}]*)*/uy;
  let pos = from;
  let words = 0;
  for (;;) {
    word.lastIndex = pos;
    const w = word.exec(t)?.[0];
    if (!w || (words === 0 && !/^\p{Lu}/u.test(w))) break;
    if (words > 0 && (SO_STOP.has(w.toLowerCase()) || NAME_STOP_WORD.test(w))) break;
    if (w === 'và' && !/^và \p{Lu}/u.test(t.slice(pos))) {
      // "Bộ Lao động Thương binh và xã hội với …": lower-case words after "và", up to a verb or a mark, end the name.
      const tail = /^và ((?:[\p{Ll}\p{M}]+ )?[\p{Ll}\p{M}]+)(?= (?:với|đạt|là|xếp|đứng|có|tăng|giảm|được)(?![\p{L}\p{M}])|[,.;:()]|$)/u.exec(t.slice(pos, pos + 40));
      if (tail?.[1] && !/(?:^| )(?:tỉnh|huyện|thành|thị|quận|năm|tháng)(?: |$)/u.test(tail[1])) pos += tail[0].length;
      break;
    }
    pos += w.length;
    words += 1;
    if (words >= 8) break;
    if (/^ [\p{L}\p{M}]/u.test(t.slice(pos, pos + 2))) pos += 1;
    else if (/^ - \p{Lu}/u.test(t.slice(pos, pos + 4))) pos += 3;
    else if (/^, \p{Lu}[\p{L}\p{M}]* [\p{L}\p{M}]+ và \p{Lu}/u.test(t.slice(pos, pos + 40))) pos += 2;
    else break;
  }
  return t.slice(from, pos).replace(/[\s,]+$/u, '').length + from;
}

function findMentions(t: string, f: string): Mention[] {
  const found: Mention[] = [];
  for (const m of f.matchAll(KIND_RE)) {
    const kind = KINDS[m[1] ?? ''];
    if (!kind || t.slice(m.index, m.index + kind.label.length).toLowerCase() !== kind.label) continue;
    NAME_RE.lastIndex = m.index + m[0].length;
    const name = NAME_RE.exec(t)?.[0];
    if (!name) continue;
    const end = /^\p{Lu}/u.test(name) ? lowerCaseTail(t, NAME_RE.lastIndex) : NAME_RE.lastIndex;
    const printed = t.slice(m.index + m[0].length, end);
    found.push({ start: m.index, end, name: `${kind.label} ${printed}`, kind: m[1] ?? '', level: kind.level });
  }
  for (const { re, kind: key } of ABBREVIATIONS) {
    const kind = KINDS[key];
    if (!kind) continue;
    for (const m of t.matchAll(re)) {
      NAME_RE.lastIndex = m.index + m[0].length;
      const name = NAME_RE.exec(t)?.[0];
      if (!name) continue;
      const end = /^\p{Lu}/u.test(name) ? lowerCaseTail(t, NAME_RE.lastIndex) : NAME_RE.lastIndex;
      found.push({ start: m.index, end, name: `${kind.label} ${t.slice(m.index + m[0].length, end)}`, kind: key, level: kind.level });
    }
  }
  // Departments and ministries: "Sở Tư pháp", "Bộ Công Thương", "Ban Quản lý …", "Văn phòng UBND …", "Bảo hiểm xã hội Việt Nam".
  for (const m of t.matchAll(/(?<![\p{L}\p{M}])(Sở|Bộ|Ban|Văn phòng|Bảo hiểm xã hội) (?=\p{Lu})/gu)) {
    const from = m.index + m[0].length;
    const end = soName(t, from);
    const national = m[1] === 'Bộ' || (m[1] === 'Bảo hiểm xã hội' && /^Việt Nam/u.test(t.slice(from)));
    if (end > from) found.push({ start: m.index, end, name: t.slice(m.index, end), kind: national ? 'bo' : 'so', level: national ? 1 : 2 });
  }
  // Names printed without their kind, where the sentence's shape says they are units: a list item "Nam Giang (88,35 điểm)",
  // or the subject of a clause "…, Cà Mau đạt 91,06 điểm". A name printed elsewhere with its kind is that unit ("tỉnh Cà Mau").
  const bare = new RegExp(
    String.raw`(?:^|[:;,.(]\s*|\s(?:và|là|gồm)\s+)(${NAME_WORD}(?: ${NAME_WORD}){0,4})(?=\s*\(\s*${NUMBER}\s*điểm\s*\)|\s+(?:đã\s+|vẫn\s+|tiếp tục\s+)?(?:đạt|với)\s+${NUMBER}\s*(?:\/\s*100\s*)?điểm)`,
    'gu',
  );
  for (const m of t.matchAll(bare)) {
    const name = m[1] ?? '';
    const start = m.index + m[0].length - name.length;
    if (found.some((x) => start < x.end && start + name.length > x.start)) continue;
    const key = foldWords(name);
    const known = found.find((x) => (x.kind === 'tinh' || x.kind === 'thanh pho') && foldWords(x.name).endsWith(` ${key}`) && foldWords(x.name).split(' ').length - key.split(' ').length <= 2);
    found.push({ start, end: start + name.length, name: known?.name ?? name, kind: known?.kind ?? 'bare', level: known?.level ?? 2 });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** "xã Hùng Sơn, huyện Lâm Thao, tỉnh Phú Thọ": from any of them back to the first, the unit itself. */
function chainStart(doc: Doc, mention: Mention): Mention {
  let current = mention;
  for (;;) {
    const i = doc.order.get(current) ?? -1;
    const previous = doc.mentions[i - 1];
    if (!previous || previous.level <= current.level) return current;
    if (!/^\s*(?:[,–-]|thuoc|truc thuoc)?\s*$/.test(doc.f.slice(previous.end, current.start))) return current;
    current = previous;
  }
}

function parentOf(doc: Doc, unit: Mention): string | null {
  const next = doc.mentions[(doc.order.get(unit) ?? -2) + 1];
  if (next && next.level < unit.level && /^\s*(?:[,–-]|thuoc|truc thuoc)?\s*$/.test(doc.f.slice(unit.end, next.start))) return next.name;
  if (unit.kind === 'tinh' || unit.kind === 'bo') return null;
  const kinds = unit.kind === 'thanh pho' ? ['tinh'] : ['tinh', 'thanh pho'];
  const own = foldWords(unit.name);
  return doc.provinces.find((m) => kinds.includes(m.kind) && foldWords(m.name) !== own)?.name ?? null;
}

// ---------------------------------------------------------------------------------------------------
// Groups: which group a clause names.

const GROUP_MAX = Object.fromEntries([...FRAMEWORK_2024.groups, ...FRAMEWORK_2022.groups].map((g) => [g.key, g.max])) as Record<GroupKey, string>;

const GROUP_ALIASES: { key: GroupKey; re: RegExp; length: number }[] = [
  ...FRAMEWORK_2024.groups.flatMap((g) => g.aliases.map((alias) => ({ key: g.key, alias }))),
  ...(groupOf(FRAMEWORK_2022, 'CCDVTT')?.aliases ?? []).map((alias) => ({ key: 'CCDVTT' as const, alias })),
  { key: 'CCDVTT' as const, alias: 'cung cap dich vu cong truc tuyen' },
].map(({ key, alias }) => ({ key, re: new RegExp(`(?<![a-z0-9])${alias}(?![a-z0-9])`, 'g'), length: alias.length }));

const isOnline = (key: GroupKey) => key === 'CLGQ' || key === 'CCDVTT';
const sameNumber = (a: string, b: string) => compareDecimals(a, b) === 0;

/**
 * The group a clause (folded, names blanked) is about: the group name nearest its end, or, when a
 * maximum is printed, the one group named there with that maximum. "Dịch vụ công trực tuyến" is
 * one name for two groups: CLGQ (/12) of the six-group framework and CCDVTT (/22) of the five-group one.
 */
function groupIn(clause: string, printedMax: string | null): GroupKey | null {
  const hits: { key: GroupKey; end: number; length: number }[] = [];
  for (const { key, re, length } of GROUP_ALIASES) {
    for (const m of clause.matchAll(re)) hits.push({ key, end: m.index + length, length });
  }
  const best = hits.sort((a, b) => b.end - a.end || b.length - a.length)[0];
  if (!best) return null;
  const keys = new Set(hits.map((h) => h.key));
  if (keys.has('CLGQ') || keys.has('CCDVTT')) keys.add('CLGQ').add('CCDVTT');
  if (printedMax) {
    const fitting = [...keys].filter((k) => sameNumber(GROUP_MAX[k], printedMax));
    if (fitting.length === 1 && fitting[0]) return fitting[0];
  }
  if (!isOnline(best.key)) return best.key;
  return best.key === 'CCDVTT' || /cung cap dich vu/.test(clause) ? 'CCDVTT' : 'CLGQ';
}

// ---------------------------------------------------------------------------------------------------
// Periods.

const MONTH_RE = /(?<![a-z])thang\s+(\d{1,2})\s*(?:[/.-]\s*|\s+nam\s+)(\d{4})(?!\d)/g;
const QUARTER_RE = /(?<![a-z])(?:quy|qui)\s+(iv|iii|ii|i|[1-4])\s*(?:[/.-]\s*|\s+nam\s+)(\d{4})(?!\d)/g;
/** "6 tháng đầu năm 2025", "9 tháng năm 2025": a cumulative period, which is not one the index stores. */
const CUMULATIVE_RE = /(?<![a-z\d])\d{1,2}\s+thang\s+(?:(?:dau|cuoi)\s+)?nam\s+\d{4}/;
const YEAR_RE = /(?<![a-z])nam\s+(\d{4})(?![\d/])/g;
const QUARTER_NO: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

interface PeriodHit {
  index: number;
  end: number;
  period: Period;
  /** A date ("ngày 05 tháng 3 năm 2025") or a comparison ("so với tháng 7/2026"): not the letter's period. */
  aside: boolean;
}

function periodHits(f: string): PeriodHit[] {
  const hits: PeriodHit[] = [];
  const aside = (index: number) =>
    /ngay\s+\d{1,2}\s+$/.test(f.slice(Math.max(0, index - 12), index)) ||
    /(?:so voi|cung ky|truoc do)[^.;:]{0,25}$/.test(f.slice(Math.max(0, index - 40), index));
  for (const m of f.matchAll(MONTH_RE)) {
    const month = Number(m[1]);
    const year = Number(m[2]);
    if (month < 1 || month > 12) continue;
    hits.push({ index: m.index, end: m.index + m[0].length, period: { kind: 'month', year, month }, aside: aside(m.index) });
  }
  for (const m of f.matchAll(QUARTER_RE)) {
    const quarter = QUARTER_NO[m[1] ?? ''] ?? 0;
    hits.push({ index: m.index, end: m.index + m[0].length, period: { kind: 'quarter', year: Number(m[2]), quarter }, aside: aside(m.index) });
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** The period's last month, counted from year 0: orders months, quarters and years on one scale. */
function periodEnd(p: Period): number {
  return p.year * 12 + (p.kind === 'month' ? p.month : p.kind === 'quarter' ? p.quarter * 3 : 12);
}

function mostNamed(hits: PeriodHit[]): Period | null {
  const counts = new Map<string, { period: Period; n: number; first: number }>();
  for (const h of hits) {
    const key = periodKey(h.period);
    const entry = counts.get(key) ?? { period: h.period, n: 0, first: h.index };
    entry.n += 1;
    counts.set(key, entry);
  }
  // On a tie the later period: a news item names the month before as the comparison, rarely the month after.
  return [...counts.values()].sort((a, b) => b.n - a.n || periodEnd(b.period) - periodEnd(a.period) || a.first - b.first)[0]?.period ?? null;
}

/**
 * The period the text is about: the month or quarter it names most often (the later on a tie), dates and
 * "so với …" comparisons aside. Without one, the year of a sentence about results ("Kết quả … năm 2025").
 * A cumulative period ("6 tháng đầu năm 2025") is no period: the index has none such, and reading it as
 * the year would store a half-year as the whole year.
 */
function findLetterPeriod(f: string): Period | null {
  const scored = periodOfScores(f);
  if (scored) return scored;
  const hits = periodHits(f);
  const named = mostNamed(hits.filter((h) => !h.aside));
  if (named) return named;
  if (CUMULATIVE_RE.test(f) || WEEK_RE.test(f)) return null;
  // "Kết quả tháng 7" in a letter signed "…, ngày 05 tháng 8 năm 2025": the month, in the year of the date line.
  const dated = dateLine(f);
  if (dated) {
    const bare: PeriodHit[] = [];
    for (const m of f.matchAll(BARE_MONTH_RE)) {
      if (/ngay\s+\d{1,2}\s+$/.test(f.slice(Math.max(0, m.index - 12), m.index))) continue;
      if (/(?:so voi|cung ky|truoc do)[^.;:]{0,25}$/.test(f.slice(Math.max(0, m.index - 40), m.index))) continue;
      const month = Number(m[1]);
      if (month >= 1 && month <= 12) bare.push({ index: m.index, end: m.index + m[0].length, period: { kind: 'month', year: dated.year, month }, aside: false });
    }
    const month = mostNamed(bare);
    if (month) return month;
  }
  const years: PeriodHit[] = [];
  // Sentences end at ". ", not after "TP." or "H.".
  const ends = [...f.matchAll(/(?<!(?:^|[^a-z])(?:tp|tx|tt|[hpxq]))\.(?=\s)/g)].map((e) => e.index + 1);
  for (const m of f.matchAll(YEAR_RE)) {
    // "tháng 3 năm 2025" in a date is not the year 2025.
    if (hits.some((h) => m.index >= h.index && m.index < h.end)) continue;
    if (/(?:so voi|cung ky|giao|ke hoach|chi tieu)[^.;:]{0,20}$/.test(f.slice(Math.max(0, m.index - 30), m.index))) continue;
    const sentenceStart = ends.filter((e) => e <= m.index).at(-1) ?? 0;
    const sentenceEnd = ends.find((e) => e > m.index) ?? f.length;
    const sentence = f.slice(sentenceStart, sentenceEnd);
    if (!/ket qua|danh gia|chi so|diem|xep/.test(sentence)) continue;
    years.push({ index: m.index, end: m.index + m[0].length, period: { kind: 'year', year: Number(m[1]) }, aside: false });
  }
  return mostNamed(years);
}

/**
 * The period the sentences that print scores give them ("Tổng số điểm năm 2023 … là 67,9/100 điểm", "Tháng 8/2025, tỉnh …
 * đạt 85,28 điểm"): the one most scores are given, the later on a tie (a text compares with the period before, rarely after).
 */
function periodOfScores(f: string): Period | null {
  const found: PeriodHit[] = [];
  for (const m of f.matchAll(SCORE_RE)) {
    if (!/diem|\/\s*100/.test(m[0])) continue;
    const clause = f.slice(clauseStart(f, Math.max(0, m.index - LOOK_BACK), m.index, false), m.index);
    if (NOT_A_SCORE.test(clause) || NOT_A_SCORE_END.test(clause)) continue;
    const hits = periodHits(clause).filter((h) => !h.aside);
    if (hits.length > 0) {
      found.push(...hits.map((h) => ({ ...h, index: m.index })));
      continue;
    }
    if (WEEK_RE.test(clause) || CUMULATIVE_RE.test(clause)) continue;
    for (const year of new Set(yearsNamed(clause, periodHits(clause)))) found.push({ index: m.index, end: m.index, period: { kind: 'year', year }, aside: false });
  }
  return mostNamed(found);
}

/** The letter's date line ("Hưng Yên, ngày 05 tháng 8 năm 2025"): a place, a comma, the date. */
const DATE_LINE_RE = /,\s*ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})(?!\d)/;

function dateLine(f: string): { year: number; month: number } | null {
  const m = DATE_LINE_RE.exec(f);
  const month = Number(m?.[2]);
  return m && month >= 1 && month <= 12 ? { year: Number(m[3]), month } : null;
}

/** Where the period came from: the text's words, the letter's date line, or what the person importing it said. */
export type PeriodSource = 'text' | 'date-line' | 'given';

/** "Tuần 03 năm 2024", "tuần 12/2025": a week, which is not a period the index stores. */
const WEEK_RE = /(?<![a-z])tuan\s+(?:thu\s+)?\d{1,2}\s*(?:[/.-]\s*|\s+(?:cua\s+)?nam\s+)\d{4}(?!\d)/;
/** "tháng 9" without a year, not part of a date ("ngày 5 tháng 9") nor of "tháng 9/2024". */
const BARE_MONTH_RE = /(?<![a-z])thang\s+(\d{1,2})(?![\d/.-]|\s*(?:[/.-]\s*\d|nam\s+\d))/g;

/** The years named in a stretch as years ("năm 2023"), not inside a month or quarter nor after "so với". */
function yearsNamed(f: string, hits: PeriodHit[]): number[] {
  const years: number[] = [];
  for (const m of f.matchAll(YEAR_RE)) {
    if (hits.some((h) => m.index >= h.index && m.index < h.end)) continue;
    if (/(?:so voi|cung ky|giao|ke hoach|chi tieu|tuan\s+\d{1,2})[^.;:]{0,20}$/.test(f.slice(Math.max(0, m.index - 30), m.index))) continue;
    years.push(Number(m[1]));
  }
  return years;
}

/**
 * Does this stretch date what follows to a period other than the letter's ("Tháng 7/2026, tỉnh … đạt",
 * "năm 2023 … đến ngày 27/11/2023" in a letter about tháng 11/2023, "(tháng 9 xếp hạng thứ 5)" in one about tháng 10)?
 */
function otherPeriod(f: string, letterPeriod: Period): boolean {
  const hits = periodHits(f).filter((h) => !h.aside);
  const keys = hits.map((h) => periodKey(h.period));
  if (keys.length > 0) return !keys.includes(periodKey(letterPeriod));
  if (WEEK_RE.test(f)) return true;
  const years = yearsNamed(f, periodHits(f));
  if (years.length > 0 && (letterPeriod.kind !== 'year' || !years.includes(letterPeriod.year))) return true;
  if (letterPeriod.kind === 'month') {
    // "Trong tháng 10, … so với tháng 9, …": the other month is only compared with.
    const months = [...f.matchAll(BARE_MONTH_RE)]
      .filter((m) => !/ngay\s+\d{1,2}\s+$/.test(f.slice(Math.max(0, m.index - 12), m.index)))
      .filter((m) => !/(?:so voi|cung ky|truoc do)[^.;:]{0,25}$/.test(f.slice(Math.max(0, m.index - 40), m.index)))
      .map((m) => Number(m[1]));
    // The month named last before the figure dates it: "(tháng 9 và tháng 10) … (tháng 9 đạt 88,1 điểm)" is September's.
    const last = months.at(-1);
    if (last !== undefined && last !== letterPeriod.month) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Scores.

/**
 * "91,34 điểm", "18/18 điểm", "17,5 điểm/18 điểm", "91,34 trên 100 điểm", "85,28/100", "tổng điểm 88,5".
 * In a score a dot is a decimal point, never a thousands separator: "15.810" is 15.810 (a score is at
 * most 100, so 15 810 cannot be meant). Counts ("2.348 hồ sơ") are read elsewhere, with thousands.
 */
const SCORE_RE = new RegExp(
  String.raw`(?<![\d.,/])(?:(${NUMBER})\s*(?:(?:(diem)\s*)?(?:/|tren\s+(?:tong\s+so\s+)?)\s*(${NUMBER})(?!\d)(?:\s*(diem))?|(diem))(?![a-z])` +
    String.raw`|(?<=(?:tong (?:so )?diem|diem tong|diem so)(?: dat| la| dat duoc)?:? ?)(${NUMBER})(?![\d.,]?\d|\s*(?:[/%]|diem|tren)))`,
  'g',
);
/** The rate printed after a group's points: "; đạt tỷ lệ 100%", " (97,5%)", ", tương đương 94,6%". */
const RATE_AFTER = new RegExp(String.raw`^\s*(?:[;,]\s*)?\(?\s*(?:(?:dat|tuong duong|tuong ung|bang|chiem)\s+)?(?:t[yi] le\s+)?(?:(?:dat|la)\s+)?:?\s*(${NUMBER})\s*%\s*\)?`);
const RATE_BEFORE = new RegExp(String.raw`(${NUMBER})\s*%\s*\(?\s*$`);
/** Words right before a number of points that make it a difference, a bound or an estimate ("đạt trên 85 điểm"), not a score. */
const NOT_A_SCORE_END =
  /(?<![a-z])(?:tang|giam|hon|thieu|tru|mat|chenh lech|cach|toi da|thang diem|ty trong|tren|duoi|khoang|gan|xap xi|tu|it nhat)(?:\s+(?:them|khoang|duoc|di|la|den|tu|gan))?[\s:]*$/;
const NOT_A_SCORE = /(?<![a-z])(?:trung binh|binh quan|muc tieu|chi tieu|ke hoach|phan dau|thang truoc|ky truoc|quy truoc|nam truoc|cung ky|toi da)(?![a-z])/;
const TOTAL_WORDS = /(?<![a-z])(?:tong|bo chi so|diem so|chi so chung|chi so tong hop)(?![a-z])/;
/** A number after these is a rank ("xếp thứ 01/10"), not points. */
const RANK_WORDS = /(?<![a-z])(?:xep|dung|vi tri|hang)(?![a-z])/;

/**
 * Is a rank, change or classification at `pos` about something else than the unit's result for the period:
 * a group ("Chỉ số Thanh toán trực tuyến xếp thứ 5/34"), a target or the previous period ("phấn đấu xếp thứ 5",
 * "tháng trước xếp thứ 15/34"), another month ("Tháng 7/2026, tỉnh … xếp thứ 15/34")?
 */
function elsewhere(doc: Doc, pos: number, period: Period): boolean {
  const from = Math.max(0, pos - 200);
  const narrow = clauseStart(doc.f, from, pos, true);
  if (groupIn(doc.fa.slice(narrow, pos), null) !== null || NOT_A_SCORE.test(doc.f.slice(narrow, pos))) return true;
  return otherPeriod(doc.f.slice(clauseStart(doc.f, from, pos, false), pos), period);
}

const LOOK_BACK = 300;

interface Score {
  start: number;
  end: number;
  /** Where what the score belongs to starts: the unit's name for a total, the clause for a group. */
  anchor: number;
  points: string;
  max: string | null;
  printed: string;
}

interface GroupFound extends Score {
  key: GroupKey;
  rate: string | null;
}

interface TotalFound extends Score {
  unit: Mention;
}

interface Scan {
  groups: GroupFound[];
  totals: TotalFound[];
  /** Scores that name no unit the extractor can tell: not stored, listed. */
  unbound: { start: number; end: number; printed: string }[];
  /** Totals read but left out (above 100), by the unit they belong to. */
  skippedTotals: TotalFound[];
}

function nearestMentionBefore(doc: Doc, pos: number, from: number, except: ReadonlySet<Mention> = new Set()): Mention | undefined {
  // A name that holds a separator ("Bộ Khoa học - Công nghệ") belongs to the clause it ends in.
  // Mentions never nest, so they end in the order they start: walk back from the last one starting before `pos`.
  for (let i = lowerBound(doc.mentions, pos, (m) => m.start) - 1; i >= 0; i--) {
    const m = doc.mentions[i] as Mention;
    if (m.end <= from) return undefined;
    if (m.end <= pos && !except.has(m)) return m;
  }
  return undefined;
}

/** The subject after a leading "với … điểm, …," phrase: the first name in the sentence, no other score before it, a verb after it. */
function subjectAfter(doc: Doc, end: number): Mention | undefined {
  const next = doc.mentions[lowerBound(doc.mentions, end, (m) => m.start)];
  if (!next || next.start - end > 120) return undefined;
  const between = doc.f.slice(end, next.start);
  if (/[.;:!?]|\d+(?:[.,]\d+)?\s*diem/.test(between) || !/,\s*$/.test(between)) return undefined;
  return /^\s+(?:dung|dan|xep|dat|giu|tiep tuc|vuon)(?![a-z])/.test(doc.f.slice(next.end, next.end + 12)) ? next : undefined;
}

/** "91,2 điểm (Sở Tư pháp)" → the Sở. */
function bracketedAfter(doc: Doc, end: number): Mention | undefined {
  const open = /^\s*\(\s*/.exec(doc.t.slice(end, end + 6));
  if (!open) return undefined;
  const at = end + open[0].length;
  const mention = doc.mentions[lowerBound(doc.mentions, at, (m) => m.start)];
  return mention?.start === at && /^\s*\)/.test(doc.t.slice(mention.end, mention.end + 3)) ? mention : undefined;
}

/** Between a name and a score: a clause starting with a capitalised name of its own (", Nam Giang đạt"). */
function otherNameBetween(t: string, from: number, to: number): boolean {
  for (const m of t.slice(from, to).matchAll(/[,;(]\s*(\p{Lu}[\p{Ll}\p{M}]*) \p{Lu}/gu)) {
    if (!NAME_STOP_WORD.test(m[1] ?? '')) return true;
  }
  return false;
}

function scanScores(doc: Doc, period: Period): Scan {
  const { t, f, fa } = doc;
  const scan: Scan = { groups: [], totals: [], unbound: [], skippedTotals: [] };
  const bracketed = new Set<Mention>();
  let previousEnd = 0;
  for (const m of f.matchAll(SCORE_RE)) {
    const start = m.index;
    if (start < previousEnd) continue;
    const matchEnd = start + m[0].length;
    // What a score is about is said within its clause: never look further back than this.
    const from = Math.max(previousEnd, start - LOOK_BACK);
    const pointsText = m[1] ?? m[6] ?? '';
    const maxText = m[3] ?? null;
    const saysPoints = Boolean(m[2] ?? m[4] ?? m[5] ?? m[6]);
    const wideStart = clauseStart(f, from, start, false);
    const narrowStart = clauseStart(f, from, start, true);
    const narrow = f.slice(narrowStart, start);
    const points = parseDecimal(pointsText);
    const max = maxText === null ? null : parseDecimal(maxText);
    if (!saysPoints && (RANK_WORDS.test(narrow) || max === null)) continue;
    if (points === null || (maxText !== null && max === null)) continue;
    if (NOT_A_SCORE_END.test(narrow) || NOT_A_SCORE.test(narrow) || otherPeriod(f.slice(wideStart, start), period)) {
      if (saysPoints) previousEnd = matchEnd;
      continue;
    }
    const printed = t.slice(start, matchEnd).trim();
    const outOf100 = max !== null && sameNumber(max, '100');

    // A group: its name is in the clause, possibly across a comma ("mức độ hài lòng của người dân, doanh nghiệp đạt").
    let key: GroupKey | null = null;
    let groupStart = narrowStart;
    if (!outOf100) {
      for (let s = narrowStart, tries = 0; tries < 3; tries++) {
        key = groupIn(fa.slice(s, start), max);
        groupStart = s;
        if (key || f[s - 1] !== ',' || s <= wideStart) break;
        if (TOTAL_WORDS.test(f.slice(s, start)) || mentionsIn(doc, s, start).some((x) => x.end <= start)) break;
        s = clauseStart(f, wideStart, s - 1, true);
      }
      // "Công khai, minh bạch: Đạt 9,9 điểm": the group is named before the colon, the clause after it is only a verb.
      if (!key && f[narrowStart - 1] === ':' && /^\s*(?:dat|la|duoc)?\s*$/.test(f.slice(narrowStart, start))) {
        const before = clauseStart(f, Math.max(0, narrowStart - 120), narrowStart - 1, false);
        key = groupIn(fa.slice(before, narrowStart - 1), max);
        if (key) groupStart = before;
      }
    }
    if (key) {
      if (!saysPoints && (max === null || !sameNumber(max, GROUP_MAX[key]))) continue;
      const after = RATE_AFTER.exec(f.slice(matchEnd, matchEnd + 60));
      const rateText = after?.[1] ?? RATE_BEFORE.exec(narrow)?.[1] ?? null;
      const end = after ? matchEnd + after[0].length : matchEnd;
      scan.groups.push({ start, end, anchor: groupStart, points, max, printed, key, rate: rateText === null ? null : parseDecimal(rateText) });
      previousEnd = end;
      continue;
    }

    // A total: out of 100 or none, with the unit named in its sentence, or said to be the total ("Tổng điểm: …").
    // "23/6" or "01/10" (a date, a rank) is no score at all: it does not end the clause that follows.
    if (max !== null && !outOf100) {
      if (saysPoints) previousEnd = matchEnd;
      continue;
    }
    previousEnd = matchEnd;
    const totalWords = TOTAL_WORDS.test(narrow) || m[6] !== undefined;
    // "97,12 điểm (Sở A)": the name in brackets right after the score is its unit; such a name is no subject for what follows.
    let unit = bracketedAfter(doc, matchEnd);
    if (unit) bracketed.add(unit);
    else {
      unit = nearestMentionBefore(doc, start, wideStart, bracketed);
      // "Tổng điểm: 88,5/100" under the unit's heading, or "Kết quả … của Sở Tư pháp: đạt 95,12/100 điểm" (a clause without a subject).
      const noSubject = /^\s*(?:dat|duoc|xep|co|la|voi)(?![a-z])/.test(f.slice(wideStart, start));
      if (!unit && (totalWords || noSubject)) {
        const before = nearestMentionBefore(doc, start, Math.max(0, start - LOOK_BACK), bracketed);
        if (before && (totalWords || !/[.!?]\s/.test(t.slice(before.end, wideStart)))) unit = before;
      }
      // "Về phía tỉnh Quảng Nam, Nam Giang đạt 89 điểm": a name the extractor does not know stands between; the score is not the province's.
      if (unit && otherNameBetween(t, unit.end, start)) unit = undefined;
    }
    // "Với 83,15 điểm, tăng 6,6% so với năm 2023, Bộ Công Thương đứng đầu các bộ": the subject follows the phrase.
    if (!unit && /(?:^|[\s,])voi\s*$/.test(narrow)) unit = subjectAfter(doc, matchEnd);
    if (!unit) {
      if (saysPoints || outOf100) scan.unbound.push({ start, end: matchEnd, printed });
      continue;
    }
    unit = chainStart(doc, unit);
    const found: TotalFound = { start, end: matchEnd, anchor: Math.min(unit.start, wideStart), points, max, printed, unit };
    // A total above 100 cannot be: it is left out, and the unit's groups are still read.
    (compareDecimals(points, '100') > 0 ? scan.skippedTotals : scan.totals).push(found);
  }
  return scan;
}

// ---------------------------------------------------------------------------------------------------
// Rank, change, classification, sub-rates: searched in the stretch of text that belongs to one result.

interface Rank {
  rank: number;
  rankOf: number | null;
  scope: string | null;
  printed: string;
}

const RANK_RE =
  /(?<![a-z])(?:xep hang|xep thu|xep vi tri|dung vi tri|dung o vi tri|dung thu|dung hang|giu vi tri|vuon len vi tri|vuon len thu|tut xuong vi tri|tut xuong thu|o vi tri)(?: thu)?\s+(?:(\d{1,4})|(?<=thu )nhat(?![a-z]))(?!\d)(?:\s*(?:\/|tren(?: tong so)?|trong(?: tong so| so)?)\s*(\d{1,4})(?!\d))?(?![.,]\d)(?!\s*(?:bac|hang|diem|%)(?![a-z]))/g;
const SCOPE_END =
  /[.;:()!?]|,(?!\s*(?:thanh pho|tinh|thi xa|thi tran|huyen|quan|xa|phuong|dac khu|thanh|thi|so|ban|nganh|don vi|dia phuong)(?![a-z]))|\s(?:tang|giam|so voi|voi|dat|xep|trong do|nhung|cao|thap|diem|ve|sau|truoc|tu|nam|thang|quy|va tang|va giam)(?![a-z])/;

function* allRanks(doc: Doc, period: Period, skipped: SkippedFigure[]): Generator<{ index: number; value: Rank }> {
  for (const m of doc.f.matchAll(RANK_RE)) {
    const index = m.index;
    if (elsewhere(doc, index, period)) continue;
    const end = index + m[0].length;
    const rank = m[1] === undefined ? 1 : Number(m[1]);
    const rankOf = m[2] === undefined ? null : Number(m[2]);
    const printed = doc.t.slice(index, end);
    if (rank < 1 || (rankOf !== null && rank > rankOf)) {
      skipped.push({ what: 'rank', printed, reason: 'rank-out-of-range' });
      continue;
    }
    const rest = doc.f.slice(end, end + 80);
    const cut = SCOPE_END.exec(rest)?.index ?? rest.length;
    const scope = cleanText(doc.t.slice(end, end + cut)).replace(/\s+Trong đó$/iu, '');
    yield { index, value: { rank, rankOf, scope: scope || null, printed } };
  }
  for (const m of doc.f.matchAll(RANK_IN_WORDS_RE)) {
    if (elsewhere(doc, m.index, period)) continue;
    // "Ba đơn vị dẫn đầu", "các địa phương đứng đầu": several units, no one's rank.
    if (/(?<![a-z])(?:\d+|hai|ba|bon|nam|cac|nhung|nhom)\s+(?:don vi|dia phuong|tinh|so|huyen|xa|phuong|bo|nganh)[^,.;]{0,20}$/.test(doc.f.slice(Math.max(0, m.index - 40), m.index))) continue;
    const word = m[1] ?? m[2] ?? m[3] ?? '';
    const rank = /^\d+$/.test(word) ? Number(word) : (RANK_WORDS_VALUE[word] ?? 1);
    if (rank < 1) continue;
    yield { index: m.index, value: { rank, rankOf: null, scope: null, printed: doc.t.slice(m.index, m.index + m[0].length) } };
  }
}

/** Ranks in words: "hạng nhất", "xếp hạng nhì", "đứng thứ hai", "vị trí thứ ba", "hạng 3", "dẫn đầu", "đứng đầu". */
const RANK_IN_WORDS_RE =
  /(?<![a-z])(?:(?:hang|vi tri|xep|dung)\s+thu\s+(nhat|nhi|hai|ba|tu|nam)|(?:hang|vi tri)\s+(nhat|nhi|ba|dau tien)|(?:xep |dung |o |giu )?hang\s+(\d{1,3})(?![\d/]|[.,]\d|\s*(?:diem|%|tren|trong))|(?:dan dau|dung dau|vi tri so 1|vi tri dan dau))(?![a-z])/g;
const RANK_WORDS_VALUE: Record<string, number> = { nhat: 1, 'dau tien': 1, nhi: 2, hai: 2, ba: 3, tu: 4, nam: 5 };

const DELTA_RE = new RegExp(String.raw`(?<![a-z])(tang|giam)(?: them)?\s+(${NUMBER})\s*diem(?![a-z])`, 'g');
const RANK_CHANGE_RE = new RegExp(
  String.raw`(?<![a-z])(tang|giam|vuon len|tut xuong|tut)(?: them)?\s+(?:${NUMBER}\s*diem\s*(?:,|va|, va)\s*)?(\d{1,3})\s*(?:bac|hang|vi tri)(?![a-z])` +
    String.raw`|(?<![a-z])(?:giu nguyen|khong thay doi|khong doi)(?: ve)?(?: vi tri| thu hang| thu bac| hang| xep hang| bac)(?![a-z])`,
  'g',
);

/** "tăng 2,15 điểm" → "2.15", "giảm 0,5 điểm" → "-0.5": the unit's change since the previous period, not a group's, not year on year. */
/** Matches of a change ("tăng … điểm", "giảm … bậc") that are about this period and not year on year ("so với cùng kỳ"). */
function* changesIn(doc: Doc, re: RegExp, period: Period): Generator<RegExpExecArray> {
  for (const m of doc.f.matchAll(re)) {
    if (elsewhere(doc, m.index, period)) continue;
    const after = doc.f.slice(m.index + m[0].length, m.index + m[0].length + 50).split(/[.;:]/)[0] ?? '';
    // Year on year, or a gap to another unit: not the change since the previous period.
    if (/cung ky/.test(after)) continue;
    yield m;
  }
}

function* allDeltas(doc: Doc, period: Period): Generator<{ index: number; value: string }> {
  for (const m of changesIn(doc, DELTA_RE, period)) {
    const value = parseDecimal(m[2] ?? '');
    if (value === null || compareDecimals(value, '100') > 0) continue;
    yield { index: m.index, value: m[1] === 'giam' && compareDecimals(value, '0') !== 0 ? `-${value}` : value };
  }
}

const PRINTED_DELTA_RE = new RegExp(String.raw`(?<![a-z])(tang|giam)(?: them| nhe)?\s+(${NUMBER})\s*(diem|%)(?![a-z])`, 'g');

/**
 * Changes as printed. A percentage ("tăng 1,43%") is a change of the total only right after a total, in the same
 * sentence ("Cà Mau đạt 91,06 điểm, tăng 1,43%"): elsewhere a percentage is a rate of something else.
 */
function* allPrintedDeltas(doc: Doc, period: Period, totals: readonly TotalFound[], breaks: readonly number[]): Generator<{ index: number; value: string }> {
  for (const m of changesIn(doc, PRINTED_DELTA_RE, period)) {
    const printed = doc.t.slice(m.index, m.index + m[0].length);
    const number = /\d+(?:[.,]\d+)?/.exec(printed)?.[0] ?? '';
    if (m[3] === '%') {
      const total = totals[lowerBound(totals, m.index, (x) => x.start) - 1];
      if (!total || m.index - total.end > 100 || /[;]/.test(doc.f.slice(total.end, m.index))) continue;
      if (around(breaks, total.end, doc.t.length).end <= m.index) continue;
    }
    yield { index: m.index, value: `${m[1] === 'giam' ? '-' : '+'}${number}${m[3] === '%' ? '%' : ''}` };
  }
}

function* allRankChanges(doc: Doc, period: Period): Generator<{ index: number; value: number }> {
  for (const m of changesIn(doc, RANK_CHANGE_RE, period)) {
    if (m[2] === undefined) yield { index: m.index, value: 0 };
    else yield { index: m.index, value: m[1] === 'giam' || m[1]?.startsWith('tut') ? -Number(m[2]) : Number(m[2]) };
  }
}

/** "xếp loại Tốt" in any case; "đạt mức Tốt" only capitalised, since "các chỉ số đang ở mức tốt" is prose, not a band. */
const CLASSIFICATION_RE =
  /(?<![a-z])(?:(xep loai|dat loai|xep muc|thuoc nhom|phan loai)|dat muc|o muc|loai)\s*["'“”]?\s*(xuat sac|tot|kha|trung binh kha|trung binh|yeu|kem)(?![a-z])/g;
const CLASSIFICATION: Record<string, string> = {
  'xuat sac': 'Xuất sắc',
  tot: 'Tốt',
  kha: 'Khá',
  'trung binh kha': 'Trung bình khá',
  'trung binh': 'Trung bình',
  yeu: 'Yếu',
  kem: 'Kém',
};

function* allClassifications(doc: Doc, period: Period): Generator<{ index: number; value: string }> {
  for (const m of doc.f.matchAll(CLASSIFICATION_RE)) {
    const label = m[2] ?? '';
    const printed = doc.t.slice(m.index + m[0].length - label.length, m.index + m[0].length);
    if (m[1] === undefined && !/^\p{Lu}/u.test(printed)) continue;
    if (elsewhere(doc, m.index, period)) continue;
    const value = CLASSIFICATION[label];
    if (value) yield { index: m.index, value };
  }
}

/** "+ Tỷ lệ …: 95,93%", "+ Tỷ lệ …: 03 hồ sơ, đạt 0,08%", "+ Tỷ lệ …: 2.348 hồ sơ, đạt 61,2%". */
const SUB_RATE_RE = new RegExp(String.raw`\+\s*(t[yi] le[^:]+):\s*(?:(\d{1,3}(?:\.\d{3})+|\d+)\s*ho so,?\s*)?(?:dat\s*)?(${NUMBER})\s*%`, 'g');

interface SubRate {
  index: number;
  name: string;
  count: string | null;
  rate: string;
}

function findSubRates(doc: Doc): SubRate[] {
  const found: SubRate[] = [];
  for (const m of doc.f.matchAll(SUB_RATE_RE)) {
    const rate = parseDecimal(m[3] ?? '');
    const nameStart = m.index + m[0].indexOf(m[1] ?? '');
    const name = cleanText(doc.t.slice(nameStart, nameStart + (m[1] ?? '').length));
    // A count is kept as printed, only without the thousands dots: "03" stays "03", "2.348" becomes "2348".
    if (rate) found.push({ index: m.index, name, count: m[2] ? m[2].replace(/\./g, '') : null, rate });
  }
  return found;
}

function criterionFor(framework: Framework, key: GroupKey, name: string): string {
  const words = foldWords(name);
  const candidates = (groupOf(framework, key)?.criteria ?? []).flatMap((c) => c.aliases.map((alias) => ({ c, alias })));
  candidates.sort((a, b) => b.alias.length - a.alias.length);
  const hit = candidates.find(({ alias }) => words.includes(alias));
  return hit ? hit.c.code : `LETTER:${words.replace(/ /g, '_').slice(0, 60)}`;
}

// ---------------------------------------------------------------------------------------------------
// Results.

/**
 * The five-group framework when the online group is the five-group one (/22, "Cung cấp dịch vụ trực tuyến")
 * and no Thanh toán trực tuyến group is printed; the six-group one otherwise.
 */
function frameworkFor(groups: GroupFound[]): Framework {
  const merged = groups.some((g) => g.key === 'CCDVTT');
  const split = groups.some((g) => g.key === 'TTTT' || (g.key === 'CLGQ' && g.max !== null && sameNumber(g.max, '12')));
  return merged && !split ? FRAMEWORK_2022 : FRAMEWORK_2024;
}

/**
 * Points above the group's maximum, or a printed maximum the framework does not have, cannot be stored:
 * the group is left out (listed in `skipped`) and the other groups are kept. A rate above 100% is dropped
 * from its group, which keeps its points.
 */
function checkGroups(framework: Framework, found: GroupFound[], subRates: SubRate[], end: number, skipped: SkippedFigure[]): GroupScore[] {
  const groups: GroupScore[] = [];
  found.forEach((g, i) => {
    let key = g.key;
    if (isOnline(key)) key = framework === FRAMEWORK_2022 ? 'CCDVTT' : g.max === null ? 'CLGQ' : g.key;
    // A group printed twice (a summary, then the details): the first is kept.
    if (groups.some((x) => x.key === key)) return;
    const group = groupOf(framework, key);
    if (!group || (g.max !== null && !sameNumber(g.max, group.max))) {
      skipped.push({ what: g.key, printed: g.printed, reason: 'max-mismatch' });
      return;
    }
    if (compareDecimals(g.points, group.max) > 0) {
      skipped.push({ what: key, printed: g.printed, reason: 'above-max' });
      return;
    }
    const next = found[i + 1]?.start ?? end;
    const criteria: CriterionScore[] = subRates
      .filter((s) => s.index > g.start && s.index < next)
      .map((s) => ({ code: criterionFor(framework, key, s.name), name: s.name, numerator: s.count, denominator: null, rate: s.rate, points: null, max: null, headline: true }));
    const rate = g.rate !== null && compareDecimals(g.rate, '100') <= 0 ? g.rate : null;
    groups.push({ key, points: g.points, max: g.max ?? group.max, rate, criteria });
  });
  return orderGroups(framework, groups);
}

interface Subject {
  /** Read from "tỉnh Gia Lai xếp thứ 2/34 … về Chỉ số phục vụ …": a unit with a rank and no score. */
  rankOnly?: boolean;
  unit: Mention;
  parentName: string | null;
  anchor: number;
  total: TotalFound | null;
  skippedTotal: TotalFound | null;
}

/** The units the text gives a result for, in the order it gives them: one per unit, its first total. */
function subjects(doc: Doc, scan: Scan, conflicts: { unit: string; first: number; second: number }[] = []): Subject[] {
  const byUnit = new Map<string, Subject>();
  const all = [...scan.totals.map((x) => ({ x, skipped: false })), ...scan.skippedTotals.map((x) => ({ x, skipped: true }))].sort((a, b) => a.x.start - b.x.start);
  for (const { x, skipped } of all) {
    const key = foldWords(x.unit.name);
    const seen = byUnit.get(key);
    // The same unit with another total in the same period: which is right the text does not say.
    if (seen?.total && !skipped && !sameNumber(seen.total.points, x.points)) conflicts.push({ unit: seen.unit.name, first: seen.total.start, second: x.start });
    if (!seen) byUnit.set(key, { unit: x.unit, parentName: parentOf(doc, x.unit), anchor: x.anchor, total: skipped ? null : x, skippedTotal: skipped ? x : null });
  }
  if (byUnit.size === 0 && scan.groups[0]) {
    // Group scores without a total: the unit named in the first group's sentence, or just before it.
    const first = scan.groups[0];
    const wideStart = clauseStart(doc.f, 0, first.start, false);
    const unit = nearestMentionBefore(doc, first.start, wideStart) ?? nearestMentionBefore(doc, first.start, Math.max(0, first.start - LOOK_BACK));
    if (unit) {
      const u = chainStart(doc, unit);
      byUnit.set(foldWords(u.name), { unit: u, parentName: parentOf(doc, u), anchor: Math.min(u.start, first.anchor), total: null, skippedTotal: null });
    }
  }
  return [...byUnit.values()].sort((a, b) => a.anchor - b.anchor);
}

// ---------------------------------------------------------------------------------------------------
// Binding: which result a rank, a change or a classification belongs to, by the sentence it stands in.

/** "TP. Huế", "H. Lâm Thao", "ThS." end no sentence. */
const NOT_A_SENTENCE_END = /(?<![\p{L}\p{M}])(?:TP|Tp|TX|Tx|TT|H|P|X|Q|ThS|TS|PGS|GS|Th|St|Nxb)$/u;

function sentenceBreaks(t: string): number[] {
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

function around(breaks: readonly number[], pos: number, length: number): Bounds {
  const i = lowerBound(breaks, pos + 1, (b) => b);
  return { start: i > 0 ? (breaks[i - 1] ?? 0) : 0, end: breaks[i] ?? length };
}

/** Where a subject stands in the text: its total, else its unit's name. */
const home = (s: Subject) => s.total?.start ?? s.skippedTotal?.start ?? s.unit.start;

/**
 * "Năm 2025, tỉnh Gia Lai xếp thứ 2/34 tỉnh, thành phố về Chỉ số phục vụ người dân": a unit ranked without a score is a
 * result when the rank follows its name directly and the sentence names the index (a rank on another measure is not).
 */
function rankOnlySubjects(doc: Doc, period: Period, breaks: readonly number[], list: Subject[]): void {
  const known = new Set(list.map((s) => foldWords(s.unit.name)));
  for (const { index, value } of allRanks(doc, period, [])) {
    // Only a rank with its base ("2/34"): "dẫn đầu" in a headline is too little to make a unit's result of.
    if (value.rankOf === null) continue;
    const sentence = around(breaks, index, doc.t.length);
    if (list.some((s) => home(s) >= sentence.start && home(s) < sentence.end)) continue;
    const unit = nearestMentionBefore(doc, index, Math.max(sentence.start, index - 60));
    if (!unit || !/^\s*(?:(?:da|van|tiep tuc|duoc|dang)\s+)*$/.test(doc.f.slice(unit.end, index))) continue;
    if (!/(?<![a-z])(?:chi so|766)(?![a-z])/.test(doc.f.slice(sentence.start, sentence.end))) continue;
    const u = chainStart(doc, unit);
    // "Sở Y tế Gia Lai" beside a result of "Sở Y tế": one unit printed two ways, not a second result.
    const key = foldWords(u.name);
    if ([...known].some((k) => k === key || k.startsWith(`${key} `) || key.startsWith(`${k} `))) continue;
    known.add(key);
    list.push({ rankOnly: true, unit: u, parentName: parentOf(doc, u), anchor: u.start, total: null, skippedTotal: null });
  }
  list.sort((a, b) => a.anchor - b.anchor);
}

/**
 * The subject a figure at `pos` belongs to, or null when the text does not say:
 *   - a sentence that holds results: the result of its clause (between semicolons), the one whose name is last
 *     before the figure, else the first ("xếp hạng thứ 2 là UBND huyện Bắc Hà đạt …"); a clause without a result
 *     of its own belongs to the result before it in the sentence, unless it names another unit;
 *   - a sentence without a result: the text's only result, unless the sentence names another unit.
 */
function ownerOf(doc: Doc, breaks: readonly number[], list: readonly Subject[], homes: readonly { home: number; i: number }[], pos: number): number | null {
  const sentence = around(breaks, pos, doc.t.length);
  const names = (from: number, to: number, except: Subject | null) =>
    mentionsIn(doc, from, to).some((m) => m.end <= to && (except === null || !ownName(m, except)));
  const inSentence: { s: Subject; i: number }[] = [];
  for (let k = lowerBound(homes, sentence.start, (h) => h.home); k < homes.length && (homes[k]?.home ?? Infinity) < sentence.end; k++) {
    const i = homes[k]?.i ?? 0;
    inSentence.push({ s: list[i] as Subject, i });
  }
  inSentence.sort((a, b) => a.i - b.i);
  if (inSentence.length === 0) {
    const only = list.length === 1 ? list[0] : undefined;
    return only && !names(sentence.start, sentence.end, only) ? 0 : null;
  }
  const clauseBreaks = [...doc.t.slice(sentence.start, sentence.end).matchAll(/;/g)].map((m) => sentence.start + m.index + 1);
  const clause = around(clauseBreaks, pos, sentence.end);
  clause.start = Math.max(clause.start, sentence.start);
  const inClause = inSentence.filter(({ s }) => home(s) >= clause.start && home(s) < clause.end);
  if (inClause.length > 0) {
    const chosen = inClause.filter(({ s }) => s.unit.start <= pos).at(-1) ?? inClause[0];
    if (!chosen) return null;
    // In a list ("A (85 điểm), B (84 điểm) và 6 huyện xếp loại khá") a figure past an item's score and a "và" is not the item's.
    const totalEnd = chosen.s.total?.end ?? chosen.s.unit.end;
    if (inClause.length > 1 && totalEnd < pos && /\s(?:va|hoac)\s/.test(doc.f.slice(totalEnd, pos))) return null;
    return chosen.i;
  }
  const before = inSentence.filter(({ s }) => home(s) < pos).at(-1);
  return before && !names(clause.start, clause.end, before.s) ? before.i : null;
}

/** The subject's own name or its parent's: naming them does not make a sentence about another unit. */
function ownName(m: Mention, s: Subject): boolean {
  const name = foldWords(m.name);
  return name === foldWords(s.unit.name) || (s.parentName !== null && name === foldWords(s.parentName));
}

/** A figure printed in the text but not stored: no unit can be told for it. */
export interface UnreadFigure {
  printed: string;
  sentence: string;
}

export function extractLetter(raw: string, options: { period?: string | null } = {}): LetterExtraction {
  const doc = readDoc(raw);
  const fromText = findLetterPeriod(doc.f);
  const dated = fromText ? null : dateLine(doc.f);
  const given = options.period ? parsePeriodKey(options.period) : null;
  const period: Period | null = fromText ?? (dated ? { kind: 'month', ...dated } : given);
  const periodSource: PeriodSource = fromText ? 'text' : dated ? 'date-line' : 'given';
  if (!period) return { ok: false, reason: 'no-period' };
  const scan = scanScores(doc, period);
  const subRates = findSubRates(doc);
  const conflicts: { unit: string; first: number; second: number }[] = [];
  const list = subjects(doc, scan, conflicts);
  const breaks = sentenceBreaks(doc.t);
  rankOnlySubjects(doc, period, breaks, list);
  const homes = list.map((s, i) => ({ home: home(s), i })).sort((a, b) => a.home - b.home);
  const sentenceOf = (pos: number) => {
    const b = around(breaks, pos, doc.t.length);
    return doc.t.slice(b.start, b.end).trim();
  };
  if (conflicts.length > 0) {
    return { ok: false, reason: 'conflict', conflicts: conflicts.slice(0, 20).map((c) => ({ unit: c.unit, first: sentenceOf(c.first), second: sentenceOf(c.second) })) };
  }
  const unread: UnreadFigure[] = scan.unbound.map((u) => ({ printed: u.printed, sentence: sentenceOf(u.start) }));

  const skippedOf = list.map(() => [] as SkippedFigure[]);
  /** Each figure to its owner, the first one printed kept; a figure without an owner is listed as unread. */
  function bind<T>(hits: Iterable<{ index: number; value: T }>, printed: (value: T) => string | null): (T | null)[] {
    const out: (T | null)[] = list.map(() => null);
    for (const { index, value } of hits) {
      const owner = ownerOf(doc, breaks, list, homes, index);
      if (owner === null) {
        const shown = printed(value);
        if (shown !== null) unread.push({ printed: shown, sentence: sentenceOf(index) });
        continue;
      }
      if (out[owner] === null) out[owner] = value;
    }
    return out;
  }
  const rankSkipped: SkippedFigure[] = [];
  const ranks = bind(allRanks(doc, period, rankSkipped), (r) => r.printed);
  // "7 sở được xếp loại tốt gồm: A (85 điểm), B (84 điểm)": a classification before "gồm" is every listed unit's, up to the next one.
  const classHits = [...allClassifications(doc, period)];
  const headers = classHits.filter((h) => /^[^.;:]{0,30}?\s(?:bao gom|gom)\s*:?/.test(doc.f.slice(h.index, h.index + 60)));
  const classifications = bind(
    classHits.filter((h) => !headers.includes(h)),
    () => null,
  );
  for (const h of headers) {
    const sentence = around(breaks, h.index, doc.t.length);
    const next = classHits.find((x) => x.index > h.index && x.index < sentence.end)?.index ?? sentence.end;
    list.forEach((s, i) => {
      if (s.unit.start > h.index && home(s) < next && classifications[i] === null) classifications[i] = h.value;
    });
  }
  const deltas = bind(allDeltas(doc, period), () => null);
  const printedDeltas = bind(allPrintedDeltas(doc, period, scan.totals, breaks), () => null);
  const rankChanges = bind(allRankChanges(doc, period), () => null);

  const results: LetterResult[] = [];
  list.forEach((subject, i) => {
    const start = i === 0 ? 0 : subject.anchor;
    const end = list[i + 1]?.anchor ?? doc.t.length;
    const skipped = skippedOf[i] ?? [];
    if (subject.skippedTotal) skipped.push({ what: 'total', printed: subject.skippedTotal.printed, reason: 'above-max' });
    // A group belongs to the result whose stretch it is printed in, unless its sentence names another unit.
    const inStretch = scan.groups.slice(lowerBound(scan.groups, start, (g) => g.start), lowerBound(scan.groups, end, (g) => g.start));
    const found = inStretch.filter((g) => {
      const b = around(breaks, g.start, doc.t.length);
      const other = mentionsIn(doc, b.start, g.start).some((m) => m.end <= g.start && !ownName(m, subject));
      if (other) unread.push({ printed: g.printed, sentence: sentenceOf(g.start) });
      return !other;
    });
    const framework = frameworkFor(found);
    const groups = checkGroups(framework, found, subRates, end, skipped);
    if (i === 0) skipped.push(...rankSkipped);
    // Without a total and without a group that could be stored, there is nothing to confirm.
    if (!subject.total && groups.length === 0 && !(subject.rankOnly && ranks[i])) return;
    const rank = ranks[i] ?? null;
    results.push({
      unitName: subject.unit.name,
      parentName: subject.parentName,
      period,
      frameworkVersion: framework.version,
      total: subject.total?.points ?? null,
      rank: rank?.rank ?? null,
      rankOf: rank?.rankOf ?? null,
      rankScope: rank?.scope ?? null,
      classification: classifications[i] ?? null,
      scoreDelta: deltas[i] ?? null,
      printedDelta: printedDeltas[i] ?? null,
      rankChange: rankChanges[i] ?? null,
      groups,
      skipped,
    });
  });
  if (results.length > 0) return { ok: true, results, unread, periodSource };
  return unread.length > 0 ? { ok: false, reason: 'no-result', unread } : { ok: false, reason: 'no-result' };
}

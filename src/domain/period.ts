/**
 * Periods of the index: a month ("2025-02"), a quarter ("2025-Q1"), a year ("2025") or an ISO 8601
 * week ("2024-W03", the weekly standings some provinces announce).
 * The key is what is stored; the text parsers read what officials type.
 */
import { compareDays, daysInMonth, isoWeekMonday, isoWeekOf, isoWeeksInYear, isoWeekSunday, type CalendarDay } from './iso-week.js';
import { fold } from './text.js';

export type Period =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'year'; year: number }
  /** `year` is the ISO week-numbering year: 2020-W53 ends on 3 January 2021. */
  | { kind: 'week'; year: number; week: number };

/** A period as asked: the year may be missing ("tháng 2" = the latest February with data, "tuần 3" the latest week 3). */
export type PeriodQuery =
  | { kind: 'month'; month: number; year?: number }
  | { kind: 'quarter'; quarter: number; year?: number }
  | { kind: 'year'; year: number }
  | { kind: 'week'; week: number; year?: number }
  | { kind: 'latest' };

const twoDigits = (n: number) => String(n).padStart(2, '0');

export function periodKey(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `${p.year}-${twoDigits(p.month)}`;
    case 'quarter':
      return `${p.year}-Q${p.quarter}`;
    case 'year':
      return String(p.year);
    case 'week':
      return `${p.year}-W${twoDigits(p.week)}`;
  }
}

/** ISO week `week` of `year`, or null when the year has no such week (W00, W54, W53 of a 52-week year). */
export function isoWeekPeriod(year: number, week: number): Period | null {
  if (!Number.isInteger(year) || !Number.isInteger(week) || week < 1 || week > isoWeeksInYear(year)) return null;
  return { kind: 'week', year, week };
}

export function parsePeriodKey(key: string): Period | null {
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { kind: 'month', year: Number(m[1]), month } : null;
  }
  m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return { kind: 'quarter', year: Number(m[1]), quarter: Number(m[2]) };
  m = /^(\d{4})$/.exec(key);
  if (m) return { kind: 'year', year: Number(m[1]) };
  m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (m) return isoWeekPeriod(Number(m[1]), Number(m[2]));
  return null;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "tháng 02/2025", "quý I/2025", "năm 2025", "tuần 03/2024": the way letters write them. */
export function formatPeriod(p: Period): string {
  switch (p.kind) {
    case 'month':
      return `tháng ${twoDigits(p.month)}/${p.year}`;
    case 'quarter':
      return `quý ${ROMAN[p.quarter - 1]}/${p.year}`;
    case 'year':
      return `năm ${p.year}`;
    case 'week':
      return `tuần ${twoDigits(p.week)}/${p.year}`;
  }
}

export function formatPeriodKey(key: string): string {
  const p = parsePeriodKey(key);
  return p ? formatPeriod(p) : key;
}

export function previousPeriod(p: Period): Period {
  switch (p.kind) {
    case 'month':
      return p.month === 1 ? { kind: 'month', year: p.year - 1, month: 12 } : { ...p, month: p.month - 1 };
    case 'quarter':
      return p.quarter === 1 ? { kind: 'quarter', year: p.year - 1, quarter: 4 } : { ...p, quarter: p.quarter - 1 };
    case 'year':
      return { kind: 'year', year: p.year - 1 };
    case 'week':
      return weekBefore(p.year, p.week);
  }
}

function weekBefore(year: number, week: number): Extract<Period, { kind: 'week' }> {
  return week === 1 ? { kind: 'week', year: year - 1, week: isoWeeksInYear(year - 1) } : { kind: 'week', year, week: week - 1 };
}

/** The period's last day: a week's Sunday, which may be in the next calendar year (2020-W53 ends on 3 January 2021). */
export function lastDayOf(p: Period): CalendarDay {
  switch (p.kind) {
    case 'month':
      return { year: p.year, month: p.month, day: daysInMonth(p.year, p.month) };
    case 'quarter':
      return { year: p.year, month: p.quarter * 3, day: daysInMonth(p.year, p.quarter * 3) };
    case 'year':
      return { year: p.year, month: 12, day: 31 };
    case 'week':
      return isoWeekSunday(p.year, p.week);
  }
}

/** Does a stored period key answer this query? */
export function matchesQuery(key: string, q: PeriodQuery): boolean {
  const p = parsePeriodKey(key);
  if (!p) return false;
  switch (q.kind) {
    case 'latest':
      return true;
    case 'year':
      return p.kind === 'year' && p.year === q.year;
    case 'month':
      return p.kind === 'month' && p.month === q.month && (q.year === undefined || p.year === q.year);
    case 'quarter':
      return p.kind === 'quarter' && p.quarter === q.quarter && (q.year === undefined || p.year === q.year);
    case 'week':
      return p.kind === 'week' && p.week === q.week && (q.year === undefined || p.year === q.year);
  }
}

/** What the query itself says, for "no data for …" answers. */
export function describeQuery(q: PeriodQuery): string {
  switch (q.kind) {
    case 'latest':
      return 'kỳ gần nhất';
    case 'year':
      return `năm ${q.year}`;
    case 'month':
      return q.year ? formatPeriod({ kind: 'month', month: q.month, year: q.year }) : `tháng ${q.month}`;
    case 'quarter':
      return q.year ? formatPeriod({ kind: 'quarter', quarter: q.quarter, year: q.year }) : `quý ${ROMAN[q.quarter - 1]}`;
    case 'week':
      return q.year ? formatPeriod({ kind: 'week', week: q.week, year: q.year }) : `tuần ${twoDigits(q.week)}`;
  }
}

const QUARTER_WORD: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

export interface PeriodMatch {
  query: PeriodQuery;
  /** The folded words left once the period is taken out (a unit name, say). */
  rest: string;
  /** The folded words before the period. */
  before: string;
}

function validYear(y: number): boolean {
  return y >= 2000 && y <= 2100;
}

function fullYear(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const y = Number(text);
  return text.length === 2 ? 2000 + y : y;
}

/** Months as people say them: "tháng chín", "tháng giêng", "tháng chạp"; folded, longest first. */
const SPOKEN_MONTHS: readonly [string, number][] = [
  ['muoi mot', 11],
  ['muoi hai', 12],
  ['gieng', 1],
  ['chap', 12],
  ['muoi', 10],
  ['mot', 1],
  ['hai', 2],
  ['ba', 3],
  ['tu', 4],
  ['bon', 4],
  ['nam', 5],
  ['sau', 6],
  ['bay', 7],
  ['tam', 8],
  ['chin', 9],
];

const MONTH_WORD = '(?:thang|thg|th|t)';
const YEAR_AFTER = '(?: ?(?:\\/|nam) ?(\\d{4}|\\d{2}))?';
const SPOKEN = SPOKEN_MONTHS.map(([word]) => word).join('|');

/** Today, which the relative periods count from ("tháng trước", "tuần này"). */
type Anchor = CalendarDay;

/** A year said in words after a month or quarter: "năm nay", "năm ngoái". */
const RELATIVE_YEAR = '(?: nam (nay|ngoai|truoc))?';

function relativeYear(word: string | undefined, today: Anchor): number | undefined {
  if (word === 'nay') return today.year;
  if (word === 'ngoai' || word === 'truoc') return today.year - 1;
  return undefined;
}

/**
 * Finds a period in free text: "thang 2", "t2", "t.2", "thg 2", "tháng chín", "02/2025", "08.2026", "2026-08",
 * "t2/25", "tháng 2 năm 2025", "tháng 2 năm ngoái", "quy 1", "q1/2025", "quý I", "nam 2025", "năm nay",
 * "thang truoc", "thang nay", "tháng sau" / "tháng tới" (next month; "thang sau" without tones is June), "quý trước", "tuần 3", "tuan 3/2024", "tuần 03 năm 2024", "2024-W03", "tuần này",
 * "tuần trước". `today` anchors the relative ones.
 * Returns null when the text names no period; throws PeriodError for one that cannot exist (tháng 13).
 */
export function findPeriod(text: string, today: Anchor): PeriodMatch | null {
  // "6 tháng gần đây", "12 tháng qua": the latest months, which a trend shows; another period said beside them is the one asked.
  const all = periodWords(text);
  const lately = LATELY.test(all);
  const words = lately ? all.replace(LATELY, ' ').replace(/\s+/g, ' ').trim() : all;
  const patterns: { re: RegExp; build: (m: RegExpExecArray) => PeriodQuery }[] = [
    // Not a period of the index: answering the year or a month instead would give a figure of another period.
    { re: /\b(?:(\d{1,2}) thang|nua) (dau|cuoi) nam(?: (\d{4})| (nay|ngoai|truoc))?\b/, build: (m) => span(m[1], m[2], m[3], relativeYear(m[4], today)) },
    { re: /\bthang (?:truoc|roi|vua roi|vua qua)\b/, build: () => monthBefore(today) },
    { re: /\bthang (?:nay|hien tai)\b/, build: () => ({ kind: 'month', month: today.month, year: today.year }) },
    { re: /\bquy (?:truoc|roi|vua roi|vua qua)\b/, build: () => quarterBefore(today) },
    { re: /\bquy (?:nay|hien tai)\b/, build: () => ({ kind: 'quarter', quarter: Math.ceil(today.month / 3), year: today.year }) },
    { re: /\btuan (?:truoc|roi|vua roi|vua qua)\b/, build: () => weekBefore(isoWeekOf(today).year, isoWeekOf(today).week) },
    { re: /\btuan (?:nay|hien tai)\b/, build: () => ({ kind: 'week', ...isoWeekOf(today) }) },
    // Before the bare "3/2024" below, which would read the week's number as a month.
    {
      re: new RegExp(`\\btuan (?:thu )?(\\d{1,2})${YEAR_AFTER}${RELATIVE_YEAR}\\b`),
      build: (m) => week(m[1], m[2], relativeYear(m[3], today)),
    },
    { re: /\b(\d{4})\/w(\d{1,2})\b/, build: (m) => week(m[2], m[1]) },
    {
      re: new RegExp(`\\b${MONTH_WORD} ?(\\d{1,2})${YEAR_AFTER}${RELATIVE_YEAR}\\b`),
      build: (m) => month(m[1], m[2], relativeYear(m[3], today)),
    },
    // After a month by its number ("tháng 8 so với tháng sau" is about August), before one in words:
    // folded, "tháng sau" (next month) is "tháng sáu" (June), and only a text typed with its tones tells them apart.
    { re: /\bthang (?:toi|ke tiep)\b/, build: () => monthAfter(today) },
    ...(saysNextMonth(text) ? [{ re: /\bthang sau\b/, build: () => monthAfter(today) }] : []),
    {
      re: new RegExp(`\\bthang (${SPOKEN})(?: (?:nam )?(\\d{4}))?${RELATIVE_YEAR}\\b`),
      build: (m) => month(String(SPOKEN_MONTHS.find(([word]) => word === m[1])?.[1]), m[2], relativeYear(m[3], today)),
    },
    { re: /\b(\d{4})\/q([1-4])\b/, build: (m) => quarter(m[2], m[1]) },
    {
      re: new RegExp(`\\b(?:quy|q) ?(iv|iii|ii|i|[1-4])${YEAR_AFTER}${RELATIVE_YEAR}\\b`),
      build: (m) => quarter(m[1], m[2], relativeYear(m[3], today)),
    },
    // A date says its month: "20/11/2026".
    { re: /\b\d{1,2}\/(\d{1,2})\/(\d{4})\b/, build: (m) => month(m[1], m[2]) },
    { re: /\b(\d{1,2})\/(\d{4})\b/, build: (m) => month(m[1], m[2]) },
    // "8/26" is August 2026; two digits before 22 (the index began in 2022) make "12/10" a date, 12 October.
    { re: /\b(\d{1,2})\/(2[2-9]|[3-9]\d)\b/, build: (m) => month(m[1], m[2]) },
    { re: /\b\d{1,2}\/(0?[1-9]|1[0-2])\b/, build: (m) => month(m[1], undefined) },
    { re: /\b(\d{4})\/(\d{1,2})\b/, build: (m) => month(m[2], m[1]) },
    { re: /\bnam (\d{4})\b/, build: (m) => year(m[1]) },
    { re: /\bnam (?:nay|hien tai)\b/, build: () => ({ kind: 'year', year: today.year }) },
    { re: /\bnam (?:truoc|ngoai|roi)\b/, build: () => ({ kind: 'year', year: today.year - 1 }) },
    { re: /(?:^| )(\d{4})(?: |$)/, build: (m) => year(m[1]) },
  ];
  for (const { re, build } of patterns) {
    const m = re.exec(words);
    if (m) {
      const query = build(m);
      const before = words.slice(0, m.index).trim();
      const rest = (before + ' ' + words.slice(m.index + m[0].length)).replace(/\s+/g, ' ').trim();
      return { query, rest, before };
    }
  }
  return lately ? { query: { kind: 'latest' }, rest: words, before: words } : null;
}

const LATELY = /\b\d{1,2} (?:thang|quy) (?:gan day|gan nhat|qua|vua qua|vua roi|tro lai day)\b/;

/**
 * Folded words where a dash or a dot between numbers reads as a slash ("12-2024", "2025-02", "2026-Q3",
 * "08.2026"), "&" splits words ("GD&ĐT" = "gd dt"), and other punctuation is a space.
 */
export function periodWords(text: string): string {
  return fold(text)
    .replace(/(\d)\s*-\s*(?=\d|q\d|w\d)/g, '$1/')
    // Only a month and a four-digit year: "91.34" is a score.
    .replace(/\b(0?[1-9]|1[0-2])\.(\d{4})\b/g, '$1/$2')
    .replace(/\b(\d{4})\.(0?[1-9]|1[0-2])\b/g, '$1/$2')
    .replace(/[^a-z0-9/]+/g, ' ')
    .replace(/\s+/g, ' ')
    // "tháng 8, 2026": a year right after a month, a quarter or a week is its year.
    .replace(/\b((?:thang|thg|th|t|quy|q|tuan) ?\d{1,2}) (\d{4})\b/g, '$1/$2')
    .trim();
}

export class PeriodError extends Error {
  constructor(readonly reason: 'month' | 'quarter' | 'year' | 'week' | 'span', readonly value: string) {
    super(`invalid ${reason}: ${value}`);
  }
}

/** "6 tháng đầu năm", "nửa cuối năm": months taken together, which the index does not score (but three are a quarter). */
function span(months: string | undefined, edge: string | undefined, y: string | undefined, relative: number | undefined): PeriodQuery {
  // "3 tháng đầu năm" is quý I, "3 tháng cuối năm ngoái" quý IV of last year.
  if (Number(months) === 3) return quarter(edge === 'dau' ? '1' : '4', y, relative);
  const side = edge === 'dau' ? 'đầu' : 'cuối';
  throw new PeriodError('span', months ? `${Number(months)} tháng ${side} năm` : `nửa ${side} năm`);
}

function month(m: string | undefined, y: string | undefined, relative?: number): PeriodQuery {
  const monthNo = Number(m);
  if (!(monthNo >= 1 && monthNo <= 12)) throw new PeriodError('month', String(m));
  const yearNo = fullYear(y) ?? relative;
  if (yearNo !== undefined && !validYear(yearNo)) throw new PeriodError('year', String(y));
  return yearNo === undefined ? { kind: 'month', month: monthNo } : { kind: 'month', month: monthNo, year: yearNo };
}

function quarter(q: string | undefined, y: string | undefined, relative?: number): PeriodQuery {
  const quarterNo = QUARTER_WORD[q ?? ''];
  if (!quarterNo) throw new PeriodError('quarter', String(q));
  const yearNo = fullYear(y) ?? relative;
  if (yearNo !== undefined && !validYear(yearNo)) throw new PeriodError('year', String(y));
  return yearNo === undefined ? { kind: 'quarter', quarter: quarterNo } : { kind: 'quarter', quarter: quarterNo, year: yearNo };
}

function week(w: string | undefined, y: string | undefined, relative?: number): PeriodQuery {
  const weekNo = Number(w);
  if (!(weekNo >= 1 && weekNo <= 53)) throw new PeriodError('week', String(w));
  const yearNo = fullYear(y) ?? relative;
  if (yearNo === undefined) return { kind: 'week', week: weekNo };
  if (!validYear(yearNo)) throw new PeriodError('year', String(y));
  if (!isoWeekPeriod(yearNo, weekNo)) throw new PeriodError('week', `${weekNo}/${yearNo}`);
  return { kind: 'week', week: weekNo, year: yearNo };
}

function year(y: string | undefined): PeriodQuery {
  const yearNo = Number(y);
  if (!validYear(yearNo)) throw new PeriodError('year', String(y));
  return { kind: 'year', year: yearNo };
}

function monthAfter(today: { year: number; month: number }): PeriodQuery {
  return today.month === 12 ? { kind: 'month', month: 1, year: today.year + 1 } : { kind: 'month', month: today.month + 1, year: today.year };
}

/** "tháng sau" typed with its tones ("tháng" carries one, "sau" none): next month, not June ("tháng sáu"). */
function saysNextMonth(text: string): boolean {
  return /(?:^|[^\p{L}\p{M}])tháng sau(?![\p{L}\p{M}])/u.test(text.normalize('NFC').toLowerCase());
}

function monthBefore(today: { year: number; month: number }): PeriodQuery {
  return today.month === 1 ? { kind: 'month', month: 12, year: today.year - 1 } : { kind: 'month', month: today.month - 1, year: today.year };
}

function quarterBefore(today: { year: number; month: number }): PeriodQuery {
  const q = Math.ceil(today.month / 3);
  return q === 1 ? { kind: 'quarter', quarter: 4, year: today.year - 1 } : { kind: 'quarter', quarter: q - 1, year: today.year };
}

/** Parses a period key or a typed period that must be complete (CLI `--period`). */
export function parseExactPeriod(text: string): Period | null {
  const direct = parsePeriodKey(text.trim().toUpperCase().replace('-Q', '-Q'));
  if (direct) return direct;
  try {
    const found = findPeriod(text, { year: 0, month: 1, day: 1 });
    if (!found || found.rest !== '') return null;
    const q = found.query;
    // "tháng tới", "tháng trước" counted from the placeholder today above are no month.
    if (q.kind === 'month' && q.year !== undefined && validYear(q.year)) return { kind: 'month', month: q.month, year: q.year };
    if (q.kind === 'quarter' && q.year !== undefined) return { kind: 'quarter', quarter: q.quarter, year: q.year };
    if (q.kind === 'year') return q;
    // "tuần này" counted from the placeholder today above is no week.
    if (q.kind === 'week' && q.year !== undefined && validYear(q.year)) return { kind: 'week', week: q.week, year: q.year };
    return null;
  } catch {
    return null;
  }
}

/** The key of the exact period a text names ("08/2026", "2026-Q3", "tháng 8/2026"), or null. */
export function exactPeriodKey(text: string): string | null {
  const period = parseExactPeriod(text);
  return period ? periodKey(period) : null;
}

/** "2026-08" → "2026-07", "2026-Q1" → "2025-Q4"; null for a key that is not one. */
export function previousPeriodKey(key: string): string | null {
  const period = parsePeriodKey(key);
  return period ? periodKey(previousPeriod(period)) : null;
}

/**
 * Where a period stands in time order. Months, quarters and years keep the order their keys have always
 * had (a year before its January, a year's quarters after its December); a week stands by its Sunday,
 * among the days of the month that Sunday falls in, so before that month, which ends with it or after.
 */
function placeInOrder(p: Period): [year: number, slot: number, within: number] {
  switch (p.kind) {
    case 'year':
      return [p.year, 0, 0];
    case 'month':
      // 32: after every day of the month, so after the weeks that end in it.
      return [p.year, p.month, 32];
    case 'quarter':
      return [p.year, 13, p.quarter];
    case 'week': {
      const sunday = isoWeekSunday(p.year, p.week);
      return [sunday.year, sunday.month, sunday.day];
    }
  }
}

/** Negative when `a` comes before `b` in time order (see `placeInOrder`). */
export function comparePeriods(a: Period, b: Period): number {
  const [x, y] = [placeInOrder(a), placeInOrder(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** `comparePeriods` on keys; a key that is no period sorts by its text. */
export function comparePeriodKeys(a: string, b: string): number {
  const [pa, pb] = [parsePeriodKey(a), parsePeriodKey(b)];
  if (pa && pb) return comparePeriods(pa, pb);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The one period a typed text names for an import: "tháng 8/2026", "2026-Q3", or "tháng 8" alone, which
 * means the latest August that has begun (results are published after the month); "tuần 3" alone, the
 * latest week 3 that has begun.
 */
export function periodNamedIn(text: string, today: CalendarDay): Period | null {
  const exact = parseExactPeriod(text);
  if (exact) return exact;
  let found: PeriodMatch | null;
  try {
    found = findPeriod(text, today);
  } catch {
    return null;
  }
  const q = found?.query;
  if (!q || q.kind === 'latest') return null;
  if (q.kind === 'year') return q;
  if (q.kind === 'month') return { kind: 'month', month: q.month, year: q.year ?? (q.month <= today.month ? today.year : today.year - 1) };
  if (q.kind === 'week') return q.year !== undefined ? { kind: 'week', week: q.week, year: q.year } : isoWeekPeriod(weekYearBegunBy(q.week, today), q.week);
  const current = Math.ceil(today.month / 3);
  return { kind: 'quarter', quarter: q.quarter, year: q.year ?? (q.quarter <= current ? today.year : today.year - 1) };
}

/** The ISO year of the latest week `week` (1..53) that has begun by `day`: week 53 only some years have. */
export function weekYearBegunBy(week: number, day: CalendarDay): number {
  if (!(Number.isInteger(week) && week >= 1 && week <= 53)) throw new RangeError(`no ISO week ${week}`);
  let year = isoWeekOf(day).year;
  while (!isoWeekPeriod(year, week) || compareDays(isoWeekMonday(year, week), day) > 0) year--;
  return year;
}

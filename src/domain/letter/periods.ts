import { isoWeekPeriod, lastDayOf, parsePeriodKey, periodKey, previousPeriod, type Period } from '../period.js';
import { clauseStart, withoutClosedBrackets } from './document.js';
import { LOOK_BACK, NOT_A_SCORE, NOT_A_SCORE_END, SCORE_RE } from './score-words.js';

// ---------------------------------------------------------------------------------------------------
// Periods.

/** Months in words: "tháng Mười", "tháng Giêng", "tháng Chạp". */
const MONTH_WORDS: Record<string, number> = { 'muoi mot': 11, 'muoi hai': 12, mot: 1, gieng: 1, hai: 2, ba: 3, tu: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10, chap: 12 };
const MONTH_RE = /(?<![a-z])thang\s+(\d{1,2}|muoi mot|muoi hai|mot|gieng|hai|ba|tu|nam|sau|bay|tam|chin|muoi|chap)\s*(?:[/.-]\s*|\s+nam\s+)(\d{4})(?!\d)/g;
const QUARTER_RE = /(?<![a-z])(?:quy|qui)\s+(iv|iii|ii|i|[1-4]|mot|hai|ba|bon|tu)\s*(?:[/.-]\s*|\s+nam\s+)(\d{4})(?!\d)/g;
/** "6 tháng đầu năm 2025", "9 tháng năm 2025", "nửa đầu năm 2025": a cumulative period, which is not one the index stores. */
const CUMULATIVE_RE = /(?<![a-z\d])(?:\d{1,2}\s+thang|nua)\s+(?:(?:dau|cuoi)\s+)?nam\s+\d{4}/;
const YEAR_RE = /(?<![a-z])nam\s+(\d{4})(?![\d/])/g;
const QUARTER_NO: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4, mot: 1, hai: 2, ba: 3, bon: 4, tu: 4 };

interface PeriodHit {
  index: number;
  end: number;
  period: Period;
  /** A date ("ngày 05 tháng 3 năm 2025") or a comparison ("so với tháng 7/2026"): not the letter's period. */
  aside: boolean;
}

/** A period named at `index` in a date ("ngày 05 tháng 3") or a comparison ("so với tháng 9"): it dates nothing. */
function asideAt(f: string, index: number): boolean {
  return (
    /ngay\s+\d{1,2}\s+$/.test(f.slice(Math.max(0, index - 12), index)) ||
    /(?:so voi|cung ky|truoc do|phan dau|muc tieu|chi tieu|ke hoach|du kien)[^.;:]{0,25}$/.test(f.slice(Math.max(0, index - 40), index))
  );
}

function periodHits(f: string): PeriodHit[] {
  const hits: PeriodHit[] = [];
  const aside = (index: number) => asideAt(f, index);
  for (const m of f.matchAll(MONTH_RE)) {
    const month = MONTH_WORDS[m[1] ?? ''] ?? Number(m[1]);
    const year = Number(m[2]);
    if (month < 1 || month > 12) continue;
    hits.push({ index: m.index, end: m.index + m[0].length, period: { kind: 'month', year, month }, aside: aside(m.index) });
  }
  for (const m of f.matchAll(WEEK_HIT_RE)) {
    const week = isoWeekPeriod(Number(m[2]), Number(m[1]));
    if (week) hits.push({ index: m.index, end: m.index + m[0].length, period: week, aside: aside(m.index) });
  }
  for (const m of f.matchAll(QUARTER_RE)) {
    const quarter = QUARTER_NO[m[1] ?? ''] ?? 0;
    hits.push({ index: m.index, end: m.index + m[0].length, period: { kind: 'quarter', year: Number(m[2]), quarter }, aside: aside(m.index) });
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** The period's last month, counted from year 0: orders months, quarters, years (and weeks, by their Sunday) on one scale. */
function periodEnd(p: Period): number {
  const last = lastDayOf(p);
  return last.year * 12 + last.month;
}

function mostNamed(hits: PeriodHit[], weight: (h: PeriodHit) => number = () => 1): Period | null {
  const counts = new Map<string, { period: Period; n: number; first: number }>();
  for (const h of hits) {
    const key = periodKey(h.period);
    const entry = counts.get(key) ?? { period: h.period, n: 0, first: h.index };
    entry.n += weight(h);
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
export function findLetterPeriod(f: string): Period | null {
  const scored = periodOfScores(f);
  if (scored) return scored;
  const hits = periodHits(f);
  // "Kết quả … tháng 10/2025" outweighs "Trong tháng 11/2025, các sở tiếp tục rà soát": a sentence about results counts twice.
  const aboutResults = (h: PeriodHit) => (/ket qua|diem|xep|chi so|dat loai/.test(f.slice(sentenceStartBefore(f, h.index), f.indexOf('. ', h.end) < 0 ? f.length : f.indexOf('. ', h.end))) ? 2 : 1);
  const named = mostNamed(
    hits.filter((h) => !h.aside),
    aboutResults,
  );
  if (named) return named;
  if (CUMULATIVE_RE.test(f)) return null;
  // "Kết quả tháng 7" in a letter signed "…, ngày 05 tháng 8 năm 2025": the month, in the year of the date line.
  const dated = dateLine(f);
  if (dated) {
    const bare: PeriodHit[] = [];
    for (const m of f.matchAll(BARE_MONTH_RE)) {
      if (asideAt(f, m.index)) continue;
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
    // "Kết quả tháng 10/2024: huyện Bát Xát đạt 90/100 điểm": the heading before the colon dates the clause after it.
    const clauseAt = m.index - clause.length;
    const heading = /:\s*$/.test(f.slice(Math.max(0, clauseAt - 8), clauseAt)) ? f.slice(sentenceStartBefore(f, clauseAt), m.index) : clause;
    const hits = periodHits(heading).filter((h) => !h.aside);
    if (hits.length > 0) {
      found.push(...hits.map((h) => ({ ...h, index: m.index })));
      continue;
    }
    if (CUMULATIVE_RE.test(clause)) continue;
    for (const year of new Set(yearsNamed(clause, periodHits(clause)))) found.push({ index: m.index, end: m.index, period: { kind: 'year', year }, aside: false });
  }
  return mostNamed(found);
}

/** The letter's date line ("Hưng Yên, ngày 05 tháng 8 năm 2025"): a place, a comma, the date. */
const DATE_LINE_RE = /,\s*ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})(?!\d)/;

export function dateLine(f: string): { year: number; month: number } | null {
  const m = DATE_LINE_RE.exec(f);
  const month = Number(m?.[2]);
  return m && month >= 1 && month <= 12 ? { year: Number(m[3]), month } : null;
}

/** Where the period came from: the text's words, the letter's date line, or what the person importing it said. */
export type PeriodSource = 'text' | 'date-line' | 'given';

/** "Tuần 03 năm 2024", "tuần 12/2025": a week (ISO), the provinces' weekly standings. */
const WEEK_HIT_RE = /(?<![a-z])tuan\s+(?:thu\s+)?(\d{1,2})\s*(?:[/.-]\s*|\s+(?:cua\s+)?nam\s+)(\d{4})(?!\d)/g;
/** "tuần 44" without its year. */
const BARE_WEEK_RE = /(?<![a-z])tuan\s+(?:thu\s+)?(\d{1,2})(?![\d/.-]|\s*(?:[/.-]\s*\d|(?:cua\s+)?nam\s+\d))/g;
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

/** Where the sentence holding `pos` starts: after the last ". " (not "TP. "), "!" or "?" before it. */
function sentenceStartBefore(f: string, pos: number): number {
  let start = 0;
  for (const m of f.slice(Math.max(0, pos - LOOK_BACK), pos).matchAll(/(?<!(?:^|[^a-z])(?:tp|tx|tt|[hpxq]))[.!?](?=\s)/g)) start = Math.max(0, pos - LOOK_BACK) + m.index + 1;
  return start;
}

/** The period figures are read for; `only`: a second period of the text, whose figures are those their clause opens with it. */
export type ReadFor = Period & { only?: boolean };

/** The period itself, without how it is read: what a result stores. */
export function plainPeriod(p: ReadFor): Period {
  return parsePeriodKey(periodKey(p)) as Period;
}

/** The months a stretch names without a year ("tháng 9"), dates and "so với tháng 9" aside. */
function bareMonths(f: string): number[] {
  return [...f.matchAll(BARE_MONTH_RE)]
    .filter((m) => !asideAt(f, m.index))
    .map((m) => Number(m[1]))
    .filter((month) => month >= 1 && month <= 12);
}

/** Does `phrase` ("tháng 9", "tháng trước", "kỳ trước") name the period just before `p`? What a change may be counted from. */
export function namesPeriodBefore(phrase: string, p: Period): boolean {
  if (/^\s*(?:ky|lan|dot)\s+(?:truoc|lien ke)/.test(phrase)) return true;
  const word = { month: 'thang', week: 'tuan', quarter: 'quy', year: 'nam' }[p.kind];
  if (new RegExp(String.raw`^\s*${word}\s+(?:truoc|lien ke)(?![a-z])`).test(phrase) || (p.kind === 'year' && /^\s*nam\s+ngoai/.test(phrase))) return true;
  return namedFirst(previousPeriod(p)).test(phrase);
}

/** How a clause names `p` first thing: "tháng 9", "tháng 11/2023", "quý I/2025", "năm 2023", "tuần 03 năm 2024". */
function namedFirst(p: Period): RegExp {
  const year = String(p.year);
  const tail = String.raw`(?:\s*(?:[/.-]\s*|\s+nam\s+)${year})`;
  const name =
    p.kind === 'month'
      ? String.raw`thang\s+0?${p.month}${tail}?(?![\d/.-])`
      : p.kind === 'quarter'
        ? String.raw`(?:quy|qui)\s+(?:${['i', 'ii', 'iii', 'iv'][p.quarter - 1]}|${p.quarter})${tail}`
        : p.kind === 'week'
          ? String.raw`tuan\s+(?:thu\s+)?0?${p.week}(?:\s*(?:[/.-]\s*|\s+(?:cua\s+)?nam\s+)${year})?(?![\d/.-])`
          : String.raw`nam\s+${year}`;
  // "(tháng 9 đạt …", "Trong tháng 9, …", "Điểm số tháng 11/2023 … đạt": the period opens the clause, or follows its words for a result.
  return new RegExp(String.raw`^[\s(]*(?:(?:trong|rieng|tinh den|den het|diem so|tong (?:so )?diem|ket qua)\s+)?${name}(?![a-z])`);
}

/** Where the clause that dates a figure at the end of `f` opens: after the last bracket still open, else after a stop, ";" or ":". */
function openingOf(f: string): string {
  const closed = withoutClosedBrackets(f);
  const bracket = closed.lastIndexOf('(');
  const stop = Math.max(...[...closed.matchAll(/[;:]|(?<!(?:^|[^a-z])(?:tp|tx|tt|[hpxq]))[.!?](?=\s)/g)].map((m) => m.index + 1), 0);
  return f.slice(Math.max(bracket, stop));
}

/**
 * Does this stretch date what follows to a period other than the letter's ("Tháng 7/2026, tỉnh … đạt",
 * "năm 2023 … đến ngày 27/11/2023" in a letter about tháng 11/2023, "(tháng 9 xếp hạng thứ 5)" in one about tháng 10)?
 * What brackets closed before the figure dates nothing. For a second period (`only`), only a clause that opens with
 * it is dated to it: "Từ tháng 9, …", "cũng như tháng 9, …" are not.
 */
export function otherPeriod(stretch: string, letterPeriod: ReadFor): boolean {
  if (letterPeriod.only) return !namedFirst(letterPeriod).test(openingOf(stretch));
  const f = withoutClosedBrackets(stretch);
  const hits = periodHits(f).filter((h) => !h.aside);
  const keys = hits.map((h) => periodKey(h.period));
  if (keys.length > 0) return !keys.includes(periodKey(letterPeriod));
  // "tuần 44 phường đạt …" in a text about week 45, "Tuần 44, …" in one about a month: a week without its year is another period.
  const weeks = [...f.matchAll(BARE_WEEK_RE)].filter((m) => !asideAt(f, m.index)).map((m) => Number(m[1]));
  if (weeks.length > 0 && (letterPeriod.kind !== 'week' || weeks.at(-1) !== letterPeriod.week)) return true;
  const years = yearsNamed(f, periodHits(f));
  if (years.length > 0 && (letterPeriod.kind !== 'year' || !years.includes(letterPeriod.year))) return true;
  // "… trong tháng 9, xếp thứ 6/13" in a text about quý III: a month is not the quarter.
  if ((letterPeriod.kind === 'quarter' || letterPeriod.kind === 'year') && bareMonths(f).length > 0) return true;
  if (letterPeriod.kind === 'month') {
    // "Trong tháng 10, … so với tháng 9, …": the other month is only compared with.
    // The month named last before the figure dates it: "Tháng 10 … ; tháng 9 đạt 88,1 điểm" is September's.
    const last = bareMonths(f).at(-1);
    if (last !== undefined && last !== letterPeriod.month) return true;
  }
  return false;
}

/**
 * The other periods a text may print figures for, most named first: "tháng 11/2023" in a text about 2023, "tháng 9" in one about
 * tháng 10/2024 (a month without its year is the letter's year, or the year before when it is later than the letter's month).
 * Only periods that open a clause or a bracket: a text that names a month in passing has no figures of it.
 */
export function otherPeriods(f: string, letterPeriod: Period): Period[] {
  const found: PeriodHit[] = periodHits(f).filter((h) => !h.aside);
  if (letterPeriod.kind === 'month' || letterPeriod.kind === 'year') {
    for (const m of f.matchAll(BARE_MONTH_RE)) {
      const month = Number(m[1]);
      if (month < 1 || month > 12 || asideAt(f, m.index)) continue;
      const year = letterPeriod.kind === 'month' && month > letterPeriod.month ? letterPeriod.year - 1 : letterPeriod.year;
      found.push({ index: m.index, end: m.index + m[0].length, period: { kind: 'month', year, month }, aside: false });
    }
  }
  const main = periodKey(letterPeriod);
  const counts = new Map<string, { period: Period; n: number }>();
  for (const h of found) {
    const key = periodKey(h.period);
    if (key === main || !namedFirst(h.period).test(openingOf(f.slice(Math.max(0, h.index - LOOK_BACK), h.end)))) continue;
    counts.set(key, { period: h.period, n: (counts.get(key)?.n ?? 0) + 1 });
  }
  return [...counts.values()].sort((a, b) => b.n - a.n).slice(0, 2).map((c) => c.period);
}

import { compareDecimals, parseDecimal } from '../decimal.js';
import type { GroupKey } from '../framework.js';
import type { Period } from '../period.js';
import { clauseStart, type Doc, lowerBound, mentionsIn, withoutClosedBrackets } from './document.js';
import { NUMBER } from './number.js';
import { LOOK_BACK, NOT_A_SCORE, NOT_A_SCORE_END, NOT_NOW, SCORE_RE } from './score-words.js';
import { GROUP_MAX, groupIn, sameNumber } from './groups.js';
import { otherPeriod } from './periods.js';
import { chainStart, type Mention, NAME_STOP_WORD } from './units.js';

// ---------------------------------------------------------------------------------------------------
// Scores.

/** The rate printed after a group's points: "; đạt tỷ lệ 100%", " (97,5%)", ", tương đương 94,6%". */
const RATE_AFTER = new RegExp(String.raw`^\s*(?:[;,]\s*)?\(?\s*(?:(?:dat|tuong duong|tuong ung|bang|chiem)\s+)?(?:t[yi] le\s+)?(?:(?:dat|la)\s+)?:?\s*(${NUMBER})\s*%\s*\)?`);
const RATE_BEFORE = new RegExp(String.raw`(${NUMBER})\s*%\s*\(?\s*$`);
const TOTAL_WORDS = /(?<![a-z])(?:tong|bo chi so|diem so|chi so chung|chi so tong hop)(?![a-z])/;
/** A number after these is a rank ("xếp thứ 01/10"), not points. */
const RANK_WORDS = /(?<![a-z])(?:xep|dung|vi tri|hang)(?![a-z])/;

/**
 * Is a rank, change or classification at `pos` about something else than the unit's result for the period:
 * a group ("Chỉ số Thanh toán trực tuyến xếp thứ 5/34"), a target or the previous period ("phấn đấu xếp thứ 5",
 * "tháng trước xếp thứ 15/34"), another month ("Tháng 7/2026, tỉnh … xếp thứ 15/34")?
 */
export function elsewhere(doc: Doc, pos: number, period: Period): boolean {
  const from = Math.max(0, pos - 200);
  const narrow = clauseStart(doc.f, from, pos, true);
  if (groupIn(doc.fa.slice(narrow, pos), null) !== null || NOT_A_SCORE.test(doc.fa.slice(narrow, pos))) return true;
  const wide = clauseStart(doc.f, from, pos, false);
  return NOT_NOW.test(doc.fa.slice(wide, pos)) || otherPeriod(doc.f.slice(wide, pos), period);
}

interface Score {
  start: number;
  end: number;
  /** Where what the score belongs to starts: the unit's name for a total, the clause for a group. */
  anchor: number;
  points: string;
  max: string | null;
  printed: string;
}

export interface GroupFound extends Score {
  key: GroupKey;
  rate: string | null;
}

export interface TotalFound extends Score {
  unit: Mention;
}

export interface Scan {
  groups: GroupFound[];
  totals: TotalFound[];
  /** Scores that name no unit the extractor can tell: not stored, listed. */
  unbound: { start: number; end: number; printed: string; total: Omit<TotalFound, 'unit'> | null }[];
  /** Totals read but left out (above 100), by the unit they belong to. */
  skippedTotals: TotalFound[];
}

export function nearestMentionBefore(doc: Doc, pos: number, from: number, except: ReadonlySet<Mention> = new Set()): Mention | undefined {
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

/** Words after a name that make it the source of what follows: "Sở Nội vụ cho biết, …". */
const SOURCE_AFTER = /^\s*(?:cho biet|cong bo|thong bao|bao cao|nhan dinh|danh gia)(?![a-z])/;
/** A clause whose subject is a kind without a name ("tỉnh đạt", "huyện đã đạt"): the unit named before it is not the subject. */
const GENERIC_SUBJECT = /(?:^|[\s,])(?:tinh|huyen|xa|phuong|thi xa|thanh pho|quan|don vi|dia phuong)\s+(?:(?:da|van|tiep tuc|cung)\s+)?(?:dat|xep|dung|giu)(?![a-z])/;
/** An average or a median of several units: no unit's score ("Trung bình các huyện, chỉ số … đạt"). */
const AVERAGE = /(?<![a-z])(?<!loai |muc )(?:trung binh|binh quan|trung vi)(?! kha)(?![a-z])/;

/** "85,2 điểm (T9)", "87,2 điểm trong tháng 9": a month right after the score dates it; another month than the letter's is not its. */
function monthAfter(f: string, end: number, period: Period): boolean {
  const m = /^\s*(?:\(\s*(?:t|thang)\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?\s*\)|(?:trong|cua|vao)\s+thang\s+(\d{1,2})(?:\s*\/\s*(\d{4}))?(?![\d/]))/.exec(f.slice(end, end + 24));
  if (!m) return false;
  const month = Number(m[1] ?? m[3]);
  const year = m[2] ?? m[4];
  return period.kind !== 'month' || month !== period.month || (year !== undefined && Number(year) !== period.year);
}

/**
 * "xã Hòa An, xã Hòa Bình và xã Hòa Phú lần lượt đạt 93,1 điểm, 90,5 điểm và 88 điểm": each score after "lần lượt" by its
 * place to the name at the same place before it; when the counts differ, each score to nobody (null).
 */
function respectiveUnits(doc: Doc): Map<number, Mention | null> {
  const out = new Map<number, Mention | null>();
  for (const m of doc.f.matchAll(/(?<![a-z])lan luot(?:\s+(?:dat|la|voi|co|duoc))?\s+/g)) {
    const at = m.index + m[0].length;
    let lastEnd = at;
    const clauseEnd = at + (/[.;!?](?=\s|$)/.exec(doc.f.slice(at)) ?? { index: doc.f.length - at }).index;
    const scores: number[] = [];
    for (const x of doc.f.slice(at, clauseEnd).matchAll(SCORE_RE)) {
      // The scores listed right after "lần lượt": the first at once, each next after "," or "và".
      const from = scores.length === 0 ? at : at + (lastEnd - at);
      if (!/^\s*(?:,\s*(?:va\s+)?|va\s+)?$/.test(doc.f.slice(from, at + x.index))) break;
      scores.push(at + x.index);
      lastEnd = at + x.index + x[0].length;
    }
    if (scores.length === 0) continue;
    const names: Mention[] = [];
    for (let i = lowerBound(doc.mentions, m.index, (x) => x.start) - 1; i >= 0; i--) {
      const x = doc.mentions[i] as Mention;
      const next = names[0];
      const gap = doc.f.slice(x.end, next ? next.start : m.index);
      if (!(next ? /^\s*(?:,\s*(?:va\s+)?|va\s+)$/ : /^\s*,?\s*$/).test(gap)) break;
      names.unshift(x);
    }
    scores.forEach((start, k) => out.set(start, names.length === scores.length ? (names[k] ?? null) : null));
  }
  return out;
}

export function scanScores(doc: Doc, period: Period): Scan {
  const { t, f, fa } = doc;
  const scan: Scan = { groups: [], totals: [], unbound: [], skippedTotals: [] };
  const bracketed = new Set<Mention>();
  let previousEnd = 0;
  let lastScore: { start: number; end: number } | null = null;
  const respectively = respectiveUnits(doc);
  for (const m of f.matchAll(SCORE_RE)) {
    const start = m.index;
    if (start < previousEnd) continue;
    const scoreBefore = lastScore;
    lastScore = { start, end: start + m[0].length };
    const matchEnd = start + m[0].length;
    // What a score is about is said within its clause: never look further back than this.
    const from = Math.max(previousEnd, start - LOOK_BACK);
    const pointsText = m[1] ?? m[6] ?? m[7] ?? '';
    const maxText = m[3] ?? null;
    const saysPoints = Boolean(m[2] ?? m[4] ?? m[5] ?? m[6] ?? m[7]);
    const wideStart = clauseStart(f, from, start, false);
    const narrowStart = clauseStart(f, from, start, true);
    const narrow = f.slice(narrowStart, start);
    const points = parseDecimal(pointsText);
    const max = maxText === null ? null : parseDecimal(maxText);
    if (!saysPoints && (RANK_WORDS.test(narrow) || max === null)) continue;
    if (points === null || (maxText !== null && max === null)) continue;
    // Names blanked: "Bộ Kế hoạch và Đầu tư" is no plan ("kế hoạch").
    // Names blanked (fa): "kém xã Phù Lỗ 3 điểm" is a gap, as "kém 3 điểm" is.
    const notOwn =
      NOT_A_SCORE_END.test(withoutClosedBrackets(fa.slice(narrowStart, start))) ||
      NOT_A_SCORE.test(fa.slice(narrowStart, start)) ||
      NOT_NOW.test(fa.slice(wideStart, start)) ||
      AVERAGE.test(fa.slice(wideStart, start)) ||
      otherPeriod(f.slice(wideStart, start), period) ||
      monthAfter(f, matchEnd, period);
    if (notOwn) {
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
      // "Với 9.6/10 điểm (…), chỉ số thanh toán trực tuyến là điểm sáng": a leading "với" names its group after it, in its sentence.
      if (!key && max !== null && /(?:^|[\s,])voi\s*$/.test(narrow)) {
        const rest = f.slice(matchEnd, matchEnd + 240);
        const stop = rest.search(/[.;!?](?=\s|$)/);
        const named = groupIn(fa.slice(matchEnd, matchEnd + (stop < 0 ? rest.length : stop)), max);
        if (named && sameNumber(GROUP_MAX[named], max)) key = named;
      }
    }
    if (key) {
      if (!saysPoints && (max === null || !sameNumber(max, GROUP_MAX[key]))) continue;
      // "Chỉ số Số hóa hồ sơ (22 điểm) của huyện đạt 14,2 điểm": the bracket after the name holds the group's maximum.
      if (/\(\s*$/.test(narrow) && max === null && sameNumber(points, GROUP_MAX[key])) continue;
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
      // "huyện Bảo Thắng đạt 85,1 điểm (tháng 9 đạt 87,2 điểm)": a bracket opened right after a score with another period is the same unit's.
      if (!unit && scoreBefore && /^\s*\(\s*(?:thang|quy|nam|tuan)\s+(?:thu\s+)?\d[^()]*$/.test(f.slice(scoreBefore.end, start))) {
        unit = nearestMentionBefore(doc, scoreBefore.start, clauseStart(f, Math.max(0, scoreBefore.start - LOOK_BACK), scoreBefore.start, false), bracketed);
      }
      // "phường Hồng Gai xếp thứ nhất trong 54 xã, phường của tỉnh Quảng Ninh với 95,8 điểm": the province is the rank's scope.
      if (unit && /(?<![a-z])cua\s+$/.test(f.slice(Math.max(0, unit.start - 5), unit.start)) && /(?<![a-z])(?:xep|dung|thu|trong \d+)(?![a-z])/.test(f.slice(wideStart, unit.start))) {
        const before: Mention | undefined = nearestMentionBefore(doc, unit.start, wideStart, bracketed);
        unit = before && !GENERIC_SUBJECT.test(fa.slice(before.end, unit.start)) ? before : undefined;
      }
      // "Theo Sở Nội vụ, tháng 10 tỉnh đạt 85 điểm", "Văn phòng UBND tỉnh cho biết, …": a source is not the subject.
      if (unit && (SOURCE_AFTER.test(f.slice(unit.end, start)) || /(?<![a-z])theo\s+$/.test(f.slice(Math.max(0, unit.start - 6), unit.start)))) unit = undefined;
      // "…, tỉnh đạt 84,5 điểm": a subject without a name, not the unit named before it.
      if (unit && GENERIC_SUBJECT.test(fa.slice(unit.end, start))) unit = undefined;
      // "Về phía tỉnh Quảng Nam, Nam Giang đạt 89 điểm": a name the extractor does not know stands between; the score is not the province's.
      if (unit && otherNameBetween(t, unit.end, start)) unit = undefined;
    }
    // "A, B và C lần lượt đạt 93,1 điểm, 90,5 điểm và 88 điểm": each in its order, when the counts agree; else nobody's.
    const listed = respectively.get(start);
    if (listed !== undefined) unit = listed ?? undefined;
    // "Với 83,15 điểm, tăng 6,6% so với năm 2023, Bộ Công Thương đứng đầu các bộ": the subject follows the phrase.
    if (!unit && /(?:^|[\s,])voi\s*$/.test(narrow)) unit = subjectAfter(doc, matchEnd);
    if (!unit) {
      if (saysPoints || outOf100) scan.unbound.push({ start, end: matchEnd, printed, total: totalWords || outOf100 ? { start, end: matchEnd, anchor: wideStart, points, max, printed } : null });
      continue;
    }
    unit = chainStart(doc, unit);
    const found: TotalFound = { start, end: matchEnd, anchor: Math.min(unit.start, wideStart), points, max, printed, unit };
    // A total above 100 cannot be: it is left out, and the unit's groups are still read.
    (compareDecimals(points, '100') > 0 ? scan.skippedTotals : scan.totals).push(found);
  }
  return scan;
}

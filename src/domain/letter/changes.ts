import { compareDecimals, parseDecimal } from '../decimal.js';
import type { Period } from '../period.js';
import { around, clauseStart, type Doc, lowerBound } from './document.js';
import { namesPeriodBefore } from './periods.js';
import { NUMBER } from './number.js';
import { elsewhere, type TotalFound } from './scores.js';

// ---------------------------------------------------------------------------------------------------
// Changes: of the total in points or per cent, of the rank in places.

const DELTA_RE = new RegExp(String.raw`(?<![a-z])(tang|giam)(?: them)?\s+(${NUMBER})\s*diem(?![a-z])`, 'g');
const RANK_CHANGE_RE = new RegExp(
  String.raw`(?<![a-z])(tang|giam|vuon len|tut xuong|tut)(?: them)?\s+(?:${NUMBER}\s*diem\s*(?:,|va|, va)\s*)?(\d{1,3})\s*(?:bac|hang|vi tri)(?![a-z])` +
    String.raw`|(?<![a-z])(?:giu nguyen|khong thay doi|khong doi)(?: ve)?(?: vi tri| thu hang| thu bac| hang| xep hang| bac)(?![a-z])`,
  'g',
);

/** Matches of a change ("tăng … điểm", "giảm … bậc") that are about this period and not year on year ("so với cùng kỳ"). */
function* changesIn(doc: Doc, re: RegExp, period: Period): Generator<RegExpExecArray> {
  for (const m of doc.f.matchAll(re)) {
    if (elsewhere(doc, m.index, period)) continue;
    const end = m.index + m[0].length;
    const clause = doc.f.slice(clauseStart(doc.f, Math.max(0, m.index - 200), m.index, false), m.index) + (doc.f.slice(end, end + 60).split(/[.;:]/)[0] ?? '');
    // "so với cùng kỳ năm 2024", "so với tháng 7/2025" in a letter about tháng 10, "so với đầu năm": not since the period before.
    if ([...clause.matchAll(/so voi\s+([^.;,]{0,30})/g)].some((c) => !namesPeriodBefore(c[1] ?? '', period)) || /cung ky/.test(clause)) continue;
    yield m;
  }
}

/** "tăng 2,15 điểm" → "2.15", "giảm 0,5 điểm" → "-0.5": the unit's change since the previous period, not a group's, not year on year. */
export function* allDeltas(doc: Doc, period: Period): Generator<{ index: number; value: string }> {
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
export function* allPrintedDeltas(doc: Doc, period: Period, totals: readonly TotalFound[], breaks: readonly number[]): Generator<{ index: number; value: string }> {
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

export function* allRankChanges(doc: Doc, period: Period): Generator<{ index: number; value: number }> {
  for (const m of changesIn(doc, RANK_CHANGE_RE, period)) {
    if (m[2] === undefined) yield { index: m.index, value: 0 };
    else yield { index: m.index, value: m[1] === 'giam' || m[1]?.startsWith('tut') ? -Number(m[2]) : Number(m[2]) };
  }
}

/** "-0,96%" → "-0.96", "+0,5%" → "0.5": a change printed in per cent; one in points ("+2,15") → null. */
export function percentOf(printedDelta: string | null): string | null {
  if (!printedDelta?.endsWith('%')) return null;
  return parseDecimal(printedDelta.slice(0, -1).replace(/^\+/, ''));
}

import { foldWords } from '../text.js';
import { clauseStart, type Doc } from './document.js';
import { sameNumber } from './groups.js';
import { LOOK_BACK } from './score-words.js';
import { nearestMentionBefore, type Scan, type TotalFound } from './scores.js';
import { chainStart, type Mention, parentOf } from './units.js';

// ---------------------------------------------------------------------------------------------------
// Results.

export interface Subject {
  /** Read from "tỉnh Gia Lai xếp thứ 2/34 … về Chỉ số phục vụ …": a unit with a rank and no score. */
  rankOnly?: boolean;
  unit: Mention;
  parentName: string | null;
  anchor: number;
  total: TotalFound | null;
  skippedTotal: TotalFound | null;
  /** A unit of the letter's own period, read again for a second one: its total is the other period's, kept only as its place. */
  carried?: boolean;
}

/** The units the text gives a result for, in the order it gives them: one per unit, its first total. */
export function subjects(doc: Doc, scan: Scan, conflicts: { unit: string; first: number; second: number }[] = []): Subject[] {
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

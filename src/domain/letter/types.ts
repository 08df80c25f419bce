import type { GroupKey } from '../framework.js';
import type { Period } from '../period.js';
import type { UnitResult } from '../result.js';
import type { PeriodSource } from './periods.js';

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

/** A figure printed in the text but not stored: no unit can be told for it. */
export interface UnreadFigure {
  printed: string;
  sentence: string;
}

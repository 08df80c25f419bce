/**
 * A unit's trend: which periods it is drawn over (the last 12 of one kind that have data, up to the one
 * asked), and what moved most between the first and the last of them, group by group.
 */
import { compareDecimals, subtractDecimal } from './decimal.js';
import type { GroupKey } from './framework.js';
import { matchesQuery, parsePeriodKey, type PeriodQuery } from './period.js';
import type { TrendScale } from './question.js';
import type { UnitResult } from './result.js';

/** Periods drawn at most. */
export const TREND_LENGTH = 12;
/** Fewer periods than this make no line. */
export const TREND_MINIMUM = 2;

/** Months, unless the period asked is a quarter or quarters are asked. */
export function trendScale(query: PeriodQuery, asked: TrendScale | undefined): TrendScale {
  if (query.kind === 'quarter') return 'quarter';
  if (query.kind === 'month') return 'month';
  return asked ?? 'month';
}

/**
 * The periods to draw, oldest first: the newest `TREND_LENGTH` of the scale's kind among `available`
 * (newest first), ending at the one the query names (the newest, for the latest); null when it names none.
 */
export function trendPeriods(available: readonly string[], scale: TrendScale, query: PeriodQuery): string[] | null {
  const ofScale = available.filter((key) => parsePeriodKey(key)?.kind === scale);
  const end = query.kind === 'latest' ? 0 : ofScale.findIndex((key) => matchesQuery(key, query));
  if (end < 0) return null;
  return ofScale.slice(end, end + TREND_LENGTH).reverse();
}

export interface GroupMove {
  key: GroupKey;
  /** Points gained (negative: lost) from the first period drawn to the last. */
  change: string;
}

/**
 * What moved among the groups scored at both ends: the only one; none, every one unchanged; none rose,
 * and the one that fell most; or the one that gained most and the one that gained least (or lost most).
 */
export type GroupMoves =
  | { kind: 'one'; move: GroupMove }
  | { kind: 'unchanged' }
  | { kind: 'none-rose'; weakest: GroupMove }
  | { kind: 'moved'; best: GroupMove; weakest: GroupMove };

export function groupMoves(first: UnitResult, last: UnitResult): GroupMoves | null {
  const moves: GroupMove[] = last.groups.flatMap((group) => {
    const before = first.groups.find((g) => g.key === group.key)?.points;
    return group.points !== null && before != null ? [{ key: group.key, change: subtractDecimal(group.points, before) }] : [];
  });
  const [best, ...rest] = [...moves].sort((a, b) => compareDecimals(b.change, a.change));
  const weakest = rest.at(-1);
  if (!best) return null;
  if (!weakest) return { kind: 'one', move: best };
  if (compareDecimals(best.change, '0') > 0) return { kind: 'moved', best, weakest };
  return compareDecimals(weakest.change, '0') < 0 ? { kind: 'none-rose', weakest } : { kind: 'unchanged' };
}

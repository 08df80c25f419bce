/** Two units side by side for one period both have ("so sánh Việt Trì với Nông Trang"). */
import type { Db } from '../db/client.js';
import { periodsOfUnits, type PeriodAvailable } from '../db/results.js';
import { unitById, type UnitRow } from '../db/units.js';
import { subtractDecimal } from '../domain/decimal.js';
import type { GroupKey } from '../domain/framework.js';
import type { PeriodQuery } from '../domain/period.js';
import type { GroupScore } from '../domain/result.js';
import { choosePeriod, partialPeriods, scoreCardsForPeriod, type ScoreCard } from './scores.js';

export interface GroupComparison {
  key: GroupKey;
  name: string;
  a: GroupScore | null;
  b: GroupScore | null;
  /** a − b, exactly; null unless both have points. */
  difference: string | null;
}

export interface Comparison {
  period: string;
  a: ScoreCard;
  b: ScoreCard;
  /** a − b, exactly; null unless both have a total. */
  totalDifference: string | null;
  /** Group by group in the framework's order; null when the two results use different frameworks. */
  groups: GroupComparison[] | null;
}

export interface UnitPeriods {
  unit: UnitRow;
  available: string[];
}

export type ComparisonAnswer = { kind: 'comparison'; comparison: Comparison } | { kind: 'no-data'; query: PeriodQuery; a: UnitPeriods; b: UnitPeriods };

function difference(a: string | null | undefined, b: string | null | undefined): string | null {
  return a != null && b != null ? subtractDecimal(a, b) : null;
}

/** The periods both have; complete when either unit's result in it is (the rule rankings follow). */
function shared(a: readonly PeriodAvailable[], b: readonly PeriodAvailable[]): PeriodAvailable[] {
  return a.flatMap((p) => {
    const other = b.find((q) => q.period === p.period);
    return other ? [{ period: p.period, complete: p.complete || other.complete }] : [];
  });
}

function compareGroups(a: ScoreCard, b: ScoreCard): GroupComparison[] | null {
  if (a.framework.version !== b.framework.version) return null;
  return a.framework.groups.map((group) => {
    const own = a.groups.find((g) => g.key === group.key) ?? null;
    const other = b.groups.find((g) => g.key === group.key) ?? null;
    return { key: group.key, name: group.name, a: own, b: other, difference: difference(own?.points, other?.points) };
  });
}

async function unitOrThrow(db: Db, id: number): Promise<UnitRow> {
  const unit = await unitById(db, id);
  if (!unit) throw new Error(`unit ${id} not found`);
  return unit;
}

export async function compareUnits(db: Db, aId: number, bId: number, query: PeriodQuery): Promise<ComparisonAnswer> {
  const [unitA, unitB] = [await unitOrThrow(db, aId), await unitOrThrow(db, bId)];
  const [periodsA, periodsB] = [await periodsOfUnits(db, [aId]), await periodsOfUnits(db, [bId])];
  const both = shared(periodsA, periodsB);
  const period = choosePeriod(
    both.map((p) => p.period),
    query,
    partialPeriods(both),
  );
  const cards = period ? await scoreCardsForPeriod(db, [unitA, unitB], period) : new Map<number, ScoreCard>();
  const [a, b] = [cards.get(aId), cards.get(bId)];
  if (!period || !a || !b) {
    return { kind: 'no-data', query, a: { unit: unitA, available: periodsA.map((p) => p.period) }, b: { unit: unitB, available: periodsB.map((p) => p.period) } };
  }
  return { kind: 'comparison', comparison: { period, a, b, totalDifference: difference(a.result.total, b.result.total), groups: compareGroups(a, b) } };
}

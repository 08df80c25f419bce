/** A unit's results over its last periods of one kind: what `/xuhuong` draws. */
import type { Db } from '../db/client.js';
import type { ResultWithSource, StoredResult } from '../db/results.js';
import type { UnitRow } from '../db/units.js';
import type { PeriodQuery } from '../domain/period.js';
import type { TrendScale } from '../domain/question.js';
import { TREND_MINIMUM, trendPeriods } from '../domain/trend.js';
import { heldUnit } from './gazetteer.js';
import { heldResults, unitPeriods } from './import-cache.js';

export type TrendAnswer =
  | { kind: 'trend'; unit: UnitRow; scale: TrendScale; results: StoredResult[] }
  /** Fewer than two periods of the scale: no line to draw. */
  | { kind: 'too-few'; unit: UnitRow; scale: TrendScale; results: StoredResult[] }
  | { kind: 'no-data'; unit: UnitRow; query: PeriodQuery; available: string[] };

/** Results read two to a statement, as `heldResults` reads them, and kept with the others it keeps. */
const READ_TOGETHER = 2;

export async function unitTrend(db: Db, unitId: number, scale: TrendScale, query: PeriodQuery, stamp?: string): Promise<TrendAnswer> {
  const { periods, resultIds } = await unitPeriods(db, unitId, stamp);
  const unit = await heldUnit(db, unitId);
  if (!unit) throw new Error(`unit ${unitId} not found`);
  const available = periods.map((p) => p.period);
  const drawn = trendPeriods(available, scale, query);
  if (!drawn) return { kind: 'no-data', unit, query, available };
  const ids = drawn.map((period) => resultIds.get(period)).filter((id): id is number => id !== undefined);
  const read = new Map<number, ResultWithSource>();
  for (let i = 0; i < ids.length; i += READ_TOGETHER) {
    for (const [id, result] of await heldResults(db, ids.slice(i, i + READ_TOGETHER))) read.set(id, result);
  }
  const results = ids.flatMap((id) => {
    const found = read.get(id);
    if (!found) return [];
    const { source: _source, ...result } = found;
    return [result];
  });
  return { kind: results.length < TREND_MINIMUM ? 'too-few' : 'trend', unit, scale, results };
}

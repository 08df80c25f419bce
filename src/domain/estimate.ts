/**
 * What a result would be with one sub-criterion at another rate: the group recomputed with the
 * formulas (domain/formulas.ts), the total with that one group replaced, the rank among the others'
 * stored totals. An estimate, never a result: nothing here is stored.
 */
import { addDecimals, subtractDecimal } from './decimal.js';
import { FRAMEWORK_2024, type GroupKey } from './framework.js';
import { estimateGroup, groupRule, pointsText, rateOf, type GroupRule } from './formulas.js';
import { rankAmong } from './peers.js';
import type { UnitResult } from './result.js';

export interface Range<T> {
  low: T;
  high: T;
}

export interface Estimate {
  group: GroupKey;
  code: string;
  /** The rate asked, in percent. */
  rate: string;
  /** The sub-criterion's stored rate in percent (from its counts), when known. */
  rateNow: string | null;
  pointsNow: string;
  points: Range<string>;
  totalNow: string | null;
  total: Range<string> | null;
  /** The rank at the low and at the high total, among the others' totals. */
  rank: Range<{ rank: number; rankOf: number }> | null;
  /** The estimate rests on a formula not verified (DVC trực tuyến, 4.4): a range, said so. */
  uncertain: boolean;
}

export type EstimateRefusal = 'no-rule' | 'no-group-data' | 'no-criteria';

function percentText(rate: number): string {
  return pointsText(rate * 100);
}

function isUncertain(rule: GroupRule, code: string, points: Range<string>): boolean {
  return !rule.criteriaStored || points.low !== points.high || rule.criteria.find((c) => c.code === code)?.status === 'uncertain';
}

/** `otherTotals`: the stored totals of the unit's peers in the period, the unit's own left out. */
export function estimate(result: UnitResult, target: { group: GroupKey; code: string }, rate: string, otherTotals: readonly (string | null)[]): Estimate | EstimateRefusal {
  const rule = groupRule(target.group);
  const stored = result.groups.find((g) => g.key === target.group);
  if (!rule || result.frameworkVersion !== FRAMEWORK_2024.version) return 'no-rule';
  if (!stored || stored.points === null) return 'no-group-data';
  const range = estimateGroup(rule, { points: stored.points, criteria: stored.criteria }, { code: target.code, rate: Number(rate) / 100 });
  if (!range) return 'no-criteria';
  const points = { low: pointsText(range.low), high: pointsText(range.high) };
  const replaced = (groupPoints: string) => (result.total === null ? null : addDecimals([subtractDecimal(result.total, stored.points ?? '0'), groupPoints]));
  const low = replaced(points.low);
  const high = replaced(points.high);
  const current = stored.criteria.find((c) => c.code === target.code);
  const rateNow = current ? rateOf(current) : null;
  return {
    group: target.group,
    code: target.code,
    rate,
    rateNow: rateNow === null ? null : percentText(rateNow),
    pointsNow: stored.points,
    points,
    totalNow: result.total,
    total: low !== null && high !== null ? { low, high } : null,
    rank: low !== null && high !== null ? { low: rankAmong(low, otherTotals), high: rankAmong(high, otherTotals) } : null,
    uncertain: isUncertain(rule, target.code, points),
  };
}

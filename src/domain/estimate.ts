/**
 * What a result would be with one sub-criterion at another rate: the stored group's points and the stored
 * total, each plus the change the formulas give (domain/formulas.ts), and the rank now and then among the
 * others' stored totals, on the same base. An estimate, never a result: nothing here is stored.
 */
import { addDecimals } from './decimal.js';
import { FRAMEWORK_2024, type GroupKey } from './framework.js';
import { groupChange, groupRule, pointsText, rateOf, type GroupRule } from './formulas.js';
import { rankAmong } from './peers.js';
import type { UnitResult } from './result.js';

export interface Range<T> {
  low: T;
  high: T;
}

export interface Rank {
  rank: number;
  rankOf: number;
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
  /** The rank of the stored total among the others' totals. */
  rankNow: Rank | null;
  /** The rank at the low and at the high total, among the same totals. */
  rank: Range<Rank> | null;
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
  const change = groupChange(rule, { points: stored.points, criteria: stored.criteria }, { code: target.code, rate: Number(rate) / 100 });
  if (!change) return 'no-criteria';
  const plus = (value: string) => ({ low: addDecimals([value, pointsText(change.low)]), high: addDecimals([value, pointsText(change.high)]) });
  const points = plus(stored.points);
  const total = result.total === null ? null : plus(result.total);
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
    total,
    rankNow: result.total === null ? null : rankAmong(result.total, otherTotals),
    rank: total && { low: rankAmong(total.low, otherTotals), high: rankAmong(total.high, otherTotals) },
    uncertain: isUncertain(rule, target.code, points),
  };
}

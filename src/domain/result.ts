/** A unit's result in a period, exactly as its source printed it, and what the core reads from it. */
import { compareDecimals, ratio, subtractDecimal } from './decimal.js';
import type { Framework, Group, GroupKey } from './framework.js';

export interface CriterionScore {
  code: string;
  name: string;
  /** Counts as printed ("03", "2348"); rates and points as exact decimals. */
  numerator: string | null;
  denominator: string | null;
  rate: string | null;
  points: string | null;
  max: string | null;
  /** Printed in the source's summary (a letter's headline sub-rates), so shown on the card. */
  headline: boolean;
}

export interface GroupScore {
  key: GroupKey;
  points: string | null;
  max: string;
  rate: string | null;
  /** Change from the previous period as the source prints it (the portal's `scoreDelta`). */
  delta?: string | null;
  criteria: CriterionScore[];
}

export interface UnitResult {
  period: string;
  frameworkVersion: string;
  total: string | null;
  rank: number | null;
  rankOf: number | null;
  /** Among whom the rank stands, as the source says: "huyện/thị xã/thành phố". */
  rankScope: string | null;
  /** As the source prints it; null when it prints none. */
  classification: string | null;
  /** Change of the total in points since the previous period, as the source prints it. */
  scoreDelta: string | null;
  /** Change of the total in percent as the source prints it ("giảm 0,96%" → "-0.96"). */
  scoreDeltaPercent: string | null;
  /** Places gained since the previous period as the source prints it ("tăng 3 bậc" → 3, "giảm 2 bậc" → -2). */
  rankChange: number | null;
  groups: GroupScore[];
}

/** Xuất sắc ≥ 90 and Tốt 80–<90 are the official bands, highest first; below them the index names none. */
export const BANDS: readonly { label: string; from: string }[] = [
  { label: 'Xuất sắc', from: '90' },
  { label: 'Tốt', from: '80' },
];

export function classify(total: string): string | null {
  return BANDS.find((band) => compareDecimals(total, band.from) >= 0)?.label ?? null;
}

/** A group is weak below this share of its maximum points. */
export const WEAK_SHARE = 0.9;

type ScoredGroup = GroupScore & { points: string };

/** The groups with points out of a maximum above zero: the only ones that can be weak. */
function scoredGroups(groups: readonly GroupScore[]): ScoredGroup[] {
  return groups.filter((g): g is ScoredGroup => g.points !== null && Number(g.max) > 0);
}

/** Weakest first: the lowest share of its maximum points. */
function weakestFirst(a: ScoredGroup, b: ScoredGroup): number {
  return ratio(a.points, a.max) - ratio(b.points, b.max);
}

/** The group with the lowest share of its maximum, weak or not; null when none is scored. */
export function weakestGroup(groups: readonly GroupScore[]): ScoredGroup | null {
  return scoredGroups(groups).sort(weakestFirst)[0] ?? null;
}

/** The groups that lose the most, by points over maximum, weakest first, at most `limit`. */
export function weakestGroups(groups: readonly GroupScore[], limit = 3): GroupScore[] {
  return scoredGroups(groups)
    .filter((g) => ratio(g.points, g.max) < WEAK_SHARE)
    .sort(weakestFirst)
    .slice(0, limit);
}

/** The framework's groups that have no points in this result: never counted as strong or weak. */
export function groupsWithoutData(framework: Framework, groups: readonly GroupScore[]): Group[] {
  return framework.groups.filter((g) => !groups.some((s) => s.key === g.key && s.points !== null));
}

export function orderGroups(framework: Framework, groups: readonly GroupScore[]): GroupScore[] {
  const order = framework.groups.map((g) => g.key);
  return [...groups].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
}

export interface Change {
  points: string | null;
  /** Positive when the unit climbed (rank number fell). */
  ranks: number | null;
}

export function changeBetween(current: UnitResult, previous: UnitResult): Change {
  return {
    points: current.total !== null && previous.total !== null ? subtractDecimal(current.total, previous.total) : null,
    ranks: current.rank !== null && previous.rank !== null ? previous.rank - current.rank : null,
  };
}

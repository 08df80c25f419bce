/**
 * Totals and ranks a source computes rather than prints (the portal's): a total is the sum of a
 * framework's groups as rounded, only when every group has points; ranks are competition ranks among
 * the units sharing a `rankAmong` key, over those that have a total.
 */
import { pushTo } from './collections.js';
import { addDecimals } from './decimal.js';
import { frameworkByVersion } from './framework.js';
import { competitionRanks } from './ranking.js';
import type { UnitResult } from './result.js';

export interface Rankable {
  result: UnitResult;
  /** Siblings ranked together (xã/phường apart from sở/ngành); null: not ranked. */
  rankAmong: string | null;
}

export function sumOfGroups(result: UnitResult): string | null {
  const points = frameworkByVersion(result.frameworkVersion).groups.map((g) => result.groups.find((s) => s.key === g.key)?.points ?? null);
  return points.every((p): p is string => p !== null) ? addDecimals(points) : null;
}

/**
 * Each result with every group gets the sum as its total; a result missing some keeps the total it has.
 * Ranks are then computed among those with a total, so a result without one keeps its rank.
 */
export function computeTotalsAndRanks<T extends Rankable>(entries: readonly T[]): T[] {
  const withTotals = entries.map((e) => ({ ...e, result: { ...e.result, total: sumOfGroups(e.result) ?? e.result.total } }));
  const byLevel = new Map<string, number[]>();
  withTotals.forEach((e, i) => {
    if (e.rankAmong !== null) pushTo(byLevel, e.rankAmong, i);
  });
  for (const indexes of byLevel.values()) {
    const ranks = competitionRanks(indexes.map((i) => ({ key: i, total: withTotals[i]?.result.total ?? null })));
    for (const [i, r] of ranks) {
      const e = withTotals[i];
      if (e) e.result = { ...e.result, rank: r.rank, rankOf: r.rankOf };
    }
  }
  return withTotals;
}

/**
 * Which suggested task pays most: for each group, the points its main sub-criterion would bring at the
 * rate its task aims at (domain/estimate.ts), the groups ordered by them, most first.
 */
import { compareDecimals, subtractDecimal } from './decimal.js';
import { estimate, type Range } from './estimate.js';
import { groupRule } from './formulas.js';
import type { GroupKey } from './framework.js';
import type { UnitResult } from './result.js';

/** The rate each group's suggested task aims at, in percent: all hồ sơ synchronised, else 90 %. */
export const TASK_TARGETS: Partial<Record<GroupKey, string>> = { CKMB: '100', TDGQ: '90', CLGQ: '90', TTTT: '90', MDHL: '90', MDSH: '90' };

export interface TaskGain {
  group: GroupKey;
  /** The rate aimed at, in percent. */
  rate: string;
  /** Points to gain, never below 0; null when the estimate cannot be made (no sub-criteria stored). */
  gain: Range<string> | null;
  uncertain: boolean;
}

function atLeastZero(value: string): string {
  return compareDecimals(value, '0') < 0 ? '0' : value;
}

function gainOf(result: UnitResult, group: GroupKey): TaskGain {
  const rate = TASK_TARGETS[group] ?? '90';
  const main = groupRule(group)?.main;
  const found = main ? estimate(result, { group, code: main }, rate, []) : 'no-rule';
  if (typeof found === 'string') return { group, rate, gain: null, uncertain: false };
  const gain = (points: string) => atLeastZero(subtractDecimal(points, found.pointsNow));
  return {
    group,
    rate,
    gain: { low: gain(found.points.low), high: gain(found.points.high) },
    uncertain: found.uncertain,
  };
}

/** The groups by the points their task could bring, most first (by the certain part, then the rest); unknown gains last, in the order given. */
export function orderByGain(result: UnitResult, groups: readonly GroupKey[]): TaskGain[] {
  const gains = groups.map((g) => gainOf(result, g));
  return gains
    .map((g, i) => ({ g, i }))
    .sort((a, b) => {
      if (a.g.gain === null || b.g.gain === null) return (a.g.gain === null ? 1 : 0) - (b.g.gain === null ? 1 : 0) || a.i - b.i;
      return compareDecimals(b.g.gain.low, a.g.gain.low) || compareDecimals(b.g.gain.high, a.g.gain.high) || a.i - b.i;
    })
    .map(({ g }) => g);
}

/**
 * How the portal turns sub-criteria into points (Bộ chỉ số 766, 6 groups, domain-766.md §1.3), for
 * what-if estimates only: a stored result is never recomputed. Each sub-criterion scores
 * `min(max, max × rate / fullAt)` (fullAt 1: linear), or a fixed amount when it has nothing to count.
 * A rule marked uncertain carries the other reading that bounds an estimate.
 */
import type { GroupKey } from './framework.js';
import type { CriterionScore } from './result.js';

export type FormulaStatus = 'verified' | 'uncertain' | 'sourced';

export interface CriterionRule {
  code: string;
  max: number;
  /** The rate at which the points are full: 1 is linear, 0.8 full at 80 %. */
  fullAt: number;
  /** Points when nothing is counted (denominator 0): none, or full (5.2, 5.3 without any PAKN). */
  whenEmpty: 'none' | 'full';
  status: FormulaStatus;
  /** For an uncertain rule, the other plausible `fullAt`: estimates give the range between the two. */
  otherFullAt?: number;
}

export interface GroupRule {
  key: GroupKey;
  max: number;
  /** The sub-criterion a group's name means in a what-if ("số hóa lên 95%"), the one a unit moves most directly. */
  main: string;
  /** The portal stores no sub-criteria of this group per unit: an estimate works from the group's points. */
  criteriaStored: boolean;
  criteria: CriterionRule[];
}

const linear = (code: string, max: number, status: FormulaStatus = 'verified'): CriterionRule => ({ code, max, fullAt: 1, whenEmpty: 'none', status });
const fullAt = (code: string, max: number, at: number, status: FormulaStatus = 'verified'): CriterionRule => ({ code, max, fullAt: at, whenEmpty: 'none', status });

export const GROUP_RULES: readonly GroupRule[] = [
  {
    key: 'CKMB',
    max: 18,
    main: 'DOSSIER_SYNC',
    criteriaStored: true,
    criteria: [linear('PUBLISH_ON_TIME', 6), linear('PUBLIC_UPDATE_ON_TIME', 4), linear('PUBLIC_CONTENT_FULL', 2), linear('DOSSIER_SYNC', 6)],
  },
  { key: 'TDGQ', max: 20, main: 'ON_TIME', criteriaStored: true, criteria: [linear('ON_TIME', 20)] },
  {
    key: 'CLGQ',
    max: 12,
    main: 'ONLINE_SUBMISSION',
    criteriaStored: false,
    criteria: [fullAt('ONLINE_SERVICE_PROVIDED', 2, 0.8, 'uncertain'), linear('ONLINE_SERVICE_USED', 4, 'uncertain'), fullAt('ONLINE_SUBMISSION', 6, 0.5, 'uncertain')],
  },
  {
    key: 'TTTT',
    max: 10,
    main: 'ONLINE_PAYMENT_DOSSIER',
    criteriaStored: true,
    criteria: [linear('ONLINE_PAYMENT_DOSSIER', 6), fullAt('ONLINE_PAYMENT_FORMALITY', 2, 0.8), fullAt('PAYMENT_FEE_FORMALITY', 2, 0.8)],
  },
  {
    key: 'MDHL',
    max: 18,
    main: 'DOSSIER_RECEIVING_SATISFACTION',
    criteriaStored: true,
    criteria: [
      { ...linear('PETITION_PROCESSING_ON_TIME', 6), whenEmpty: 'full' },
      { ...linear('PETITION_HANDLING_SATISFACTION', 6), whenEmpty: 'full' },
      fullAt('DOSSIER_RECEIVING_SATISFACTION', 6, 0.9),
    ],
  },
  {
    key: 'MDSH',
    max: 22,
    main: 'SO_HOA_GIAY_TO_GIAI_QUYET',
    criteriaStored: true,
    criteria: [
      linear('ORIGINAL_RESULT_AVAILABLE', 6),
      linear('SO_HOA_GIAY_TO_GIAI_QUYET', 4),
      fullAt('REUSED_DIGITIZED_DATA', 2, 0.8),
      // Only zero rates observed: linear is presumed; the lowest threshold the index uses bounds it.
      { ...linear('SYNCED_WITH_DVCQG_PERSONAL_STORAGE', 4, 'uncertain'), otherFullAt: 0.5 },
      linear('CITIZEN_DATA_CONNECTED_DOSSIER', 2),
      linear('CITIZEN_DATA_CONNECTED_FORMALITY', 2),
      // A province-wide rate copied to every unit: the portal gives it without counts.
      linear('ELECTRONIC_CERTIFIED_COPY', 2, 'sourced'),
    ],
  },
];

export function groupRule(key: GroupKey): GroupRule | undefined {
  return GROUP_RULES.find((g) => g.key === key);
}

/** A rate between 0 and 1; null when nothing is counted. Counts first, else the rate printed without counts. */
export function rateOf(c: Pick<CriterionScore, 'numerator' | 'denominator' | 'rate'>): number | null {
  if (c.numerator !== null && c.denominator !== null) {
    const denominator = Number(c.denominator);
    return denominator > 0 ? Number(c.numerator) / denominator : null;
  }
  return c.rate !== null ? Number(c.rate) / 100 : null;
}

export type Reading = 'presumed' | 'other';

/** The points of one sub-criterion at a rate (0–1, null: nothing counted). */
export function criterionPoints(rule: CriterionRule, rate: number | null, reading: Reading = 'presumed'): number {
  if (rate === null) return rule.whenEmpty === 'full' ? rule.max : 0;
  const at = reading === 'other' && rule.otherFullAt !== undefined ? rule.otherFullAt : rule.fullAt;
  return Math.min(rule.max, (rule.max * rate) / at);
}

/** Two decimals, half up, as the portal rounds each sub-criterion's points before it sums them. */
export function roundHundredths(points: number): number {
  return Math.round(points * 100 + 1e-9) / 100;
}

/** Points as an exact decimal string, the way stored points are written: "7.5", "12.97", "0". */
export function pointsText(points: number): string {
  return roundHundredths(points).toFixed(2).replace(/\.?0+$/, '') || '0';
}

export interface Override {
  code: string;
  /** 0–1; null: nothing counted. */
  rate: number | null;
}

/**
 * A group's points from its stored sub-criteria, one of them set to another rate; null when a
 * sub-criterion the rule needs is not stored. Each sub-criterion rounded, then summed, as the portal does.
 * `reading` applies to the sub-criterion set, the others stay as presumed.
 */
export function groupPoints(group: GroupRule, criteria: readonly CriterionScore[], override?: Override, reading: Reading = 'presumed'): number | null {
  let sum = 0;
  for (const rule of group.criteria) {
    if (override?.code === rule.code) {
      sum += roundHundredths(criterionPoints(rule, override.rate, reading));
      continue;
    }
    const stored = criteria.find((c) => c.code === rule.code);
    if (!stored) return null;
    sum += roundHundredths(criterionPoints(rule, rateOf(stored)));
  }
  return roundHundredths(sum);
}

/** Points low–high; the same when the rules used are certain. */
export interface PointsRange {
  low: number;
  high: number;
}

/**
 * What setting one sub-criterion to `rate` changes in its group's points: the formula at that rate less
 * the formula as things stand, so that the formula's own distance from the stored points never shows as a
 * change; for an uncertain rule, under each reading. Where the portal stores no sub-criteria (DVC trực
 * tuyến), only the group's points are known: the changed one's current share of them lies anywhere its
 * maximum allows, so the change is the range over that share.
 */
export function groupChange(group: GroupRule, stored: { points: string; criteria: readonly CriterionScore[] }, override: Override): PointsRange | null {
  const rule = group.criteria.find((c) => c.code === override.code);
  if (!rule) return null;
  const changed = roundHundredths(criterionPoints(rule, override.rate));
  if (!group.criteriaStored) {
    const points = Number(stored.points);
    const rest = group.max - rule.max;
    return { low: roundHundredths(changed - Math.min(rule.max, points)), high: roundHundredths(changed - Math.max(0, points - rest)) };
  }
  const current = stored.criteria.find((c) => c.code === override.code);
  if (!current) return null;
  const readings: Reading[] = rule.otherFullAt === undefined ? ['presumed'] : ['presumed', 'other'];
  const changes: number[] = [];
  for (const reading of readings) {
    const now = groupPoints(group, stored.criteria, { code: override.code, rate: rateOf(current) }, reading);
    const then = groupPoints(group, stored.criteria, override, reading);
    if (now === null || then === null) return null;
    changes.push(roundHundredths(then - now));
  }
  return { low: Math.min(...changes), high: Math.max(...changes) };
}

/**
 * The one-page report for the leaders of a parent unit (/baocaothang): the facts read for one month,
 * and the figures drawn from them — its units by band, the weakest, the changes since last month.
 */
import { averageDecimals, compareDecimals, subtractDecimal } from './decimal.js';
import { countBands, type BandCount } from './bands.js';
import { BANDS, classify } from './result.js';

export type { BandCount, BandKey } from './bands.js';

/** A unit's weakest group in the month: the lowest share of its maximum. */
export interface WeakGroup {
  name: string;
  points: string;
  max: string;
}

export interface ReportUnit {
  name: string;
  total: string | null;
  /** Among whom its rank stands, as the source says ("xã, phường"); null when it says nothing. */
  scope: string | null;
  previousTotal: string | null;
  weakestGroup: WeakGroup | null;
}

/** One month of the trend: the parent's own total and the average of its units, per scope. */
export interface TrendMonth {
  period: string;
  own: string | null;
  averages: { scope: string | null; average: string | null; scored: number }[];
}

export interface LeaderReportFacts {
  unit: string;
  period: string;
  /** The parent's own result in the month, when the source gives one. */
  own: { total: string | null; rank: number | null; rankOf: number | null; rankScope: string | null; classification: string | null } | null;
  /** The parent's own totals of the months of the year up to this one that have one. */
  yearTotals: string[];
  /** Oldest first, ending with the month of the report. */
  trend: TrendMonth[];
  units: ReportUnit[];
  previousPeriod: string | null;
  /** Overdue tasks the parent gave, by assigned unit, most first. */
  overdue: { unit: string; tasks: number }[];
}

export interface UnitChange {
  unit: string;
  delta: string;
}

export interface LeaderFigures {
  yearToDate: { average: string; months: number } | null;
  bands: BandCount[];
  /** Lowest totals first. */
  weakest: ReportUnit[];
  /** Below the lowest official band, lowest first. */
  underGood: ReportUnit[];
  /** In the "Tốt" band (80–<90), lowest first. */
  good: ReportUnit[];
  gains: UnitChange[];
  falls: UnitChange[];
  /** Units with a total last month too: gains and falls are counted among them. */
  compared: number;
}

const WEAKEST_SHOWN = 5;
const CHANGES_SHOWN = 5;

type Scored = ReportUnit & { total: string };

function scored(units: readonly ReportUnit[]): Scored[] {
  return units.filter((u): u is Scored => u.total !== null);
}

function lowestFirst(a: Scored, b: Scored): number {
  return compareDecimals(a.total, b.total) || a.name.localeCompare(b.name, 'vi');
}

/** The official bands from domain/result.ts, then the totals under them, then the units without one. */
export function bandsOf(units: readonly ReportUnit[]): BandCount[] {
  return countBands(units.map((u) => u.total));
}

export function leaderFigures(facts: LeaderReportFacts): LeaderFigures {
  const withTotal = scored(facts.units).sort(lowestFirst);
  const lowestLabel = BANDS.at(-1)?.label;
  const changes = withTotal
    .filter((u): u is Scored & { previousTotal: string } => u.previousTotal !== null)
    .map((u) => ({ unit: u.name, delta: subtractDecimal(u.total, u.previousTotal) }))
    .sort((a, b) => compareDecimals(b.delta, a.delta) || a.unit.localeCompare(b.unit, 'vi'));
  const average = averageDecimals(facts.yearTotals);
  return {
    yearToDate: average === null ? null : { average, months: facts.yearTotals.length },
    bands: bandsOf(facts.units),
    weakest: withTotal.slice(0, WEAKEST_SHOWN),
    underGood: withTotal.filter((u) => classify(u.total) === null),
    good: withTotal.filter((u) => classify(u.total) === lowestLabel),
    gains: changes.filter((c) => compareDecimals(c.delta, '0') > 0).slice(0, CHANGES_SHOWN),
    falls: changes.filter((c) => compareDecimals(c.delta, '0') < 0).reverse().slice(0, CHANGES_SHOWN),
    compared: changes.length,
  };
}

/** What the one-page leader report of a parent unit holds for a month, read from the stored results and tasks. */
import type { Db } from '../db/client.js';
import { latestResults, periodsOfUnits, type StoredResult } from '../db/results.js';
import { childrenOf, type UnitRow } from '../db/units.js';
import { averageDecimals } from '../domain/decimal.js';
import { frameworkByVersion, groupName } from '../domain/framework.js';
import { weakestGroup } from '../domain/result.js';
import type { LeaderReportFacts, ReportUnit, TrendMonth, WeakGroup } from '../domain/leader-report.js';
import { parsePeriodKey, previousPeriodKey, type PeriodQuery } from '../domain/period.js';
import type { IsoDate } from '../domain/working-days.js';
import { choosePeriod, partialPeriods } from './scores.js';
import { overdueByUnit } from './tasks.js';

export type LeaderReportAnswer =
  | { kind: 'report'; facts: LeaderReportFacts }
  | { kind: 'no-children'; unit: UnitRow }
  | { kind: 'not-month'; unit: UnitRow }
  | { kind: 'no-data'; unit: UnitRow; query: PeriodQuery; available: string[] };

const TREND_MONTHS = 3;

function isMonth(key: string): boolean {
  return parsePeriodKey(key)?.kind === 'month';
}

function weakGroupOf(result: StoredResult): WeakGroup | null {
  const weakest = weakestGroup(result.groups);
  if (!weakest) return null;
  return { name: groupName(frameworkByVersion(result.frameworkVersion), weakest.key), points: weakest.points, max: weakest.max };
}

function trendMonth(period: string, own: StoredResult | undefined, children: readonly UnitRow[], results: ReadonlyMap<number, StoredResult>): TrendMonth {
  const byScope = new Map<string | null, string[]>();
  for (const child of children) {
    const r = results.get(child.id);
    if (r) byScope.set(r.rankScope, [...(byScope.get(r.rankScope) ?? []), ...(r.total !== null ? [r.total] : [])]);
  }
  const averages = [...byScope]
    .map(([scope, totals]) => ({ scope, totals }))
    .sort((a, b) => b.totals.length - a.totals.length)
    .map(({ scope, totals }) => ({ scope, scored: totals.length, average: averageDecimals(totals) }));
  return { period, own: own?.total ?? null, averages };
}

/** The months before `period` in the trend, oldest first, `period` last. */
function trendKeys(period: string): string[] {
  const keys = [period];
  while (keys.length < TREND_MONTHS) {
    const before = previousPeriodKey(keys[0] as string);
    if (!before) break;
    keys.unshift(before);
  }
  return keys;
}

export async function leaderReport(db: Db, unit: UnitRow, query: PeriodQuery, today: IsoDate): Promise<LeaderReportAnswer> {
  if (query.kind !== 'latest' && query.kind !== 'month') return { kind: 'not-month', unit };
  const children = await childrenOf(db, unit.id);
  if (children.length === 0) return { kind: 'no-children', unit };
  const ids = children.map((c) => c.id);
  const periods = (await periodsOfUnits(db, ids)).filter((p) => isMonth(p.period));
  const available = periods.map((p) => p.period);
  const period = choosePeriod(available, query, partialPeriods(periods));
  if (!period) return { kind: 'no-data', unit, query, available };

  const keys = trendKeys(period);
  const byMonth = new Map<string, Map<number, StoredResult>>();
  for (const key of keys) byMonth.set(key, await latestResults(db, ids, key));
  const ownKeys = (await periodsOfUnits(db, [unit.id])).map((p) => p.period).filter((k) => isMonth(k) && k.slice(0, 4) === period.slice(0, 4) && k <= period);
  const own = new Map<string, StoredResult>();
  for (const key of new Set([...ownKeys, ...keys])) {
    const result = (await latestResults(db, [unit.id], key)).get(unit.id);
    if (result) own.set(key, result);
  }

  const current = byMonth.get(period) ?? new Map<number, StoredResult>();
  const previousKey = previousPeriodKey(period);
  const previous = (previousKey && byMonth.get(previousKey)) || new Map<number, StoredResult>();
  const reported: ReportUnit[] = children.flatMap((child) => {
    const r = current.get(child.id);
    if (!r) return [];
    return [{ name: child.name, total: r.total, scope: r.rankScope, previousTotal: previous.get(child.id)?.total ?? null, weakestGroup: weakGroupOf(r) }];
  });
  const mine = own.get(period);
  return {
    kind: 'report',
    facts: {
      unit: unit.name,
      period,
      own: mine ? { total: mine.total, rank: mine.rank, rankOf: mine.rankOf, rankScope: mine.rankScope, classification: mine.classification } : null,
      yearTotals: ownKeys.flatMap((k) => own.get(k)?.total ?? []),
      trend: keys.map((key) => trendMonth(key, own.get(key), children, byMonth.get(key) ?? new Map())),
      units: reported,
      previousPeriod: previousKey,
      overdue: (await overdueByUnit(db, unit.id, today)).map((o) => ({ unit: o.unit.name, tasks: o.tasks.length })),
    },
  };
}

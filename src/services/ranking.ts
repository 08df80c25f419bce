/**
 * The ranking of the units under one parent for a period, or of the provinces nationwide: what `/xephang` answers. Ranks are the
 * stored ones (as published, or computed among siblings at import); units without one are counted apart.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { latestResults, periodsOfUnits, type StoredResult } from '../db/results.js';
import { results, units } from '../db/schema.js';
import { childrenOf, unitById, type UnitRow } from '../db/units.js';
import { compareDecimals } from '../domain/decimal.js';
import type { PeriodQuery } from '../domain/period.js';
import { NATIONAL_RANK_SCOPE } from '../domain/portal-requests.js';
import { PEER_GROUPS, peerGroupOf, type UnitKind } from '../domain/units.js';
import { choosePeriod, partialPeriods } from './scores.js';

export interface RankingEntry {
  unit: UnitRow;
  result: StoredResult;
}

export interface Ranking {
  /** Null: the provinces of the whole country, as the national list ranks them. */
  parent: UnitRow | null;
  period: string;
  scope: string | null;
  ranked: RankingEntry[];
  unranked: RankingEntry[];
  /** The asking unit's own entry, when it is among these. */
  own: RankingEntry | null;
}

/** How many the asking unit's rank is out of, as its own result says; the units ranked when it says nothing. */
export function rankOf(ranking: Ranking): number {
  return ranking.own?.result.rankOf ?? ranking.ranked.length;
}

export type RankingAnswer =
  | { kind: 'ranking'; ranking: Ranking }
  | { kind: 'no-data'; parent: UnitRow | null; query: PeriodQuery; available: string[] }
  | { kind: 'no-parent' };

/** Communes first: they are the many units a province ranks each month. */
const PREFERRED_SCOPES = ['xã, phường', 'huyện/thị xã/thành phố', 'sở, ban, ngành'];

function byRank(a: RankingEntry, b: RankingEntry): number {
  return (a.result.rank ?? 0) - (b.result.rank ?? 0) || compareDecimals(b.result.total ?? '0', a.result.total ?? '0') || a.unit.name.localeCompare(b.unit.name, 'vi');
}

/** The parent whose children are ranked: the unit's own parent, or the unit itself when it has children. */
export async function parentFor(db: Db, unit: UnitRow | null): Promise<UnitRow | null> {
  if (unit?.parentId) return (await unitById(db, unit.parentId)) ?? null;
  if (unit) return unit;
  // No unit named and none linked: the one parent with ranked children, if there is only one.
  const parents = await db.selectDistinct({ parentId: units.parentId }).from(units).innerJoin(results, eq(results.unitId, units.id));
  const ids = parents.map((p) => p.parentId).filter((id): id is number => id !== null);
  return ids.length === 1 ? ((await unitById(db, ids[0] as number)) ?? null) : null;
}

/**
 * The ranking `unit` stands in: among its parent's children (or its own, for a parent), or with `national`,
 * among the provinces of the whole country (the top-level units with a place in the national list).
 */
export async function rankingFor(db: Db, unit: UnitRow | null, query: PeriodQuery, national = false, kind: UnitKind | null = null): Promise<RankingAnswer> {
  const parent = national ? null : await parentFor(db, unit);
  if (!national && !parent) return { kind: 'no-parent' };
  // "xếp hạng các sở": the peers of the kind asked, whatever the asking unit is.
  const peers: readonly UnitKind[] | null = kind && !national ? PEER_GROUPS[peerGroupOf(kind)] : null;
  const children = (await childrenOf(db, parent?.id ?? null)).filter((c) => !peers || peers.includes(c.kind));
  const childIds = children.map((c) => c.id);
  const periods = await periodsOfUnits(db, childIds, national ? NATIONAL_RANK_SCOPE : undefined);
  const available = periods.map((p) => p.period);
  const period = choosePeriod(available, query, partialPeriods(periods));
  if (!period) return { kind: 'no-data', parent, query, available };

  const latest = await latestResults(db, childIds, period);
  const entries = children.flatMap((c) => {
    const result = latest.get(c.id);
    return result ? [{ unit: c, result }] : [];
  });
  const ownEntry = entries.find((e) => e.unit.id === unit?.id) ?? null;
  const scopes = new Set(entries.map((e) => e.result.rankScope));
  const scope = national ? NATIONAL_RANK_SCOPE : ownEntry ? ownEntry.result.rankScope : (PREFERRED_SCOPES.find((s) => scopes.has(s)) ?? [...scopes][0] ?? null);
  const inScope = entries.filter((e) => e.result.rankScope === scope);
  return {
    kind: 'ranking',
    ranking: {
      parent,
      period,
      scope,
      ranked: inScope.filter((e) => e.result.rank !== null).sort(byRank),
      unranked: inScope.filter((e) => e.result.rank === null),
      own: inScope.find((e) => e.unit.id === unit?.id) ?? null,
    },
  };
}

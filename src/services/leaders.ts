/** The best or the weakest units under one parent ("phường nào cao điểm nhất tháng 9?"), by stored total. */
import type { Db } from '../db/client.js';
import { latestResults, periodsOfUnits } from '../db/results.js';
import { childrenOf, type UnitRow } from '../db/units.js';
import { compareDecimals } from '../domain/decimal.js';
import type { PeriodQuery } from '../domain/period.js';
import { NATIONAL_RANK_SCOPE } from '../domain/portal-requests.js';
import { PEER_GROUPS, peerGroupOf, type UnitKind } from '../domain/units.js';
import { parentFor, type RankingEntry } from './ranking.js';
import { choosePeriod, partialPeriods } from './scores.js';

export interface LeadersRequest {
  parent: UnitRow | null;
  /** A unit whose siblings are meant, when no parent is named. */
  around: UnitRow | null;
  kind: UnitKind | null;
  order: 'top' | 'bottom';
  count?: number;
  /** Among the provinces nationwide, as the national list ranks them. */
  national?: boolean;
}

export interface Leaders {
  /** Null: the provinces of the whole country. */
  parent: UnitRow | null;
  unitKind: UnitKind | null;
  order: 'top' | 'bottom';
  period: string;
  /** Best first for 'top', weakest first for 'bottom'. */
  entries: RankingEntry[];
  /** How many of these units have a total in the period. */
  scored: number;
  /** More were asked for than a list holds (MOST_LEADERS). */
  cut: boolean;
}

export type LeadersAnswer =
  | { kind: 'leaders'; leaders: Leaders }
  | { kind: 'no-data'; parent: UnitRow | null; unitKind: UnitKind | null; query: PeriodQuery; available: string[] }
  | { kind: 'no-parent' };

const DEFAULT_COUNT = 3;
/** "top 99" is answered with this many: a longer list is a ranking (/xephang). */
const MOST_LEADERS = 30;

/** With no kind said, the peers of the unit asked around, or the communes a province ranks each month. */
function peerKinds(kind: UnitKind): readonly UnitKind[] {
  return PEER_GROUPS[peerGroupOf(kind)];
}

function byTotal(order: 'top' | 'bottom') {
  const direction = order === 'top' ? -1 : 1;
  return (a: RankingEntry, b: RankingEntry): number =>
    direction * compareDecimals(a.result.total ?? '0', b.result.total ?? '0') ||
    (a.result.rank ?? Number.MAX_SAFE_INTEGER) - (b.result.rank ?? Number.MAX_SAFE_INTEGER) ||
    a.unit.name.localeCompare(b.unit.name, 'vi');
}

export async function leaders(db: Db, request: LeadersRequest, query: PeriodQuery): Promise<LeadersAnswer> {
  // "tỉnh nào cao điểm nhất": provinces have no parent here; they are the top level, nationwide.
  const national = request.national === true;
  const parent = national ? null : (request.parent ?? (await parentFor(db, request.around)));
  if (!national && !parent) return { kind: 'no-parent' };
  const peers = national ? ['tinh'] : request.kind ? [request.kind] : peerKinds(request.around?.kind ?? 'xa');
  const children = (await childrenOf(db, parent?.id ?? null)).filter((c) => peers.includes(c.kind));
  const childIds = children.map((c) => c.id);
  const periods = await periodsOfUnits(db, childIds, national ? NATIONAL_RANK_SCOPE : undefined);
  const available = periods.map((p) => p.period);
  const period = choosePeriod(available, query, partialPeriods(periods));
  if (!period) return { kind: 'no-data', parent, unitKind: request.kind, query, available };

  const results = await latestResults(db, childIds, period);
  const scored = children.flatMap((unit) => {
    const result = results.get(unit.id);
    return result && result.total !== null && (!national || result.rankScope === NATIONAL_RANK_SCOPE) ? [{ unit, result }] : [];
  });
  return {
    kind: 'leaders',
    leaders: {
      parent,
      unitKind: request.kind,
      order: request.order,
      period,
      entries: scored.sort(byTotal(request.order)).slice(0, Math.min(request.count ?? DEFAULT_COUNT, MOST_LEADERS)),
      scored: scored.length,
      cut: (request.count ?? DEFAULT_COUNT) > MOST_LEADERS && scored.length > MOST_LEADERS,
    },
  };
}

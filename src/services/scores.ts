/** The result card of a unit for a period: what `/diem` answers, on every channel. */
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { latestResults, type PeriodAvailable, type StoredResult } from '../db/results.js';
import { imports, units } from '../db/schema.js';
import type { UnitRow } from '../db/units.js';
import { frameworkByVersion, type Framework } from '../domain/framework.js';
import { matchesQuery, parsePeriodKey, previousPeriodKey, type PeriodQuery } from '../domain/period.js';
import { changeBetween, classify, orderGroups, weakestGroups, type Change, type GroupScore } from '../domain/result.js';
import { heldUnit } from './gazetteer.js';
import { heldResults, unitPeriods } from './import-cache.js';
import { cardPeers, freshTotals, heldTotals, type CardPeers } from './peers.js';

export interface ScoreCard {
  unit: UnitRow;
  parent: UnitRow | null;
  framework: Framework;
  result: StoredResult;
  groups: GroupScore[];
  classification: { label: string; computed: boolean } | null;
  /** The period before, and the change since it when it has a result. */
  previous: { period: string; change: Change | null } | null;
  weakest: GroupScore[];
  source: { kind: string; fileName: string | null; importedAt: Date };
  /** Where the unit stands among the units of its kind under its parent; null with too few of them. */
  peers: CardPeers | null;
}

export type ScoreAnswer = { kind: 'card'; card: ScoreCard } | { kind: 'no-data'; unit: UnitRow; query: PeriodQuery; available: string[] };

/**
 * The period that answers a query among those a unit has (newest first, `comparePeriodKeys`): a month or a
 * week without a year is the latest such one. For the latest, a partial period gives way to an older
 * complete one: a month whose import has begun must not hide the last whole result. A period asked for is
 * answered even when partial.
 */
export function choosePeriod(available: readonly string[], query: PeriodQuery, partial: ReadonlySet<string> = new Set()): string | null {
  const candidates = available.filter((key) => matchesQuery(key, query));
  if (query.kind === 'latest') {
    // Months are what is published most: a weekly standing stored since does not hide the month's result.
    // Without months, the newest of the quarters, years and weeks.
    const preferred = [...candidates.filter((k) => parsePeriodKey(k)?.kind === 'month'), ...candidates.filter((k) => parsePeriodKey(k)?.kind !== 'month')];
    return preferred.find((k) => !partial.has(k)) ?? preferred[0] ?? null;
  }
  return candidates[0] ?? null;
}

/** The keys of the periods that are partial, for `choosePeriod`. */
export function partialPeriods(periods: readonly PeriodAvailable[]): Set<string> {
  return new Set(periods.filter((p) => !p.complete).map((p) => p.period));
}

type Source = Pick<typeof imports.$inferSelect, 'source' | 'fileName'>;

/** A card from what was read: the same rules whether one unit asks or a whole publication is built. */
function buildCard(unit: UnitRow, parent: UnitRow | null, result: StoredResult, previousResult: StoredResult | null, source: Source | undefined): ScoreCard {
  const framework = frameworkByVersion(result.frameworkVersion);
  const groups = orderGroups(framework, result.groups);
  const previousKey = previousPeriodKey(result.period);
  const computed = result.total !== null ? classify(result.total) : null;
  return {
    unit,
    parent,
    framework,
    result,
    groups,
    classification: result.classification ? { label: result.classification, computed: false } : computed ? { label: computed, computed: true } : null,
    previous: previousKey ? { period: previousKey, change: previousResult ? changeBetween(result, previousResult) : null } : null,
    weakest: weakestGroups(groups),
    source: { kind: source?.source ?? 'unknown', fileName: source?.fileName ?? null, importedAt: result.createdAt },
    peers: null,
  };
}

/**
 * The card of a unit for the period a query names, from memory (services/import-cache.ts) as of `stamp`
 * (`IMPORTS_STAMP` as the caller read it, with the chat's turn; read here when not given): no statement
 * when the unit was asked about since the last import, besides reading the stamp when it is not given.
 */
export async function scoreCard(db: Db, unitId: number, query: PeriodQuery, stamp?: string): Promise<ScoreAnswer> {
  const { periods, resultIds, stamp: asOf } = await unitPeriods(db, unitId, stamp);
  const unit = await heldUnit(db, unitId);
  if (!unit) throw new Error(`unit ${unitId} not found`);
  const available = periods.map((p) => p.period);
  const period = choosePeriod(available, query, partialPeriods(periods));
  const previousKey = period ? previousPeriodKey(period) : null;
  const id = period === null ? undefined : resultIds.get(period);
  const previousId = previousKey === null ? undefined : resultIds.get(previousKey);
  if (!period || id === undefined) return { kind: 'no-data', unit, query, available };
  const read = await heldResults(db, previousId === undefined ? [id] : [id, previousId]);
  const found = read.get(id);
  if (!found) return { kind: 'no-data', unit, query, available };
  const { source, ...result } = found;
  const previous = previousId === undefined ? undefined : read.get(previousId);
  const previousResult = previous ? (({ source: _source, ...rest }) => rest)(previous) : null;
  const parent = unit.parentId ? ((await heldUnit(db, unit.parentId)) ?? null) : null;
  const card = buildCard(unit, parent, result, previousResult, { source: source.kind, fileName: source.fileName });
  return { kind: 'card', card: { ...card, peers: await cardPeers(db, card, heldTotals(asOf)) } };
}

/** The cards of many units for one period, read in bulk (a publication builds hundreds). Units without a result are left out. */
export async function scoreCardsForPeriod(db: Db, unitRows: readonly UnitRow[], period: string): Promise<Map<number, ScoreCard>> {
  const ids = unitRows.map((u) => u.id);
  const current = await latestResults(db, ids, period);
  const previousKey = previousPeriodKey(period);
  const previous = previousKey ? await latestResults(db, ids, previousKey) : new Map<number, StoredResult>();
  const importIds = [...new Set([...current.values()].map((r) => r.importId))];
  const sources = importIds.length > 0 ? await db.select().from(imports).where(inArray(imports.id, importIds)) : [];
  const parentIds = [...new Set(unitRows.map((u) => u.parentId).filter((id): id is number => id !== null))];
  const parents = parentIds.length > 0 ? await db.select().from(units).where(inArray(units.id, parentIds)) : [];
  const cards = new Map<number, ScoreCard>();
  const totalsUnder = freshTotals();
  for (const unit of unitRows) {
    const result = current.get(unit.id);
    if (!result) continue;
    const parent = parents.find((p) => p.id === unit.parentId) ?? null;
    const card = buildCard(unit, parent, result, previous.get(unit.id) ?? null, sources.find((x) => x.id === result.importId));
    cards.set(unit.id, { ...card, peers: await cardPeers(db, card, totalsUnder) });
  }
  return cards;
}

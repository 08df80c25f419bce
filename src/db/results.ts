/** Queries on results: each save is a new revision; readers see the latest one. */
import { and, asc, desc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { GroupKey } from '../domain/framework.js';
import { comparePeriodKeys } from '../domain/period.js';
import { isComplete } from '../domain/revision.js';
import type { GroupScore, UnitResult } from '../domain/result.js';
import type { UnitKind } from '../domain/units.js';
import type { Db } from './client.js';
import { fromJsonRow, jsonRow } from './json-rows.js';
import { Prepared } from './prepared.js';
import { criterionScores, groupScores, imports, results, units, type ImportSource } from './schema.js';

export interface StoredResult extends UnitResult {
  id: number;
  unitId: number;
  revision: number;
  importId: number;
  createdAt: Date;
}

export async function latestResult(db: Db, unitId: number, period: string): Promise<StoredResult | null> {
  const [row] = await db
    .select()
    .from(results)
    .where(and(eq(results.unitId, unitId), eq(results.period, period)))
    .orderBy(desc(results.revision))
    .limit(1);
  if (!row) return null;
  const [full] = await withScores(db, [row]);
  return full ?? null;
}

type ResultRow = typeof results.$inferSelect;
type GroupRow = typeof groupScores.$inferSelect;
type CriterionRow = typeof criterionScores.$inferSelect;

async function withScores(db: Db, rows: ResultRow[]): Promise<StoredResult[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const groups = await db.select().from(groupScores).where(inArray(groupScores.resultId, ids)).orderBy(asc(groupScores.position));
  const criteria = await db.select().from(criterionScores).where(inArray(criterionScores.resultId, ids)).orderBy(asc(criterionScores.position));
  return rows.map((r) => assemble(r, groups, criteria));
}

/** A result with its groups and their sub-criteria, from rows in position order (others' rows are left out). */
function assemble(r: ResultRow, groups: readonly GroupRow[], criteria: readonly CriterionRow[]): StoredResult {
  return {
    id: r.id,
    unitId: r.unitId,
    revision: r.revision,
    importId: r.importId,
    createdAt: r.createdAt,
    period: r.period,
    frameworkVersion: r.frameworkVersion,
    total: r.total,
    rank: r.rank,
    rankOf: r.rankOf,
    rankScope: r.rankScope,
    classification: r.classification,
    scoreDelta: r.scoreDelta,
    scoreDeltaPercent: r.scoreDeltaPercent,
    rankChange: r.rankChange,
    groups: groups
      .filter((g) => g.resultId === r.id)
      .map((g) => ({
        key: g.groupKey,
        points: g.points,
        max: g.max,
        rate: g.rate,
        delta: g.delta,
        criteria: criteria
          .filter((c) => c.resultId === r.id && c.groupKey === g.groupKey)
          .map((c) => ({
            code: c.code,
            name: c.name,
            numerator: c.numerator,
            denominator: c.denominator,
            rate: c.rate,
            points: c.points,
            max: c.max,
            headline: c.headline,
          })),
      })),
  };
}

/**
 * What has been imported, as one cheap value: it changes whenever any instance stores an import (every
 * import that writes a result or a unit writes an `imports` row). The newest id, and how many of the 64
 * ids below it are taken: ids are drawn at insert and commits may come in another order, so an import
 * committed after a newer one changes the count. Both read from the primary key, whatever the table's
 * size. Read with what is kept in memory, and again with what uses it: when they differ, what was kept is stale.
 */
export const IMPORTS_STAMP: SQL = sql`(with newest as (select coalesce(max(${imports.id}), 0) as id from ${imports})
  select newest.id || ':' || (select count(*) from ${imports} where ${imports.id} > newest.id - 64) from newest)`;

export interface UnitPeriods {
  /** `IMPORTS_STAMP` when they were read. */
  stamp: string;
  /** Newest first. */
  periods: PeriodAvailable[];
  /** The latest revision's result id of each period. */
  resultIds: ReadonlyMap<string, number>;
}

type PeriodRow = { id: number; period: string; frameworkVersion: string; total: string | null; scored: GroupKey[] };

const PERIODS_OF_UNIT = new Prepared<{ unitId: number }, { stamp: string; periods: PeriodRow[] }>(
  'periods_of_unit',
  sql`select ${IMPORTS_STAMP} as stamp, coalesce((
    select json_agg(json_build_object('id', r.id, 'period', r.period, 'frameworkVersion', r.framework_version, 'total', r.total::text,
      'scored', (select coalesce(json_agg(${groupScores.groupKey}), '[]'::json) from ${groupScores} where ${groupScores.resultId} = r.id and ${groupScores.points} is not null)))
    from (select distinct on (${results.period}) ${results.id} as id, ${results.period} as period, ${results.frameworkVersion} as framework_version, ${results.total} as total
          from ${results} where ${results.unitId} = ${sql.placeholder('unitId')} order by ${results.period}, ${results.revision} desc) r), '[]'::json) as periods`,
);

/** The periods one unit has results for, as `periodsOfUnits` gives them, with the latest result of each: one statement. */
export async function periodsOfUnit(db: Db, unitId: number): Promise<UnitPeriods> {
  const [row] = await PERIODS_OF_UNIT.rows(db, { unitId });
  if (!row) throw new Error('the periods query returned no row');
  const periods = row.periods
    .map((p) => ({ period: p.period, complete: isComplete({ frameworkVersion: p.frameworkVersion, total: p.total, groups: p.scored.map((key) => ({ key, points: '' })) }) }))
    .sort((a, b) => comparePeriodKeys(b.period, a.period));
  return { stamp: row.stamp, periods, resultIds: new Map(row.periods.map((p) => [p.period, p.id])) };
}

export interface ResultWithSource extends StoredResult {
  /** The import it came from. */
  source: { kind: ImportSource; fileName: string | null };
}

type ResultJson = { result: Record<string, unknown>; source: ImportSource; fileName: string | null; groups: Record<string, unknown>[]; criteria: Record<string, unknown>[] };

/** Two results at most (a period's and the one before), `first` and `second` (null for none). */
const RESULTS_BY_ID = new Prepared<{ first: number | null; second: number | null }, { results: ResultJson[] }>(
  'results_by_id',
  sql`select coalesce((
    select json_agg(json_build_object('result', ${jsonRow(results)}, 'source', ${imports.source}, 'fileName', ${imports.fileName},
      'groups', (select coalesce(json_agg(${jsonRow(groupScores)} order by ${groupScores.position}), '[]'::json) from ${groupScores} where ${groupScores.resultId} = ${results.id}),
      'criteria', (select coalesce(json_agg(${jsonRow(criterionScores)} order by ${criterionScores.position}), '[]'::json) from ${criterionScores} where ${criterionScores.resultId} = ${results.id})))
    from ${results} join ${imports} on ${imports.id} = ${results.importId}
    where ${results.id} in (${sql.placeholder('first')}::int, ${sql.placeholder('second')}::int)), '[]'::json) as results`,
);

/**
 * Results by id (two at most) with their groups, sub-criteria and import: one statement. A result, once
 * stored, never changes (a change is a new revision), so what this reads may be kept as long as wanted.
 */
export async function resultsById(db: Db, ids: readonly number[]): Promise<ResultWithSource[]> {
  if (ids.length > 2) throw new Error('resultsById reads two results at most');
  const [row] = await RESULTS_BY_ID.rows(db, { first: ids[0] ?? null, second: ids[1] ?? null });
  if (!row) throw new Error('the results query returned no row');
  return row.results.map((r) => ({
    ...assemble(
      fromJsonRow(results, r.result),
      r.groups.map((g) => fromJsonRow(groupScores, g)),
      r.criteria.map((c) => fromJsonRow(criterionScores, c)),
    ),
    source: { kind: r.source, fileName: r.fileName },
  }));
}

export interface ChildTotal {
  unitId: number;
  kind: UnitKind;
  total: string | null;
}

const CHILD_TOTALS = new Prepared<{ parentId: number; period: string }, { totals: ChildTotal[] }>(
  'child_totals',
  sql`select coalesce((
    select json_agg(json_build_object('unitId', r.unit_id, 'kind', r.kind, 'total', r.total::text))
    from (select distinct on (${results.unitId}) ${results.unitId} as unit_id, ${units.kind} as kind, ${results.total} as total
          from ${results} join ${units} on ${units.id} = ${results.unitId}
          where ${units.parentId} = ${sql.placeholder('parentId')} and ${results.period} = ${sql.placeholder('period')}
          order by ${results.unitId}, ${results.revision} desc) r), '[]'::json) as totals`,
);

/** The latest total of each unit under a parent in a period, with the unit's kind: one statement. */
export async function childTotals(db: Db, parentId: number, period: string): Promise<ChildTotal[]> {
  const [row] = await CHILD_TOTALS.rows(db, { parentId, period });
  return row?.totals ?? [];
}

const STAMP = new Prepared<Record<string, never>, { stamp: string }>('imports_stamp', sql`select ${IMPORTS_STAMP} as stamp`);

/** `IMPORTS_STAMP` now. */
export async function importsStamp(db: Db): Promise<string> {
  const [row] = await STAMP.rows(db, {});
  if (!row) throw new Error('the stamp query returned no row');
  return row.stamp;
}

const CHUNK = 1000;

/** The latest revision of each unit's result for a period. */
export async function latestResults(db: Db, unitIds: readonly number[], period: string): Promise<Map<number, StoredResult>> {
  const latest = new Map<number, ResultRow>();
  for (let i = 0; i < unitIds.length; i += CHUNK) {
    const rows = await db
      .select()
      .from(results)
      .where(and(eq(results.period, period), inArray(results.unitId, unitIds.slice(i, i + CHUNK))));
    for (const row of rows) {
      const seen = latest.get(row.unitId);
      if (!seen || seen.revision < row.revision) latest.set(row.unitId, row);
    }
  }
  const full = new Map<number, StoredResult>();
  const rows = [...latest.values()];
  for (let i = 0; i < rows.length; i += CHUNK) {
    for (const r of await withScores(db, rows.slice(i, i + CHUNK))) full.set(r.unitId, r);
  }
  return full;
}

export interface NewResult {
  unitId: number;
  revision: number;
  result: UnitResult;
}

/**
 * Results with their group and sub-criterion scores, in bulk; `onChunk` hears how many are written. The scores go
 * as one JSON document a table and chunk (jsonb_to_recordset): a national month is some 100,000 rows, which as
 * bound parameters cost several times more to send and bind.
 */
export async function insertResults(db: Db, importId: number, items: readonly NewResult[], onChunk?: (done: number) => void): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) {
    const slice = items.slice(i, i + CHUNK);
    const inserted = await db
      .insert(results)
      .values(
        slice.map(({ unitId, revision, result }) => ({
          unitId,
          importId,
          revision,
          period: result.period,
          frameworkVersion: result.frameworkVersion,
          total: result.total,
          rank: result.rank,
          rankOf: result.rankOf,
          rankScope: result.rankScope,
          classification: result.classification,
          scoreDelta: result.scoreDelta,
          scoreDeltaPercent: result.scoreDeltaPercent ?? null,
          rankChange: result.rankChange,
        })),
      )
      .returning({ id: results.id, unitId: results.unitId });
    // One result per unit in a batch, so the unit finds its row whatever order RETURNING gives.
    const idOfUnit = new Map(inserted.map((r) => [r.unitId, r.id]));
    const resultId = (unitId: number) => {
      const id = idOfUnit.get(unitId);
      if (id === undefined) throw new Error(`no result row for unit ${unitId}`);
      return id;
    };
    const groups = slice.flatMap(({ unitId, result }) =>
      result.groups.map((g, position) => ({ result_id: resultId(unitId), group_key: g.key, points: g.points, max: g.max, rate: g.rate, delta: g.delta ?? null, position })),
    );
    const criteria = slice.flatMap(({ unitId, result }) =>
      result.groups
        .flatMap((g) => g.criteria.map((c) => ({ ...c, groupKey: g.key })))
        .map((c, position) => ({
          result_id: resultId(unitId),
          group_key: c.groupKey,
          code: c.code,
          name: c.name,
          numerator: c.numerator,
          denominator: c.denominator,
          rate: c.rate,
          points: c.points,
          max: c.max,
          headline: c.headline,
          position,
        })),
    );
    await db.execute(sql`insert into ${groupScores} (result_id, group_key, points, max, rate, delta, position)
      select * from jsonb_to_recordset(${JSON.stringify(groups)}::jsonb)
        as r(result_id integer, group_key text, points numeric, max numeric, rate numeric, delta numeric, position integer)`);
    await db.execute(sql`insert into ${criterionScores} (result_id, group_key, code, name, numerator, denominator, rate, points, max, headline, position)
      select * from jsonb_to_recordset(${JSON.stringify(criteria)}::jsonb)
        as r(result_id integer, group_key text, code text, name text, numerator text, denominator text, rate numeric, points numeric, max numeric, headline boolean, position integer)`);
    onChunk?.(i + slice.length);
  }
}

export interface PeriodAvailable {
  period: string;
  /** At least one of the units' results in it has points for every group of its framework and a total. */
  complete: boolean;
}

/**
 * The periods any of these units has results for, newest first, each with whether it is complete; with
 * `rankScope`, only results ranked in it count (the national list's "tỉnh, thành phố").
 */
export async function periodsOfUnits(db: Db, unitIds: readonly number[], rankScope?: string): Promise<PeriodAvailable[]> {
  const latest = new Map<string, ResultRow>();
  for (let i = 0; i < unitIds.length; i += CHUNK) {
    const rows = await db.select().from(results).where(inArray(results.unitId, unitIds.slice(i, i + CHUNK)));
    for (const row of rows) {
      const key = `${row.unitId}:${row.period}`;
      const seen = latest.get(key);
      if (!seen || seen.revision < row.revision) latest.set(key, row);
    }
  }
  const rows = [...latest.values()].filter((row) => rankScope === undefined || row.rankScope === rankScope);
  const scored = new Map<number, Pick<GroupScore, 'key' | 'points'>[]>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const ids = rows.slice(i, i + CHUNK).map((r) => r.id);
    const groups = await db
      .select({ resultId: groupScores.resultId, key: groupScores.groupKey, points: groupScores.points })
      .from(groupScores)
      .where(and(inArray(groupScores.resultId, ids), isNotNull(groupScores.points)));
    for (const { resultId, ...g } of groups) scored.set(resultId, [...(scored.get(resultId) ?? []), g]);
  }
  const complete = new Map<string, boolean>();
  for (const r of rows) {
    const whole = isComplete({ frameworkVersion: r.frameworkVersion, total: r.total, groups: scored.get(r.id) ?? [] });
    complete.set(r.period, (complete.get(r.period) ?? false) || whole);
  }
  return [...complete].map(([period, whole]) => ({ period, complete: whole })).sort((a, b) => comparePeriodKeys(b.period, a.period));
}

/** Queries on results: each save is a new revision; readers see the latest one. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { GroupKey } from '../domain/framework.js';
import type { UnitResult } from '../domain/result.js';
import type { Db } from './client.js';
import { criterionScores, groupScores, results } from './schema.js';

export interface StoredResult extends UnitResult {
  id: number;
  unitId: number;
  revision: number;
  importId: number;
  createdAt: Date;
}

/** The periods a unit has results for, newest first. */
export async function periodsOfUnit(db: Db, unitId: number): Promise<string[]> {
  const rows = await db.selectDistinct({ period: results.period }).from(results).where(eq(results.unitId, unitId)).orderBy(desc(results.period));
  return rows.map((r) => r.period);
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

async function withScores(db: Db, rows: (typeof results.$inferSelect)[]): Promise<StoredResult[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const groups = await db.select().from(groupScores).where(inArray(groupScores.resultId, ids)).orderBy(asc(groupScores.position));
  const criteria = await db.select().from(criterionScores).where(inArray(criterionScores.resultId, ids)).orderBy(asc(criterionScores.position));
  return rows.map((r) => ({
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
    groups: groups
      .filter((g) => g.resultId === r.id)
      .map((g) => ({
        key: g.groupKey as GroupKey,
        points: g.points,
        max: g.max,
        rate: g.rate,
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
  }));
}

export async function insertResult(db: Db, unitId: number, importId: number, revision: number, result: UnitResult): Promise<number> {
  const [row] = await db
    .insert(results)
    .values({
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
    })
    .returning({ id: results.id });
  if (!row) throw new Error('insert result returned nothing');
  if (result.groups.length > 0) {
    await db.insert(groupScores).values(
      result.groups.map((g, position) => ({ resultId: row.id, groupKey: g.key, points: g.points, max: g.max, rate: g.rate, position })),
    );
  }
  const criteria = result.groups.flatMap((g) => g.criteria.map((c) => ({ ...c, groupKey: g.key })));
  if (criteria.length > 0) {
    await db.insert(criterionScores).values(criteria.map((c, position) => ({ resultId: row.id, position, ...c })));
  }
  return row.id;
}

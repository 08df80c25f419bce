/**
 * Stores an import in one transaction: every row or none. Units are matched (by portal code, portal id,
 * then name under the same parent) or created; a result that differs from the latest revision becomes a
 * new revision, an identical one is left alone, so loading the same data twice changes nothing.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { latestResult, insertResult } from '../db/results.js';
import { imports, units } from '../db/schema.js';
import { insertUnit, unitByCode, unitByNameUnder, unitByPortalId, type UnitRow } from '../db/units.js';
import type { UnitResult } from '../domain/result.js';
import { describeChanges } from '../domain/revision.js';
import type { UnitKind } from '../domain/units.js';

export interface UnitRef {
  name: string;
  kind: UnitKind;
  code?: string | null;
  portalId?: string | null;
  parent?: UnitRef | null;
}

export interface ImportRow {
  unit: UnitRef;
  result: UnitResult;
}

export interface ImportBatch {
  source: 'letter' | 'portal' | 'sheet';
  fileName: string | null;
  period: string;
  rows: ImportRow[];
}

export interface ImportReport {
  source: ImportBatch['source'];
  fileName: string | null;
  period: string;
  /** Null when nothing changed, so nothing was recorded. */
  importId: number | null;
  unitsMatched: number;
  unitsCreated: string[];
  resultsAdded: string[];
  resultsUpdated: { unit: string; changes: string[] }[];
  resultsUnchanged: number;
}

class UnitResolver {
  private readonly seen = new Map<string, { row: UnitRow; created: boolean }>();
  /** Names of the units this import created, parents included. */
  readonly created: string[] = [];
  constructor(private readonly db: Db) {}

  async resolve(ref: UnitRef): Promise<{ row: UnitRow; created: boolean }> {
    const cacheKey = ref.code ?? ref.portalId ?? `${ref.kind}:${ref.name}:${ref.parent?.name ?? ''}`;
    const cached = this.seen.get(cacheKey);
    if (cached) return { row: cached.row, created: false };
    const found = await this.find(ref);
    const outcome = found ? { row: await this.fillIdentifiers(found, ref), created: false } : { row: await this.create(ref), created: true };
    this.seen.set(cacheKey, outcome);
    return outcome;
  }

  private async parentId(ref: UnitRef): Promise<number | null> {
    return ref.parent ? (await this.resolve(ref.parent)).row.id : null;
  }

  private async find(ref: UnitRef): Promise<UnitRow | undefined> {
    if (ref.code) {
      const byCode = await unitByCode(this.db, ref.code);
      if (byCode) return byCode;
    }
    if (ref.portalId) {
      const byId = await unitByPortalId(this.db, ref.portalId);
      if (byId) return byId;
    }
    return unitByNameUnder(this.db, ref.name, ref.kind, await this.parentId(ref));
  }

  private async fillIdentifiers(row: UnitRow, ref: UnitRef): Promise<UnitRow> {
    const code = row.code ?? ref.code ?? null;
    const portalId = row.portalId ?? ref.portalId ?? null;
    if (code === row.code && portalId === row.portalId) return row;
    const [updated] = await this.db.update(units).set({ code, portalId }).where(eq(units.id, row.id)).returning();
    return updated ?? row;
  }

  private async create(ref: UnitRef): Promise<UnitRow> {
    const row = await insertUnit(this.db, { name: ref.name, kind: ref.kind, parentId: await this.parentId(ref), code: ref.code, portalId: ref.portalId });
    this.created.push(row.name);
    return row;
  }
}

export async function saveImport(database: Db, batch: ImportBatch): Promise<ImportReport> {
  return database.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const resolver = new UnitResolver(db);
    const report: ImportReport = {
      source: batch.source,
      fileName: batch.fileName,
      period: batch.period,
      importId: null,
      unitsMatched: 0,
      unitsCreated: [],
      resultsAdded: [],
      resultsUpdated: [],
      resultsUnchanged: 0,
    };
    const pending: { unitId: number; revision: number; result: UnitResult }[] = [];
    for (const row of batch.rows) {
      const { row: unit, created } = await resolver.resolve(row.unit);
      if (!created) report.unitsMatched += 1;
      const previous = await latestResult(db, unit.id, row.result.period);
      if (!previous) {
        report.resultsAdded.push(unit.name);
        pending.push({ unitId: unit.id, revision: 1, result: row.result });
        continue;
      }
      const changes = describeChanges(previous, row.result);
      if (changes.length === 0) {
        report.resultsUnchanged += 1;
        continue;
      }
      report.resultsUpdated.push({ unit: unit.name, changes });
      pending.push({ unitId: unit.id, revision: previous.revision + 1, result: row.result });
    }
    report.unitsCreated = resolver.created;
    if (pending.length === 0 && report.unitsCreated.length === 0) return report;
    const [record] = await db
      .insert(imports)
      .values({ source: batch.source, fileName: batch.fileName, period: batch.period, report: report as unknown as Record<string, unknown> })
      .returning({ id: imports.id });
    if (!record) throw new Error('insert import returned nothing');
    for (const p of pending) await insertResult(db, p.unitId, record.id, p.revision, p.result);
    report.importId = record.id;
    await db.update(imports).set({ report: report as unknown as Record<string, unknown> }).where(eq(imports.id, record.id));
    return report;
  });
}

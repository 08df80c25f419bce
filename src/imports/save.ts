/**
 * Stores an import in one transaction: every row or none. A result that differs from the unit's
 * latest revision for the period becomes a new revision; an identical one is left alone, so loading
 * the same data twice changes nothing. Reads and writes go in bulk: a national sheet has 3,321 units.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { insertResults, latestResults } from '../db/results.js';
import { imports } from '../db/schema.js';
import type { GroupKey } from '../domain/framework.js';
import type { UnitResult } from '../domain/result.js';
import { describeChanges } from '../domain/revision.js';
import { ProblemList } from './problems.js';
import { resolveUnits, type UnitRef } from './units.js';

export type { UnitRef } from './units.js';

export interface ImportRow {
  unit: UnitRef;
  result: UnitResult;
  /** Where the row came from, for problems found while saving (a spreadsheet row number). */
  row?: number;
}

export interface ImportBatch {
  source: 'letter' | 'portal' | 'sheet';
  fileName: string | null;
  period: string;
  rows: ImportRow[];
  /** The groups the source carries, when it carries fewer than all (portal responses come one per group). */
  groupsPresent?: GroupKey[];
  /** Units stored without a total because some group is missing. */
  incompleteUnits?: string[];
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
  groupsPresent: GroupKey[] | null;
  incompleteUnits: string[];
}

export type ImportProgress = (done: number, total: number) => void;

export async function saveImport(database: Db, batch: ImportBatch, onProgress?: ImportProgress): Promise<ImportReport> {
  return database.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const total = batch.rows.length;
    onProgress?.(0, total);
    const resolved = await resolveUnits(db, batch.rows.map((r) => r.unit));
    const report: ImportReport = {
      source: batch.source,
      fileName: batch.fileName,
      period: batch.period,
      importId: null,
      unitsMatched: 0,
      unitsCreated: resolved.created,
      resultsAdded: [],
      resultsUpdated: [],
      resultsUnchanged: 0,
      groupsPresent: batch.groupsPresent ?? null,
      incompleteUnits: batch.incompleteUnits ?? [],
    };
    const rowsByUnit = new Map<number, ImportRow>();
    const problems = new ProblemList();
    for (const row of batch.rows) {
      const unit = resolved.unitOf(row.unit);
      const first = rowsByUnit.get(unit.id);
      if (first) {
        problems.add({ code: 'duplicate-unit', file: batch.fileName ?? '', row: row.row, value: row.unit.name, detail: { firstRow: first.row ?? 0, unit: unit.name } });
      }
      rowsByUnit.set(unit.id, row);
    }
    problems.throwIfAny();

    const previous = await latestResults(db, [...rowsByUnit.keys()], batch.period);
    onProgress?.(Math.floor(total / 3), total);
    const pending: { unitId: number; revision: number; result: UnitResult }[] = [];
    for (const [unitId, row] of rowsByUnit) {
      const unit = resolved.unitOf(row.unit);
      if (!resolved.createdIds.has(unitId)) report.unitsMatched += 1;
      const before = previous.get(unitId);
      if (!before) {
        report.resultsAdded.push(unit.name);
        pending.push({ unitId, revision: 1, result: row.result });
        continue;
      }
      const changes = describeChanges(before, row.result);
      if (changes.length === 0) {
        report.resultsUnchanged += 1;
        continue;
      }
      report.resultsUpdated.push({ unit: unit.name, changes });
      pending.push({ unitId, revision: before.revision + 1, result: row.result });
    }
    if (pending.length === 0 && report.unitsCreated.length === 0) {
      onProgress?.(total, total);
      return report;
    }
    const [record] = await db
      .insert(imports)
      .values({ source: batch.source, fileName: batch.fileName, period: batch.period, report: report as unknown as Record<string, unknown> })
      .returning({ id: imports.id });
    if (!record) throw new Error('insert import returned nothing');
    await insertResults(db, record.id, pending, (done) => onProgress?.(Math.floor(total / 3) + Math.floor(((total * 2) / 3) * (done / Math.max(1, pending.length))), total));
    report.importId = record.id;
    await db.update(imports).set({ report: report as unknown as Record<string, unknown> }).where(eq(imports.id, record.id));
    onProgress?.(total, total);
    return report;
  });
}

/**
 * Stores an import in one transaction: every row or none. Each row is merged into the unit's latest
 * revision for the period (domain/revision.ts: what the import leaves empty stays as stored), and a
 * result that then differs becomes a new revision; an identical one is left alone, so loading the same
 * data twice changes nothing. Reads and writes go in bulk: a national sheet has 3,321 units.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { insertResults, latestResults } from '../db/results.js';
import { imports, publications, type ImportSource } from '../db/schema.js';
import type { GroupKey } from '../domain/framework.js';
import type { PeriodSource, UnreadFigure } from '../domain/letter.js';
import { formatPeriodKey } from '../domain/period.js';
import type { UnitResult } from '../domain/result.js';
import { describeChanges, fillGaps, isComplete, mergeResult } from '../domain/revision.js';
import { computeTotalsAndRanks } from '../domain/totals.js';
import { ProblemList } from './problems.js';
import { resolveUnits, type UnitRef } from './units.js';

export type { UnitRef } from './units.js';

export interface ImportRow {
  unit: UnitRef;
  result: UnitResult;
  /** Where the row came from, for problems found while saving (a spreadsheet row number). */
  row?: number;
  /** Siblings ranked together when the batch computes ranks (the portal's level). */
  rankAmong?: string | null;
}

export interface ImportBatch {
  source: ImportSource;
  fileName: string | null;
  period: string;
  rows: ImportRow[];
  /** The groups the source carries, when it carries fewer than all (portal responses come one per group). */
  groupsPresent?: GroupKey[];
  /** Totals are the sum of the groups and ranks are computed among siblings (the portal's), again after merging. */
  computesTotals?: boolean;
  /** The national list: where a unit's own source is stored, it brings its ranks and fills only what that lacks (domain/revision.ts). */
  fillsGaps?: boolean;
  /** Results of other periods the same source prints (a letter's "tháng 9 đạt 88,1 điểm"), saved with it, each as its own import. */
  also?: ImportBatch[];
  /** A letter: where its period came from, and the figures it prints that could not be bound to a unit (not stored). */
  letter?: {
    periodSource: PeriodSource;
    unread: UnreadFigure[];
    /** Per row, the change the letter prints as printed ("+2,15", "-0,96%", places gained), for the preview. */
    changes?: { printedDelta: string | null; rankChange: number | null }[];
  };
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
  /** Units left without a total once merged with what was stored. */
  incompleteUnits: string[];
  /** Units whose complete result this import leaves incomplete (groups of another framework dropped). */
  lostComplete: string[];
  /** The period had been published when the import was read. */
  periodPublished: boolean;
  /** The reports of the batch's other periods (`ImportBatch.also`). */
  also?: ImportReport[];
}

/** How far a long job is; `label` says the step in words when it is not units stored (a collection's tables). */
export type ImportProgress = (done: number, total: number, label?: string) => void;

export interface SaveOptions {
  /** Store even when complete results of a published period would become incomplete. */
  force?: boolean;
  /** Work it all out and roll back: what a preview shows. */
  dryRun?: boolean;
  /** Written in the import's transaction once it is saved: a record that stands or falls with it (a collection's run). */
  afterSave?: (tx: Db, report: ImportReport) => Promise<void>;
}

const IMPORT_LOCK = 766_0010;

class DryRun extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

export async function saveImport(database: Db, batch: ImportBatch, onProgress?: ImportProgress, options: SaveOptions = {}): Promise<ImportReport> {
  try {
    return await database.transaction(async (tx) => {
      // One import at a time, across instances: two that create the same new unit (a collection's tree and
      // the national list, an upload) would otherwise both insert it, and one would fail on its unique code.
      await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
      const report = await save(tx, batch, options.dryRun ? undefined : onProgress, options);
      for (const other of batch.also ?? []) report.also = [...(report.also ?? []), await save(tx, other, undefined, options)];
      if (options.dryRun) throw new DryRun(report);
      await options.afterSave?.(tx, report);
      return report;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.report;
    throw error;
  }
}

async function save(db: Db, batch: ImportBatch, onProgress: ImportProgress | undefined, options: SaveOptions): Promise<ImportReport> {
  const total = batch.rows.length;
  onProgress?.(0, total);
  const resolved = await resolveUnits(db, batch.rows.map((r) => r.unit));
  const [publication] = await db
    .select({ id: publications.id })
    .from(publications)
    .where(and(eq(publications.period, batch.period), eq(publications.status, 'published')));
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
    incompleteUnits: [],
    lostComplete: [],
    periodPublished: publication !== undefined,
  };
  const problems = new ProblemList();
  const rowOf = new Map(batch.rows.map((r) => [r.unit, r]));
  for (const { ref, candidates } of resolved.ambiguous) {
    const row = rowOf.get(ref);
    problems.add({
      code: 'ambiguous-unit',
      file: batch.fileName ?? '',
      ...(row?.row !== undefined ? { row: row.row } : {}),
      value: ref.name,
      detail: { candidates: candidates.map((u) => `${u.name}${u.code ? ` (${u.code})` : ''}`).join('; ') },
    });
  }
  problems.throwIfAny();
  const rowsByUnit = new Map<number, ImportRow>();
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
  const merged = [...rowsByUnit].map(([unitId, row]) => ({ unitId, row, rankAmong: row.rankAmong ?? null, result: (batch.fillsGaps ? fillGaps : mergeResult)(previous.get(unitId) ?? null, row.result) }));
  const next = batch.computesTotals ? computeTotalsAndRanks(merged) : merged;
  const pending: { unitId: number; revision: number; result: UnitResult }[] = [];
  for (const { unitId, row, result } of next) {
    const unit = resolved.unitOf(row.unit);
    if (!resolved.createdIds.has(unitId)) report.unitsMatched += 1;
    if (batch.computesTotals && result.total === null) report.incompleteUnits.push(unit.name);
    const before = previous.get(unitId);
    if (!before) {
      report.resultsAdded.push(unit.name);
      pending.push({ unitId, revision: 1, result });
      continue;
    }
    if (isComplete(before) && !isComplete(result)) report.lostComplete.push(unit.name);
    const changes = describeChanges(before, result);
    if (changes.length === 0) {
      report.resultsUnchanged += 1;
      continue;
    }
    report.resultsUpdated.push({ unit: unit.name, changes });
    pending.push({ unitId, revision: before.revision + 1, result });
  }
  if (report.periodPublished && report.lostComplete.length > 0 && !options.force) {
    problems.add({ code: 'would-lose-results', file: batch.fileName ?? '', value: String(report.lostComplete.length), detail: { period: formatPeriodKey(batch.period), units: report.lostComplete.slice(0, 10).join(', ') } });
    problems.throwIfAny();
  }
  if (pending.length === 0 && report.unitsCreated.length === 0) {
    onProgress?.(total, total);
    return report;
  }
  const [record] = await db
    .insert(imports)
    .values({ source: batch.source, fileName: batch.fileName, period: batch.period, report })
    .returning({ id: imports.id });
  if (!record) throw new Error('insert import returned nothing');
  await insertResults(db, record.id, pending, (done) => onProgress?.(Math.floor(total / 3) + Math.floor(((total * 2) / 3) * (done / Math.max(1, pending.length))), total));
  report.importId = record.id;
  await db.update(imports).set({ report }).where(eq(imports.id, record.id));
  onProgress?.(total, total);
  return report;
}

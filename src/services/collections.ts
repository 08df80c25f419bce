/**
 * Collecting a province tree's results from the portal: the six responses fetched one at a time, then
 * imported through the same path as uploaded files (read, merged into revisions, reported). A run that
 * fails at any endpoint stores nothing. A run that succeeds is recorded (collection_runs) with a digest
 * of its figures.
 */
import { and, desc, eq } from 'drizzle-orm';
import { collectResponses, type CollectHooks } from '../collector/collect-responses.js';
import { CollectionRefused } from '../collector/failure.js';
import { figuresDigest } from '../collector/figures-digest.js';
import { rootDepartmentIdOf } from '../collector/provinces.js';
import type { CollectorSettings } from '../collector/settings.js';
import type { Db } from '../db/client.js';
import { collectionRuns } from '../db/schema.js';
import { addDays, localDate } from '../domain/working-days.js';
import { periodEnded } from '../domain/period-ended.js';
import { exactPeriodKey, formatPeriodKey, lastDayOf, parsePeriodKey } from '../domain/period.js';
import { isCollectable } from '../domain/portal-requests.js';
import type { ImportProgress, ImportReport } from '../imports/save.js';
import { readFiles, storeImport } from './imports.js';

export interface CollectionRequest {
  /** A province code (H44) or the portal's id of its tree. */
  province: string;
  /** 2026-08, 2026-Q3, 2026, or "tháng 8/2026". */
  period: string;
  requestedBy: string;
}

export interface CollectionOutcome {
  province: string;
  rootDepartmentId: string;
  period: string;
  sourceUrl: string;
  figuresDigest: string;
  runId: number;
  report: ImportReport;
}

export interface CollectionContext {
  db: Db;
  settings: CollectorSettings;
  now: () => Date;
  timeZone: string;
}

export type CollectionRun = typeof collectionRuns.$inferSelect;

const isoDay = (day: { year: number; month: number; day: number }) => `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
const shownDate = (iso: string) => iso.split('-').reverse().join('/');

/** The period's key, refused when it is not a month, quarter or year, or not over yet in local time. */
export function collectablePeriod(text: string, now: Date, timeZone: string) {
  const key = exactPeriodKey(text);
  const period = key ? parsePeriodKey(key) : null;
  if (!key || !period || !isCollectable(period)) throw new CollectionRefused('collect-bad-period', { period: text });
  const [year = 0, month = 0, day = 0] = localDate(now, timeZone).split('-').map(Number);
  if (!periodEnded(period, { year, month, day })) {
    throw new CollectionRefused('collect-not-ended', { period: formatPeriodKey(key), from: shownDate(addDays(isoDay(lastDayOf(period)), 1)) });
  }
  return { key, period };
}

export async function collectAndImport(
  ctx: CollectionContext,
  request: CollectionRequest,
  options: { hooks?: CollectHooks; onProgress?: ImportProgress } = {},
): Promise<CollectionOutcome> {
  const { key, period } = collectablePeriod(request.period, ctx.now(), ctx.timeZone);
  const province = request.province.trim().toUpperCase();
  const rootDepartmentId = await rootDepartmentIdOf(ctx.db, province);
  if (!rootDepartmentId) throw new CollectionRefused('collect-province-unknown', { province: request.province });
  const responses = await collectResponses(ctx.settings, rootDepartmentId, period, options.hooks);
  const files = responses.map((r) => ({ fileName: r.fileName, bytes: r.bytes }));
  const batch = await readFiles(files, { period: key });
  const parent = batch.rows.find((row) => !row.unit.parent)?.unit;
  if (parent?.portalId && parent.portalId !== rootDepartmentId) {
    throw new CollectionRefused('collect-wrong-tree', { province: request.province, name: parent.name });
  }
  const report = await storeImport(ctx.db, files, batch, options.onProgress, { force: false });
  const digest = figuresDigest(batch);
  const [run] = await ctx.db
    .insert(collectionRuns)
    .values({
      province,
      rootDepartmentId,
      period: key,
      sourceUrl: ctx.settings.apiRoot,
      importId: report.importId,
      figuresDigest: digest,
      complete: report.incompleteUnits.length === 0,
      requestedBy: request.requestedBy,
      localDate: localDate(ctx.now(), ctx.timeZone),
    })
    .returning({ id: collectionRuns.id });
  if (!run) throw new Error('insert collection run returned nothing');
  return { province, rootDepartmentId, period: key, sourceUrl: ctx.settings.apiRoot, figuresDigest: digest, runId: run.id, report };
}

/** The runs of a period, the latest first. */
export async function collectionRunsOf(db: Db, period: string, province?: string): Promise<CollectionRun[]> {
  return db
    .select()
    .from(collectionRuns)
    .where(province ? and(eq(collectionRuns.period, period), eq(collectionRuns.province, province)) : eq(collectionRuns.period, period))
    .orderBy(desc(collectionRuns.id));
}

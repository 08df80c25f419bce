/**
 * Collecting from the portal a province tree's results (six responses fetched one at a time) or the
 * national list of provinces (one response, their totals and places), then
 * imported through the same path as uploaded files (read, merged into revisions, reported). A run that
 * fails at any endpoint stores nothing. A run that succeeds is recorded (collection_runs) with a digest
 * of its figures.
 */
import { and, desc, eq } from 'drizzle-orm';
import { collectNationalList, collectResponses, type CollectHooks } from '../collector/collect-responses.js';
import { CollectionRefused } from '../collector/failure.js';
import { figuresDigest } from '../collector/figures-digest.js';
import { rootDepartmentIdOf } from '../collector/provinces.js';
import type { CollectorSettings } from '../collector/settings.js';
import type { Db } from '../db/client.js';
import { collectionRuns } from '../db/schema.js';
import { addDays, localDate } from '../domain/working-days.js';
import { periodEnded } from '../domain/period-ended.js';
import { exactPeriodKey, formatPeriodKey, lastDayOf, parsePeriodKey } from '../domain/period.js';
import { isCollectable, NATIONAL_LIST, namesNationalList, type CollectablePeriod } from '../domain/portal-requests.js';
import type { ImportBatch, ImportProgress, ImportReport } from '../imports/save.js';
import { readFiles, storeImport } from './imports.js';

export interface CollectionRequest {
  /** A province code (H44), the portal's id of its tree, or the national list ("VN", "toàn quốc"). */
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

/** The national list's run has no tree: it is recorded under the kind of unit it lists. */
const NATIONAL_LIST_ROOT = 'ADMINISTRATIVE_UNIT';

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

/** The responses of what the request names: the national list, or a province's tree checked to be that province's. */
async function collectTarget(ctx: CollectionContext, request: CollectionRequest, period: CollectablePeriod, hooks: CollectHooks | undefined) {
  if (namesNationalList(request.province)) {
    return { province: NATIONAL_LIST, rootDepartmentId: NATIONAL_LIST_ROOT, files: await collectNationalList(ctx.settings, period, hooks), checkTree: () => undefined };
  }
  const province = request.province.trim().toUpperCase();
  const rootDepartmentId = await rootDepartmentIdOf(ctx.db, province);
  if (!rootDepartmentId) throw new CollectionRefused('collect-province-unknown', { province: request.province });
  const files = await collectResponses(ctx.settings, rootDepartmentId, period, hooks);
  const checkTree = (batch: ImportBatch) => {
    const parent = batch.rows.find((row) => !row.unit.parent)?.unit;
    if (parent?.portalId && parent.portalId !== rootDepartmentId) {
      throw new CollectionRefused('collect-wrong-tree', { province: request.province, name: parent.name });
    }
  };
  return { province, rootDepartmentId, files, checkTree };
}

export async function collectAndImport(
  ctx: CollectionContext,
  request: CollectionRequest,
  options: { hooks?: CollectHooks; onProgress?: ImportProgress } = {},
): Promise<CollectionOutcome> {
  const { key, period } = collectablePeriod(request.period, ctx.now(), ctx.timeZone);
  const { province, rootDepartmentId, files, checkTree } = await collectTarget(ctx, request, period, options.hooks);
  const batch = await readFiles(files, { period: key });
  checkTree(batch);
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

/**
 * Collecting from the portal a province tree's results (six responses fetched one at a time) or the
 * national list of provinces (one response, their totals and places), then
 * imported through the same path as uploaded files (read, merged into revisions, reported). A run that
 * fails at any endpoint stores no result. Every run is recorded (collection_runs): started before the first
 * request, then done with a digest of its figures (in the import's transaction) or failed with the reason.
 */
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { collectNationalList, collectResponses, type CollectedResponse, type CollectHooks } from '../collector/collect-responses.js';
import { CollectionFailed, CollectionRefused, type RunFailure } from '../collector/failure.js';
import { figuresDigest } from '../collector/figures-digest.js';
import { rootDepartmentIdOf } from '../collector/provinces.js';
import { longestRunMs, type CollectorSettings } from '../collector/settings.js';
import type { Db } from '../db/client.js';
import { collectionRuns } from '../db/schema.js';
import { addDays, localDate } from '../domain/working-days.js';
import { periodEnded } from '../domain/period-ended.js';
import { exactPeriodKey, formatPeriodKey, lastDayOf, parsePeriodKey } from '../domain/period.js';
import { isComplete } from '../domain/revision.js';
import { isCollectable, NATIONAL_LIST, NATIONAL_LIST_UNIT_TYPE, namesNationalList, type CollectablePeriod } from '../domain/portal-requests.js';
import { ImportRejected } from '../imports/problems.js';
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
  log?: Pick<Logger, 'warn'>;
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

interface Target {
  province: string;
  rootDepartmentId: string;
  fetch(hooks: CollectHooks | undefined): Promise<CollectedResponse[]>;
  /** Refuses responses that are not of the target (the portal answering with another tree). */
  check(batch: ImportBatch): void;
}

/** What the request names: the national list, or a province's tree by its portal id. Asks the portal nothing yet. */
async function targetOf(ctx: CollectionContext, request: CollectionRequest, period: CollectablePeriod): Promise<Target> {
  if (namesNationalList(request.province)) {
    return { province: NATIONAL_LIST, rootDepartmentId: NATIONAL_LIST_UNIT_TYPE, fetch: (hooks) => collectNationalList(ctx.settings, period, hooks), check: () => undefined };
  }
  const province = request.province.trim().toUpperCase();
  const rootDepartmentId = await rootDepartmentIdOf(ctx.db, province);
  if (!rootDepartmentId) throw new CollectionRefused('collect-province-unknown', { province: request.province });
  return {
    province,
    rootDepartmentId,
    fetch: (hooks) => collectResponses(ctx.settings, rootDepartmentId, period, hooks),
    check(batch) {
      const parent = batch.rows.find((row) => !row.unit.parent)?.unit;
      if (parent?.portalId && parent.portalId !== rootDepartmentId) {
        throw new CollectionRefused('collect-wrong-tree', { province: request.province, name: parent.name });
      }
    },
  };
}

/**
 * The run's row, written before the first request. The schedule's is a claim: one a day per province and
 * period (a unique index), so a second instance, or a restart, finds the day's run taken and asks nothing.
 */
async function startRun(ctx: CollectionContext, target: Target, period: string, requestedBy: string): Promise<number> {
  const now = ctx.now();
  const [run] = await ctx.db
    .insert(collectionRuns)
    .values({
      province: target.province,
      rootDepartmentId: target.rootDepartmentId,
      period,
      sourceUrl: ctx.settings.apiRoot,
      status: 'running',
      requestedBy,
      localDate: localDate(now, ctx.timeZone),
      createdAt: now,
    })
    .onConflictDoNothing({ target: [collectionRuns.province, collectionRuns.period, collectionRuns.localDate], where: sql`${collectionRuns.requestedBy} = 'schedule'` })
    .returning({ id: collectionRuns.id });
  if (!run) throw new CollectionRefused('collect-taken', { province: target.province, period: formatPeriodKey(period) });
  return run.id;
}

function failureOf(error: unknown): RunFailure {
  if (error instanceof CollectionFailed) return { kind: 'portal', endpoint: error.endpoint, url: error.url, answer: error.answer };
  if (error instanceof ImportRejected) return { kind: 'rejected', count: error.problems.length, problems: error.problems.slice(0, 5) };
  if (error instanceof CollectionRefused) return { kind: 'refused', key: error.key, args: error.args };
  return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
}

export async function collectAndImport(
  ctx: CollectionContext,
  request: CollectionRequest,
  options: { hooks?: CollectHooks; onProgress?: ImportProgress } = {},
): Promise<CollectionOutcome> {
  const { key, period } = collectablePeriod(request.period, ctx.now(), ctx.timeZone);
  const target = await targetOf(ctx, request, period);
  const runId = await startRun(ctx, target, key, request.requestedBy);
  try {
    const files = await target.fetch(options.hooks);
    const batch = await readFiles(files, { period: key });
    target.check(batch);
    const digest = figuresDigest(batch);
    // Every unit with its total and six groups, in what the portal answered: what two runs must agree on.
    const complete = batch.rows.every((row) => isComplete(row.result));
    const report = await storeImport(ctx.db, files, batch, options.onProgress, {
      force: false,
      afterSave: async (tx, saved) => {
        await tx
          .update(collectionRuns)
          .set({ status: 'done', importId: saved.importId, figuresDigest: digest, complete, finishedAt: ctx.now() })
          .where(eq(collectionRuns.id, runId));
      },
    });
    return { province: target.province, rootDepartmentId: target.rootDepartmentId, period: key, sourceUrl: ctx.settings.apiRoot, figuresDigest: digest, runId, report };
  } catch (error) {
    // The failure is recorded for /baocao and the next round; the caller still hears the error itself.
    // A run already done (something after the import's commit threw) stays done.
    await ctx.db
      .update(collectionRuns)
      .set({ status: 'failed', failure: failureOf(error), finishedAt: ctx.now() })
      .where(and(eq(collectionRuns.id, runId), eq(collectionRuns.status, 'running')))
      .catch((recording: unknown) => ctx.log?.warn({ err: recording, runId }, 'could not record why the collection stopped'));
    throw error;
  }
}

/** Runs left marked running by a process that stopped in the middle are marked failed, interrupted; how many. */
export async function endInterruptedRuns(db: Db, now: Date, settings: CollectorSettings): Promise<number> {
  const ended = await db
    .update(collectionRuns)
    .set({ status: 'failed', failure: { kind: 'interrupted' } satisfies RunFailure, finishedAt: now })
    .where(and(eq(collectionRuns.status, 'running'), lt(collectionRuns.createdAt, new Date(now.getTime() - longestRunMs(settings)))))
    .returning({ id: collectionRuns.id });
  return ended.length;
}

/** The runs of a period, the latest first. */
export async function collectionRunsOf(db: Db, period: string, province?: string): Promise<CollectionRun[]> {
  return db
    .select()
    .from(collectionRuns)
    .where(province ? and(eq(collectionRuns.period, period), eq(collectionRuns.province, province)) : eq(collectionRuns.period, period))
    .orderBy(desc(collectionRuns.id));
}

/** Every run started on a local date, of any period and province. */
export async function collectionRunsOn(db: Db, day: string): Promise<CollectionRun[]> {
  return db.select().from(collectionRuns).where(eq(collectionRuns.localDate, day));
}

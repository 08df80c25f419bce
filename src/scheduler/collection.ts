/**
 * The daily collection (COLLECT_PROVINCES, COLLECT_TIME): each day from COLLECT_TIME, each province's
 * month that has just ended is collected once, then the national list of provinces (their places; unless COLLECT_NATIONAL=false), each
 * until two runs a day apart agree (stable); once every province is stable the period is ready, and is
 * scheduled for publication when PUBLISH_AUTO_TIME is set. A day's attempt, failed or not, is not
 * repeated that day by any instance: collection_runs keeps it, and the schedule's run is a claim; one
 * instance at a time runs the round (an advisory lock), so the portal is never asked twice at once.
 * Provinces are asked one after another with the collector's pause between them; when the portal
 * refuses or cannot be reached (403, 429, a 5xx, a firewall's page, no answer), the day's round stops
 * there: the others wait for tomorrow.
 */
import type { Logger } from 'pino';
import { pauseBetweenRequests } from '../collector/collect-responses.js';
import { CollectionFailed, CollectionRefused, portalRefuses } from '../collector/failure.js';
import type { CollectorSettings } from '../collector/settings.js';
import type { Database, Db } from '../db/client.js';
import { isStable, monthJustEnded } from '../domain/collection-due.js';
import { NATIONAL_LIST } from '../domain/portal-requests.js';
import { periodKey } from '../domain/period.js';
import { localDate } from '../domain/working-days.js';
import { ImportRejected } from '../imports/problems.js';
import { collectionErrorText } from '../messages/collection.js';
import { renderProblems } from '../messages/import-problems.js';
import type { Translate } from '../messages/i18n.js';
import { collectAndImport, collectionRunsOf, collectionRunsOn, type CollectionRun } from '../services/collections.js';
import { schedulePublicationOnce, type AutoPublishSettings } from './auto-publish.js';

export interface CollectionSchedule {
  provinces: readonly string[];
  /** Local HH:MM from which a day's collection runs. */
  time: string;
  /** The national list is asked after the provinces (COLLECT_NATIONAL). */
  national: boolean;
  timeZone: string;
  settings: CollectorSettings;
  /** Set: a period that became ready is scheduled for publication. */
  autoPublish: AutoPublishSettings | null;
}

export type CollectionTurn =
  | { province: string; period: string; outcome: 'collected'; ready: boolean }
  | { province: string; period: string; outcome: 'failed'; message: string };

const localTime = (now: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);

/** A run of today, of any period, that the portal turned away: the day's round is over, for every instance. */
function refusedToday(runs: readonly CollectionRun[]): boolean {
  return runs.some((r) => r.failure?.kind === 'portal' && portalRefuses(r.failure.answer));
}

/** Held by the instance running the day's round: two instances never ask the portal at the same time. */
const ROUND_LOCK = 766_0011;

export function collectionScheduler(db: Db, tryLock: Database['tryLock'], t: Translate, schedule: CollectionSchedule, log: Logger) {
  // The national list last: the provinces' trees are what a period's publication waits for.
  const targets = schedule.national ? [...schedule.provinces, NATIONAL_LIST] : schedule.provinces;
  const runsOf = (runs: readonly CollectionRun[], province: string) => runs.filter((r) => r.province === province);
  const allProvincesStable = (runs: readonly CollectionRun[]) => schedule.provinces.every((province) => isStable(runsOf(runs, province)));
  const context = (now: Date) => ({ db, settings: schedule.settings, now: () => now, timeZone: schedule.timeZone, log });

  /** `periodRuns`: the period's runs as the round began, every province's. */
  async function round(now: Date, today: string, period: string, periodRuns: readonly CollectionRun[]): Promise<CollectionTurn[]> {
    const turns: CollectionTurn[] = [];
    let asked = false;
    for (const province of targets) {
      const runs = runsOf(periodRuns, province);
      // Any run of today counts, failed or by hand: a day's attempt is not repeated.
      if (isStable(runs) || runs.some((r) => r.localDate === today)) continue;
      if (asked) await pauseBetweenRequests(schedule.settings);
      asked = true;
      try {
        await collectAndImport(context(now), { province, period, requestedBy: 'schedule' });
        const ready = isStable(await collectionRunsOf(db, period, province));
        log.info({ province, period, ready }, 'scheduled collection done');
        turns.push({ province, period, outcome: 'collected', ready });
      } catch (error) {
        // Another instance claimed this day's run (the round lock lost in between).
        if (error instanceof CollectionRefused && error.key === 'collect-taken') continue;
        const message = error instanceof ImportRejected ? renderProblems(t, error.problems).join('; ') : collectionErrorText(t, error);
        if (!message) throw error;
        log.warn({ province, period, reason: message }, 'scheduled collection stopped');
        turns.push({ province, period, outcome: 'failed', message });
        if (error instanceof CollectionFailed && portalRefuses(error.answer)) {
          log.warn({ period }, 'the portal refused: the other provinces are collected tomorrow');
          break;
        }
      }
    }
    return turns;
  }

  return async function collectDue(now: Date): Promise<CollectionTurn[]> {
    if (schedule.provinces.length === 0 || localTime(now, schedule.timeZone) < schedule.time) return [];
    const today = localDate(now, schedule.timeZone);
    const period = periodKey(monthJustEnded(today));
    const lock = await tryLock(ROUND_LOCK);
    if (!lock) return [];
    try {
      const before = await collectionRunsOf(db, period);
      const turns = refusedToday(await collectionRunsOn(db, today)) ? [] : await round(now, today, period, before);
      // Ready whenever the last province became stable: by this round, or by hand since.
      const after = turns.length > 0 ? await collectionRunsOf(db, period) : before;
      if (schedule.autoPublish && allProvincesStable(after)) {
        const at = await schedulePublicationOnce(db, period, now, schedule.autoPublish);
        if (at) log.info({ period, at }, 'collected period ready: publication scheduled');
      }
      return turns;
    } finally {
      await lock.release();
    }
  };
}

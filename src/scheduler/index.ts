/** Time triggers (node-schedule, in the configured time zone). Jobs only write rows; the dispatcher sends. */
import schedule from 'node-schedule';
import type { Logger } from 'pino';
import type { Database, Db } from '../db/client.js';
import type { Translate } from '../messages/i18n.js';
import { publishDue } from './auto-publish.js';
import { forgetExpiredMedia } from '../db/media.js';
import { expireWaiting } from '../delivery/messaging-window.js';
import { countReminderRun } from '../observability/metrics.js';
import { forgetOldUpdates } from './housekeeping.js';
import { enqueueReminders, type ReminderSettings } from './reminders.js';
import { collectionScheduler, type CollectionSchedule } from './collection.js';
import { endInterruptedRuns } from '../services/collections.js';

export interface SchedulerDeps {
  db: Db;
  /** The database's session locks: one instance at a time runs the daily collection. */
  tryLock: Database['tryLock'];
  t: Translate;
  now: () => Date;
  timeZone: string;
  log: Logger;
  /** After a job enqueued something. */
  wakeDelivery: () => void;
  reminders: ReminderSettings;
  /** The daily collection from the portal; absent or without provinces: none. */
  collection?: CollectionSchedule;
}

export interface Scheduler {
  /** Runs every job's check now (at start, and from tests with a controlled clock), the collection's included. */
  tick(): Promise<void>;
  stop(): void;
}

export function startScheduler(deps: SchedulerDeps): Scheduler {
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    const now = deps.now();
    const outcomes = await publishDue(deps.db, deps.t, now, deps.log);
    for (const o of outcomes) deps.log.info({ period: o.publication.period, enqueued: o.enqueued }, 'scheduled publication enqueued');
    const reminders = await enqueueReminders(deps.db, deps.t, now, deps.reminders).catch((error: unknown) => {
      countReminderRun('failed');
      throw error;
    });
    countReminderRun(reminders > 0 ? 'enqueued' : 'nothing');
    if (reminders > 0) deps.log.info({ reminders }, 'reminders enqueued');
    if (outcomes.length > 0 || reminders > 0) deps.wakeDelivery();
    await forgetOldUpdates(deps.db, now);
    await forgetExpiredMedia(deps.db, now);
    await expireWaiting(deps.db, now);
    if (deps.collection) {
      const interrupted = await endInterruptedRuns(deps.db, now, deps.collection.settings);
      if (interrupted > 0) deps.log.warn({ runs: interrupted }, 'collections left running by a stopped process marked interrupted');
    }
  };
  // A collection paces its requests for a minute or more: it runs in a line of its own, not holding up reminders.
  const collectDue = deps.collection && deps.collection.provinces.length > 0 ? collectionScheduler(deps.db, deps.tryLock, deps.t, deps.collection, deps.log) : null;
  let collecting: Promise<void> = Promise.resolve();
  const runCollection = () => {
    if (!collectDue) return collecting;
    collecting = collecting
      .then(async () => {
        await collectDue(deps.now());
      })
      .catch((error: unknown) => deps.log.error({ err: error }, 'scheduled collection failed'));
    return collecting;
  };
  // One tick at a time: a slow one is not overtaken by the next minute's.
  const runTick = async () => {
    running = running.then(tick).catch((error: unknown) => deps.log.error({ err: error }, 'scheduled job failed'));
    await Promise.all([running, runCollection()]);
  };
  const job = schedule.scheduleJob({ rule: '* * * * *', tz: deps.timeZone }, () => void runTick());
  void runTick();
  return {
    tick: runTick,
    stop: () => job?.cancel(),
  };
}

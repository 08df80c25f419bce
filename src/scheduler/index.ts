/** Time triggers (node-schedule, in the configured time zone). Jobs only write rows; the dispatcher sends. */
import schedule from 'node-schedule';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import type { Translate } from '../messages/i18n.js';
import { publishDue } from './auto-publish.js';
import { forgetExpiredMedia } from '../db/media.js';
import { expireWaiting } from '../delivery/messaging-window.js';
import { countReminderRun } from '../observability/metrics.js';
import { forgetOldUpdates } from './housekeeping.js';
import { enqueueReminders, type ReminderSettings } from './reminders.js';

export interface SchedulerDeps {
  db: Db;
  t: Translate;
  now: () => Date;
  timeZone: string;
  log: Logger;
  /** After a job enqueued something. */
  wakeDelivery: () => void;
  reminders: ReminderSettings;
}

export interface Scheduler {
  /** Runs every job's check now (at start, and from tests with a controlled clock). */
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
  };
  // One tick at a time: a slow one is not overtaken by the next minute's.
  const runTick = () => {
    running = running.then(tick).catch((error: unknown) => deps.log.error({ err: error }, 'scheduled job failed'));
    return running;
  };
  const job = schedule.scheduleJob({ rule: '* * * * *', tz: deps.timeZone }, () => void runTick());
  void runTick();
  return {
    tick: runTick,
    stop: () => job?.cancel(),
  };
}

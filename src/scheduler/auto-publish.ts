/**
 * Automatic publication: an import schedules its period for the configured local time on the next
 * working day; a job every minute publishes what is due. Both only write rows (a scheduled
 * publication, then the outbox), so several instances doing it at once publish once.
 */
import type { Logger } from 'pino';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { publications } from '../db/schema.js';
import { nextWorkingDayAt } from '../domain/working-days.js';
import type { Translate } from '../messages/i18n.js';
import { publishPeriod, type PublishOutcome } from '../services/publication.js';

export interface AutoPublishSettings {
  time: string;
  timeZone: string;
  holidays: ReadonlySet<string>;
}

/** Returns when the period will go out, or null when it is already published. */
export async function schedulePublication(db: Db, period: string, now: Date, settings: AutoPublishSettings): Promise<Date | null> {
  const at = nextWorkingDayAt(now, settings.time, settings.timeZone, settings.holidays);
  const [row] = await db
    .insert(publications)
    .values({ period, status: 'scheduled', scheduledAt: at, requestedBy: 'schedule' })
    .onConflictDoUpdate({ target: publications.period, set: { scheduledAt: at }, setWhere: sql`${publications.status} = 'scheduled'` })
    .returning();
  return row ? at : null;
}

/** Schedules the period unless it is scheduled or published already: finding it ready again moves nothing. */
export async function schedulePublicationOnce(db: Db, period: string, now: Date, settings: AutoPublishSettings): Promise<Date | null> {
  const [existing] = await db.select({ id: publications.id }).from(publications).where(eq(publications.period, period));
  if (existing) return null;
  const at = nextWorkingDayAt(now, settings.time, settings.timeZone, settings.holidays);
  const [row] = await db
    .insert(publications)
    .values({ period, status: 'scheduled', scheduledAt: at, requestedBy: 'schedule' })
    .onConflictDoNothing({ target: publications.period })
    .returning({ id: publications.id });
  return row ? at : null;
}

export async function publishDue(db: Db, t: Translate, now: Date, log?: Pick<Logger, 'error'>): Promise<PublishOutcome[]> {
  const due = await db
    .select()
    .from(publications)
    .where(and(eq(publications.status, 'scheduled'), lte(publications.scheduledAt, now)));
  const outcomes: PublishOutcome[] = [];
  for (const publication of due) outcomes.push(await publishPeriod(db, t, publication.period, 'schedule', { log: log ?? null }));
  return outcomes;
}

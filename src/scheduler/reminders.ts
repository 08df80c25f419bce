/**
 * Deadline reminders, run by the scheduler's tick with its clock. At the reminder time (08:00 local)
 * of a day, it enqueues what falls on that day: the reminders 3 and 1 working days before a deadline
 * and on the day, a digest of overdue tasks on working days, and on the first working day of the week
 * a progress digest to the leaders of each assigning unit. Dedupe keys name the task, unit, chat and
 * day, so restarts and several instances remind once.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { chats, taskAssignees, tasks, units } from '../db/schema.js';
import { reachableOn, type ChatRow } from '../db/chats.js';
import { enqueue, type NewMessage } from '../delivery/outbox.js';
import { reminderDays } from '../domain/tasks.js';
import { addDays, isWorkingDay, localDate, localTimeOn, type IsoDate } from '../domain/working-days.js';
import type { Translate } from '../messages/i18n.js';
import { renderOverdueDigest, renderReminder, renderWeeklyDigest } from '../messages/tasks.js';
import { PUSH_CHANNELS } from '../delivery/sender.js';
import { tasksGivenBy, type TaskRow } from '../services/tasks.js';

export interface ReminderSettings {
  time: string;
  /** Working days before the deadline; 0 is the day itself. */
  offsets: readonly number[];
  timeZone: string;
  holidays: ReadonlySet<IsoDate>;
}

async function chatsOfUnits(db: Db, unitIds: readonly number[]): Promise<ChatRow[]> {
  if (unitIds.length === 0) return [];
  return db
    .select()
    .from(chats)
    .where(and(inArray(chats.unitId, [...unitIds]), reachableOn(PUSH_CHANNELS)));
}

/** The Monday of the week of a date, which names the week in a dedupe key. */
function mondayOf(date: IsoDate): IsoDate {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

function isFirstWorkingDayOfWeek(date: IsoDate, holidays: ReadonlySet<IsoDate>): boolean {
  if (!isWorkingDay(date, holidays)) return false;
  for (let d = mondayOf(date); d < date; d = addDays(d, 1)) if (isWorkingDay(d, holidays)) return false;
  return true;
}

export async function enqueueReminders(db: Db, t: Translate, now: Date, settings: ReminderSettings): Promise<number> {
  const today = localDate(now, settings.timeZone);
  if (now < localTimeOn(today, settings.time, settings.timeZone)) return 0;
  const open = await db
    .select({ task: tasks, assignment: taskAssignees, assigningUnit: units.name })
    .from(taskAssignees)
    .innerJoin(tasks, eq(tasks.id, taskAssignees.taskId))
    .innerJoin(units, eq(units.id, tasks.assigningUnitId))
    .where(and(eq(tasks.status, 'open'), ne(taskAssignees.status, 'hoan-thanh')));
  const unitChats = new Map<number, ChatRow[]>();
  for (const chat of await chatsOfUnits(db, [...new Set(open.map((o) => o.assignment.unitId))])) {
    if (chat.unitId !== null) unitChats.set(chat.unitId, [...(unitChats.get(chat.unitId) ?? []), chat]);
  }
  const messages: NewMessage[] = [];
  const overdue = new Map<number, { task: TaskRow; assigningUnit: string }[]>();
  for (const { task, assignment, assigningUnit } of open) {
    const due = reminderDays(task.deadline, settings.holidays, settings.offsets).find((r) => r.date === today);
    if (due) {
      const payload = renderReminder(t, task, assigningUnit, due.offset);
      for (const chat of unitChats.get(assignment.unitId) ?? []) {
        messages.push({
          // The deadline is in the key: moved, it reminds again on the new dates.
          dedupeKey: `reminder:task:${task.id}:due:${task.deadline}:unit:${assignment.unitId}:chat:${chat.id}:offset:${due.offset}`,
          kind: 'reminder',
          chatId: chat.id,
          unitId: assignment.unitId,
          publicationId: null,
          taskId: task.id,
          payload,
        });
      }
    }
    if (task.deadline < today) overdue.set(assignment.unitId, [...(overdue.get(assignment.unitId) ?? []), { task, assigningUnit }]);
  }
  if (isWorkingDay(today, settings.holidays)) {
    for (const [unitId, list] of overdue) {
      const payload = renderOverdueDigest(t, list, today);
      for (const chat of unitChats.get(unitId) ?? []) {
        messages.push({ dedupeKey: `overdue:${today}:unit:${unitId}:chat:${chat.id}`, kind: 'reminder', chatId: chat.id, unitId, publicationId: null, payload });
      }
    }
  }
  if (isFirstWorkingDayOfWeek(today, settings.holidays)) messages.push(...(await weeklyDigests(db, t, today)));
  return messages.length > 0 ? enqueue(db, messages) : 0;
}

/** To the leaders and admins of every unit that gave open tasks: where each stands. */
async function weeklyDigests(db: Db, t: Translate, today: IsoDate): Promise<NewMessage[]> {
  const givers = await db.selectDistinct({ unitId: tasks.assigningUnitId }).from(tasks).where(eq(tasks.status, 'open'));
  const messages: NewMessage[] = [];
  for (const { unitId } of givers) {
    const leaders = (await chatsOfUnits(db, [unitId])).filter((c) => c.role === 'leader' || c.role === 'admin');
    if (leaders.length === 0) continue;
    const payload = renderWeeklyDigest(t, await tasksGivenBy(db, unitId), today);
    for (const chat of leaders) {
      messages.push({ dedupeKey: `weekly:${mondayOf(today)}:unit:${unitId}:chat:${chat.id}`, kind: 'reminder', chatId: chat.id, unitId, publicationId: null, payload });
    }
  }
  return messages;
}

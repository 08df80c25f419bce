/** Tasks in the domain: the statuses a unit reports, who may do what, and when reminders fall due. */
import { workingDaysBefore } from './deadline.js';
import type { IsoDate } from './working-days.js';

export const TASK_STATUSES = ['chua-lam', 'dang-lam', 'hoan-thanh'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export function isTaskStatus(value: string): value is TaskStatus {
  return (TASK_STATUSES as readonly string[]).includes(value);
}

/** Reminders before a deadline, in working days; 0 is the day itself. Overdue digests follow daily. */
export const REMINDER_OFFSETS = [3, 1, 0] as const;

/** The day each reminder of a deadline falls on. */
export function reminderDays(deadline: IsoDate, holidays: ReadonlySet<IsoDate>, offsets: readonly number[] = REMINDER_OFFSETS): { offset: number; date: IsoDate }[] {
  return offsets.map((offset) => ({ offset, date: offset === 0 ? deadline : workingDaysBefore(deadline, offset, holidays) }));
}

export function isOverdue(deadline: IsoDate, status: TaskStatus, today: IsoDate): boolean {
  return status !== 'hoan-thanh' && deadline < today;
}

/** Who may act on tasks. Leaders and admins of the assigning unit run a task; each assigned unit reports on its own part. */
export type TaskAct = 'create' | 'change' | 'report';

export function mayAct(act: TaskAct, actor: { unitId: number | null; role: string | null }, unit: { assigning: number; assigned?: number }): boolean {
  if (actor.unitId === null) return false;
  const leads = actor.role === 'leader' || actor.role === 'admin';
  if (act === 'report') return actor.unitId === unit.assigned || (leads && actor.unitId === unit.assigning);
  return leads && actor.unitId === unit.assigning;
}

/** Tasks in the domain: the statuses a unit reports, who may do what, and when reminders fall due. */
import { workingDaysBefore } from './deadline.js';
import type { UnitPlace } from './units.js';
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

/** A task is seen (and its existence told) only by the unit that gave it and the units it was given to. */
export function maySee(actor: { unitId: number | null }, task: { assigning: number; assigned: readonly number[] }): boolean {
  return actor.unitId !== null && (actor.unitId === task.assigning || task.assigned.includes(actor.unitId));
}

/** Who gives a task: a chat with its unit and role, or the system (a letter, the admin API) speaking for the giving unit. */
export type Giver = { unitId: number | null; role: string | null } | 'system';

export type AssignRefusal = { reason: 'not-a-giver' } | { reason: 'outside'; unitIds: number[] };

/**
 * A task goes down the giving unit's own tree: to the unit itself or any unit under it, at any depth;
 * never to its parent, a sibling or another tree. Leaders and admins give from their own unit (an admin's
 * tree is its unit's subtree), officers give none; the system is bound by the same tree. Null: allowed.
 */
export function assignRefusal(giver: Giver, giving: number, targets: readonly UnitPlace[]): AssignRefusal | null {
  if (giver !== 'system' && !mayAct('create', giver, { assigning: giving })) return { reason: 'not-a-giver' };
  const outside = targets.filter((target) => target.id !== giving && !target.ancestors.includes(giving)).map((target) => target.id);
  return outside.length > 0 ? { reason: 'outside', unitIds: outside } : null;
}

/**
 * Tasks: created by leaders and admins of the assigning unit (or by the system from a letter, the API,
 * an accepted suggestion), reported on by each assigned unit. Every change is kept with who and when.
 * Completing a unit's part cancels the reminders still waiting for it.
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { ChatRow } from '../db/chats.js';
import type { Db } from '../db/client.js';
import { outbox, taskAssignees, taskEvents, tasks, units } from '../db/schema.js';
import type { UnitRow } from '../db/units.js';
import { isOverdue, mayAct, type TaskAct, type TaskStatus } from '../domain/tasks.js';
import type { IsoDate } from '../domain/working-days.js';

export type TaskRow = typeof tasks.$inferSelect;
export type AssignmentRow = typeof taskAssignees.$inferSelect;

/** Who acts: a chat (with its unit and role), or the system (letters, the admin API). */
export type Actor = { kind: 'chat'; chat: ChatRow; name: string } | { kind: 'system'; name: string };

export class TaskRefused extends Error {
  constructor(readonly key: 'task-refused-create' | 'task-refused-change' | 'task-refused-report' | 'task-not-found' | 'task-not-assigned', readonly args: Record<string, string> = {}) {
    super(key);
  }
}

function allowed(actor: Actor, act: TaskAct, unit: { assigning: number; assigned?: number }): boolean {
  return actor.kind === 'system' || mayAct(act, { unitId: actor.chat.unitId, role: actor.chat.role }, unit);
}

export interface NewTask {
  title: string;
  body?: string | null;
  groupKey?: string | null;
  assigningUnitId: number;
  assigneeUnitIds: number[];
  deadline: IsoDate;
  source: 'letter' | 'leader' | 'suggestion' | 'api';
  sourceRef?: string | null;
}

/** Creates a task; the same source and title again returns the existing one (a letter imported twice). */
export async function createTask(db: Db, actor: Actor, input: NewTask): Promise<{ task: TaskRow; created: boolean }> {
  if (!allowed(actor, 'create', { assigning: input.assigningUnitId })) throw new TaskRefused('task-refused-create');
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    if (input.sourceRef) {
      const [existing] = await t
        .select()
        .from(tasks)
        .where(and(eq(tasks.source, input.source), eq(tasks.sourceRef, input.sourceRef), eq(tasks.title, input.title), eq(tasks.assigningUnitId, input.assigningUnitId)));
      if (existing) return { task: existing, created: false };
    }
    const [task] = await t
      .insert(tasks)
      .values({
        title: input.title,
        body: input.body ?? null,
        groupKey: input.groupKey ?? null,
        assigningUnitId: input.assigningUnitId,
        deadline: input.deadline,
        source: input.source,
        sourceRef: input.sourceRef ?? null,
        createdBy: actor.name,
      })
      .returning();
    if (!task) throw new Error('insert task returned nothing');
    const assignees = [...new Set(input.assigneeUnitIds)];
    if (assignees.length > 0) await t.insert(taskAssignees).values(assignees.map((unitId) => ({ taskId: task.id, unitId, updatedBy: actor.name })));
    await t.insert(taskEvents).values({ taskId: task.id, kind: 'created', by: actor.name });
    return { task, created: true };
  });
}

export async function taskById(db: Db, id: number): Promise<TaskRow | undefined> {
  return (await db.select().from(tasks).where(eq(tasks.id, id)))[0];
}

/** An assigned unit reports: status, note, or both. */
export async function reportOnTask(db: Db, actor: Actor, taskId: number, unitId: number, change: { status?: TaskStatus; note?: string }): Promise<{ task: TaskRow; assignment: AssignmentRow }> {
  const task = await taskById(db, taskId);
  if (!task) throw new TaskRefused('task-not-found', { id: String(taskId) });
  const [assignment] = await db.select().from(taskAssignees).where(and(eq(taskAssignees.taskId, taskId), eq(taskAssignees.unitId, unitId)));
  if (!assignment) throw new TaskRefused('task-not-assigned', { id: String(taskId) });
  if (!allowed(actor, 'report', { assigning: task.assigningUnitId, assigned: unitId })) throw new TaskRefused('task-refused-report');
  const [updated] = await db
    .update(taskAssignees)
    .set({ ...(change.status ? { status: change.status } : {}), ...(change.note !== undefined ? { note: change.note } : {}), updatedBy: actor.name, updatedAt: sql`now()` })
    .where(and(eq(taskAssignees.taskId, taskId), eq(taskAssignees.unitId, unitId)))
    .returning();
  await db.insert(taskEvents).values({ taskId, unitId, kind: change.status ? 'status' : 'note', status: change.status ?? null, note: change.note ?? null, by: actor.name });
  if (change.status === 'hoan-thanh') await cancelReminders(db, taskId, unitId);
  return { task, assignment: updated ?? assignment };
}

/** Reminders waiting in the outbox for a unit's part of a task go unsent once it is done. */
async function cancelReminders(db: Db, taskId: number, unitId: number | null): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'cancelled' })
    .where(and(eq(outbox.taskId, taskId), eq(outbox.status, 'pending'), ...(unitId !== null ? [eq(outbox.unitId, unitId)] : [])));
}

/** A new deadline, by the giving unit's leaders; reminders follow the new date. */
export async function moveDeadline(db: Db, actor: Actor, taskId: number, deadline: IsoDate): Promise<TaskRow> {
  const task = await taskById(db, taskId);
  if (!task) throw new TaskRefused('task-not-found', { id: String(taskId) });
  if (!allowed(actor, 'change', { assigning: task.assigningUnitId })) throw new TaskRefused('task-refused-change');
  const [moved] = await db.update(tasks).set({ deadline }).where(eq(tasks.id, taskId)).returning();
  await db.insert(taskEvents).values({ taskId, kind: 'deadline', note: `${task.deadline} → ${deadline}`, by: actor.name });
  await db.update(outbox).set({ status: 'cancelled' }).where(and(eq(outbox.taskId, taskId), eq(outbox.status, 'pending')));
  return moved ?? task;
}

export async function closeTask(db: Db, actor: Actor, taskId: number): Promise<TaskRow> {
  const task = await taskById(db, taskId);
  if (!task) throw new TaskRefused('task-not-found', { id: String(taskId) });
  if (!allowed(actor, 'change', { assigning: task.assigningUnitId })) throw new TaskRefused('task-refused-change');
  const [closed] = await db.update(tasks).set({ status: 'closed', closedAt: sql`now()` }).where(eq(tasks.id, taskId)).returning();
  await db.insert(taskEvents).values({ taskId, kind: 'closed', by: actor.name });
  await cancelReminders(db, taskId, null);
  return closed ?? task;
}

export interface UnitTask {
  task: TaskRow;
  assignment: AssignmentRow;
  assigningUnit: string;
}

/** A unit's open tasks (not done, task not closed), nearest deadline first. */
export async function openTasksOf(db: Db, unitId: number): Promise<UnitTask[]> {
  const rows = await db
    .select({ task: tasks, assignment: taskAssignees, assigningUnit: units.name })
    .from(taskAssignees)
    .innerJoin(tasks, eq(tasks.id, taskAssignees.taskId))
    .innerJoin(units, eq(units.id, tasks.assigningUnitId))
    .where(and(eq(taskAssignees.unitId, unitId), eq(tasks.status, 'open'), ne(taskAssignees.status, 'hoan-thanh')))
    .orderBy(asc(tasks.deadline), asc(tasks.id));
  return rows;
}

export interface TaskProgress {
  task: TaskRow;
  assignees: { unit: UnitRow; assignment: AssignmentRow }[];
}

export async function taskProgress(db: Db, taskId: number): Promise<TaskProgress | null> {
  const task = await taskById(db, taskId);
  if (!task) return null;
  const rows = await db.select({ unit: units, assignment: taskAssignees }).from(taskAssignees).innerJoin(units, eq(units.id, taskAssignees.unitId)).where(eq(taskAssignees.taskId, taskId)).orderBy(units.name);
  return { task, assignees: rows };
}

/** Open tasks a unit gave, with every assigned unit's part. */
export async function tasksGivenBy(db: Db, assigningUnitId: number): Promise<TaskProgress[]> {
  const given = await db.select().from(tasks).where(and(eq(tasks.assigningUnitId, assigningUnitId), eq(tasks.status, 'open'))).orderBy(asc(tasks.deadline), asc(tasks.id));
  if (given.length === 0) return [];
  const rows = await db
    .select({ unit: units, assignment: taskAssignees })
    .from(taskAssignees)
    .innerJoin(units, eq(units.id, taskAssignees.unitId))
    .where(inArray(taskAssignees.taskId, given.map((t) => t.id)));
  return given.map((task) => ({ task, assignees: rows.filter((r) => r.assignment.taskId === task.id) }));
}

/** For /quahan: per assigned unit, the overdue tasks a unit gave. */
export async function overdueByUnit(db: Db, assigningUnitId: number, today: IsoDate): Promise<{ unit: UnitRow; tasks: TaskRow[] }[]> {
  const byUnit = new Map<number, { unit: UnitRow; tasks: TaskRow[] }>();
  for (const { task, assignees } of await tasksGivenBy(db, assigningUnitId)) {
    for (const { unit, assignment } of assignees) {
      if (!isOverdue(task.deadline, assignment.status as TaskStatus, today)) continue;
      const entry = byUnit.get(unit.id) ?? { unit, tasks: [] };
      entry.tasks.push(task);
      byUnit.set(unit.id, entry);
    }
  }
  return [...byUnit.values()].sort((a, b) => b.tasks.length - a.tasks.length || a.unit.name.localeCompare(b.unit.name, 'vi'));
}

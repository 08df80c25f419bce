/**
 * Tasks: created by leaders and admins of the assigning unit (or by the system from a letter, the API,
 * an accepted suggestion) for that unit or units under it, reported on by each assigned unit. Every
 * change is kept with who and when, in one transaction with the change. Completing a unit's part
 * cancels the reminders still waiting for it.
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { ChatRow } from '../db/chats.js';
import type { Db, Tx } from '../db/client.js';
import { outbox, taskAssignees, taskEvents, tasks, units, type TaskSource } from '../db/schema.js';
import type { UnitRow } from '../db/units.js';
import type { GroupKey } from '../domain/framework.js';
import { assignRefusal, isOverdue, mayAct, maySee, type TaskAct, type TaskStatus } from '../domain/tasks.js';
import type { IsoDate } from '../domain/working-days.js';
import { unitPlaces } from './units.js';

export type TaskRow = typeof tasks.$inferSelect;
export type AssignmentRow = typeof taskAssignees.$inferSelect;

/** Who acts: a chat (with its unit and role), or the system (letters, the admin API). */
export type Actor = { kind: 'chat'; chat: ChatRow; name: string } | { kind: 'system'; name: string };

export class TaskRefused extends Error {
  constructor(
    readonly key: 'task-refused-create' | 'task-refused-change' | 'task-refused-report' | 'task-refused-outside' | 'task-not-found' | 'task-not-assigned',
    readonly args: Record<string, string> = {},
  ) {
    super(key);
  }
}

function allowed(actor: Actor, act: TaskAct, unit: { assigning: number; assigned?: number }): boolean {
  return actor.kind === 'system' || mayAct(act, { unitId: actor.chat.unitId, role: actor.chat.role }, unit);
}

/** Why `actor` may not give a task from `assigningUnitId` to `assigneeUnitIds`; null when it may. */
export async function assignmentRefused(db: Db, actor: Actor, assigningUnitId: number, assigneeUnitIds: readonly number[]): Promise<TaskRefused | null> {
  const giver = actor.kind === 'system' ? 'system' : { unitId: actor.chat.unitId, role: actor.chat.role };
  const refusal = assignRefusal(giver, assigningUnitId, await unitPlaces(db, assigneeUnitIds));
  if (!refusal) return null;
  if (refusal.reason === 'not-a-giver') return new TaskRefused('task-refused-create');
  const named = await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, [assigningUnitId, ...refusal.unitIds]));
  const name = (id: number) => named.find((u) => u.id === id)?.name ?? `#${id}`;
  return new TaskRefused('task-refused-outside', { unit: name(assigningUnitId), units: refusal.unitIds.map(name).join(', ') });
}

/** The task, when the actor may know it exists, with each assigned unit's status: an unknown task and another unit's task are refused alike. */
async function visibleTaskAndParts(db: Db, actor: Actor, taskId: number): Promise<{ task: TaskRow; parts: { unitId: number; status: TaskStatus }[] }> {
  const task = await taskById(db, taskId);
  if (task) {
    const parts = await db.select({ unitId: taskAssignees.unitId, status: taskAssignees.status }).from(taskAssignees).where(eq(taskAssignees.taskId, task.id));
    if (actorSees(actor, task, parts.map((a) => a.unitId))) return { task, parts };
  }
  throw new TaskRefused('task-not-found', { id: String(taskId) });
}

async function visibleTask(db: Db, actor: Actor, taskId: number): Promise<TaskRow> {
  return (await visibleTaskAndParts(db, actor, taskId)).task;
}

function actorSees(actor: Actor, task: TaskRow, assigned: number[]): boolean {
  return actor.kind === 'system' || maySee(actor.chat, { assigning: task.assigningUnitId, assigned });
}

export interface NewTask {
  title: string;
  body?: string | null;
  groupKey?: GroupKey | null;
  assigningUnitId: number;
  assigneeUnitIds: number[];
  deadline: IsoDate;
  source: TaskSource;
  sourceRef?: string | null;
}

/** Creates a task; the same source and title again returns the existing one (a letter imported twice). */
export async function createTask(db: Db, actor: Actor, input: NewTask): Promise<{ task: TaskRow; created: boolean }> {
  const refused = await assignmentRefused(db, actor, input.assigningUnitId, input.assigneeUnitIds);
  if (refused) throw refused;
  return db.transaction(async (t) => {
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

/** The task a unit's part of which the actor may report on, and that part's status; throws TaskRefused otherwise. */
export async function taskToReport(db: Db, actor: Actor, taskId: number, unitId: number): Promise<{ task: TaskRow; status: TaskStatus }> {
  const { task, parts } = await visibleTaskAndParts(db, actor, taskId);
  if (!allowed(actor, 'report', { assigning: task.assigningUnitId, assigned: unitId })) throw new TaskRefused('task-refused-report');
  const part = parts.find((p) => p.unitId === unitId);
  if (!part) throw new TaskRefused('task-not-assigned', { id: String(taskId) });
  return { task, status: part.status };
}

/** An assigned unit reports: status, note, or both. */
export async function reportOnTask(db: Db, actor: Actor, taskId: number, unitId: number, change: { status?: TaskStatus; note?: string }): Promise<{ task: TaskRow; assignment: AssignmentRow }> {
  const { task } = await taskToReport(db, actor, taskId, unitId);
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(taskAssignees)
      .set({ ...(change.status ? { status: change.status } : {}), ...(change.note !== undefined ? { note: change.note } : {}), updatedBy: actor.name, updatedAt: sql`now()` })
      .where(and(eq(taskAssignees.taskId, taskId), eq(taskAssignees.unitId, unitId)))
      .returning();
    if (!updated) throw new TaskRefused('task-not-assigned', { id: String(taskId) });
    await tx.insert(taskEvents).values({ taskId, unitId, kind: change.status ? 'status' : 'note', status: change.status ?? null, note: change.note ?? null, by: actor.name });
    if (change.status === 'hoan-thanh') await cancelReminders(tx, taskId, unitId);
    return { task, assignment: updated };
  });
}

/** Reminders waiting in the outbox for a task (for one unit's part, or all) go unsent, those waiting for a Zalo user's next message too. */
async function cancelReminders(tx: Tx, taskId: number, unitId: number | null): Promise<void> {
  await tx
    .update(outbox)
    .set({ status: 'cancelled' })
    .where(and(eq(outbox.taskId, taskId), inArray(outbox.status, ['pending', 'waiting']), ...(unitId !== null ? [eq(outbox.unitId, unitId)] : [])));
}

/** A new deadline, by the giving unit's leaders; reminders follow the new date. */
export async function moveDeadline(db: Db, actor: Actor, taskId: number, deadline: IsoDate): Promise<TaskRow> {
  const task = await visibleTask(db, actor, taskId);
  if (!allowed(actor, 'change', { assigning: task.assigningUnitId })) throw new TaskRefused('task-refused-change');
  return db.transaction(async (tx) => {
    const [moved] = await tx.update(tasks).set({ deadline }).where(eq(tasks.id, taskId)).returning();
    await tx.insert(taskEvents).values({ taskId, kind: 'deadline', note: `${task.deadline} → ${deadline}`, by: actor.name });
    await cancelReminders(tx, taskId, null);
    return moved ?? task;
  });
}

export async function closeTask(db: Db, actor: Actor, taskId: number): Promise<TaskRow> {
  const task = await visibleTask(db, actor, taskId);
  if (!allowed(actor, 'change', { assigning: task.assigningUnitId })) throw new TaskRefused('task-refused-change');
  return db.transaction(async (tx) => {
    const [closed] = await tx.update(tasks).set({ status: 'closed', closedAt: sql`now()` }).where(eq(tasks.id, taskId)).returning();
    await tx.insert(taskEvents).values({ taskId, kind: 'closed', by: actor.name });
    await cancelReminders(tx, taskId, null);
    return closed ?? task;
  });
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

/** A task unit by unit; null when there is none or the actor may not know of it (the two alike). */
export async function taskProgress(db: Db, actor: Actor, taskId: number): Promise<TaskProgress | null> {
  const task = await taskById(db, taskId);
  if (!task) return null;
  const rows = await db.select({ unit: units, assignment: taskAssignees }).from(taskAssignees).innerJoin(units, eq(units.id, taskAssignees.unitId)).where(eq(taskAssignees.taskId, taskId)).orderBy(units.name);
  return actorSees(actor, task, rows.map((r) => r.unit.id)) ? { task, assignees: rows } : null;
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
      if (!isOverdue(task.deadline, assignment.status, today)) continue;
      const entry = byUnit.get(unit.id) ?? { unit, tasks: [] };
      entry.tasks.push(task);
      byUnit.set(unit.id, entry);
    }
  }
  return [...byUnit.values()].sort((a, b) => b.tasks.length - a.tasks.length || a.unit.name.localeCompare(b.unit.name, 'vi'));
}

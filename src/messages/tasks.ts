/** Tasks in words: lists with their buttons, progress, reminders and digests. */
import { encodeAction } from '../domain/actions.js';
import type { TaskStatus } from '../domain/tasks.js';
import { isOverdue } from '../domain/tasks.js';
import type { IsoDate } from '../domain/working-days.js';
import type { TaskProgress, TaskRow, UnitTask } from '../services/tasks.js';
import type { Translate } from './i18n.js';
import type { Reply } from './reply.js';

/** "2026-10-02" → "02/10/2026". */
export function formatDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

function statusLabel(t: Translate, status: TaskStatus): string {
  return t(`task-status-${status}`);
}

function deadlineText(t: Translate, deadline: IsoDate, status: TaskStatus, today: IsoDate): string {
  return isOverdue(deadline, status, today) ? t('task-deadline-overdue', { date: formatDate(deadline) }) : t('task-deadline', { date: formatDate(deadline) });
}

export function renderTaskList(t: Translate, unit: string, list: readonly UnitTask[], today: IsoDate): Reply[] {
  if (list.length === 0) return [{ lines: [t('tasks-empty', { unit })] }];
  return [
    { title: t('tasks-title', { unit, count: list.length }), lines: [] },
    ...list.map(({ task, assignment, assigningUnit }) => ({
      lines: [
        t('task-line', { id: String(task.id), title: task.title }),
        t('task-meta', { from: assigningUnit, deadline: deadlineText(t, task.deadline, assignment.status, today), status: statusLabel(t, assignment.status) }),
        ...(assignment.note ? [t('task-note', { note: assignment.note })] : []),
      ],
      buttons: [[
        { label: t('button-task-doing'), action: encodeAction({ kind: 'task', step: 'dang-lam', taskId: task.id, unitId: assignment.unitId }) },
        { label: t('button-task-done'), action: encodeAction({ kind: 'task', step: 'hoan-thanh', taskId: task.id, unitId: assignment.unitId }) },
        { label: t('button-task-note'), action: encodeAction({ kind: 'task', step: 'note', taskId: task.id, unitId: assignment.unitId }) },
      ]],
    })),
  ];
}

/** "đã xong nhiệm vụ 3" read: done is confirmed with the task's own button, as it stops the reminders. */
export function renderDoneToConfirm(t: Translate, task: TaskRow, unitId: number, unit: string): Reply {
  return {
    lines: [t('task-report-confirm-done', { id: String(task.id), title: task.title, unit })],
    buttons: [[{ label: t('button-task-done'), action: encodeAction({ kind: 'task', step: 'hoan-thanh', taskId: task.id, unitId }) }]],
  };
}

export function renderProgress(t: Translate, progress: TaskProgress, today: IsoDate): Reply {
  const { task, assignees } = progress;
  const done = assignees.filter((a) => a.assignment.status === 'hoan-thanh').length;
  return {
    title: t('progress-title', { id: String(task.id), title: task.title }),
    lines: [
      t('progress-summary', { deadline: formatDate(task.deadline), done, total: assignees.length }),
      ...assignees.map(({ unit, assignment }) =>
        t('progress-unit', {
          unit: unit.name,
          status: statusLabel(t, assignment.status),
          overdue: isOverdue(task.deadline, assignment.status, today) ? t('progress-overdue-mark') : '',
          note: assignment.note ? ` – ${assignment.note}` : '',
        }),
      ),
    ],
  };
}

export function renderReminder(t: Translate, task: TaskRow, assigningUnit: string, offset: number): Reply {
  const when = offset === 0 ? t('reminder-today') : t('reminder-in-days', { n: offset });
  return {
    title: t('reminder-title', { when }),
    lines: [t('task-line', { id: String(task.id), title: task.title }), t('reminder-meta', { from: assigningUnit, date: formatDate(task.deadline) }), t('reminder-hint')],
  };
}

export function renderOverdueDigest(t: Translate, list: readonly { task: TaskRow; assigningUnit: string }[], today: IsoDate): Reply {
  return {
    title: t('overdue-title', { count: list.length, date: formatDate(today) }),
    lines: [...list.map(({ task, assigningUnit }) => t('overdue-line', { id: String(task.id), title: task.title, date: formatDate(task.deadline), from: assigningUnit })), t('reminder-hint')],
  };
}

export function renderWeeklyDigest(t: Translate, given: readonly TaskProgress[], today: IsoDate): Reply {
  return {
    title: t('weekly-title', { date: formatDate(today) }),
    lines: given.map(({ task, assignees }) => {
      const done = assignees.filter((a) => a.assignment.status === 'hoan-thanh').length;
      const late = assignees.filter((a) => isOverdue(task.deadline, a.assignment.status, today)).length;
      return t('weekly-line', { id: String(task.id), title: task.title, deadline: formatDate(task.deadline), done, total: assignees.length, late });
    }),
  };
}

export function renderOverdueByUnit(t: Translate, rows: readonly { unit: { name: string }; tasks: TaskRow[] }[], today: IsoDate): Reply {
  if (rows.length === 0) return { lines: [t('overdue-none')] };
  return {
    title: t('overdue-by-unit-title', { date: formatDate(today) }),
    lines: rows.map((r) => t('overdue-by-unit-line', { unit: r.unit.name, count: r.tasks.length, ids: r.tasks.map((x) => `#${x.id}`).join(', ') })),
  };
}

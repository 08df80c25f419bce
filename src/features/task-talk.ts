/**
 * The task side of the conversation: /nhiemvu and its buttons, /giaoviec step by step, notes,
 * /tiendo, /quahan, and a leader accepting a suggested task with one tap. Channel-free like the rest.
 */
import { chatByAddress, type ChatAddress, type ChatRow } from '../db/chats.js';
import { clearState, setState, type ConversationState } from '../db/conversation-states.js';
import { childrenOf, unitById, type UnitRow } from '../db/units.js';
import { endOfNextMonth, parseDeadline } from '../domain/deadline.js';
import { CURRENT_FRAMEWORK } from '../domain/framework.js';
import { isTaskStatus, mayAct, type TaskStatus } from '../domain/tasks.js';
import { fold } from '../domain/text.js';
import { localDate, type IsoDate } from '../domain/working-days.js';
import { formatDateTime } from '../domain/format.js';
import type { Translate } from '../messages/i18n.js';
import { textReply, type Reply } from '../messages/reply.js';
import { renderSuggestions } from '../messages/suggestions.js';
import { formatDate, renderDoneToConfirm, renderOverdueByUnit, renderProgress, renderTaskList } from '../messages/tasks.js';
import { scoreCard } from '../services/scores.js';
import {
  assignmentRefused,
  closeTask,
  createTask,
  moveDeadline,
  openTasksOf,
  overdueByUnit,
  reportOnTask,
  TaskRefused,
  taskProgress,
  taskToReport,
  type Actor,
} from '../services/tasks.js';
import { findUnit } from '../services/units.js';
import type { ConversationDeps } from '../core/conversation.js';
import type { Action } from '../domain/actions.js';

export interface TaskMessage {
  chat: ChatAddress;
  text: string;
  /** The person who wrote, as the channel names them, for "who changed it". */
  sender: string | null;
}

function today(deps: ConversationDeps): IsoDate {
  return localDate(deps.now(), deps.timeZone);
}

function actorOf(chat: ChatRow, sender: string | null): Actor {
  return { kind: 'chat', chat, name: sender ?? chat.title ?? `${chat.channel}:${chat.externalId}` };
}

function refusal(t: Translate, error: unknown): Reply {
  if (error instanceof TaskRefused) return textReply(t(error.key, error.args));
  throw error;
}

async function linkedChat(deps: ConversationDeps, chat: ChatAddress): Promise<{ chat: ChatRow; unit: UnitRow } | null> {
  const row = await chatByAddress(deps.db, chat.channel, chat.externalId);
  const unit = row?.unitId ? await unitById(deps.db, row.unitId) : undefined;
  return row && unit ? { chat: row, unit } : null;
}

/** The unit's open tasks, then the tasks suggested by its latest result, the one that pays most first (leaders may take one on). */
export async function answerTasks(deps: ConversationDeps, message: TaskMessage): Promise<Reply[]> {
  const linked = await linkedChat(deps, message.chat);
  if (!linked) return [textReply(deps.t('task-no-unit'))];
  const list = renderTaskList(deps.t, linked.unit.name, await openTasksOf(deps.db, linked.unit.id), today(deps));
  const latest = await scoreCard(deps.db, linked.unit.id, { kind: 'latest' });
  const leads = mayAct('create', { unitId: linked.unit.id, role: linked.chat.role }, { assigning: linked.unit.id });
  const suggested = latest.kind === 'card' ? renderSuggestions(deps.t, latest.card, leads) : null;
  return suggested ? [...list, suggested] : list;
}

export async function answerProgress(deps: ConversationDeps, message: TaskMessage, taskId: number | null): Promise<Reply> {
  if (taskId === null) return textReply(deps.t('progress-ask-id'));
  const linked = await linkedChat(deps, message.chat);
  if (!linked) return textReply(deps.t('task-no-unit'));
  const progress = await taskProgress(deps.db, actorOf(linked.chat, message.sender), taskId);
  if (!progress) return textReply(deps.t('task-not-found', { id: String(taskId) }));
  return renderProgress(deps.t, progress, today(deps));
}

export async function answerOverdue(deps: ConversationDeps, message: TaskMessage): Promise<Reply> {
  const linked = await linkedChat(deps, message.chat);
  if (!linked) return textReply(deps.t('task-no-unit'));
  return renderOverdueByUnit(deps.t, await overdueByUnit(deps.db, linked.unit.id, today(deps)), today(deps));
}

export async function startAssigning(deps: ConversationDeps, message: TaskMessage): Promise<Reply> {
  const linked = await linkedChat(deps, message.chat);
  if (!linked) return textReply(deps.t('task-no-unit'));
  if (!mayAct('create', { unitId: linked.unit.id, role: linked.chat.role }, { assigning: linked.unit.id })) return textReply(deps.t('task-refused-create'));
  await setState(deps.db, message.chat, { kind: 'assign-task', data: { step: 'title', assigningUnitId: linked.unit.id } });
  return textReply(deps.t('assign-ask-title'));
}

export async function cancelConversation(deps: ConversationDeps, message: TaskMessage): Promise<Reply> {
  return textReply(deps.t((await clearState(deps.db, message.chat)) ? 'assign-cancelled' : 'nothing-to-cancel'));
}

/** The next step of the conversation in progress (`state`, the chat's as the message came); null when the chat has none. Commands end it. */
export async function continueConversation(deps: ConversationDeps, message: TaskMessage, state: ConversationState | null): Promise<Reply | null> {
  if (message.text.trim().startsWith('/')) return null;
  if (!state) return null;
  if (state.kind === 'task-note') return saveNote(deps, message, state);
  return assignStep(deps, message, state);
}

async function saveNote(deps: ConversationDeps, message: TaskMessage, state: Extract<ConversationState, { kind: 'task-note' }>): Promise<Reply> {
  const linked = await linkedChat(deps, message.chat);
  await clearState(deps.db, message.chat);
  if (!linked) return textReply(deps.t('task-no-unit'));
  try {
    await reportOnTask(deps.db, actorOf(linked.chat, message.sender), state.data.taskId, state.data.unitId, { note: message.text.trim().slice(0, 1000) });
    return textReply(deps.t('task-note-saved', { id: String(state.data.taskId) }));
  } catch (error) {
    return refusal(deps.t, error);
  }
}

async function unitsNamed(deps: ConversationDeps, text: string, assigning: UnitRow): Promise<{ ids: number[]; unknown: string[]; none?: boolean }> {
  if (['tat ca', 'tat ca don vi', 'toan bo'].includes(fold(text).trim())) {
    const children = await childrenOf(deps.db, assigning.id);
    return { ids: children.map((c) => c.id), unknown: [], none: children.length === 0 };
  }
  const ids: number[] = [];
  const unknown: string[] = [];
  for (const name of text.split(/[,;\n]+/).map((n) => n.trim()).filter(Boolean)) {
    const found = await findUnit(deps.db, name, { within: assigning.id });
    if (found.kind === 'found') ids.push(found.unit.id);
    else unknown.push(name);
  }
  return { ids, unknown };
}

async function assignStep(deps: ConversationDeps, message: TaskMessage, state: Extract<ConversationState, { kind: 'assign-task' }>): Promise<Reply> {
  const { t, db } = deps;
  const text = message.text.trim();
  const data = state.data;
  const assigning = await unitById(db, data.assigningUnitId);
  if (!assigning) return cancelConversation(deps, message);
  if (data.step === 'title') {
    await setState(db, message.chat, { kind: 'assign-task', data: { ...data, step: 'units', title: text.slice(0, 300) } });
    return textReply(t('assign-ask-units', { unit: assigning.name }));
  }
  if (data.step === 'units') {
    const named = await unitsNamed(deps, text, assigning);
    if (named.none) return textReply(t('assign-units-none', { unit: assigning.name }));
    if (named.unknown.length > 0 || named.ids.length === 0) return textReply(t('assign-units-unknown', { names: named.unknown.join(', ') || text }));
    const linked = await linkedChat(deps, message.chat);
    if (!linked) return textReply(t('task-no-unit'));
    const refused = await assignmentRefused(db, actorOf(linked.chat, message.sender), assigning.id, named.ids);
    if (refused) return refusal(t, refused);
    await setState(db, message.chat, { kind: 'assign-task', data: { ...data, step: 'deadline', unitIds: named.ids } });
    return textReply(t('assign-ask-deadline'));
  }
  const deadline = parseDeadline(text, today(deps));
  if ('error' in deadline) return textReply(t(deadline.error === 'past' ? 'assign-deadline-past' : 'assign-deadline-unknown', { value: text }));
  const linked = await linkedChat(deps, message.chat);
  if (!linked) return textReply(t('task-no-unit'));
  try {
    const { task } = await createTask(db, actorOf(linked.chat, message.sender), {
      title: data.title ?? text,
      assigningUnitId: assigning.id,
      assigneeUnitIds: data.unitIds ?? [],
      deadline: deadline.date,
      source: 'leader',
    });
    await clearState(db, message.chat);
    const names = await Promise.all((data.unitIds ?? []).map(async (id) => (await unitById(db, id))?.name ?? ''));
    const shown = names.length > 5 ? `${names.slice(0, 5).join(', ')}, …` : names.join(', ');
    return textReply(t('assign-done', { id: String(task.id), title: task.title, count: names.length, units: shown, date: formatDate(task.deadline) }));
  } catch (error) {
    await clearState(db, message.chat);
    return refusal(t, error);
  }
}

/** The buttons under a task: Đang làm, Hoàn thành, Ghi chú. */
export async function taskAction(deps: ConversationDeps, chat: ChatAddress, sender: string | null, action: Extract<Action, { kind: 'task' }>): Promise<Reply> {
  const { step: what, taskId, unitId } = action;
  const linked = await linkedChat(deps, chat);
  if (!linked) return textReply(deps.t('task-no-unit'));
  const actor = actorOf(linked.chat, sender);
  try {
    if (what === 'note') {
      await taskToReport(deps.db, actor, taskId, unitId);
      await setState(deps.db, chat, { kind: 'task-note', data: { taskId, unitId } });
      return textReply(deps.t('task-note-ask', { id: String(taskId) }));
    }
    if (!isTaskStatus(what)) return textReply(deps.t('task-not-found', { id: String(taskId) }));
    await reportOnTask(deps.db, actor, taskId, unitId, { status: what });
    const unit = await unitById(deps.db, unitId);
    return textReply(deps.t('task-updated', { id: String(taskId), status: deps.t(`task-status-${what}`), unit: unit?.name ?? '', by: actor.name, at: formatDateTime(deps.now()) }));
  } catch (error) {
    return refusal(deps.t, error);
  }
}

/** "nhiệm vụ 3 đạt 70%": the chat's unit reports on its part of a task, as with its buttons; done is only proposed, for a tap to confirm. */
export async function answerTaskReport(deps: ConversationDeps, message: TaskMessage, report: { taskId: number; status: TaskStatus; note: string | null }): Promise<Reply> {
  const linked = await linkedChat(deps, message.chat);
  if (!linked) return textReply(deps.t('task-no-unit'));
  const actor = actorOf(linked.chat, message.sender);
  try {
    if (report.status === 'hoan-thanh') {
      const { task, status } = await taskToReport(deps.db, actor, report.taskId, linked.unit.id);
      // Nothing to confirm for a task closed by its giver, or a part already done.
      if (task.status === 'closed') return textReply(deps.t('task-report-closed', { id: String(task.id), title: task.title }));
      if (status === 'hoan-thanh') return textReply(deps.t('task-report-done-already', { id: String(task.id), unit: linked.unit.name }));
      return renderDoneToConfirm(deps.t, task, linked.unit.id, linked.unit.name);
    }
    await reportOnTask(deps.db, actor, report.taskId, linked.unit.id, { status: report.status, ...(report.note !== null ? { note: report.note } : {}) });
    const lines = [deps.t('task-updated', { id: String(report.taskId), status: deps.t(`task-status-${report.status}`), unit: linked.unit.name, by: actor.name, at: formatDateTime(deps.now()) })];
    if (report.note !== null) lines.push(deps.t('task-report-note', { note: report.note }));
    return { lines };
  } catch (error) {
    return refusal(deps.t, error);
  }
}

/** One tap on a suggested task: a leader of the unit takes it on for the unit. */
export async function acceptSuggestion(deps: ConversationDeps, chat: ChatAddress, sender: string | null, action: Extract<Action, { kind: 'suggestion' }>): Promise<Reply> {
  const { unitId, period } = action;
  const group = CURRENT_FRAMEWORK.groups.find((g) => g.key === action.group);
  const linked = await linkedChat(deps, chat);
  if (!linked || !group) return textReply(deps.t('task-no-unit'));
  try {
    const { task } = await createTask(deps.db, actorOf(linked.chat, sender), {
      title: deps.t(`task-${group.key}`),
      groupKey: group.key,
      assigningUnitId: unitId,
      assigneeUnitIds: [unitId],
      deadline: endOfNextMonth(today(deps)),
      source: 'suggestion',
      sourceRef: `suggestion:${period}:${unitId}:${group.key}`,
    });
    return textReply(deps.t('suggestion-accepted', { id: String(task.id), title: task.title, unit: linked.unit.name, date: formatDate(task.deadline) }));
  } catch (error) {
    return refusal(deps.t, error);
  }
}

/** /dongviec 12: the giving unit's leaders close a task; its reminders stop. */
export async function answerClose(deps: ConversationDeps, message: TaskMessage, taskId: number | null): Promise<Reply> {
  if (taskId === null) return textReply(deps.t('close-ask-id'));
  const linked = await linkedChat(deps, message.chat);
  if (!linked) return textReply(deps.t('task-no-unit'));
  try {
    const task = await closeTask(deps.db, actorOf(linked.chat, message.sender), taskId);
    return textReply(deps.t('task-closed', { id: String(task.id), title: task.title }));
  } catch (error) {
    return refusal(deps.t, error);
  }
}

/** /doihan 12 30/10: a new deadline. */
export async function answerMove(deps: ConversationDeps, message: TaskMessage, taskId: number | null, deadlineText: string): Promise<Reply> {
  if (taskId === null || !deadlineText) return textReply(deps.t('move-ask'));
  const linked = await linkedChat(deps, message.chat);
  if (!linked) return textReply(deps.t('task-no-unit'));
  const deadline = parseDeadline(deadlineText, today(deps));
  if ('error' in deadline) return textReply(deps.t(deadline.error === 'past' ? 'assign-deadline-past' : 'assign-deadline-unknown', { value: deadlineText }));
  try {
    const task = await moveDeadline(deps.db, actorOf(linked.chat, message.sender), taskId, deadline.date);
    return textReply(deps.t('task-moved', { id: String(task.id), date: formatDate(task.deadline) }));
  } catch (error) {
    return refusal(deps.t, error);
  }
}

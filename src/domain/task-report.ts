/**
 * A task's progress said in words, as officials write it rather than tap it: "đã xong nhiệm vụ 3",
 * "nhiệm vụ 2 đang làm, đạt 70%", "#5 hoàn thành rồi". Asked rather than said ("nhiệm vụ 3 xong chưa
 * anh?"), denied ("chưa hoàn thành được") or supposed ("nếu nhiệm vụ 3 xong…"), it is a question about
 * the task's progress, and changes nothing. What is read as done is only proposed: the chat confirms it
 * with the task's button (features/task-talk.ts), since done stops the task's reminders.
 */
import type { TaskStatus } from './tasks.js';
import { foldWords } from './text.js';

export type TaskTalk =
  | { kind: 'task-report'; taskId: number; status: Extract<TaskStatus, 'dang-lam' | 'hoan-thanh'>; note: string | null }
  | { kind: 'progress'; taskId: number };

/** "nhiệm vụ 3", "NV3", "việc số 3", "công việc số 3", "#3" (how /nhiemvu numbers them); not "việc 2 hôm trước". */
const TASK_NUMBER = /(?:^| )(?:nhiem vu(?: so)?|nv|(?:cong )?viec so) ?(\d{1,7})(?: |$)/;
const DONE = /(?:^| )(?:hoan thanh|xong|hoan tat)(?: |$)/;
/** Done denied: "chưa xong", "không hoàn thành được", "chưa được hoàn thành", "không thể hoàn thành". */
const DONE_DENIED = /(?:^| )(?:chua|khong|ko|chang)(?: \S+){0,2} (?:hoan thanh|xong|hoan tat)(?: |$)/;
const UNDER_WAY = /(?:^| )(?:dang lam|dang thuc hien|dang trien khai|bat dau lam|da bat dau)(?: |$)/;
const PERCENT = /\d+(?:[.,]\d+)? ?%/;
/** Words that close a message politely: "… xong chưa anh", "… thế nào ạ". */
const COURTESY = '(?: (?:roi|a|vay|nhi|the|ha|anh|em|chi|ban|bot|nhe|nha|oi))*';
/** A question: "… xong chưa?", "… thế nào", "… tới đâu rồi", "hoàn thành chưa, báo cáo nhé". */
const ASKED = new RegExp(`(?:(?:^| )(?:chua|khong|ko|sao|the nao|nhu nao|toi dau|den dau|ra sao)${COURTESY}$)|(?:(?:hoan thanh|xong|hoan tat) (?:chua|khong|ko)(?: |$))`);
/** Supposed ("nếu…"), or about giving a task rather than doing it ("giao nhiệm vụ 3 cho…"). */
const NOT_A_REPORT = /(?:^| )(?:neu|gia su|gia dinh|khi nao|bao gio|giao)(?: |$)/;

/** The task talk in a message, or null when it names no task or says nothing of its progress. */
export function readTaskTalk(text: string): TaskTalk | null {
  // "#12 hoàn thành": a number opening the message is a task's, as /nhiemvu writes it.
  const words = foldWords(text.replace(/^\s*#(?=\d)/, 'nhiệm vụ '));
  const taskId = Number(TASK_NUMBER.exec(words)?.[1] ?? NaN);
  if (!Number.isSafeInteger(taskId) || taskId <= 0 || NOT_A_REPORT.test(words)) return null;
  const asked = text.includes('?') || ASKED.test(words);
  const denied = DONE_DENIED.test(words);
  const done = DONE.test(words) && !denied;
  const rate = PERCENT.test(text);
  const underWay = UNDER_WAY.test(words) || rate;
  if (asked || (denied && !underWay)) return { kind: 'progress', taskId };
  if (!done && !underWay) return null;
  // A rate, or a "not yet", is kept as the unit's note: what the leaders read in /tiendo.
  return { kind: 'task-report', taskId, status: done ? 'hoan-thanh' : 'dang-lam', note: rate || denied ? text.trim() : null };
}

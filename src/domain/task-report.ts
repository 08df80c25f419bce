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

/**
 * "nhiệm vụ 3", "NV3", "việc số 3", "công việc số 3", "#3" (how /nhiemvu numbers them); not "việc 2 hôm
 * trước", nor a length of time ("nhiệm vụ 6 tháng đầu năm").
 */
const TASK_NUMBER = /(?:^| )(?:nhiem vu(?: so)?|nv|(?:cong )?viec so) ?(\d{1,7})(?! ?(?:thang|quy|nam|tuan|ngay)(?: |$))(?: |$)/g;
const DONE = /(?:^| )(?:hoan thanh|xong|hoan tat)(?: |$)/;
/** Done foreseen, not done: "sắp hoàn thành", "gần xong", "dự kiến xong 30/11", "sẽ hoàn thành". */
const DONE_AHEAD = /(?:^| )(?:sap|gan|du kien|se|phan dau|chuan bi|kip)(?: \S+)? (?:hoan thanh|xong|hoan tat)(?: |$)/;
/** Done denied: "chưa xong", "không hoàn thành được", "chưa được hoàn thành", "không thể hoàn thành". */
const DONE_DENIED = /(?:^| )(?:chua|khong|ko|chang)(?: \S+){0,2} (?:hoan thanh|xong|hoan tat)(?: |$)/;
const UNDER_WAY = /(?:^| )(?:dang lam|dang thuc hien|dang trien khai|bat dau lam|da bat dau)(?: |$)/;
const PERCENT = /(\d+(?:[.,]\d+)?) ?%/;
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
  const numbers = new Set([...words.matchAll(TASK_NUMBER)].map((m) => Number(m[1])));
  // One task a message: with two, which status is whose is not sure.
  const [taskId] = numbers;
  if (numbers.size !== 1 || taskId === undefined || !Number.isSafeInteger(taskId) || taskId <= 0 || NOT_A_REPORT.test(words)) return null;
  const asked = text.includes('?') || ASKED.test(words);
  const denied = DONE_DENIED.test(words);
  const percent = PERCENT.exec(text);
  const rate = percent !== null;
  // "hoàn thành 70%" is under way; only "100%" is done.
  const partial = rate && Number(percent[1]?.replace(',', '.')) < 100;
  const foreseen = DONE_AHEAD.test(words);
  const done = DONE.test(words) && !denied && !partial && !foreseen;
  const underWay = UNDER_WAY.test(words) || rate || foreseen;
  if (asked || (denied && !underWay)) return { kind: 'progress', taskId };
  if (!done && !underWay) return null;
  // A rate, a "not yet" or a foreseen end is kept as the unit's note: what the leaders read in /tiendo.
  return { kind: 'task-report', taskId, status: done ? 'hoan-thanh' : 'dang-lam', note: rate || denied || foreseen ? text.trim() : null };
}

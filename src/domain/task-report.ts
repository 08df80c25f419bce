/**
 * A task's progress said in words, as officials write it rather than tap it: "đã xong nhiệm vụ 3",
 * "nhiệm vụ 2 đang làm, đạt 70%", "việc #5 hoàn thành rồi". Asked rather than said ("nhiệm vụ 3 xong
 * chưa?"), it is a question about the task's progress, and changes nothing.
 */
import type { TaskStatus } from './tasks.js';
import { foldWords } from './text.js';

export type TaskTalk =
  | { kind: 'task-report'; taskId: number; status: Extract<TaskStatus, 'dang-lam' | 'hoan-thanh'>; note: string | null }
  | { kind: 'progress'; taskId: number };

/** "nhiệm vụ 3", "nv3", "việc số 3", "công việc #3", "#3" (the list's own way of numbering). */
const TASK_NUMBER = /(?:^| )(?:nhiem vu|nv|cong viec|viec)(?: so)? ?(\d{1,7})(?: |$)/;
const DONE = /(?:^| )(?:hoan thanh|xong|ket thuc|hoan tat)(?: |$)/;
const UNDER_WAY = /(?:^| )(?:dang lam|dang thuc hien|dang trien khai|bat dau lam|da bat dau|dat|duoc)(?: |$)/;
/** "chưa xong": not done, still under way. */
const NOT_YET = /(?:^| )chua (?:hoan thanh|xong|hoan tat)(?: |$)/;
/** A question: "… xong chưa?", "… thế nào", "… tới đâu rồi". */
const ASKED = /(?:^| )(?:chua|khong|ko|sao|the nao|nhu nao|toi dau|den dau|ra sao)(?: (?:roi|a|vay|nhi|the|ha))*$/;
const PERCENT = /\d+(?:[.,]\d+)? ?%/;
/** "nếu nhiệm vụ 2 hoàn thành thì…": supposed, not said. */
const SUPPOSED = /(?:^| )(?:neu|gia su|gia dinh|khi nao|bao gio)(?: |$)/;

/** The task talk in a message, or null when it names no task or says nothing of its progress. */
export function readTaskTalk(text: string): TaskTalk | null {
  const words = foldWords(text.replace(/#(?=\d)/g, ' nhiệm vụ '));
  const taskId = Number(TASK_NUMBER.exec(words)?.[1] ?? NaN);
  if (!Number.isSafeInteger(taskId) || taskId <= 0 || SUPPOSED.test(words)) return null;
  const asked = text.trim().endsWith('?') || ASKED.test(words);
  const done = DONE.test(words) && !NOT_YET.test(words);
  const underWay = UNDER_WAY.test(words) || NOT_YET.test(words) || PERCENT.test(text);
  if (!done && !underWay) return asked ? { kind: 'progress', taskId } : null;
  if (asked) return { kind: 'progress', taskId };
  // A rate or words beyond the status are kept as the unit's note: what the leaders read in /tiendo.
  return { kind: 'task-report', taskId, status: done ? 'hoan-thanh' : 'dang-lam', note: PERCENT.test(text) || NOT_YET.test(words) ? text.trim() : null };
}

/**
 * What a chat message asks for. Commands are Vietnamese words without diacritics; questions about
 * results are read anywhere in the message (domain/question.ts): "/diem thang 2" = "điểm tháng 2" =
 * "diem t2" = "tháng 2 được mấy điểm?". The other commands have free-text twins that open the message
 * ("giao việc", "đổi hạn 12 …") or, taking no argument, may stand anywhere ("xem nhiệm vụ của xã"). A
 * what-if ("nếu số hóa lên 95% thì sao") is read before anything else (domain/what-if-question.ts).
 */
import { distance } from 'fastest-levenshtein';
import type { Gazetteer } from './gazetteer.js';
import type { CalendarDay } from './iso-week.js';
import { findPeriod, PeriodError, type PeriodQuery } from './period.js';
import { OPENING_WORDS, vocabularySlips } from './question-words.js';
import { namesSomething, readQuestion, type Question, type QuestionIntent } from './question.js';
import { readTaskTalk, type TaskTalk } from './task-report.js';
import { cleanText, foldWords } from './text.js';
import { isWhatIf, readWhatIf, type WhatIfQuestion } from './what-if-question.js';

export type Request =
  | { kind: 'question'; question: Question }
  | { kind: 'whatif'; whatIf: WhatIfQuestion }
  | { kind: 'template' }
  | { kind: 'tasks' | 'assign' | 'overdue' | 'cancel' }
  | { kind: 'progress' | 'close'; taskId: number | null }
  /** A unit's progress on a task, said in words ("đã xong nhiệm vụ 3"). */
  | Extract<TaskTalk, { kind: 'task-report' }>
  | { kind: 'move'; taskId: number | null; deadlineText: string }
  /** Admin commands naming one exact period ("tháng 8/2026"); the channel resolves it. */
  | { kind: 'publish' | 'report' | 'collect'; periodText: string }
  /** The one-page report of the chat's parent unit for a month (/baocaothang). */
  | { kind: 'monthly-report'; period: PeriodQuery }
  | { kind: 'register'; code: string }
  | { kind: 'start' }
  | { kind: 'help' }
  /** A greeting ("chào bot", "alo") or thanks ("cảm ơn", "ok"): a word back, not the help. */
  | { kind: 'greeting' | 'thanks' }
  | { kind: 'bad-period'; reason: PeriodError['reason']; value: string }
  | { kind: 'unknown'; text: string };

/** The local date questions are read on: "tháng trước", "tuần này" count from it. */
export type Today = CalendarDay;

type VerbKind = 'score' | 'detail' | 'ranking' | 'compare' | 'whatif' | 'trend' | 'template' | 'publish' | 'report' | 'collect' | 'monthly-report' | 'tasks' | 'assign' | 'progress' | 'close' | 'move' | 'overdue' | 'cancel' | 'help' | 'register' | 'start';

interface Verb {
  kind: VerbKind;
  /** The command first, then folded phrases that open a message meaning it. */
  phrases: string[];
  /** Folded phrases that mean it anywhere in a message that asks nothing about results. */
  anywhere?: string[];
  /** Words that make the anywhere phrases mean something else ("hồ sơ quá hạn" is about results). */
  notWith?: string[];
}

/** One table for every command and its twins. */
export const VERBS: readonly Verb[] = [
  { kind: 'score', phrases: ['diem'] },
  { kind: 'detail', phrases: ['chitiet'] },
  { kind: 'ranking', phrases: ['xephang'] },
  { kind: 'compare', phrases: ['sosanh'] },
  { kind: 'whatif', phrases: ['uoctinh'] },
  { kind: 'trend', phrases: ['xuhuong', 'bieudo'] },
  { kind: 'template', phrases: ['mau', 'mau nhap', 'tai mau', 'file mau', 'mau bang tinh'], anywhere: ['mau nhap', 'file mau', 'tai mau', 'mau bang tinh', 'bieu mau', 'mau excel'] },
  { kind: 'tasks', phrases: ['nhiemvu', 'nhiem vu', 'viec can lam', 'xem nhiem vu'], anywhere: ['nhiem vu', 'viec can lam', 'cong viec', 'viec gi', 'co viec', 'sap den han', 'sap het han', 'han chot', 'deadline'] },
  { kind: 'assign', phrases: ['giaoviec', 'giao viec', 'giao nhiem vu'], anywhere: ['giao viec', 'giao nhiem vu'] },
  { kind: 'progress', phrases: ['tiendo', 'tien do nhiem vu', 'tien do viec'] },
  { kind: 'close', phrases: ['dongviec', 'dong viec', 'dong nhiem vu'] },
  { kind: 'move', phrases: ['doihan', 'doi han', 'gia han'] },
  { kind: 'overdue', phrases: ['quahan', 'qua han', 'viec qua han'], anywhere: ['qua han', 'tre han'], notWith: ['ho so'] },
  { kind: 'cancel', phrases: ['huy', 'thoi', 'huy bo'] },
  { kind: 'publish', phrases: ['congbo', 'cong bo', 'cong bo ket qua'] },
  { kind: 'report', phrases: ['baocao', 'bao cao', 'bao cao gui'] },
  { kind: 'collect', phrases: ['thuthap', 'thu thap', 'thu thap ket qua'] },
  // "báo cáo tháng 8" is the leader report; the delivery report stays /baocao and "báo cáo gửi tháng 8".
  { kind: 'monthly-report', phrases: ['baocaothang', 'bao cao thang', 'bao cao ket qua thang', 'bao cao mot trang'] },
  { kind: 'help', phrases: ['huongdan', 'huong dan', 'giup', 'tro giup', 'help', 'menu'], anywhere: ['huong dan', 'tro giup', 'help', 'menu', 'lam duoc gi', 'lam gi duoc', 'giup gi', 'su dung'] },
  { kind: 'register', phrases: ['dangky', 'dang ky'] },
  { kind: 'start', phrases: ['start', 'batdau', 'bat dau'] },
];

/** Which anywhere-verb wins when several stand in one message: the narrower one. */
const ANYWHERE_ORDER: readonly VerbKind[] = ['overdue', 'assign', 'template', 'tasks', 'help'];

/** Longer than any question: a pasted text, not something asked. */
const LONGEST_QUESTION = 300;

function withoutOpening(words: string): string {
  const list = words.split(' ');
  let start = 0;
  while (start < list.length - 1 && OPENING_WORDS.has(list[start] ?? '')) start++;
  return list.slice(start).join(' ');
}

/** "/diem@chiso_bot thang 2" → { command: "diem", rest: "thang 2" }. */
function splitCommand(text: string): { command: string | null; rest: string } {
  const m = /^\/([a-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i.exec(text.trim());
  if (!m) return { command: null, rest: text };
  return { command: (m[1] ?? '').toLowerCase(), rest: m[2] ?? '' };
}

function matchVerb(words: string): { verb: Verb; rest: string } | null {
  let best: { verb: Verb; rest: string; length: number } | null = null;
  for (const verb of VERBS) {
    for (const phrase of verb.phrases) {
      if ((words === phrase || words.startsWith(phrase + ' ')) && (!best || phrase.length > best.length)) {
        best = { verb, rest: words.slice(phrase.length).trim(), length: phrase.length };
      }
    }
  }
  return best;
}

/** A verb said anywhere, or the whole message missing one by a slip ("huong dna", "quá hạnn"). */
function verbAnywhere(words: string): Verb | null {
  const padded = ` ${words} `;
  const says = (phrase: string) => padded.includes(` ${phrase} `);
  for (const kind of ANYWHERE_ORDER) {
    const verb = VERBS.find((v) => v.kind === kind);
    if (verb?.anywhere?.some(says) && !verb.notWith?.some(says)) return verb;
  }
  const typed = words.replace(/ /g, '');
  return VERBS.find((v) => (v.anywhere ?? []).some((phrase) => distance(phrase.replace(/ /g, ''), typed) <= vocabularySlips(typed))) ?? null;
}

export function parseRequest(typed: string, today: Today, gazetteer: Gazetteer): Request {
  const text = cleanText(typed);
  const { command, rest: commandRest } = splitCommand(text);
  if (command !== null) {
    // "/help", "/menu": a command may be any one-word twin.
    const verb = VERBS.find((v) => v.phrases[0] === command) ?? VERBS.find((v) => v.phrases.includes(command));
    if (!verb) return { kind: 'unknown', text };
    return withArguments(verb, commandRest, today, gazetteer);
  }
  const words = foldWords(text);
  if (text.length <= LONGEST_QUESTION && isWhatIf(text)) {
    const whatIf = readWhatIf(text, today, gazetteer);
    if (whatIf.target !== null && (whatIf.rate !== null || whatIf.pointsNamed)) return { kind: 'whatif', whatIf };
  }
  const opened = withoutOpening(words);
  const matched = matchVerb(opened) ?? matchVerb(words);
  // A verb without arguments opens a message only when nothing else follows ("hủy", not "Huy Hoàng").
  if (matched && (takesArguments(matched.verb.kind) || matched.rest === '')) return withArguments(matched.verb, matched.rest, today, gazetteer);
  if (text.length > LONGEST_QUESTION) return { kind: 'unknown', text };
  const taskTalk = readTaskTalk(text);
  if (taskTalk) return taskTalk;
  const question = safeReadQuestion(text, today, gazetteer);
  if ('kind' in question) return question;
  const other = question.cued ? null : verbAnywhere(words);
  if (other) return withArguments(other, '', today, gazetteer);
  if (question.asked || namesSomething(question)) return { kind: 'question', question };
  return smallTalk(words) ?? { kind: 'unknown', text };
}

const GREETINGS = new Set(['chao', 'xin chao', 'hello', 'hi', 'alo', 'oi', 'bot oi', 'chao bot', 'xin chao bot', 'chao ban', 'hey']);
const THANKS = new Set(['cam on', 'cam on bot', 'cam on ban', 'cam on nhieu', 'thanks', 'thank you', 'tks', 'thank', 'ok', 'oke', 'okay', 'vang', 'da', 'duoc roi', 'ok cam on']);
/** Politeness around them: "dạ", "ạ", "nhé", "anh", "em"… */
const COURTESY = /(?:^| )(?:a|nhe|nha|nhieu|em|anh|chi|minh|ban|bot|da)(?= |$)/g;

/** A message that only greets or thanks, with its courtesies. */
function smallTalk(words: string): { kind: 'greeting' | 'thanks' } | null {
  const bare = words.replace(COURTESY, ' ').replace(/\s+/g, ' ').trim();
  for (const text of [words, bare]) {
    if (GREETINGS.has(text)) return { kind: 'greeting' };
    if (THANKS.has(text)) return { kind: 'thanks' };
  }
  return null;
}

function takesArguments(kind: VerbKind): boolean {
  return ['progress', 'close', 'move', 'publish', 'report', 'collect', 'monthly-report', 'register', 'start'].includes(kind);
}

function safeReadQuestion(text: string, today: Today, gazetteer: Gazetteer, intent?: QuestionIntent): Question | Extract<Request, { kind: 'bad-period' }> {
  try {
    return readQuestion(text, today, gazetteer, intent);
  } catch (error) {
    if (error instanceof PeriodError) return { kind: 'bad-period', reason: error.reason, value: error.value };
    throw error;
  }
}

function withArguments(verb: Verb, rest: string, today: Today, gazetteer: Gazetteer): Request {
  switch (verb.kind) {
    case 'whatif':
      return { kind: 'whatif', whatIf: readWhatIf(rest, today, gazetteer) };
    case 'score':
    case 'detail':
    case 'ranking':
    case 'compare':
    case 'trend': {
      const question = safeReadQuestion(rest, today, gazetteer, verb.kind);
      return 'kind' in question ? question : { kind: 'question', question };
    }
    case 'help':
      return { kind: 'help' };
    case 'start': {
      const code = rest.trim();
      return code ? { kind: 'register', code } : { kind: 'start' };
    }
    case 'register': {
      const code = rest.trim();
      return code ? { kind: 'register', code } : { kind: 'start' };
    }
    case 'template':
      return { kind: 'template' };
    case 'publish':
    case 'report':
    case 'collect':
      return { kind: verb.kind, periodText: rest.trim() };
    case 'monthly-report':
      return reportMonth(rest, today);
    case 'tasks':
    case 'assign':
    case 'overdue':
    case 'cancel':
      return { kind: verb.kind };
    case 'progress':
    case 'close': {
      const id = /\d+/.exec(rest)?.[0];
      return { kind: verb.kind, taskId: id ? Number(id) : null };
    }
    case 'move': {
      const m = /^\s*#?(\d+)\s*(.*)$/.exec(rest);
      return { kind: 'move', taskId: m?.[1] ? Number(m[1]) : null, deadlineText: (m?.[2] ?? '').trim() };
    }
  }
}

/** "8", "8/2026", "trước" after "báo cáo tháng" (the verb took the word "tháng"), or a period said in full; none: the latest month. */
function reportMonth(rest: string, today: Today): Request {
  try {
    const found = findPeriod(rest, today) ?? findPeriod(`thang ${rest}`, today);
    return { kind: 'monthly-report', period: found?.query ?? { kind: 'latest' } };
  } catch (error) {
    if (error instanceof PeriodError) return { kind: 'bad-period', reason: error.reason, value: error.value };
    throw error;
  }
}

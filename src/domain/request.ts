/**
 * What a chat message asks for. Commands are Vietnamese words without diacritics, each with a
 * free-text twin: "/diem thang 2" = "điểm tháng 2" = "diem t2".
 */
import { CURRENT_FRAMEWORK, FRAMEWORK_2022, type Framework, type GroupKey } from './framework.js';
import { findPeriod, PeriodError, type PeriodQuery } from './period.js';
import { foldWords } from './text.js';

export type Request =
  | { kind: 'score'; period: PeriodQuery; unitText: string }
  | { kind: 'detail'; group: GroupKey | null; period: PeriodQuery; unitText: string }
  | { kind: 'ranking'; period: PeriodQuery; unitText: string }
  | { kind: 'template' }
  | { kind: 'tasks' | 'assign' | 'overdue' | 'cancel' }
  | { kind: 'progress' | 'close'; taskId: number | null }
  | { kind: 'move'; taskId: number | null; deadlineText: string }
  /** Admin commands naming one exact period ("tháng 8/2026"); the channel resolves it. */
  | { kind: 'publish' | 'report'; periodText: string }
  | { kind: 'register'; code: string }
  | { kind: 'start' }
  | { kind: 'help' }
  | { kind: 'bad-period'; reason: PeriodError['reason']; value: string }
  | { kind: 'unknown'; text: string };

export interface Today {
  year: number;
  month: number;
}

interface Verb {
  kind: 'score' | 'detail' | 'ranking' | 'template' | 'publish' | 'report' | 'tasks' | 'assign' | 'progress' | 'close' | 'move' | 'overdue' | 'cancel' | 'help' | 'register' | 'start';
  /** Folded phrases that open the message: the command first, then its free-text twins. */
  phrases: string[];
}

/** One table for every command and its twins; channels read their menu from it too. */
export const VERBS: readonly Verb[] = [
  { kind: 'score', phrases: ['diem', 'xem diem', 'ket qua', 'xem ket qua', 'chi so'] },
  { kind: 'detail', phrases: ['chitiet', 'chi tiet', 'xem chi tiet'] },
  { kind: 'ranking', phrases: ['xephang', 'xep hang', 'bxh', 'bang xep hang', 'xem xep hang'] },
  { kind: 'template', phrases: ['mau', 'mau nhap', 'tai mau', 'file mau', 'mau bang tinh'] },
  { kind: 'tasks', phrases: ['nhiemvu', 'nhiem vu', 'viec can lam', 'xem nhiem vu'] },
  { kind: 'assign', phrases: ['giaoviec', 'giao viec', 'giao nhiem vu'] },
  { kind: 'progress', phrases: ['tiendo', 'tien do nhiem vu', 'xem tien do'] },
  { kind: 'close', phrases: ['dongviec', 'dong viec', 'dong nhiem vu'] },
  { kind: 'move', phrases: ['doihan', 'doi han', 'gia han'] },
  { kind: 'overdue', phrases: ['quahan', 'qua han', 'viec qua han'] },
  { kind: 'cancel', phrases: ['huy', 'thoi', 'huy bo'] },
  { kind: 'publish', phrases: ['congbo', 'cong bo', 'cong bo ket qua'] },
  { kind: 'report', phrases: ['baocao', 'bao cao', 'bao cao gui'] },
  { kind: 'help', phrases: ['huongdan', 'huong dan', 'giup', 'tro giup', 'help', 'menu'] },
  { kind: 'register', phrases: ['dangky', 'dang ky'] },
  { kind: 'start', phrases: ['start', 'batdau', 'bat dau'] },
];

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

export function parseRequest(text: string, today: Today): Request {
  const { command, rest: commandRest } = splitCommand(text);
  if (command !== null) {
    const verb = VERBS.find((v) => v.phrases[0] === command);
    if (!verb) return { kind: 'unknown', text };
    return withArguments(verb, commandRest, today, commandRest);
  }
  const words = foldWords(text);
  const matched = matchVerb(words);
  if (matched) return withArguments(matched.verb, matched.rest, today, text);
  // A bare period ("t2", "tháng 2/2025") is a score question too.
  const period = safeFindPeriod(words, today);
  if (period && 'query' in period && period.rest === '') return { kind: 'score', period: period.query, unitText: '' };
  return { kind: 'unknown', text };
}

function safeFindPeriod(words: string, today: Today) {
  try {
    return findPeriod(words, today);
  } catch (error) {
    if (error instanceof PeriodError) return { error };
    throw error;
  }
}

/** `original` is the user's text in which the unit's words are looked up again, to echo their spelling. */
function withArguments(verb: Verb, rest: string, today: Today, original: string): Request {
  switch (verb.kind) {
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
      return { kind: verb.kind, periodText: rest.trim() };
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
    case 'score':
    case 'ranking':
    case 'detail': {
      const words = foldWords(rest);
      const found = safeFindPeriod(words, today);
      if (found && 'error' in found) return { kind: 'bad-period', reason: found.error.reason, value: found.error.value };
      const period: PeriodQuery = found ? found.query : { kind: 'latest' };
      const remaining = found ? found.rest : words;
      if (verb.kind !== 'detail') return { kind: verb.kind, period, unitText: inOriginalSpelling(original, unitTextFrom(remaining)) };
      const group = groupIn(remaining);
      const unitWords = unitTextFrom(group ? removeWords(remaining, group.alias) : remaining);
      return { kind: 'detail', group: group?.key ?? null, period, unitText: inOriginalSpelling(original, unitWords) };
    }
  }
}

/** The group named in folded words, and the alias that named it; current names first, then the 2022 five-group ones. */
function groupIn(words: string): { key: GroupKey; alias: string } | null {
  const frameworks: Framework[] = [CURRENT_FRAMEWORK, FRAMEWORK_2022];
  const candidates = frameworks.flatMap((f) => f.groups.flatMap((g) => g.aliases.map((alias) => ({ key: g.key, alias }))));
  candidates.sort((a, b) => b.alias.length - a.alias.length);
  return candidates.find(({ alias }) => ` ${words} `.includes(` ${alias} `)) ?? null;
}

function removeWords(words: string, phrase: string): string {
  return ` ${words} `.replace(` ${phrase} `, ' ').trim();
}

/** The unit is what remains besides the period and small filler words ("của", "tại"). */
function unitTextFrom(foldedRest: string): string {
  return foldedRest.replace(/^(cua|tai|cho|o)\b\s*/, '').replace(/\s*\b(cua|tai|cho)$/, '').trim();
}

/** The user's own words for a folded phrase ("ban yen nhan" → "Bần Yên Nhân"), to echo them back. */
function inOriginalSpelling(original: string, folded: string): string {
  if (!folded) return '';
  const target = folded.split(' ');
  const words = original.split(/\s+/).filter(Boolean);
  const foldedWords = words.map((w) => foldWords(w));
  for (let start = 0; start < words.length; start++) {
    let i = start;
    let matched = 0;
    while (i < words.length && matched < target.length) {
      const parts = (foldedWords[i] ?? '').split(' ').filter(Boolean);
      if (parts.length === 0) {
        i++;
        continue;
      }
      if (parts.some((p, k) => p !== target[matched + k])) break;
      matched += parts.length;
      i++;
    }
    if (matched === target.length) return words.slice(start, i).join(' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  }
  return folded;
}

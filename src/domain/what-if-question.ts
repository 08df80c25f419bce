/**
 * A what-if as officials write it: "/uoctinh thanh toan 90", "nếu số hóa lên 95% thì sao",
 * "neu thanh toan dat 90%", "nếu tỷ lệ tái sử dụng đạt 50% thì Hy Cương được mấy điểm". The rate, a
 * sub-criterion (or a group, meaning its main sub-criterion) and what any question says besides: units, period.
 */
import { FRAMEWORK_2024, type GroupKey } from './framework.js';
import { groupRule } from './formulas.js';
import type { Gazetteer } from './gazetteer.js';
import type { CalendarDay } from './iso-week.js';
import type { PeriodQuery } from './period.js';
import { readQuestion, type UnitSlot } from './question.js';
import { cleanText, foldAligned } from './text.js';

export interface WhatIfQuestion {
  /** The sub-criterion to change, and its group; null when the message names neither. */
  target: { group: GroupKey; code: string } | null;
  /** The rate asked, in percent as an exact decimal ("95", "90.5"); null when none (or over 100). */
  rate: string | null;
  /** Points named ("đạt 90 điểm") where a rate is wanted: the asker is to give a rate. */
  pointsNamed: boolean;
  units: UnitSlot[];
  unknownName: string | null;
  period: PeriodQuery;
}

/** Names of sub-criteria (folded) the portal does not store per unit, but a what-if may name. */
const EXTRA_CRITERIA: readonly [string, GroupKey, string][] = [
  ['nop truc tuyen', 'CLGQ', 'ONLINE_SUBMISSION'],
  ['ho so truc tuyen', 'CLGQ', 'ONLINE_SUBMISSION'],
  ['phat sinh ho so', 'CLGQ', 'ONLINE_SERVICE_USED'],
  ['cung cap dvctt', 'CLGQ', 'ONLINE_SERVICE_PROVIDED'],
];

/** Sub-criteria by a name, longest first, so "so hoa ho so ket qua" wins over "so hoa ho so". */
const CRITERION_NAMES: readonly [string, GroupKey, string][] = [
  ...FRAMEWORK_2024.groups.flatMap((g) => g.criteria.flatMap((c) => c.aliases.map((alias) => [alias, g.key, c.code] as [string, GroupKey, string]))),
  ...EXTRA_CRITERIA,
].sort((a, b) => b[0].length - a[0].length);

/** The words that make a message a what-if. */
const WHAT_IF = /(?:^|[^a-z])(?:neu|gia su|uoc tinh)(?![a-z])/;
/** Words of a what-if that ask nothing else: cut before the rest is read as a question. */
const WHAT_IF_WORDS = /(?<![a-z])(?:neu|gia su|uoc tinh|uoctinh|phan tram|thi sao|tang len|tang|len|dat duoc|dat|toi|muc|ty le|thi|duoc may diem|may diem|bao nhieu diem)(?![a-z])/g;

const NUMBER = String.raw`(\d{1,3}(?:[.,]\d{1,2})?)`;
/** "95%", "90,5 %". */
const PERCENT = new RegExp(`(?<![\\d.,/])${NUMBER}\\s*%`);
/** "lên 95", "đạt 90", "= 90". */
const AFTER_WORD = new RegExp(`(?<![a-z])(?:len|dat|toi|muc|la|=)\\s*${NUMBER}(?![\\d/.,]|\\s*(?:%|/))`);
/** "90 điểm", "9,5 diem": points, never a rate. */
const POINTS = new RegExp(`(?<![\\d.,])${NUMBER}\\s*diem(?![a-z])`, 'g');
/** A number standing alone, not a period's ("tháng 8", "t8", "8/2026"). */
const BARE = new RegExp(`(?<![\\d.,/a-z])(?<!(?:thang|quy|tuan|nam) )${NUMBER}(?![\\d/.,a-z])`, 'g');

export function isWhatIf(text: string): boolean {
  return WHAT_IF.test(foldAligned(cleanText(text)));
}

/** Cuts the matched span out of the text, keeping every other character where it was. */
function cut(text: string, start: number, length: number): string {
  return `${text.slice(0, start)} ${text.slice(start + length)}`;
}

function takeRate(text: string): { rate: string | null; pointsNamed: boolean; rest: string } {
  const withPoints = foldAligned(text);
  const folded = withPoints.replace(POINTS, (points) => ' '.repeat(points.length));
  const pointsNamed = folded !== withPoints;
  const found = PERCENT.exec(folded) ?? AFTER_WORD.exec(folded) ?? [...folded.matchAll(BARE)].at(-1) ?? null;
  if (!found?.[1]) return { rate: null, pointsNamed, rest: text };
  const rate = found[1].replace(',', '.');
  return { rate: Number(rate) <= 100 ? rate : null, pointsNamed, rest: cut(text, found.index, found[0].length) };
}

function takeCriterion(text: string): { target: WhatIfQuestion['target']; rest: string } {
  const folded = foldAligned(text);
  for (const [name, group, code] of CRITERION_NAMES) {
    const at = new RegExp(`(?<![a-z])${name}(?![a-z])`).exec(folded);
    if (at) return { target: { group, code }, rest: cut(text, at.index, name.length) };
  }
  return { target: null, rest: text };
}

export function readWhatIf(original: string, today: CalendarDay, gazetteer: Gazetteer): WhatIfQuestion {
  const { rate, pointsNamed, rest: withoutRate } = takeRate(cleanText(original));
  const { target: named, rest: withoutCriterion } = takeCriterion(withoutRate);
  const question = readQuestion(withoutWhatIfWords(withoutCriterion), today, gazetteer, 'score');
  const main = question.group ? groupRule(question.group)?.main : undefined;
  const target = named ?? (question.group && main ? { group: question.group, code: main } : null);
  return { target, rate, pointsNamed, units: question.units, unknownName: question.unknownName, period: question.period };
}

/** The what-if's own words blanked out, the rest as typed, so names keep their diacritics. */
function withoutWhatIfWords(text: string): string {
  const blanked = foldAligned(text).replace(WHAT_IF_WORDS, (words) => ' '.repeat(words.length));
  // The fold keeps every UTF-16 unit in its place (text.ts), so an index in one is the same place in the other.
  return Array.from({ length: text.length }, (_, i) => (blanked[i] === ' ' ? ' ' : text.charAt(i))).join('');
}

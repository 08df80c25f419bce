import { compareDecimals, parseDecimal } from '../decimal.js';
import { FRAMEWORK_2022, FRAMEWORK_2024, groupOf, type Framework, type GroupKey } from '../framework.js';
import { orderGroups, type CriterionScore, type GroupScore } from '../result.js';
import { cleanText, foldWords } from '../text.js';
import type { Doc } from './document.js';
import { NUMBER } from './number.js';
import type { GroupFound } from './scores.js';
import type { SkippedFigure } from './types.js';

// ---------------------------------------------------------------------------------------------------
// Groups: which group a clause names.

export const GROUP_MAX = Object.fromEntries([...FRAMEWORK_2024.groups, ...FRAMEWORK_2022.groups].map((g) => [g.key, g.max])) as Record<GroupKey, string>;

const GROUP_ALIASES: { key: GroupKey; re: RegExp; length: number }[] = [
  ...FRAMEWORK_2024.groups.flatMap((g) => g.aliases.map((alias) => ({ key: g.key, alias }))),
  ...(groupOf(FRAMEWORK_2022, 'CCDVTT')?.aliases ?? []).map((alias) => ({ key: 'CCDVTT' as const, alias })),
  { key: 'CCDVTT' as const, alias: 'cung cap dich vu cong truc tuyen' },
].map(({ key, alias }) => ({ key, re: new RegExp(`(?<![a-z0-9])${alias}(?![a-z0-9])`, 'g'), length: alias.length }));

const isOnline = (key: GroupKey) => key === 'CLGQ' || key === 'CCDVTT';
export const sameNumber = (a: string, b: string) => compareDecimals(a, b) === 0;

/**
 * The group a clause (folded, names blanked) is about: the group name nearest its end, or, when a
 * maximum is printed, the one group named there with that maximum. "Dịch vụ công trực tuyến" is
 * one name for two groups: CLGQ (/12) of the six-group framework and CCDVTT (/22) of the five-group one.
 */
export function groupIn(clause: string, printedMax: string | null): GroupKey | null {
  const hits: { key: GroupKey; end: number; length: number }[] = [];
  for (const { key, re, length } of GROUP_ALIASES) {
    for (const m of clause.matchAll(re)) hits.push({ key, end: m.index + length, length });
  }
  const best = hits.sort((a, b) => b.end - a.end || b.length - a.length)[0];
  if (!best) return null;
  const keys = new Set(hits.map((h) => h.key));
  if (keys.has('CLGQ') || keys.has('CCDVTT')) keys.add('CLGQ').add('CCDVTT');
  if (printedMax) {
    const fitting = [...keys].filter((k) => sameNumber(GROUP_MAX[k], printedMax));
    if (fitting.length === 1 && fitting[0]) return fitting[0];
  }
  if (!isOnline(best.key)) return best.key;
  return best.key === 'CCDVTT' || /cung cap dich vu/.test(clause) ? 'CCDVTT' : 'CLGQ';
}

/** "+ Tỷ lệ …: 95,93%", "+ Tỷ lệ …: 03 hồ sơ, đạt 0,08%", "+ Tỷ lệ …: 2.348 hồ sơ, đạt 61,2%". */
const SUB_RATE_RE = new RegExp(String.raw`\+\s*(t[yi] le[^:]+):\s*(?:(\d{1,3}(?:\.\d{3})+|\d+)\s*ho so,?\s*)?(?:dat\s*)?(${NUMBER})\s*%`, 'g');

export interface SubRate {
  index: number;
  name: string;
  count: string | null;
  rate: string;
}

export function findSubRates(doc: Doc): SubRate[] {
  const found: SubRate[] = [];
  for (const m of doc.f.matchAll(SUB_RATE_RE)) {
    const rate = parseDecimal(m[3] ?? '');
    const nameStart = m.index + m[0].indexOf(m[1] ?? '');
    const name = cleanText(doc.t.slice(nameStart, nameStart + (m[1] ?? '').length));
    // A count is kept as printed, only without the thousands dots: "03" stays "03", "2.348" becomes "2348".
    if (rate) found.push({ index: m.index, name, count: m[2] ? m[2].replace(/\./g, '') : null, rate });
  }
  return found;
}

function criterionFor(framework: Framework, key: GroupKey, name: string): string {
  const words = foldWords(name);
  const candidates = (groupOf(framework, key)?.criteria ?? []).flatMap((c) => c.aliases.map((alias) => ({ c, alias })));
  candidates.sort((a, b) => b.alias.length - a.alias.length);
  const hit = candidates.find(({ alias }) => words.includes(alias));
  return hit ? hit.c.code : `LETTER:${words.replace(/ /g, '_').slice(0, 60)}`;
}

/**
 * The five-group framework when the online group is the five-group one (/22, "Cung cấp dịch vụ trực tuyến")
 * and no Thanh toán trực tuyến group is printed; the six-group one otherwise.
 */
export function frameworkFor(groups: GroupFound[]): Framework {
  const merged = groups.some((g) => g.key === 'CCDVTT');
  const split = groups.some((g) => g.key === 'TTTT' || (g.key === 'CLGQ' && g.max !== null && sameNumber(g.max, '12')));
  return merged && !split ? FRAMEWORK_2022 : FRAMEWORK_2024;
}

/**
 * Points above the group's maximum, or a printed maximum the framework does not have, cannot be stored:
 * the group is left out (listed in `skipped`) and the other groups are kept. A rate above 100% is dropped
 * from its group, which keeps its points.
 */
export function checkGroups(framework: Framework, found: GroupFound[], subRates: SubRate[], end: number, skipped: SkippedFigure[]): GroupScore[] {
  const groups: GroupScore[] = [];
  found.forEach((g, i) => {
    let key = g.key;
    if (isOnline(key)) key = framework === FRAMEWORK_2022 ? 'CCDVTT' : g.max === null ? 'CLGQ' : g.key;
    // A group printed twice (a summary, then the details): the first is kept.
    if (groups.some((x) => x.key === key)) return;
    const group = groupOf(framework, key);
    if (!group || (g.max !== null && !sameNumber(g.max, group.max))) {
      skipped.push({ what: g.key, printed: g.printed, reason: 'max-mismatch' });
      return;
    }
    if (compareDecimals(g.points, group.max) > 0) {
      skipped.push({ what: key, printed: g.printed, reason: 'above-max' });
      return;
    }
    const next = found[i + 1]?.start ?? end;
    const criteria: CriterionScore[] = subRates
      .filter((s) => s.index > g.start && s.index < next)
      .map((s) => ({ code: criterionFor(framework, key, s.name), name: s.name, numerator: s.count, denominator: null, rate: s.rate, points: null, max: null, headline: true }));
    const rate = g.rate !== null && compareDecimals(g.rate, '100') <= 0 ? g.rate : null;
    groups.push({ key, points: g.points, max: g.max ?? group.max, rate, criteria });
  });
  return orderGroups(framework, groups);
}

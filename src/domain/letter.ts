/**
 * Reads a result out of the text of a công văn (or a news item): best effort, shown back to a person
 * for confirmation before anything is stored. Numbers are kept as printed.
 */
import { parseDecimal } from './decimal.js';
import { FRAMEWORK_2022, FRAMEWORK_2024, findGroupByText, type Framework, type Group } from './framework.js';
import type { Period } from './period.js';
import type { CriterionScore, GroupScore, UnitResult } from './result.js';
import { cleanText, fold, foldWords } from './text.js';

/** A unit's result as a letter prints it: no score delta, and the unit by name. */
export interface LetterResult extends Omit<UnitResult, 'period' | 'scoreDelta'> {
  unitName: string;
  parentName: string | null;
  period: Period;
}

export type LetterExtraction =
  | { ok: true; results: LetterResult[] }
  | { ok: false; reason: 'no-period' | 'no-result' };

const NAME = String.raw`\p{Lu}[\p{Ll}\p{M}]*(?:\s+\p{Lu}[\p{Ll}\p{M}]*)*`;
const NUMBER = String.raw`\d+(?:[.,]\d+)?`;
const UNIT_KIND = String.raw`thị xã|thành phố|huyện|tỉnh|xã|phường|đặc khu|thị trấn`;

/** The period the letter is about: the "tháng MM/YYYY" (or quý, năm) it names most often. */
function findLetterPeriod(text: string): Period | null {
  const counts = new Map<string, { period: Period; n: number }>();
  const add = (key: string, period: Period) => {
    const entry = counts.get(key) ?? { period, n: 0 };
    entry.n += 1;
    counts.set(key, entry);
  };
  for (const m of text.matchAll(/tháng\s+(\d{1,2})\s*[/-]\s*(\d{4})/giu)) {
    const month = Number(m[1]);
    if (month >= 1 && month <= 12) add(`${m[2]}-${month}`, { kind: 'month', year: Number(m[2]), month });
  }
  for (const m of text.matchAll(/quý\s+(I{1,3}|IV|[1-4])\s*[/-]\s*(\d{4})/giu)) {
    const q = ({ I: 1, II: 2, III: 3, IV: 4 } as Record<string, number>)[(m[1] ?? '').toUpperCase()] ?? Number(m[1]);
    add(`${m[2]}-Q${q}`, { kind: 'quarter', year: Number(m[2]), quarter: q });
  }
  const best = [...counts.values()].sort((a, b) => b.n - a.n)[0];
  if (best) return best.period;
  const year = /kết quả[^.]*?năm\s+(\d{4})/iu.exec(text);
  return year ? { kind: 'year', year: Number(year[1]) } : null;
}

function findUnitAndTotal(text: string): { unitName: string; total: string } | null {
  const re = new RegExp(String.raw`(?:của|,)\s+((?:${UNIT_KIND})\s+${NAME})\s+(?:đạt|được)\s+(${NUMBER})\s*điểm`, 'u');
  const m = re.exec(text);
  if (!m) return null;
  const total = parseDecimal(m[2] ?? '');
  return total ? { unitName: m[1] ?? '', total } : null;
}

function findRank(text: string): { rank: number; rankOf: number; scope: string | null } | null {
  const m = /(?:xếp hạng|xếp thứ|đứng vị trí|đứng thứ)(?:\s+thứ)?\s+(\d+)\s*\/\s*(\d+)\s*([^.;:]*)/iu.exec(text);
  if (!m) return null;
  const scope = (m[3] ?? '').replace(/\s+Trong đó\s*$/u, '').trim();
  return { rank: Number(m[1]), rankOf: Number(m[2]), scope: scope || null };
}

function findParent(text: string, unitName: string): string | null {
  for (const m of text.matchAll(new RegExp(String.raw`\b(tỉnh|thành phố)\s+(${NAME})`, 'gu'))) {
    const name = `${m[1]} ${m[2]}`;
    if (fold(name) !== fold(unitName)) return name;
  }
  return null;
}

interface GroupMatch {
  index: number;
  group: Group;
  framework: Framework;
  points: string;
  max: string;
  rate: string | null;
}

function findGroups(text: string): GroupMatch[] {
  const re = new RegExp(
    String.raw`Chỉ số\s+([^:;]+?):\s*(${NUMBER})\s*\/\s*(${NUMBER})\s*điểm[;,]?\s*(?:đạt)?\s*(?:tỷ lệ)?\s*(${NUMBER})?\s*%?`,
    'giu',
  );
  const found: GroupMatch[] = [];
  for (const m of text.matchAll(re)) {
    const name = foldWords(m[1] ?? '');
    const max = parseDecimal(m[3] ?? '');
    const points = parseDecimal(m[2] ?? '');
    if (!max || !points) continue;
    const merged = findGroupByText(FRAMEWORK_2022, name);
    const split = findGroupByText(FRAMEWORK_2024, name);
    const useMerged = merged?.key === 'CCDVTT' && (max === merged.max || !split || split.max !== max);
    const group = useMerged ? merged : split;
    if (!group) continue;
    found.push({
      index: m.index ?? 0,
      group,
      framework: useMerged ? FRAMEWORK_2022 : FRAMEWORK_2024,
      points,
      max,
      rate: m[4] ? parseDecimal(m[4]) : null,
    });
  }
  return found;
}

interface SubRateMatch {
  index: number;
  name: string;
  count: string | null;
  rate: string;
}

function findSubRates(text: string): SubRateMatch[] {
  const re = new RegExp(String.raw`\+\s*(Tỷ lệ[^:]+):\s*(?:(\d+)\s*hồ sơ,?\s*)?(?:đạt\s*)?(${NUMBER})\s*%`, 'giu');
  const found: SubRateMatch[] = [];
  for (const m of text.matchAll(re)) {
    const rate = parseDecimal(m[3] ?? '');
    if (rate) found.push({ index: m.index ?? 0, name: cleanText(m[1] ?? ''), count: m[2] ?? null, rate });
  }
  return found;
}

function criterionFor(group: Group, name: string): string {
  const words = foldWords(name);
  const candidates = group.criteria.flatMap((c) => c.aliases.map((alias) => ({ c, alias })));
  candidates.sort((a, b) => b.alias.length - a.alias.length);
  const hit = candidates.find(({ alias }) => words.includes(alias));
  return hit ? hit.c.code : `LETTER:${words.replace(/ /g, '_').slice(0, 60)}`;
}

export function extractLetter(raw: string): LetterExtraction {
  const text = cleanText(raw);
  const period = findLetterPeriod(text);
  if (!period) return { ok: false, reason: 'no-period' };
  const head = findUnitAndTotal(text);
  const groupMatches = findGroups(text);
  if (!head || groupMatches.length === 0) return { ok: false, reason: 'no-result' };

  const subRates = findSubRates(text);
  const groups: GroupScore[] = groupMatches.map((g, i) => {
    const next = groupMatches[i + 1]?.index ?? Number.POSITIVE_INFINITY;
    const criteria: CriterionScore[] = subRates
      .filter((s) => s.index > g.index && s.index < next)
      .map((s) => ({
        code: criterionFor(g.group, s.name),
        name: s.name,
        numerator: s.count,
        denominator: null,
        rate: s.rate,
        points: null,
        max: null,
        headline: true,
      }));
    return { key: g.group.key, points: g.points, max: g.max, rate: g.rate, criteria };
  });

  const rank = findRank(text);
  const classification = /xếp loại\s+(Xuất sắc|Tốt|Khá|Trung bình|Yếu)/iu.exec(text)?.[1] ?? null;
  const merged = groupMatches.some((g) => g.framework === FRAMEWORK_2022);
  return {
    ok: true,
    results: [
      {
        unitName: head.unitName,
        parentName: findParent(text, head.unitName),
        period,
        frameworkVersion: (merged ? FRAMEWORK_2022 : FRAMEWORK_2024).version,
        total: head.total,
        rank: rank?.rank ?? null,
        rankOf: rank?.rankOf ?? null,
        rankScope: rank?.scope ?? null,
        classification,
        groups,
      },
    ],
  };
}

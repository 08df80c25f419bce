/** What changed between two revisions of a unit's result, in words an official reads. */
import { compareDecimals } from './decimal.js';
import { frameworkByVersion } from './framework.js';
import { formatDecimal, formatPercent } from './format.js';
import type { CriterionScore, GroupScore, UnitResult } from './result.js';

function sameNumber(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return compareDecimals(a, b) === 0;
}

function show(value: string | null): string {
  return value === null ? '—' : formatDecimal(value);
}

function showPercent(value: string | null): string {
  return value === null ? '—' : formatPercent(value);
}

/** Places gained with their sign: "+3", "-2", "0". */
function showPlaces(value: number | null): string {
  return value === null ? '—' : value > 0 ? `+${value}` : String(value);
}

function sameCriterion(a: CriterionScore, b: CriterionScore): boolean {
  return (
    a.code === b.code &&
    a.name === b.name &&
    a.numerator === b.numerator &&
    a.denominator === b.denominator &&
    sameNumber(a.rate, b.rate) &&
    sameNumber(a.points, b.points) &&
    sameNumber(a.max, b.max) &&
    a.headline === b.headline
  );
}

/** Every difference as "Tiến độ giải quyết 15,81 → 16,02"; empty when the two say the same. */
export function describeChanges(previous: UnitResult, next: UnitResult): string[] {
  const changes: string[] = [];
  const framework = frameworkByVersion(next.frameworkVersion);
  if (previous.frameworkVersion !== next.frameworkVersion) changes.push(`Khung chỉ số ${previous.frameworkVersion} → ${next.frameworkVersion}`);
  if (!sameNumber(previous.total, next.total)) changes.push(`Tổng điểm ${show(previous.total)} → ${show(next.total)}`);
  if (previous.rank !== next.rank || previous.rankOf !== next.rankOf) {
    changes.push(`Xếp hạng ${previous.rank ?? '—'}/${previous.rankOf ?? '—'} → ${next.rank ?? '—'}/${next.rankOf ?? '—'}`);
  }
  if ((previous.classification ?? '') !== (next.classification ?? '')) changes.push(`Xếp loại ${previous.classification ?? '—'} → ${next.classification ?? '—'}`);
  const keys = new Set([...previous.groups.map((g) => g.key), ...next.groups.map((g) => g.key)]);
  for (const key of keys) {
    const name = framework.groups.find((g) => g.key === key)?.name ?? key;
    const a = previous.groups.find((g) => g.key === key);
    const b = next.groups.find((g) => g.key === key);
    if (!sameNumber(a?.points ?? null, b?.points ?? null)) changes.push(`${name} ${show(a?.points ?? null)} → ${show(b?.points ?? null)}`);
    else if (!sameNumber(a?.rate ?? null, b?.rate ?? null)) changes.push(`${name} (tỷ lệ) ${show(a?.rate ?? null)}% → ${show(b?.rate ?? null)}%`);
    else if (!sameNumber(a?.delta ?? null, b?.delta ?? null)) changes.push(`${name} (mức tăng/giảm) ${show(a?.delta ?? null)} → ${show(b?.delta ?? null)}`);
    else {
      const ca = a?.criteria ?? [];
      const cb = b?.criteria ?? [];
      if (ca.length !== cb.length || ca.some((c, i) => !sameCriterion(c, cb[i] as CriterionScore))) changes.push(`${name}: chỉ tiêu thành phần thay đổi`);
    }
  }
  if (!sameNumber(previous.scoreDelta, next.scoreDelta)) changes.push(`Mức tăng/giảm ${show(previous.scoreDelta)} → ${show(next.scoreDelta)}`);
  const percentBefore = previous.scoreDeltaPercent ?? null;
  const percentAfter = next.scoreDeltaPercent ?? null;
  if (!sameNumber(percentBefore, percentAfter)) changes.push(`Mức tăng/giảm (%) ${showPercent(percentBefore)} → ${showPercent(percentAfter)}`);
  if (previous.rankChange !== next.rankChange) changes.push(`Thay đổi thứ hạng ${showPlaces(previous.rankChange)} → ${showPlaces(next.rankChange)}`);
  return changes;
}

/**
 * What a unit's result becomes when an import brings `incoming` for a period that has `stored`: an
 * import states what it gives, and what it leaves empty (a blank cell, a group whose file was not sent)
 * stays as stored. A rank comes with its rank-of and scope; sub-criteria come as a group's whole list.
 * Results of another framework cannot share groups it lacks: those are dropped, and counted as lost.
 */
export function mergeResult(stored: UnitResult | null, incoming: UnitResult): UnitResult {
  if (!stored) return incoming;
  const framework = frameworkByVersion(incoming.frameworkVersion);
  const givesRank = incoming.rank !== null || incoming.rankOf !== null;
  const groups = framework.groups.flatMap((g) => {
    const before = stored.groups.find((s) => s.key === g.key);
    const given = incoming.groups.find((s) => s.key === g.key);
    if (!given) return before ? [before] : [];
    if (!before) return [given];
    return [
      {
        ...given,
        points: given.points ?? before.points,
        rate: given.rate ?? before.rate,
        delta: given.delta ?? before.delta ?? null,
        criteria: given.criteria.length > 0 ? given.criteria : before.criteria,
      },
    ];
  });
  return {
    ...incoming,
    total: incoming.total ?? stored.total,
    rank: givesRank ? incoming.rank : stored.rank,
    rankOf: givesRank ? incoming.rankOf : stored.rankOf,
    rankScope: givesRank ? incoming.rankScope : stored.rankScope,
    classification: incoming.classification ?? stored.classification,
    scoreDelta: incoming.scoreDelta ?? stored.scoreDelta,
    scoreDeltaPercent: incoming.scoreDeltaPercent ?? stored.scoreDeltaPercent ?? null,
    rankChange: incoming.rankChange ?? stored.rankChange,
    groups,
  };
}

/** Rates or sub-criteria: what a unit's own source prints (its tree, a sheet, a letter), and the national list never does. */
function printsDetail(result: UnitResult): boolean {
  return result.groups.some((g) => g.rate !== null || g.criteria.length > 0);
}

/**
 * What a unit's result becomes when the national list brings `incoming`. Where the unit's own source
 * (its tree) is stored, the list brings its place and only what that source lacks: the tree's figures
 * stay, so two sources that round apart do not overwrite each other daily. Where only the list itself
 * was stored, the new list is merged as any revision.
 */
export function fillGaps(stored: UnitResult | null, incoming: UnitResult): UnitResult {
  if (!stored || !printsDetail(stored)) return mergeResult(stored, incoming);
  const filled = mergeResult(incoming, stored);
  const givesRank = incoming.rank !== null || incoming.rankOf !== null;
  return givesRank ? { ...filled, rank: incoming.rank, rankOf: incoming.rankOf, rankScope: incoming.rankScope } : filled;
}

/** A result is complete when it has a total and every group of its framework. */
export function isComplete(result: Pick<UnitResult, 'frameworkVersion' | 'total'> & { groups: readonly Pick<GroupScore, 'key' | 'points'>[] }): boolean {
  const framework = frameworkByVersion(result.frameworkVersion);
  return result.total !== null && framework.groups.every((g) => result.groups.some((s) => s.key === g.key && s.points !== null));
}

/**
 * A unit's place in its ranking ("Việt Trì xếp thứ mấy?"): its stored rank, its band, and the sibling
 * ranked just above it with the points between them.
 */
import type { Db } from '../db/client.js';
import { latestResults, type StoredResult } from '../db/results.js';
import { childrenOf, type UnitRow } from '../db/units.js';
import { compareDecimals, subtractDecimal } from '../domain/decimal.js';
import type { PeriodQuery } from '../domain/period.js';
import { classify } from '../domain/result.js';
import { scoreCard } from './scores.js';

export interface UnitAbove {
  unit: UnitRow;
  result: StoredResult;
  /** above.total − own total, exactly; null when either has no total. */
  gap: string | null;
}

export interface RankStanding {
  unit: UnitRow;
  parent: UnitRow | null;
  result: StoredResult;
  /** Xuất sắc or Tốt from the total; null below 80 or without a total. */
  band: string | null;
  /** The sibling ranked just above, in the same scope; null at first place, without a rank, or when it has no result stored. */
  above: UnitAbove | null;
}

export type RankStandingAnswer = { kind: 'standing'; standing: RankStanding } | { kind: 'no-data'; unit: UnitRow; query: PeriodQuery; available: string[] };

/** The closest rank above (rank − 1, or the nearest smaller one when ranks are shared or missing); among equals the lowest total. */
function closestAbove(own: StoredResult, siblings: readonly { unit: UnitRow; result: StoredResult }[]): { unit: UnitRow; result: StoredResult } | null {
  const rank = own.rank;
  if (rank === null) return null;
  const candidates = siblings.filter((s) => s.result.rankScope === own.rankScope && s.result.rank !== null && s.result.rank < rank);
  candidates.sort((a, b) => (b.result.rank ?? 0) - (a.result.rank ?? 0) || compareDecimals(a.result.total ?? '0', b.result.total ?? '0'));
  return candidates[0] ?? null;
}

export async function rankStanding(db: Db, unitId: number, query: PeriodQuery): Promise<RankStandingAnswer> {
  const answer = await scoreCard(db, unitId, query);
  if (answer.kind === 'no-data') return answer;
  const { unit, parent, result } = answer.card;
  // A top-level unit's siblings are the other top-level units: the provinces the national list ranks it among.
  const siblingRows = (await childrenOf(db, unit.parentId)).filter((s) => s.id !== unit.id);
  const siblingResults = await latestResults(
    db,
    siblingRows.map((s) => s.id),
    result.period,
  );
  const siblings = siblingRows.flatMap((s) => {
    const r = siblingResults.get(s.id);
    return r ? [{ unit: s, result: r }] : [];
  });
  const above = closestAbove(result, siblings);
  return {
    kind: 'standing',
    standing: {
      unit,
      parent,
      result,
      band: result.total === null ? null : classify(result.total),
      above: above && {
        ...above,
        gap: above.result.total !== null && result.total !== null ? subtractDecimal(above.result.total, result.total) : null,
      },
    },
  };
}

/** `/uoctinh`: a unit's latest result (or the period asked) with one sub-criterion at another rate, estimated, never stored. */
import type { Db } from '../db/client.js';
import { importsStamp } from '../db/results.js';
import { estimate, type Estimate, type EstimateRefusal } from '../domain/estimate.js';
import type { GroupKey } from '../domain/framework.js';
import type { PeriodQuery } from '../domain/period.js';
import { heldTotals, peerTotals } from './peers.js';
import { scoreCard, type ScoreAnswer, type ScoreCard } from './scores.js';

export type WhatIfAnswer =
  | { kind: 'estimate'; card: ScoreCard; estimate: Estimate }
  | { kind: 'refused'; card: ScoreCard; reason: EstimateRefusal; group: GroupKey }
  | Extract<ScoreAnswer, { kind: 'no-data' }>;

export async function whatIf(db: Db, unitId: number, query: PeriodQuery, target: { group: GroupKey; code: string }, rate: string, stamp?: string): Promise<WhatIfAnswer> {
  const asOf = stamp ?? (await importsStamp(db));
  const answer = await scoreCard(db, unitId, query, asOf);
  if (answer.kind === 'no-data') return answer;
  const { card } = answer;
  const others = (await peerTotals(db, card.unit, card.result.period, heldTotals(asOf))).filter((p) => p.unitId !== card.unit.id).map((p) => p.total);
  const found = estimate(card.result, target, rate, others);
  return typeof found === 'string' ? { kind: 'refused', card, reason: found, group: target.group } : { kind: 'estimate', card, estimate: found };
}

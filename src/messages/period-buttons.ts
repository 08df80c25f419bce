/** The buttons a "no data" answer offers: the periods with data nearest to the one asked for. */
import { nearestPeriods } from '../domain/nearest-periods.js';
import { formatPeriodKey, type PeriodQuery } from '../domain/period.js';
import type { Reply } from './reply.js';

/** Encodes the same question for another period; the caller knows the question, the renderer only the period. */
export type PeriodAction = (periodKey: string) => string;

/** The reply with a row of up to three period buttons; unchanged without an action or periods. */
export function withNearestPeriods(reply: Reply, available: readonly string[], query: PeriodQuery, periodAction: PeriodAction | undefined): Reply {
  if (!periodAction) return reply;
  const keys = nearestPeriods(available, query);
  if (keys.length === 0) return reply;
  return { ...reply, buttons: [...(reply.buttons ?? []), keys.map((key) => ({ label: formatPeriodKey(key), action: periodAction(key) }))] };
}

/**
 * When the daily collection runs and what it asks for: from COLLECT_TIME on each day, the month that
 * has just ended (the one before today's, local time). A province's month is ready once two runs on
 * different days found every unit complete and the same figures; then it is no longer collected.
 */
import type { Period } from './period.js';
import type { IsoDate } from './working-days.js';

/** The month before the local date's month. */
export function monthJustEnded(today: IsoDate): Extract<Period, { kind: 'month' }> {
  const [year = 0, month = 1] = today.split('-').map(Number);
  return month === 1 ? { kind: 'month', year: year - 1, month: 12 } : { kind: 'month', year, month: month - 1 };
}

export interface RunSummary {
  localDate: IsoDate;
  figuresDigest: string;
  complete: boolean;
}

/** Two complete runs on different days with the same figures: the portal has settled the period. */
export function isStable(runs: readonly RunSummary[]): boolean {
  const complete = runs.filter((r) => r.complete);
  return complete.some((a) => complete.some((b) => a.localDate !== b.localDate && a.figuresDigest === b.figuresDigest));
}

/**
 * When the daily collection runs and what it asks for: from COLLECT_TIME on each day, the month that
 * has just ended (the one before today's, local time). A province's month is ready once two runs a day
 * apart found every unit complete and the same figures; then it is no longer collected.
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
  /** When the run started. */
  createdAt: Date;
  /** Null for a run that did not finish. */
  figuresDigest: string | null;
  complete: boolean;
}

/** Two runs at 23:59 and 00:01 are on different days but say nothing of the portal having settled. */
const HOURS_APART = 12;

function dayApart(a: RunSummary, b: RunSummary): boolean {
  return a.localDate !== b.localDate && Math.abs(a.createdAt.getTime() - b.createdAt.getTime()) >= HOURS_APART * 3_600_000;
}

/** Two complete runs a day apart (other local dates, at least 12 hours between) with the same figures: the portal has settled the period. */
export function isStable(runs: readonly RunSummary[]): boolean {
  const complete = runs.filter((r) => r.complete && r.figuresDigest !== null);
  return complete.some((a) => complete.some((b) => dayApart(a, b) && a.figuresDigest === b.figuresDigest));
}

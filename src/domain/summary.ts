/** What a parent unit's leaders read when a period is published: how its units did, at a glance. */
import { averageDecimals, compareDecimals, subtractDecimal } from './decimal.js';

export interface SummaryEntry {
  unit: string;
  total: string | null;
  rank: number | null;
  previousTotal: string | null;
}

export interface Change {
  unit: string;
  delta: string;
}

export interface Summary {
  units: number;
  /** Units with a total; the others lack some group. */
  scored: number;
  average: string | null;
  best: SummaryEntry[];
  weakest: SummaryEntry[];
  /** Below the "Tốt" band. */
  under80: SummaryEntry[];
  gains: Change[];
  falls: Change[];
}

const SHOWN = 5;
export const GOOD_BAND = '80';

export function summarise(entries: readonly SummaryEntry[]): Summary {
  const scored = entries.filter((e): e is SummaryEntry & { total: string } => e.total !== null);
  const byTotal = [...scored].sort((a, b) => compareDecimals(b.total, a.total) || a.unit.localeCompare(b.unit, 'vi'));
  const changes = scored
    .filter((e): e is typeof e & { previousTotal: string } => e.previousTotal !== null)
    .map((e) => ({ unit: e.unit, delta: subtractDecimal(e.total, e.previousTotal) }));
  const byDelta = [...changes].sort((a, b) => compareDecimals(b.delta, a.delta));
  return {
    units: entries.length,
    scored: scored.length,
    average: averageDecimals(scored.map((e) => e.total)),
    best: byTotal.slice(0, SHOWN),
    weakest: byTotal.slice(-SHOWN).reverse(),
    under80: byTotal.filter((e) => compareDecimals(e.total, GOOD_BAND) < 0),
    gains: byDelta.filter((c) => compareDecimals(c.delta, '0') > 0).slice(0, SHOWN),
    falls: byDelta.filter((c) => compareDecimals(c.delta, '0') < 0).reverse().slice(0, SHOWN),
  };
}

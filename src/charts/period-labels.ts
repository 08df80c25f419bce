/** A period as a chart's axis shows it, short enough for twelve side by side: "08/2026", "Q3/2026". */
import { parsePeriodKey } from '../domain/period.js';

export function axisPeriod(key: string): string {
  const p = parsePeriodKey(key);
  switch (p?.kind) {
    case 'month':
      return `${String(p.month).padStart(2, '0')}/${p.year}`;
    case 'quarter':
      return `Q${p.quarter}/${p.year}`;
    case 'week':
      return `T${String(p.week).padStart(2, '0')}/${p.year}`;
    case 'year':
      return String(p.year);
    case undefined:
      return key;
  }
}

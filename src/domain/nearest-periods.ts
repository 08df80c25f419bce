/**
 * The periods with data nearest to one asked for that has none: what a "no data" answer offers as
 * buttons. Months, quarters and years are compared by the month at their middle, a week by its Sunday.
 */
import { daysInMonth } from './iso-week.js';
import { isoWeekPeriod, lastDayOf, parsePeriodKey, weekYearBegunBy, type Period, type PeriodQuery } from './period.js';

/**
 * Months since year 0, a month counted at its middle: a quarter sits on its second month, a year between
 * June and July, a week at the end of its Sunday (a month's last Sunday half a month after its middle).
 */
function middleMonth(p: Period): number {
  switch (p.kind) {
    case 'month':
      return p.year * 12 + p.month - 1;
    case 'quarter':
      return p.year * 12 + (p.quarter - 1) * 3 + 1;
    case 'year':
      return p.year * 12 + 5.5;
    case 'week': {
      const sunday = lastDayOf(p);
      return sunday.year * 12 + sunday.month - 1 - 0.5 + sunday.day / daysInMonth(sunday.year, sunday.month);
    }
  }
}

/**
 * The year a month or quarter without one means: the latest that has begun by `today`; with no
 * `today`, the year of the newest period with data (people ask about the year they are in).
 */
function yearOf(start: number, newest: Period, today: { year: number; month: number } | undefined): number {
  if (today) return start <= today.month ? today.year : today.year - 1;
  return newest.year;
}

function target(query: PeriodQuery, newest: Period, today: { year: number; month: number } | undefined): number | null {
  switch (query.kind) {
    case 'latest':
      return null;
    case 'year':
      return middleMonth(query);
    case 'month':
      return middleMonth({ kind: 'month', month: query.month, year: query.year ?? yearOf(query.month, newest, today) });
    case 'quarter':
      return middleMonth({ kind: 'quarter', quarter: query.quarter, year: query.year ?? yearOf((query.quarter - 1) * 3 + 1, newest, today) });
    case 'week': {
      const week = isoWeekPeriod(query.year ?? weekYearOf(query.week, newest, today), query.week);
      return week ? middleMonth(week) : null;
    }
  }
}

/** The year a week without one means, as `yearOf` for months: the latest begun by `today` (in its month), else the newest year with data. */
function weekYearOf(week: number, newest: Period, today: { year: number; month: number } | undefined): number {
  return today ? weekYearBegunBy(week, { ...today, day: daysInMonth(today.year, today.month) }) : newest.year;
}

/** Up to `count` keys of `available`, nearest to the query first; ties and the latest go to the newer. */
export function nearestPeriods(available: readonly string[], query: PeriodQuery, today?: { year: number; month: number }, count = 3): string[] {
  const periods = available.flatMap((key) => {
    const period = parsePeriodKey(key);
    return period ? [{ key, period, middle: middleMonth(period) }] : [];
  });
  const newest = periods.reduce<(typeof periods)[number] | undefined>((best, p) => (!best || p.middle > best.middle ? p : best), undefined);
  if (!newest) return [];
  const asked = target(query, newest.period, today);
  const distance = (middle: number) => (asked === null ? 0 : Math.abs(middle - asked));
  return periods
    .sort((a, b) => distance(a.middle) - distance(b.middle) || b.middle - a.middle || (a.key < b.key ? 1 : -1))
    .slice(0, count)
    .map((p) => p.key);
}

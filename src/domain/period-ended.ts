/** A period is collected from the portal only once it is over: the day after its last day, local time. */
import { compareDays, type CalendarDay } from './iso-week.js';
import { lastDayOf, type Period } from './period.js';

export function periodEnded(period: Period, today: CalendarDay): boolean {
  return compareDays(lastDayOf(period), today) < 0;
}

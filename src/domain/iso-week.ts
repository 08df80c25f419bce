/**
 * The ISO 8601 week calendar: weeks run Monday to Sunday, and week 1 of a year is the week of its
 * first Thursday (of 4 January), so a year has 52 or 53 weeks and its first or last days may belong
 * to a week of the year beside it.
 */

/** A calendar date as numbers: month 1..12, day 1..31. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01. */
function dayNumber({ year, month, day }: CalendarDay): number {
  const date = new Date(0);
  // setUTCFullYear, not Date.UTC: the latter reads years 0..99 as 1900..1999.
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / DAY_MS);
}

function calendarDay(days: number): CalendarDay {
  const date = new Date(days * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Monday 0 … Sunday 6. */
function weekdayOf(days: number): number {
  return (new Date(days * DAY_MS).getUTCDay() + 6) % 7;
}

function mondayOfWeekOne(year: number): number {
  const fourthOfJanuary = dayNumber({ year, month: 1, day: 4 });
  return fourthOfJanuary - weekdayOf(fourthOfJanuary);
}

/** The ISO week a date falls in; its year is the year of the week's Thursday. */
export function isoWeekOf(date: CalendarDay): { year: number; week: number } {
  const days = dayNumber(date);
  const thursday = days - weekdayOf(days) + 3;
  const { year } = calendarDay(thursday);
  return { year, week: Math.floor((thursday - mondayOfWeekOne(year)) / 7) + 1 };
}

/** 52 or 53. */
export function isoWeeksInYear(year: number): number {
  // 28 December always lies in its year's last week.
  return isoWeekOf({ year, month: 12, day: 28 }).week;
}

export function isoWeekMonday(year: number, week: number): CalendarDay {
  return calendarDay(mondayOfWeekOne(year) + (week - 1) * 7);
}

export function isoWeekSunday(year: number, week: number): CalendarDay {
  return calendarDay(mondayOfWeekOne(year) + (week - 1) * 7 + 6);
}

export function daysInMonth(year: number, month: number): number {
  return calendarDay(dayNumber({ year, month: month + 1, day: 1 }) - 1).day;
}

/** Negative when `a` is before `b`. */
export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * Deadlines as officials type them: "20/3", "20/3/2026", "2026-03-20", "ngày 20 tháng 3", "thứ sáu",
 * "thứ 6 tuần sau", "tuần sau", "cuối tuần", "cuối tháng", "cuối tháng sau", "ngày mai", "hôm nay",
 * "5 ngày nữa", "sau 5 ngày"; with or without diacritics. Pure: `today` anchors everything relative.
 * Weeks start on Monday.
 */
import { fold } from './text.js';
import { addDays, isWorkingDay, type IsoDate } from './working-days.js';

/**
 * `value` is the resolved date for 'past' (so it can be shown back), the date as typed for
 * 'invalid-date' ("31/2"), and the cleaned input for 'unknown'.
 */
export type DeadlineResult = { date: IsoDate } | { error: 'unknown' | 'past' | 'invalid-date'; value: string };

/** Weekday words after "thứ"/"thu", as the getUTCDay number (0 = Sunday). */
const WEEKDAY: Record<string, number> = {
  hai: 1,
  '2': 1,
  ba: 2,
  '3': 2,
  tu: 3,
  '4': 3,
  nam: 4,
  '5': 4,
  sau: 5,
  '6': 5,
  bay: 6,
  '7': 6,
};

const WEEKDAY_RE = String.raw`(?:thu (hai|ba|tu|nam|sau|bay|[2-7])|(chu nhat|cn))`;

/** Words that may stand before the date without changing it: "hạn", "trước", "đến", "vào", "chậm nhất". */
const FILLER = /^(?:(?:han|truoc|den|vao|cham nhat|muon nhat|hoan thanh)\s+)+/;

export function parseDeadline(text: string, today: IsoDate): DeadlineResult {
  const typed = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const words = fold(text)
    .replace(/(\d)\s*[-.]\s*(?=\d)/g, '$1/')
    .replace(/\s*\/\s*/g, '/')
    .replace(/[^a-z0-9/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(FILLER, '');
  const unknown = { error: 'unknown', value: typed } as const;
  const found = resolve(words, today);
  if (found === null) return unknown;
  if ('error' in found) return found;
  return found.date < today ? { error: 'past', value: found.date } : found;
}

function resolve(w: string, today: IsoDate): DeadlineResult | null {
  const { year, month } = parts(today);
  let m: RegExpExecArray | null;

  // Calendar dates.
  if ((m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(w))) return calendar(Number(m[1]), Number(m[2]), Number(m[3]), `${m[3]}/${m[2]}/${m[1]}`);
  if ((m = /^(?:ngay )?(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/.exec(w))) {
    return calendar(fullYear(m[3] ?? ''), Number(m[2]), Number(m[1]), `${m[1]}/${m[2]}/${m[3]}`);
  }
  if ((m = /^(?:ngay )?(\d{1,2}) thang (\d{1,2}) nam (\d{4})$/.exec(w))) {
    return calendar(Number(m[3]), Number(m[2]), Number(m[1]), `${m[1]}/${m[2]}/${m[3]}`);
  }
  if ((m = /^(?:ngay )?(\d{1,2})\/(\d{1,2})$/.exec(w)) || (m = /^(?:ngay )?(\d{1,2}) thang (\d{1,2})$/.exec(w))) {
    const d = Number(m[1]);
    const mo = Number(m[2]);
    const thisYear = isoOf(year, mo, d);
    // This year's date when it has not passed yet, otherwise next year's.
    const y = thisYear !== null && thisYear < today ? year + 1 : year;
    return calendar(y, mo, d, `${m[1]}/${m[2]}`);
  }

  // Days.
  if (/^(?:hom nay|nay)$/.test(w)) return { date: today };
  if (/^(?:ngay mai|mai)$/.test(w)) return { date: addDays(today, 1) };
  if ((m = /^(\d{1,4}) ngay (?:nua|toi)$/.exec(w)) || (m = /^sau (\d{1,4}) ngay$/.exec(w))) {
    return { date: addDays(today, Number(m[1])) };
  }

  // Weekdays and weeks.
  const dow = new Date(`${today}T00:00:00Z`).getUTCDay();
  const monday = addDays(today, -((dow + 6) % 7));
  if ((m = new RegExp(`^${WEEKDAY_RE} tuan (?:sau|toi)$`).exec(w))) {
    return { date: addDays(monday, 7 + mondayIndex(weekday(m))) };
  }
  if ((m = new RegExp(`^${WEEKDAY_RE}(?: tuan nay)?$`).exec(w))) {
    // The next such day after today: a week ahead when today is that day.
    return { date: addDays(today, ((weekday(m) - dow + 6) % 7) + 1) };
  }
  if (/^tuan (?:sau|toi)$/.test(w)) return { date: addDays(monday, 7 + 4) };
  if (/^cuoi tuan(?: nay)?$/.test(w)) return { date: addDays(monday, 4) };
  if (/^cuoi tuan (?:sau|toi)$/.test(w)) return { date: addDays(monday, 7 + 4) };

  // Months.
  if (/^cuoi thang(?: nay)?$/.test(w)) return { date: lastDayOf(year, month) };
  if (/^cuoi thang (?:sau|toi)$/.test(w)) return { date: endOfNextMonth(today) };

  return null;
}

/** The n-th working day before `date` (n = 0: the date itself). */
/** The last day of the month after `date`'s: the usual "trước cuối tháng sau" of a monthly improvement. */
export function endOfNextMonth(date: IsoDate): IsoDate {
  const { year, month } = parts(date);
  return month === 12 ? lastDayOf(year + 1, 1) : lastDayOf(year, month + 1);
}

export function workingDaysBefore(date: IsoDate, n: number, holidays: ReadonlySet<IsoDate>): IsoDate {
  let d = date;
  for (let left = n; left > 0; ) {
    d = addDays(d, -1);
    if (isWorkingDay(d, holidays)) left--;
  }
  return d;
}

/** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
export function workingDaysBetween(from: IsoDate, to: IsoDate, holidays: ReadonlySet<IsoDate>): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, holidays)) count++;
  return count;
}

function weekday(m: RegExpExecArray): number {
  return m[2] ? 0 : (WEEKDAY[m[1] ?? ''] ?? 0);
}

/** 0 = Monday … 6 = Sunday. */
function mondayIndex(day: number): number {
  return (day + 6) % 7;
}

function parts(date: IsoDate): { year: number; month: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function lastDayOf(year: number, month: number): IsoDate {
  return isoOf(year, month, daysInMonth(year, month)) ?? '';
}

/** The ISO date, or null when there is no such day (31/2, month 13). */
function isoOf(year: number, month: number, day: number): IsoDate | null {
  if (!(year >= 2000 && year <= 2100) || !(month >= 1 && month <= 12) || !(day >= 1 && day <= daysInMonth(year, month))) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function calendar(year: number, month: number, day: number, typed: string): DeadlineResult {
  const date = isoOf(year, month, day);
  return date === null ? { error: 'invalid-date', value: typed } : { date };
}

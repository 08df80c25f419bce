/**
 * Working days in Vietnam: Monday to Friday, less the public holidays the settings list (Tết moves
 * every year, so it is data, not code). Dates are calendar dates in Asia/Ho_Chi_Minh.
 */

/** A calendar date "2026-09-02". */
export type IsoDate = string;

export function isWorkingDay(date: IsoDate, holidays: ReadonlySet<IsoDate>): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6 && !holidays.has(date);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The first working day after `date`. */
export function nextWorkingDay(date: IsoDate, holidays: ReadonlySet<IsoDate>): IsoDate {
  let d = addDays(date, 1);
  while (!isWorkingDay(d, holidays)) d = addDays(d, 1);
  return d;
}

/** The calendar date of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The instant of a local wall-clock time ("08:00") on a date; Vietnam keeps no daylight saving. */
export function localTimeOn(date: IsoDate, time: string, timeZone: string): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  const shown = new Date(guess.toLocaleString('en-US', { timeZone }));
  const asUtc = new Date(guess.toLocaleString('en-US', { timeZone: 'UTC' }));
  return new Date(guess.getTime() - (shown.getTime() - asUtc.getTime()));
}

/** When an automatic publication goes out: `time` on the next working day after the import. */
export function nextWorkingDayAt(now: Date, time: string, timeZone: string, holidays: ReadonlySet<IsoDate>): Date {
  return localTimeOn(nextWorkingDay(localDate(now, timeZone), holidays), time, timeZone);
}

import { describe, expect, it } from 'vitest';
import { parseDeadline, workingDaysBefore, workingDaysBetween } from '../../src/domain/deadline.js';

// 2026-09-24 is a Thursday.
const today = '2026-09-24';

describe('parseDeadline', () => {
  it.each([
    // Calendar dates.
    ['20/10', '2026-10-20'],
    ['24/9', '2026-09-24'],
    ['20/3', '2027-03-20'], // passed this year: next year
    ['ngày 20/3', '2027-03-20'],
    ['20/3/2027', '2027-03-20'],
    ['20-03-2027', '2027-03-20'],
    ['20.03.2027', '2027-03-20'],
    ['2027-03-20', '2027-03-20'],
    ['5/1/27', '2027-01-05'],
    ['ngày 20 tháng 10', '2026-10-20'],
    ['ngay 20 thang 3', '2027-03-20'],
    ['ngày 5 tháng 10 năm 2026', '2026-10-05'],
    ['Hạn: trước ngày 30/9', '2026-09-30'],
    // Weekdays: the next such day after today.
    ['thứ hai', '2026-09-28'],
    ['thu ba', '2026-09-29'],
    ['thứ tư', '2026-09-30'],
    ['thứ năm', '2026-10-01'], // today is Thursday: a week ahead
    ['thứ sáu', '2026-09-25'],
    ['THU SAU', '2026-09-25'],
    ['thứ 6', '2026-09-25'],
    ['thứ bảy', '2026-09-26'],
    ['chủ nhật', '2026-09-27'],
    ['chu nhat', '2026-09-27'],
    ['thứ sáu tuần sau', '2026-10-02'],
    ['thu 6 tuan sau', '2026-10-02'],
    ['thứ hai tuần sau', '2026-09-28'],
    ['chủ nhật tuần sau', '2026-10-04'],
    ['tuần sau', '2026-10-02'],
    ['cuối tuần', '2026-09-25'],
    // Months and days.
    ['cuối tháng', '2026-09-30'],
    ['cuoi thang sau', '2026-10-31'],
    ['ngày mai', '2026-09-25'],
    ['hôm nay', '2026-09-24'],
    ['hom nay', '2026-09-24'],
    ['10 ngày nữa', '2026-10-04'],
    ['sau 10 ngày', '2026-10-04'],
    ['sau 7 ngay', '2026-10-01'],
  ])('%s → %s', (text, date) => {
    expect(parseDeadline(text, today)).toEqual({ date });
  });

  it('rolls over the year', () => {
    expect(parseDeadline('cuối tháng sau', '2026-12-10')).toEqual({ date: '2027-01-31' });
    expect(parseDeadline('15/1', '2026-12-10')).toEqual({ date: '2027-01-15' });
    expect(parseDeadline('tuần sau', '2026-12-28')).toEqual({ date: '2027-01-08' });
    expect(parseDeadline('5 ngày nữa', '2026-12-30')).toEqual({ date: '2027-01-04' });
    expect(parseDeadline('ngày mai', '2026-12-31')).toEqual({ date: '2027-01-01' });
  });

  it('knows the length of February', () => {
    expect(parseDeadline('cuối tháng', '2028-02-10')).toEqual({ date: '2028-02-29' });
    expect(parseDeadline('cuối tháng sau', '2027-01-31')).toEqual({ date: '2027-02-28' });
    expect(parseDeadline('29/2/2028', today)).toEqual({ date: '2028-02-29' });
  });

  it('counts weeks from Monday on a Sunday', () => {
    // 2026-09-27 is a Sunday: "tuần sau" is the week of Monday 28.
    expect(parseDeadline('tuần sau', '2026-09-27')).toEqual({ date: '2026-10-02' });
    expect(parseDeadline('thứ sáu tuần sau', '2026-09-27')).toEqual({ date: '2026-10-02' });
    expect(parseDeadline('thứ hai', '2026-09-27')).toEqual({ date: '2026-09-28' });
  });

  it('rejects a date that has passed', () => {
    expect(parseDeadline('20/3/2026', today)).toEqual({ error: 'past', value: '2026-03-20' });
    expect(parseDeadline('2026-09-23', today)).toEqual({ error: 'past', value: '2026-09-23' });
    // On a Saturday this week's Friday is yesterday.
    expect(parseDeadline('cuối tuần', '2026-09-26')).toEqual({ error: 'past', value: '2026-09-25' });
  });

  it('rejects a day that does not exist', () => {
    expect(parseDeadline('31/2', today)).toEqual({ error: 'invalid-date', value: '31/2' });
    expect(parseDeadline('31/4/2027', today)).toEqual({ error: 'invalid-date', value: '31/4/2027' });
    expect(parseDeadline('29/2/2027', today)).toEqual({ error: 'invalid-date', value: '29/2/2027' });
    expect(parseDeadline('10/13', today)).toEqual({ error: 'invalid-date', value: '10/13' });
    expect(parseDeadline('2027-02-30', today)).toEqual({ error: 'invalid-date', value: '30/02/2027' });
  });

  it.each(['', 'sớm nhất có thể', 'thứ tám', 'tháng sau nữa', '20', 'abc 20/3'])('does not guess: %j', (text) => {
    expect(parseDeadline(text, today)).toEqual({ error: 'unknown', value: text.trim() });
  });
});

describe('working days', () => {
  const none = new Set<string>();
  const holidays = new Set(['2026-09-02']);

  it('counts back over a weekend', () => {
    // Monday 2026-09-28 → Friday 25, Thursday 24.
    expect(workingDaysBefore('2026-09-28', 1, none)).toBe('2026-09-25');
    expect(workingDaysBefore('2026-09-28', 2, none)).toBe('2026-09-24');
    expect(workingDaysBefore('2026-09-28', 0, none)).toBe('2026-09-28');
    // From a Sunday the first working day before is Friday.
    expect(workingDaysBefore('2026-09-27', 1, none)).toBe('2026-09-25');
  });

  it('counts back over a holiday', () => {
    // Thursday 2026-09-03: Wednesday 2 is Quốc khánh, so Tuesday 1.
    expect(workingDaysBefore('2026-09-03', 1, holidays)).toBe('2026-09-01');
    expect(workingDaysBefore('2026-09-03', 1, none)).toBe('2026-09-02');
    expect(workingDaysBefore('2026-09-07', 3, holidays)).toBe('2026-09-01');
  });

  it('counts the working days between two dates', () => {
    expect(workingDaysBetween('2026-09-24', '2026-09-24', none)).toBe(0);
    expect(workingDaysBetween('2026-09-24', '2026-09-25', none)).toBe(1);
    // Thursday to Monday: Friday and Monday.
    expect(workingDaysBetween('2026-09-24', '2026-09-28', none)).toBe(2);
    // Friday to Sunday: none.
    expect(workingDaysBetween('2026-09-25', '2026-09-27', none)).toBe(0);
    // 31 August to 4 September with the holiday on 2 September: 1, 3, 4.
    expect(workingDaysBetween('2026-08-31', '2026-09-04', holidays)).toBe(3);
    expect(workingDaysBetween('2026-08-31', '2026-09-04', none)).toBe(4);
    expect(workingDaysBetween('2026-09-28', '2026-09-24', none)).toBe(0);
  });

  it('undoes workingDaysBefore', () => {
    for (const n of [1, 2, 5, 10]) {
      const start = workingDaysBefore('2026-09-08', n, holidays);
      expect(workingDaysBetween(start, '2026-09-08', holidays)).toBe(n);
    }
  });
});

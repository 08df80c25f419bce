/** The week as a period: ISO 8601 weeks ("2024-W03"), as provinces announce weekly standings. */
import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction, MAX_ACTION_BYTES, type SettledQuestion } from '../../src/domain/actions.js';
import { nearestPeriods } from '../../src/domain/nearest-periods.js';
import {
  comparePeriodKeys,
  describeQuery,
  findPeriod,
  formatPeriodKey,
  isoWeekPeriod,
  parseExactPeriod,
  parsePeriodKey,
  PeriodError,
  periodKey,
  periodNamedIn,
  previousPeriod,
  previousPeriodKey,
} from '../../src/domain/period.js';
import { choosePeriod } from '../../src/services/scores.js';
import { letterDeadline } from '../../src/services/letter-tasks.js';

describe('a week key', () => {
  it('round-trips with two digits', () => {
    for (const key of ['2024-W03', '2020-W53', '2021-W52', '2026-W01']) expect(periodKey(parsePeriodKey(key) ?? { kind: 'year', year: 0 })).toBe(key);
    expect(parsePeriodKey('2024-W03')).toEqual({ kind: 'week', year: 2024, week: 3 });
    expect(periodKey({ kind: 'week', year: 2024, week: 3 })).toBe('2024-W03');
  });

  it('is refused for a week the year does not have', () => {
    for (const key of ['2024-W00', '2024-W54', '2021-W53', '2024-W3', '2024-w03', '2024W03']) expect(parsePeriodKey(key)).toBeNull();
  });

  it('is made from a year and a week number by isoWeekPeriod, which knows which years have 53 weeks', () => {
    expect(isoWeekPeriod(2020, 53)).toEqual({ kind: 'week', year: 2020, week: 53 });
    expect(isoWeekPeriod(2026, 53)).toEqual({ kind: 'week', year: 2026, week: 53 });
    expect(isoWeekPeriod(2021, 53)).toBeNull();
    expect(isoWeekPeriod(2024, 0)).toBeNull();
    expect(isoWeekPeriod(2024, 54)).toBeNull();
    expect(isoWeekPeriod(2024, 2.5)).toBeNull();
  });
});

describe('the week before', () => {
  it('of week 1 is the last week of the year before: 53 after a long year, 52 otherwise', () => {
    expect(previousPeriod({ kind: 'week', year: 2021, week: 1 })).toEqual({ kind: 'week', year: 2020, week: 53 });
    expect(previousPeriod({ kind: 'week', year: 2022, week: 1 })).toEqual({ kind: 'week', year: 2021, week: 52 });
    expect(previousPeriodKey('2024-W03')).toBe('2024-W02');
    expect(previousPeriodKey('2021-W01')).toBe('2020-W53');
  });
});

describe('formatting', () => {
  it('writes a week as "tuần 03/2024"', () => {
    expect(formatPeriodKey('2024-W03')).toBe('tuần 03/2024');
    expect(formatPeriodKey('2020-W53')).toBe('tuần 53/2020');
    expect(describeQuery({ kind: 'week', week: 3, year: 2024 })).toBe('tuần 03/2024');
    expect(describeQuery({ kind: 'week', week: 3 })).toBe('tuần 03');
  });
});

describe('time order', () => {
  it('places a week by its Sunday: before the month that Sunday ends in, after the months before', () => {
    // 2024-W31 ends on 4 August, W34 on 25 August, W35 on 1 September.
    const keys = ['2024-09', '2024-W35', '2024-08', '2024-W31', '2024-W34', '2024-07'];
    expect([...keys].sort(comparePeriodKeys)).toEqual(['2024-07', '2024-W31', '2024-W34', '2024-08', '2024-W35', '2024-09']);
  });

  it('puts a week that ends in the next calendar year after that year begins', () => {
    // 2020-W53 runs from 28 December 2020 to 3 January 2021.
    expect(['2021-01', '2020-W53', '2020-12', '2020-Q4'].sort(comparePeriodKeys)).toEqual(['2020-12', '2020-Q4', '2020-W53', '2021-01']);
  });

  it('keeps months, quarters and years in the order their keys always had', () => {
    const keys = ['2025', '2024-Q3', '2024-12', '2024', '2024-01', '2024-Q1'];
    expect([...keys].sort(comparePeriodKeys)).toEqual([...keys].sort());
  });
});

describe('choosing the period that answers', () => {
  const newestFirst = (keys: string[]) => [...keys].sort((a, b) => comparePeriodKeys(b, a));

  it('keeps answering the latest with the month when a newer week is stored', () => {
    expect(choosePeriod(newestFirst(['2024-01', '2023-12', '2024-W03', '2024-W02']), { kind: 'latest' })).toBe('2024-01');
  });

  it('answers the latest with the newest week when a unit has only weeks', () => {
    expect(choosePeriod(newestFirst(['2023-W52', '2024-W02', '2023-W51']), { kind: 'latest' })).toBe('2024-W02');
  });

  it('reads a week without a year as the latest such week, and a month query never takes a week', () => {
    const available = newestFirst(['2023-W03', '2024-W03', '2024-W04', '2024-01']);
    expect(choosePeriod(available, { kind: 'week', week: 3 })).toBe('2024-W03');
    expect(choosePeriod(available, { kind: 'week', week: 3, year: 2023 })).toBe('2023-W03');
    expect(choosePeriod(available, { kind: 'month', month: 1 })).toBe('2024-01');
  });
});

describe('nearest periods with weeks', () => {
  it('offers the weeks nearest a week that has no data', () => {
    expect(nearestPeriods(['2024-W01', '2024-W04', '2024-08'], { kind: 'week', week: 3, year: 2024 })).toEqual(['2024-W04', '2024-W01', '2024-08']);
  });

  it('measures from a week’s Sunday: week 35 of 2024, ending 1 September, is nearer September than August is', () => {
    expect(nearestPeriods(['2024-08', '2024-W35', '2024-W40'], { kind: 'month', month: 9, year: 2024 })).toEqual(['2024-W35', '2024-W40', '2024-08']);
  });

  it('reads a week without a year in the newest year with data', () => {
    expect(nearestPeriods(['2023-W10', '2024-W02', '2024-W12'], { kind: 'week', week: 10 }, undefined, 1)).toEqual(['2024-W12']);
  });
});

describe('weeks as officials type them', () => {
  const today = { year: 2024, month: 1, day: 17 }; // a Wednesday of week 3
  const q = (text: string, on = today) => findPeriod(text, on)?.query ?? null;

  it.each([
    ['tuần 3', { kind: 'week', week: 3 }],
    ['tuan 3', { kind: 'week', week: 3 }],
    ['tuần thứ 3', { kind: 'week', week: 3 }],
    ['tuan 3/2024', { kind: 'week', week: 3, year: 2024 }],
    ['tuần 03 năm 2024', { kind: 'week', week: 3, year: 2024 }],
    ['Tuần 03 năm 2024', { kind: 'week', week: 3, year: 2024 }],
    ['tuần 3, 2024', { kind: 'week', week: 3, year: 2024 }],
    ['tuần 3/24', { kind: 'week', week: 3, year: 2024 }],
    ['tuần 52 năm ngoái', { kind: 'week', week: 52, year: 2023 }],
    ['2024-W03', { kind: 'week', week: 3, year: 2024 }],
    ['tuần này', { kind: 'week', week: 3, year: 2024 }],
    ['tuần trước', { kind: 'week', week: 2, year: 2024 }],
    ['tuan vua roi', { kind: 'week', week: 2, year: 2024 }],
  ])('reads %s', (text, expected) => {
    expect(q(text)).toEqual(expected);
  });

  it('counts "tuần này" and "tuần trước" in ISO weeks across the new year', () => {
    // 2 January 2021 is a Saturday of 2020's week 53; 6 January 2021 is in 2021's week 1.
    expect(q('tuần này', { year: 2021, month: 1, day: 2 })).toEqual({ kind: 'week', week: 53, year: 2020 });
    expect(q('tuần trước', { year: 2021, month: 1, day: 6 })).toEqual({ kind: 'week', week: 53, year: 2020 });
    expect(q('tuần trước', { year: 2022, month: 1, day: 5 })).toEqual({ kind: 'week', week: 52, year: 2021 });
  });

  it('leaves the rest for the unit, and a week\'s numbers are not a month', () => {
    expect(findPeriod('Bình Dương tuần 03 năm 2024', today)).toEqual({ query: { kind: 'week', week: 3, year: 2024 }, rest: 'binh duong', before: 'binh duong' });
    expect(q('tuần 8/2024')).toEqual({ kind: 'week', week: 8, year: 2024 });
  });

  it('refuses a week no year has, or this year does not have', () => {
    for (const text of ['tuần 0', 'tuần 54', 'tuần 53/2021']) expect(() => findPeriod(text, today)).toThrow(PeriodError);
    expect(q('tuần 53/2020')).toEqual({ kind: 'week', week: 53, year: 2020 });
    const refusal = (() => {
      try {
        findPeriod('tuần 53/2021', today);
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toMatchObject({ reason: 'week', value: '53/2021' });
  });

  it('is taken exactly for an import or a publication only with its year; alone, the latest week begun', () => {
    expect(parseExactPeriod('2024-W03')).toEqual({ kind: 'week', week: 3, year: 2024 });
    expect(parseExactPeriod('2024-w03')).toEqual({ kind: 'week', week: 3, year: 2024 });
    expect(parseExactPeriod('tuần 3/2024')).toEqual({ kind: 'week', week: 3, year: 2024 });
    expect(parseExactPeriod('tuần 3')).toBeNull();
    expect(parseExactPeriod('tuần này')).toBeNull();
    expect(periodNamedIn('tuần 3', today)).toEqual({ kind: 'week', week: 3, year: 2024 });
    expect(periodNamedIn('tuần 4', today)).toEqual({ kind: 'week', week: 4, year: 2023 });
    expect(periodNamedIn('tuần 53', today)).toEqual({ kind: 'week', week: 53, year: 2020 });
  });
});

describe('a week in button data', () => {
  const encodeQuestion = (question: SettledQuestion) => encodeAction({ kind: 'question', question });

  it('comes back as it was sent, with or without its year', () => {
    for (const period of [{ kind: 'week', week: 3, year: 2024 }, { kind: 'week', week: 53 }] as const) {
      const question: SettledQuestion = { intent: 'score', unitIds: [12], period, group: null, unitKind: null };
      const action = decodeAction(encodeQuestion(question));
      expect(action).toEqual({ kind: 'question', question });
    }
    expect(decodeAction('q:s:12:w54:::')).toBeNull();
    expect(decodeAction('q:s:12:2021-W53:::')).toBeNull();
    expect(decodeAction('pub:rank:5:2024-W03')).toEqual({ kind: 'card', view: 'rank', unitId: 5, period: '2024-W03' });
  });

  it('fits Telegram’s 64 bytes with two national-size ids, a week key, the longest group and kind', () => {
    const data = encodeQuestion({ intent: 'compare', unitIds: [9_999_999, 9_999_998], period: { kind: 'week', week: 53, year: 2026 }, group: 'CCDVTT', unitKind: 'so-nganh' });
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_ACTION_BYTES);
  });
});

describe('a letter dated by a week', () => {
  it('gives its tasks until the end of the month after the week’s Sunday', () => {
    expect(letterDeadline('2024-W03')).toBe('2024-02-29');
    expect(letterDeadline('2020-W53')).toBe('2021-02-28');
  });
});

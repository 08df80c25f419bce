import { describe, expect, it } from 'vitest';
import { findPeriod, formatPeriodKey, parseExactPeriod, PeriodError, previousPeriod } from '../../src/domain/period.js';

const today = { year: 2026, month: 11, day: 18 };
const q = (text: string) => findPeriod(text, today)?.query ?? null;

describe('findPeriod', () => {
  it.each([
    ['thang 2', { kind: 'month', month: 2 }],
    ['tháng 2', { kind: 'month', month: 2 }],
    ['t2', { kind: 'month', month: 2 }],
    ['T2', { kind: 'month', month: 2 }],
    ['t 2', { kind: 'month', month: 2 }],
    ['02/2025', { kind: 'month', month: 2, year: 2025 }],
    ['2/2025', { kind: 'month', month: 2, year: 2025 }],
    ['t2/2025', { kind: 'month', month: 2, year: 2025 }],
    ['tháng 02/2025', { kind: 'month', month: 2, year: 2025 }],
    ['tháng 2 năm 2025', { kind: 'month', month: 2, year: 2025 }],
    ['thang 12-2024', { kind: 'month', month: 12, year: 2024 }],
    ['2025-02', { kind: 'month', month: 2, year: 2025 }],
    ['quy 1', { kind: 'quarter', quarter: 1 }],
    ['quý I', { kind: 'quarter', quarter: 1 }],
    ['q1', { kind: 'quarter', quarter: 1 }],
    ['quý IV/2025', { kind: 'quarter', quarter: 4, year: 2025 }],
    ['q3 năm 2026', { kind: 'quarter', quarter: 3, year: 2026 }],
    ['2026-Q3', { kind: 'quarter', quarter: 3, year: 2026 }],
    ['nam 2025', { kind: 'year', year: 2025 }],
    ['năm 2025', { kind: 'year', year: 2025 }],
    ['2025', { kind: 'year', year: 2025 }],
    ['tháng trước', { kind: 'month', month: 10, year: 2026 }],
    ['thang nay', { kind: 'month', month: 11, year: 2026 }],
    ['quý trước', { kind: 'quarter', quarter: 3, year: 2026 }],
    ['năm ngoái', { kind: 'year', year: 2025 }],
  ])('reads %s', (text, expected) => {
    expect(q(text)).toEqual(expected);
  });

  it('tells "tháng sau" (next month) from "tháng sáu" (June) where the tones are typed, and reads June where they are not', () => {
    expect(q('điểm tháng sau')).toEqual({ kind: 'month', month: 12, year: 2026 });
    expect(q('Tháng sau được mấy điểm?')).toEqual({ kind: 'month', month: 12, year: 2026 });
    expect(q('tháng tới')).toEqual({ kind: 'month', month: 12, year: 2026 });
    expect(findPeriod('tháng sau', { year: 2026, month: 12, day: 1 })?.query).toEqual({ kind: 'month', month: 1, year: 2027 });
    expect(q('điểm tháng sáu')).toEqual({ kind: 'month', month: 6 });
    expect(q('diem thang sau')).toEqual({ kind: 'month', month: 6 });
    expect(findPeriod('Việt Trì tháng sau', today)?.rest).toBe('viet tri');
    // A month by its number is the one asked about; "tháng sau" beside it is talk.
    expect(q('điểm tháng 8 so với tháng sau')).toEqual({ kind: 'month', month: 8 });
    // Without a today to count from, "next month" is no month at all.
    expect(parseExactPeriod('tháng tới')).toBeNull();
    expect(parseExactPeriod('tháng sau')).toBeNull();
  });

  it('takes January back to December of the year before', () => {
    expect(findPeriod('tháng trước', { year: 2026, month: 1, day: 10 })?.query).toEqual({ kind: 'month', month: 12, year: 2025 });
  });

  it('leaves the rest of the text, folded, for the unit name', () => {
    expect(findPeriod('phường Việt Trì tháng 8', today)).toEqual({ query: { kind: 'month', month: 8 }, rest: 'phuong viet tri', before: 'phuong viet tri' });
  });

  it('finds nothing in a text without a period', () => {
    expect(findPeriod('phường Bần Yên Nhân', today)).toBeNull();
    expect(findPeriod('quận Ba Đình', today)).toBeNull();
  });

  it('throws on a period that cannot exist', () => {
    expect(() => findPeriod('tháng 13', today)).toThrow(PeriodError);
    expect(() => findPeriod('tháng 0', today)).toThrow(PeriodError);
    expect(() => findPeriod('quý 5', today)).not.toThrow();
    expect(findPeriod('quý 5', today)).toBeNull();
  });
});

describe('period keys', () => {
  it('parses CLI periods exactly', () => {
    expect(parseExactPeriod('2026-08')).toEqual({ kind: 'month', year: 2026, month: 8 });
    expect(parseExactPeriod('2026-Q3')).toEqual({ kind: 'quarter', year: 2026, quarter: 3 });
    expect(parseExactPeriod('2026')).toEqual({ kind: 'year', year: 2026 });
    expect(parseExactPeriod('08/2026')).toEqual({ kind: 'month', year: 2026, month: 8 });
    expect(parseExactPeriod('tháng 8')).toBeNull();
    expect(parseExactPeriod('2026-13')).toBeNull();
  });

  it('formats them the way letters do', () => {
    expect(formatPeriodKey('2025-02')).toBe('tháng 02/2025');
    expect(formatPeriodKey('2025-Q1')).toBe('quý I/2025');
    expect(formatPeriodKey('2025')).toBe('năm 2025');
  });

  it('steps back one period', () => {
    expect(previousPeriod({ kind: 'month', year: 2025, month: 1 })).toEqual({ kind: 'month', year: 2024, month: 12 });
    expect(previousPeriod({ kind: 'quarter', year: 2025, quarter: 1 })).toEqual({ kind: 'quarter', year: 2024, quarter: 4 });
    expect(previousPeriod({ kind: 'year', year: 2025 })).toEqual({ kind: 'year', year: 2024 });
  });
});

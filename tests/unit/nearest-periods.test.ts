/** The periods a "no data" answer offers as buttons: nearest to the one asked, newer first on ties. */
import { describe, expect, it } from 'vitest';
import { nearestPeriods } from '../../src/domain/nearest-periods.js';

const MONTHS = ['2026-08', '2026-06', '2026-05', '2025-02'];

describe('nearestPeriods', () => {
  it('offers the month just before a month that has no data', () => {
    expect(nearestPeriods(MONTHS, { kind: 'month', month: 9, year: 2026 })).toEqual(['2026-08', '2026-06', '2026-05']);
  });

  it('breaks a tie of distance towards the newer period', () => {
    expect(nearestPeriods(MONTHS, { kind: 'month', month: 7, year: 2026 })).toEqual(['2026-08', '2026-06', '2026-05']);
    expect(nearestPeriods(['2026-06', '2026-08'], { kind: 'month', month: 7, year: 2026 }, undefined, 1)).toEqual(['2026-08']);
  });

  it('reads a month without a year as the latest such month: the one begun by today, else in the newest year with data', () => {
    expect(nearestPeriods(MONTHS, { kind: 'month', month: 3 })).toEqual(['2026-05', '2026-06', '2026-08']);
    expect(nearestPeriods(MONTHS, { kind: 'month', month: 3 }, { year: 2026, month: 1 })).toEqual(['2025-02', '2026-05', '2026-06']);
    expect(nearestPeriods(MONTHS, { kind: 'month', month: 9 }, { year: 2026, month: 9 })).toEqual(['2026-08', '2026-06', '2026-05']);
  });

  it('compares quarters and years by their middle month', () => {
    const mixed = ['2026-Q3', '2026-Q1', '2025', '2026-08'];
    expect(nearestPeriods(mixed, { kind: 'quarter', quarter: 2, year: 2026 })).toEqual(['2026-Q3', '2026-08', '2026-Q1']);
    expect(nearestPeriods(mixed, { kind: 'year', year: 2024 }, undefined, 2)).toEqual(['2025', '2026-Q1']);
    expect(nearestPeriods(mixed, { kind: 'quarter', quarter: 3 }, { year: 2026, month: 9 }, 1)).toEqual(['2026-Q3']);
  });

  it('offers the newest for the latest, at most `count`, and nothing without periods', () => {
    expect(nearestPeriods(MONTHS, { kind: 'latest' }, undefined, 2)).toEqual(['2026-08', '2026-06']);
    expect(nearestPeriods([], { kind: 'month', month: 9, year: 2026 })).toEqual([]);
    expect(nearestPeriods(['bad', '2026-08'], { kind: 'month', month: 9, year: 2026 })).toEqual(['2026-08']);
  });
});

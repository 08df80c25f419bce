import { describe, expect, it, vi } from 'vitest';
import { averageDecimals } from '../../src/domain/decimal.js';
import { summarise } from '../../src/domain/summary.js';
import { isWorkingDay, localTimeOn, nextWorkingDay, nextWorkingDayAt } from '../../src/domain/working-days.js';
import { backoffSeconds } from '../../src/delivery/dispatcher.js';
import { Pace } from '../../src/delivery/pace.js';

describe('working days', () => {
  const holidays = new Set(['2026-09-02', '2026-02-17']);
  it('skip weekends and the listed holidays', () => {
    expect(isWorkingDay('2026-09-26', holidays)).toBe(false); // Saturday
    expect(isWorkingDay('2026-09-02', holidays)).toBe(false); // Quốc khánh
    expect(isWorkingDay('2026-09-03', holidays)).toBe(true);
    expect(nextWorkingDay('2026-09-25', holidays)).toBe('2026-09-28'); // Friday → Monday
    expect(nextWorkingDay('2026-09-01', holidays)).toBe('2026-09-03');
  });

  it('place 08:00 in Hà Nội time, whatever the clock of the machine', () => {
    expect(localTimeOn('2026-09-28', '08:00', 'Asia/Ho_Chi_Minh').toISOString()).toBe('2026-09-28T01:00:00.000Z');
    // 23:30 on Friday in Hà Nội is still Friday there, though Saturday is not far.
    expect(nextWorkingDayAt(new Date('2026-09-25T16:30:00Z'), '08:00', 'Asia/Ho_Chi_Minh', holidays).toISOString()).toBe('2026-09-28T01:00:00.000Z');
    // 00:30 on Saturday in Hà Nội is Friday 17:30 in UTC: the next working day is Monday.
    expect(nextWorkingDayAt(new Date('2026-09-25T17:30:00Z'), '08:00', 'Asia/Ho_Chi_Minh', holidays).toISOString()).toBe('2026-09-28T01:00:00.000Z');
  });
});

describe('the leaders’ summary', () => {
  const summary = summarise([
    { unit: 'A', total: '91.5', rank: 1, previousTotal: '89' },
    { unit: 'B', total: '79.99', rank: 3, previousTotal: '82.1' },
    { unit: 'C', total: '85', rank: 2, previousTotal: null },
    { unit: 'D', total: null, rank: null, previousTotal: '70' },
  ]);

  it('averages the units with a total, exactly, rounded half up', () => {
    expect(summary).toMatchObject({ units: 4, scored: 3, average: '85.5' });
    expect(averageDecimals(['91.34', '91.335'])).toBe('91.34');
    expect(averageDecimals(['1', '2'])).toBe('1.5');
    expect(averageDecimals([])).toBeNull();
  });

  it('names the best, the weakest, those under 80 and the biggest changes', () => {
    expect(summary.best.map((e) => e.unit)).toEqual(['A', 'C', 'B']);
    expect(summary.weakest.map((e) => e.unit)).toEqual(['B', 'C', 'A']);
    expect(summary.under80.map((e) => e.unit)).toEqual(['B']);
    expect(summary.gains).toEqual([{ unit: 'A', delta: '2.5' }]);
    expect(summary.falls).toEqual([{ unit: 'B', delta: '-2.11' }]);
  });
});

describe('delivery pacing', () => {
  it('backs off 2, 4, 8 … seconds, at most five minutes', () => {
    expect([1, 2, 3, 8, 20].map(backoffSeconds)).toEqual([2, 4, 8, 256, 300]);
  });

  it('spaces messages evenly, longer to one chat, and stops for a 429', async () => {
    vi.useFakeTimers({ now: 0 });
    try {
      const pace = new Pace(30, () => Date.now());
      /** The moment on the fake clock when a message to `chat` may go. */
      const goes = async (chat: string) => {
        const taking = pace.take(chat, 1000);
        await vi.runAllTimersAsync();
        await taking;
        return Math.round(Date.now());
      };
      expect(await goes('a')).toBe(0);
      expect(await goes('b')).toBe(33);
      expect(await goes('a')).toBe(1000);
      pace.pause(2);
      expect(await goes('c')).toBe(3000);
    } finally {
      vi.useRealTimers();
    }
  });
});

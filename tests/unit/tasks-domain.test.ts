import { describe, expect, it } from 'vitest';
import { isOverdue, mayAct, reminderDays } from '../../src/domain/tasks.js';
import { letterDeadline } from '../../src/services/letter-tasks.js';

const PROVINCE = 1;
const WARD = 2;
const OTHER_WARD = 3;

describe('who may do what with a task given by the province to a ward', () => {
  const unit = { assigning: PROVINCE, assigned: WARD };
  const cases: [string, { unitId: number | null; role: string | null }, boolean, boolean, boolean][] = [
    // who, actor, create/change, report on the ward's part, report on another ward's part
    ['admin of the province', { unitId: PROVINCE, role: 'admin' }, true, true, true],
    ['leader of the province', { unitId: PROVINCE, role: 'leader' }, true, true, true],
    ['officer of the province', { unitId: PROVINCE, role: 'officer' }, false, false, false],
    ['leader of the ward', { unitId: WARD, role: 'leader' }, false, true, false],
    ['officer of the ward', { unitId: WARD, role: 'officer' }, false, true, false],
    ['officer of another ward', { unitId: OTHER_WARD, role: 'officer' }, false, false, true],
    ['a chat with no unit', { unitId: null, role: null }, false, false, false],
  ];
  it.each(cases)('%s', (_who, actor, runs, reportsOwn, reportsOther) => {
    expect(mayAct('create', actor, unit)).toBe(runs);
    expect(mayAct('change', actor, unit)).toBe(runs);
    expect(mayAct('report', actor, unit)).toBe(reportsOwn);
    expect(mayAct('report', actor, { assigning: PROVINCE, assigned: OTHER_WARD })).toBe(reportsOther);
  });
});

describe('reminder days', () => {
  it('count working days back from the deadline, skipping weekends and holidays', () => {
    expect(reminderDays('2026-09-29', new Set(['2026-09-25']))).toEqual([
      { offset: 3, date: '2026-09-23' },
      { offset: 1, date: '2026-09-28' },
      { offset: 0, date: '2026-09-29' },
    ]);
    expect(reminderDays('2026-10-05', new Set(), [2]).map((r) => r.date)).toEqual(['2026-10-01']);
  });

  it('call a task overdue from the day after its deadline, unless done', () => {
    expect(isOverdue('2026-09-29', 'dang-lam', '2026-09-29')).toBe(false);
    expect(isOverdue('2026-09-29', 'dang-lam', '2026-09-30')).toBe(true);
    expect(isOverdue('2026-09-29', 'hoan-thanh', '2026-10-30')).toBe(false);
  });
});

describe("a letter's tasks", () => {
  it('are due at the end of the month after the letter’s period', () => {
    expect(letterDeadline('2025-02')).toBe('2025-03-31');
    expect(letterDeadline('2025-12')).toBe('2026-01-31');
    expect(letterDeadline('2025-Q1')).toBe('2025-04-30');
    expect(letterDeadline('2025')).toBe('2026-01-31');
  });
});

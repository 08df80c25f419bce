import { describe, expect, it } from 'vitest';
import { assignRefusal, isOverdue, mayAct, maySee, reminderDays } from '../../src/domain/tasks.js';
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

describe('to whom a district gives tasks (item 13)', () => {
  const [PROVINCE, DISTRICT, SIBLING, COMMUNE, HAMLET, OTHER_PROVINCE] = [1, 10, 11, 100, 1000, 2];
  const places = {
    self: { id: DISTRICT, ancestors: [PROVINCE] },
    child: { id: COMMUNE, ancestors: [DISTRICT, PROVINCE] },
    grandchild: { id: HAMLET, ancestors: [COMMUNE, DISTRICT, PROVINCE] },
    sibling: { id: SIBLING, ancestors: [PROVINCE] },
    parent: { id: PROVINCE, ancestors: [] },
    'other tree': { id: OTHER_PROVINCE, ancestors: [] },
  };
  const down = new Set(['self', 'child', 'grandchild']);
  const matrix = (['officer', 'leader', 'admin'] as const).flatMap((role) => Object.entries(places).map(([target, place]) => [role, target, place] as const));

  it.each(matrix)('%s of the district → %s', (role, target, place) => {
    const verdict = assignRefusal({ unitId: DISTRICT, role }, DISTRICT, [place]);
    if (role === 'officer') expect(verdict).toEqual({ reason: 'not-a-giver' });
    else expect(verdict).toEqual(down.has(target) ? null : { reason: 'outside', unitIds: [place.id] });
  });

  it('binds the system (letters, the admin API) to the giving unit’s tree too, naming every unit outside it', () => {
    expect(assignRefusal('system', DISTRICT, [places.child, places.self])).toBeNull();
    expect(assignRefusal('system', DISTRICT, [places.child, places.parent, places.sibling])).toEqual({ reason: 'outside', unitIds: [PROVINCE, SIBLING] });
  });

  it('lets no chat give from a unit that is not its own', () => {
    expect(assignRefusal({ unitId: PROVINCE, role: 'admin' }, DISTRICT, [places.child])).toEqual({ reason: 'not-a-giver' });
    expect(assignRefusal({ unitId: null, role: 'leader' }, DISTRICT, [places.child])).toEqual({ reason: 'not-a-giver' });
  });

  it('shows a task only to its giver and its assignees', () => {
    const task = { assigning: DISTRICT, assigned: [COMMUNE] };
    expect(maySee({ unitId: DISTRICT }, task)).toBe(true);
    expect(maySee({ unitId: COMMUNE }, task)).toBe(true);
    expect(maySee({ unitId: SIBLING }, task)).toBe(false);
    expect(maySee({ unitId: PROVINCE }, task)).toBe(false);
    expect(maySee({ unitId: null }, task)).toBe(false);
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

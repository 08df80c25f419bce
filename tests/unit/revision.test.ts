/** A new revision and the changes a source prints: a changed figure is reported, one not printed again is kept. */
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_2024 } from '../../src/domain/framework.js';
import type { UnitResult } from '../../src/domain/result.js';
import { describeChanges, fillGaps, mergeResult } from '../../src/domain/revision.js';

/** A letter's result for xã An Bình, 06/2025: "đạt 92,1 điểm, tăng 0,5%, tăng 2 bậc". */
function printed(overrides: Partial<UnitResult> = {}): UnitResult {
  return {
    period: '2025-06',
    frameworkVersion: FRAMEWORK_2024.version,
    total: '92.1',
    rank: 3,
    rankOf: 20,
    rankScope: null,
    classification: null,
    scoreDelta: null,
    scoreDeltaPercent: '0.5',
    rankChange: 2,
    groups: [],
    ...overrides,
  };
}

describe('the changes a source prints, across revisions', () => {
  it('reports a changed percentage and a changed rank change', () => {
    expect(describeChanges(printed(), printed({ scoreDeltaPercent: '-0.96', rankChange: -1 }))).toEqual([
      'Mức tăng/giảm (%) 0,5% → -0,96%',
      'Thay đổi thứ hạng +2 → -1',
    ]);
  });

  it('reports a figure printed for the first time', () => {
    expect(describeChanges(printed({ scoreDeltaPercent: null, rankChange: null }), printed())).toEqual(['Mức tăng/giảm (%) — → 0,5%', 'Thay đổi thứ hạng — → +2']);
  });

  it('reports nothing when the same figures are printed again, written otherwise', () => {
    expect(describeChanges(printed(), printed({ scoreDeltaPercent: '0.50' }))).toEqual([]);
  });

  it('keeps the stored figures when a revision does not print them', () => {
    const merged = mergeResult(printed(), printed({ total: '92.3', scoreDeltaPercent: null, rankChange: null }));
    expect(merged).toMatchObject({ total: '92.3', scoreDeltaPercent: '0.5', rankChange: 2 });
    expect(describeChanges(printed(), merged)).toEqual(['Tổng điểm 92,1 → 92,3']);
  });

  it('takes "giữ nguyên" (no places gained) as printed, not as nothing printed', () => {
    expect(mergeResult(printed(), printed({ rankChange: 0 })).rankChange).toBe(0);
  });
});

describe('a second source of a result (the national list, for a province with its own tree)', () => {
  const group = (key: 'CKMB' | 'TDGQ', points: string, rate: string | null) => ({ key, points, max: key === 'CKMB' ? '18' : '20', rate, delta: null, criteria: [] });
  const tree = printed({ total: '59.92', rank: null, rankOf: null, rankScope: null, scoreDeltaPercent: null, rankChange: null, groups: [group('CKMB', '7.96', '44.22')] });
  const list = printed({ total: '59.93', rank: 11, rankOf: 34, rankScope: 'tỉnh, thành phố', scoreDeltaPercent: null, rankChange: null, groups: [group('CKMB', '7.97', null), group('TDGQ', '15.68', null)] });

  it("brings its place and what the tree lacks, and leaves the tree's figures as they are", () => {
    const filled = fillGaps(tree, list);
    expect(filled).toMatchObject({ total: '59.92', rank: 11, rankOf: 34, rankScope: 'tỉnh, thành phố' });
    expect(filled.groups).toEqual([group('CKMB', '7.96', '44.22'), group('TDGQ', '15.68', null)]);
    expect(describeChanges(tree, filled)).toEqual(['Xếp hạng —/— → 11/34', 'Tiến độ giải quyết — → 15,68']);
  });

  it('is the whole result where nothing was stored, a revision of an earlier list, and the tree arriving after it wins', () => {
    expect(fillGaps(null, list)).toEqual(list);
    const revised = printed({ ...list, total: '61.5', rank: 7, groups: [group('CKMB', '9.55', null), group('TDGQ', '15.68', null)] });
    expect(fillGaps(list, revised)).toMatchObject({ total: '61.5', rank: 7, groups: [group('CKMB', '9.55', null), group('TDGQ', '15.68', null)] });
    expect(mergeResult(list, tree)).toMatchObject({ total: '59.92', rank: 11, groups: [group('CKMB', '7.96', '44.22'), group('TDGQ', '15.68', null)] });
  });
});

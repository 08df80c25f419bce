/** The trend chart's caption names what moved among the groups scored at both ends, in words that fit what happened. */
import { describe, expect, it } from 'vitest';
import type { StoredResult } from '../../src/db/results.js';
import { CURRENT_FRAMEWORK, groupName } from '../../src/domain/framework.js';
import { t } from '../../src/messages/i18n.js';
import { trendCaption } from '../../src/messages/charts.js';

const [A, B, C] = CURRENT_FRAMEWORK.groups;
if (!A || !B || !C) throw new Error('the framework has fewer than three groups');
const name = (key: string) => groupName(CURRENT_FRAMEWORK, key);

function result(period: string, total: string, points: Record<string, string | null>): StoredResult {
  const groups = Object.entries(points).map(([key, p]) => ({ key, points: p, max: '20', rate: null, criteria: [] }));
  return { id: 1, unitId: 2, revision: 1, importId: 1, createdAt: new Date(0), period, frameworkVersion: CURRENT_FRAMEWORK.version, total, rank: null, rankOf: null, rankScope: null, classification: null, scoreDelta: null, scoreDeltaPercent: null, rankChange: null, groups } as StoredResult;
}

const SPAN = 'UBND Phường Việt Trì, tháng 07/2026 – tháng 08/2026: tổng điểm';

describe('the trend caption', () => {
  it('names the group that gained most and the one that gained least', () => {
    const caption = trendCaption(t, 'UBND Phường Việt Trì', [result('2026-07', '80', { [A.key]: '10', [B.key]: '12', [C.key]: '15' }), result('2026-08', '82.5', { [A.key]: '13', [B.key]: '11.5', [C.key]: '15' })]);
    expect(caption).toBe(`${SPAN} 80 → 82,5. Tiến bộ nhất: ${name(A.key)} (↑ 3); kém nhất: ${name(B.key)} (↓ 0,5).`);
  });

  it('does not call a group that fell the most improved when every group fell', () => {
    const caption = trendCaption(t, 'UBND Phường Việt Trì', [result('2026-07', '80', { [A.key]: '10', [B.key]: '12' }), result('2026-08', '76', { [A.key]: '9', [B.key]: '9' })]);
    expect(caption).toBe(`${SPAN} 80 → 76. Không nhóm nào tăng điểm; giảm nhiều nhất: ${name(B.key)} (↓ 3).`);
    expect(caption).not.toContain('Tiến bộ');
  });

  it('names a single group scored at both ends once', () => {
    const caption = trendCaption(t, 'UBND Phường Việt Trì', [result('2026-07', '80', { [A.key]: '10', [B.key]: null }), result('2026-08', '81', { [A.key]: '11', [B.key]: '12' })]);
    expect(caption).toBe(`${SPAN} 80 → 81. Nhóm duy nhất có điểm ở cả hai kỳ: ${name(A.key)} (↑ 1).`);
  });

  it('says the groups did not move when none did', () => {
    const caption = trendCaption(t, 'UBND Phường Việt Trì', [result('2026-07', '80', { [A.key]: '10', [B.key]: '12' }), result('2026-08', '80', { [A.key]: '10', [B.key]: '12' })]);
    expect(caption).toBe(`${SPAN} 80 → 80. Điểm các nhóm không đổi.`);
  });
});

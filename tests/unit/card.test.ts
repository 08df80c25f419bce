/** The card says only what it knows: a rank without its base, the changes as the source printed them, nothing about groups without data. */
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_2024 } from '../../src/domain/framework.js';
import { renderCard, renderScoreAnswer } from '../../src/messages/card.js';
import { t } from '../../src/messages/i18n.js';
import type { ScoreCard } from '../../src/services/scores.js';

const importedAt = new Date('2025-08-06T02:00:00Z');

/** A card of a letter that printed a total, a rank "hạng 3" and "tăng 6,2 điểm", and no group. */
function letterCard(overrides: Partial<ScoreCard['result']> = {}): ScoreCard {
  const unit = { id: 1, code: null, portalId: null, name: 'UBND huyện Bắc Hà', nameKey: 'bac ha', kind: 'huyen' as const, parentId: null, createdAt: importedAt };
  return {
    unit,
    parent: null,
    framework: FRAMEWORK_2024,
    result: {
      id: 1,
      unitId: 1,
      revision: 1,
      importId: 1,
      createdAt: importedAt,
      period: '2025-07',
      frameworkVersion: FRAMEWORK_2024.version,
      total: '89.79',
      rank: 3,
      rankOf: null,
      rankScope: null,
      classification: null,
      scoreDelta: '6.2',
      scoreDeltaPercent: null,
      rankChange: null,
      groups: [],
      ...overrides,
    },
    groups: [],
    classification: { label: 'Tốt', computed: true },
    previous: { period: '2025-06', change: null },
    weakest: [],
    peers: null,
    source: { kind: 'letter', fileName: 'cong-van.txt', importedAt },
  };
}

describe('a card from a letter', () => {
  it('shows a rank printed without its base as printed', () => {
    expect(renderCard(t, letterCard()).lines).toContain('Xếp hạng: hạng 3');
  });

  it('shows the change the source printed when the period before is not stored, saying whose it is', () => {
    expect(renderCard(t, letterCard()).lines).toContain('So với kỳ trước: ↑ 6,2 điểm (theo công văn (cong-van.txt)).');
    expect(renderCard(t, letterCard({ scoreDelta: null })).lines).toContain('Chưa có kết quả tháng 06/2025 để so sánh.');
  });

  it('shows a percentage and the places the source printed, in one line with the points', () => {
    const line = (overrides: Partial<ScoreCard['result']>) => renderCard(t, letterCard(overrides)).lines.find((l) => l.startsWith('So với'));
    expect(line({ rankChange: 3 })).toBe('So với kỳ trước: ↑ 6,2 điểm, tăng 3 bậc (theo công văn (cong-van.txt)).');
    expect(line({ scoreDelta: null, scoreDeltaPercent: '-0.96' })).toBe('So với kỳ trước: ↓ 0,96% (theo công văn (cong-van.txt)).');
    expect(line({ scoreDelta: null, scoreDeltaPercent: '0.5', rankChange: -2 })).toBe('So với kỳ trước: ↑ 0,5%, giảm 2 bậc (theo công văn (cong-van.txt)).');
    expect(line({ scoreDelta: null, rankChange: 0 })).toBe('So với kỳ trước: giữ nguyên thứ hạng (theo công văn (cong-van.txt)).');
  });

  it('shows only the change computed from the period before when that period is stored', () => {
    const card = { ...letterCard({ scoreDeltaPercent: '0.5', rankChange: 3 }), previous: { period: '2025-06', change: { points: '0.4', ranks: 1 } } };
    const lines = renderCard(t, card).lines;
    expect(lines).toContain('So với tháng 06/2025: ↑ 0,4 điểm, ↑ 1 bậc');
    expect(lines.join('\n')).not.toContain('So với kỳ trước');
  });

  it('says the change is from the period before when the question compared with another ("so với tháng 4")', () => {
    const answer = { kind: 'card' as const, card: letterCard() };
    expect(renderScoreAnswer(t, answer, undefined, { kind: 'month', month: 6 }).lines.join('\n')).not.toContain('không so với');
    // Compared with its own period, or with none before it: nothing to say.
    expect(renderScoreAnswer(t, answer, undefined, { kind: 'month', month: 7 }).lines.join('\n')).not.toContain('không so với');
    expect(renderScoreAnswer(t, { kind: 'card', card: { ...letterCard(), previous: null } }, undefined, { kind: 'month', month: 4 }).lines.join('\n')).not.toContain('không so với');
    expect(renderScoreAnswer(t, answer, undefined, { kind: 'month', month: 4, year: 2025 }).lines).toContain(
      'Kết quả này so với kỳ liền trước (tháng 06/2025), không so với tháng 04/2025; xem kết quả tháng 04/2025: /diem tháng 04/2025',
    );
  });

  it('says nothing about the strength of groups it has no data for', () => {
    const lines = renderCard(t, letterCard()).lines;
    expect(lines).toContain('Chưa có dữ liệu nhóm chỉ số nào.');
    expect(lines.join('\n')).not.toContain('đạt từ 90%');
  });
});

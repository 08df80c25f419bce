import { describe, expect, it } from 'vitest';
import { decodeQuestion, encodeQuestion, MAX_ACTION_BYTES, type SettledQuestion } from '../../src/domain/question-action.js';

describe('the question a button carries', () => {
  it('comes back as it was sent', () => {
    const questions: SettledQuestion[] = [
      { intent: 'score', unitIds: [], period: { kind: 'latest' }, group: null, unitKind: null },
      { intent: 'rank', unitIds: [12], period: { kind: 'month', month: 8 }, group: null, unitKind: null },
      { intent: 'detail', unitIds: [12], period: { kind: 'month', month: 8, year: 2026 }, group: 'MDSH', unitKind: null },
      { intent: 'top', unitIds: [3], period: { kind: 'quarter', quarter: 3, year: 2026 }, group: null, unitKind: 'phuong' },
      { intent: 'compare', unitIds: [5, 7], period: { kind: 'year', year: 2025 }, group: null, unitKind: null },
    ];
    for (const q of questions) expect(decodeQuestion(encodeQuestion(q))).toEqual(q);
  });

  it('fits Telegram’s 64 bytes with two national-size ids, the longest period, group and kind', () => {
    const action = encodeQuestion({ intent: 'compare', unitIds: [9_999_999, 9_999_998], period: { kind: 'quarter', quarter: 4, year: 2026 }, group: 'CCDVTT', unitKind: 'so-nganh' });
    expect(Buffer.byteLength(action)).toBeLessThanOrEqual(MAX_ACTION_BYTES);
    expect(() => encodeQuestion({ intent: 'compare', unitIds: Array.from({ length: 12 }, (_, i) => 1_000_000 + i), period: { kind: 'latest' }, group: null, unitKind: null })).toThrow();
  });

  it('refuses data no button carries', () => {
    for (const forged of ['q:x:1::::', 'q:s:-1::::', 'q:s:1:2026-13:::', 'q:s:1::BAD::', 'q:s:1:::nowhere', 'q:s:1::::extra', 'pub:ack:2026-08', 'q:s:1.abc::::']) {
      expect(decodeQuestion(forged)).toBeNull();
    }
  });
});

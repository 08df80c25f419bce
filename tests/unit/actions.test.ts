import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction, MAX_ACTION_BYTES, type Action, type SettledQuestion } from '../../src/domain/actions.js';

const encodeQuestion = (question: SettledQuestion) => encodeAction({ kind: 'question', question });
const decodeQuestion = (data: string) => {
  const action = decodeAction(data);
  return action?.kind === 'question' ? action.question : null;
};

describe('the question a button carries', () => {
  it('comes back as it was sent', () => {
    const questions: SettledQuestion[] = [
      { intent: 'score', unitIds: [], period: { kind: 'latest' }, group: null, unitKind: null },
      { intent: 'rank', unitIds: [12], period: { kind: 'month', month: 8 }, group: null, unitKind: null },
      { intent: 'detail', unitIds: [12], period: { kind: 'month', month: 8, year: 2026 }, group: 'MDSH', unitKind: null },
      { intent: 'top', unitIds: [3], period: { kind: 'quarter', quarter: 3, year: 2026 }, group: null, unitKind: 'phuong' },
      { intent: 'compare', unitIds: [5, 7], period: { kind: 'year', year: 2025 }, group: null, unitKind: null },
      { intent: 'trend', unitIds: [12], period: { kind: 'latest' }, group: null, unitKind: null },
      { intent: 'trend', unitIds: [12], period: { kind: 'latest' }, group: null, unitKind: null, scale: 'quarter' },
      { intent: 'ranking-chart', unitIds: [12], period: { kind: 'month', month: 8 }, group: null, unitKind: null },
      { intent: 'bottom', unitIds: [], period: { kind: 'month', month: 8 }, group: null, unitKind: 'xa', count: 10 },
      { intent: 'top', unitIds: [], period: { kind: 'latest' }, group: null, unitKind: 'tinh', national: true, count: 5 },
    ];
    for (const q of questions) expect(decodeQuestion(encodeQuestion(q))).toEqual(q);
  });

  it('fits Telegram’s 64 bytes with two national-size ids, the longest period, group and kind', () => {
    const action = encodeQuestion({ intent: 'compare', unitIds: [9_999_999, 9_999_998], period: { kind: 'quarter', quarter: 4, year: 2026 }, group: 'CCDVTT', unitKind: 'so-nganh' });
    expect(Buffer.byteLength(action)).toBeLessThanOrEqual(MAX_ACTION_BYTES);
    expect(() => encodeQuestion({ intent: 'compare', unitIds: Array.from({ length: 12 }, (_, i) => 1_000_000 + i), period: { kind: 'latest' }, group: null, unitKind: null })).toThrow();
  });

  it('refuses data no button carries', () => {
    for (const forged of ['q:x:1::::', 'q:s:-1::::', 'q:s:1:2026-13:::', 'q:s:1::BAD::', 'q:s:1:::nowhere', 'q:s:1::::extra', 'q:h:1:::::w', 'pub:ack:2026-08', 'q:s:1.abc::::', 'q:t:1::::n0', 'q:t:1::::n100', 'q:t:1::::n5:q', 'q:t:1::::q:n5:n5']) {
      expect(decodeQuestion(forged)).toBeNull();
    }
  });

  it('decodes every kind of button as it encodes it, in the forms buttons already sent carry', () => {
    const actions: [Action, string][] = [
      [{ kind: 'import', choice: 'force', draftId: 12 }, 'import:force:12'],
      [{ kind: 'publish', period: '2026-08' }, 'pubgo:2026-08'],
      [{ kind: 'publish-cancel', period: '2026-Q3' }, 'pubno:2026-Q3'],
      [{ kind: 'collect', province: 'H44', period: '2026-08' }, 'colgo:H44:2026-08'],
      [{ kind: 'collect-cancel', province: 'H44', period: '2026' }, 'colno:H44:2026'],
      [{ kind: 'card-ack', period: '2026-08' }, 'pub:ack:2026-08'],
      [{ kind: 'card', view: 'rank', unitId: 5, period: '2026-08' }, 'pub:rank:5:2026-08'],
      [{ kind: 'task', step: 'note', taskId: 3, unitId: 5 }, 'task:note:3:5'],
      [{ kind: 'suggestion', unitId: 5, period: '2026-08', group: 'MDSH' }, 'sugg:5:2026-08:MDSH'],
    ];
    for (const [action, data] of actions) {
      expect(encodeAction(action)).toBe(data);
      expect(decodeAction(data)).toEqual(action);
    }
    for (const forged of ['import:maybe:1', 'import:ok:0', 'pubgo:2026-13', 'pub:ack:x', 'pub:look:5:2026-08', 'task:done:1:2', 'sugg:5:2026-08:XYZ', 'colgo:h44:2026-08', 'colgo:H44', 'nothing']) {
      expect(decodeAction(forged)).toBeNull();
    }
  });
});

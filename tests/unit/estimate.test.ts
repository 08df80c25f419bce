/** Estimates from the formulas: the group replaced in the total, ranges where a formula is uncertain, tasks by what they pay. */
import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/domain/estimate.js';
import { estimateGroup, groupRule, type GroupRule } from '../../src/domain/formulas.js';
import { FRAMEWORK_2024 } from '../../src/domain/framework.js';
import { orderByGain } from '../../src/domain/gains.js';
import type { CriterionScore, GroupScore, UnitResult } from '../../src/domain/result.js';

function rule(key: GroupScore['key']): GroupRule {
  const found = groupRule(key);
  if (!found) throw new Error(key);
  return found;
}

const counted = (code: string, numerator: string, denominator: string): CriterionScore => ({ code, name: code, numerator, denominator, rate: null, points: null, max: null, headline: false });

function result(groups: GroupScore[], total: string | null = '60'): UnitResult {
  return { period: '2026-08', frameworkVersion: FRAMEWORK_2024.version, total, rank: null, rankOf: null, rankScope: null, classification: null, scoreDelta: null, scoreDeltaPercent: null, rankChange: null, groups };
}

const payment: GroupScore = {
  key: 'TTTT',
  points: '6.2',
  max: '10',
  rate: null,
  criteria: [counted('ONLINE_PAYMENT_DOSSIER', '50', '100'), counted('ONLINE_PAYMENT_FORMALITY', '8', '10'), counted('PAYMENT_FEE_FORMALITY', '1', '10')],
};

describe('estimateGroup', () => {
  it('recomputes a group with one sub-criterion at another rate: caps at full', () => {
    // 6 × 0,9 + min(2; 2,5 × 0,8) + min(2; 2,5 × 0,1) = 5,4 + 2 + 0,25
    expect(estimateGroup(rule('TTTT'), { points: '6.2', criteria: payment.criteria }, { code: 'ONLINE_PAYMENT_DOSSIER', rate: 0.9 })).toEqual({ low: 7.65, high: 7.65 });
  });

  it('gives 5.2 and 5.3 full marks when there is no PAKN, and 5.4 full from 90 %', () => {
    const criteria = [counted('PETITION_PROCESSING_ON_TIME', '0', '0'), counted('PETITION_HANDLING_SATISFACTION', '0', '0'), counted('DOSSIER_RECEIVING_SATISFACTION', '70', '100')];
    expect(estimateGroup(rule('MDHL'), { points: '16.67', criteria }, { code: 'DOSSIER_RECEIVING_SATISFACTION', rate: 0.95 })).toEqual({ low: 18, high: 18 });
  });

  it('bounds DVC trực tuyến by what the group’s points allow the other sub-criteria', () => {
    // 3 points today; 3.3 at 60 % is full (6): the 3 points were 3.3's own (→ 6) or the others' (→ 9).
    expect(estimateGroup(rule('CLGQ'), { points: '3', criteria: [] }, { code: 'ONLINE_SUBMISSION', rate: 0.6 })).toEqual({ low: 6, high: 9 });
    expect(estimateGroup(rule('CLGQ'), { points: '10', criteria: [] }, { code: 'ONLINE_SUBMISSION', rate: 0.25 })).toEqual({ low: 7, high: 9 });
  });

  it('cannot estimate without the sub-criteria the rule needs', () => {
    expect(estimateGroup(rule('TTTT'), { points: '9.6', criteria: [] }, { code: 'ONLINE_PAYMENT_DOSSIER', rate: 0.9 })).toBeNull();
  });
});

describe('estimate', () => {
  it('replaces the one group in the stored total, exactly, and ranks it among the others', () => {
    const found = estimate(result([payment]), { group: 'TTTT', code: 'ONLINE_PAYMENT_DOSSIER' }, '90', ['62', '61.45', '61.44', null]);
    expect(found).toMatchObject({ points: { low: '7.65', high: '7.65' }, total: { low: '61.45', high: '61.45' }, rank: { low: { rank: 2, rankOf: 4 } }, rateNow: '50', uncertain: false });
  });

  it('refuses a result of the 2022 framework and a group without points', () => {
    expect(estimate({ ...result([payment]), frameworkVersion: '766-2022' }, { group: 'TTTT', code: 'ONLINE_PAYMENT_DOSSIER' }, '90', [])).toBe('no-rule');
    expect(estimate(result([]), { group: 'TTTT', code: 'ONLINE_PAYMENT_DOSSIER' }, '90', [])).toBe('no-group-data');
  });
});

describe('orderByGain', () => {
  it('counts what the change makes, not the formula’s distance from the stored points', () => {
    const drifted: GroupScore = { ...payment, points: '6.21' };
    expect(orderByGain(result([drifted]), ['TTTT'])[0]?.gain).toEqual({ low: '2.4', high: '2.4' });
  });

  it('puts the task that pays most first, a reached rate and an unknown gain last', () => {
    const progress: GroupScore = { key: 'TDGQ', points: '14', max: '20', rate: null, criteria: [counted('ON_TIME', '70', '100')] };
    const synced: GroupScore = { key: 'CKMB', points: '6', max: '18', rate: null, criteria: [...['PUBLISH_ON_TIME', 'PUBLIC_UPDATE_ON_TIME', 'PUBLIC_CONTENT_FULL'].map((c) => counted(c, '0', '0')), counted('DOSSIER_SYNC', '5', '5')] };
    const letter: GroupScore = { key: 'MDSH', points: '15.8', max: '22', rate: '71.7', criteria: [] };
    const order = orderByGain(result([synced, letter, payment, progress]), ['CKMB', 'MDSH', 'TTTT', 'TDGQ']);
    expect(order.map((g) => [g.group, g.gain])).toEqual([
      ['TDGQ', { low: '4', high: '4' }],
      ['TTTT', { low: '2.4', high: '2.4' }],
      ['CKMB', { low: '0', high: '0' }],
      ['MDSH', null],
    ]);
  });
});

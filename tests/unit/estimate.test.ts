/** Estimates from the formulas: the group replaced in the total, ranges where a formula is uncertain, tasks by what they pay. */
import { describe, expect, it } from 'vitest';
import { estimate } from '../../src/domain/estimate.js';
import { subtractDecimal } from '../../src/domain/decimal.js';
import { groupChange, groupPoints, groupRule, type GroupRule } from '../../src/domain/formulas.js';
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

const digitisation: CriterionScore[] = [
  counted('ORIGINAL_RESULT_AVAILABLE', '50', '100'),
  counted('SO_HOA_GIAY_TO_GIAI_QUYET', '50', '100'),
  counted('REUSED_DIGITIZED_DATA', '50', '100'),
  counted('SYNCED_WITH_DVCQG_PERSONAL_STORAGE', '30', '100'),
  counted('CITIZEN_DATA_CONNECTED_DOSSIER', '50', '100'),
  counted('CITIZEN_DATA_CONNECTED_FORMALITY', '50', '100'),
  { ...counted('ELECTRONIC_CERTIFIED_COPY', '0', '0'), numerator: null, denominator: null, rate: '50' },
];

describe('groupChange', () => {
  it('is the formula at the new rate less the formula as things stand: caps at full', () => {
    // 6 × (0,9 − 0,5) + min(2; 2,5 × 0,8) + min(2; 2,5 × 0,1), the last two unchanged; the stored 6,2 plays no part.
    expect(groupChange(rule('TTTT'), { points: '6.2', criteria: payment.criteria }, { code: 'ONLINE_PAYMENT_DOSSIER', rate: 0.9 })).toEqual({ low: 2.4, high: 2.4 });
  });

  it('gives 5.2 and 5.3 full marks when there is no PAKN, and 5.4 full from 90 %', () => {
    const criteria = [counted('PETITION_PROCESSING_ON_TIME', '0', '0'), counted('PETITION_HANDLING_SATISFACTION', '0', '0'), counted('DOSSIER_RECEIVING_SATISFACTION', '70', '100')];
    // 6 × 0,7 / 0,9 = 4,67 → 6.
    expect(groupChange(rule('MDHL'), { points: '16.67', criteria }, { code: 'DOSSIER_RECEIVING_SATISFACTION', rate: 0.95 })).toEqual({ low: 1.33, high: 1.33 });
  });

  it('bounds DVC trực tuyến by what the group’s points allow the other sub-criteria', () => {
    // 3 points today; 3.3 at 60 % is full (6): the 3 points were 3.3's own (+3) or the others' (+6).
    expect(groupChange(rule('CLGQ'), { points: '3', criteria: [] }, { code: 'ONLINE_SUBMISSION', rate: 0.6 })).toEqual({ low: 3, high: 6 });
    expect(groupChange(rule('CLGQ'), { points: '10', criteria: [] }, { code: 'ONLINE_SUBMISSION', rate: 0.25 })).toEqual({ low: -3, high: -1 });
  });

  it('ranges 4.4 over its two readings, both measured from 4.4 as it stands', () => {
    // 30 % today: 1,2 presumed, 2,4 full at 50 %; at 50 %: 2 or 4.
    expect(groupChange(rule('MDSH'), { points: '10', criteria: digitisation }, { code: 'SYNCED_WITH_DVCQG_PERSONAL_STORAGE', rate: 0.5 })).toEqual({ low: 0.8, high: 1.6 });
  });

  it('cannot estimate without the sub-criteria the rule needs', () => {
    expect(groupChange(rule('TTTT'), { points: '9.6', criteria: [] }, { code: 'ONLINE_PAYMENT_DOSSIER', rate: 0.9 })).toBeNull();
  });
});

describe('groupPoints', () => {
  it('applies the other reading of 4.4 only when 4.4 is the one set', () => {
    const asked = { code: 'SO_HOA_GIAY_TO_GIAI_QUYET', rate: 0.9 };
    expect(groupPoints(rule('MDSH'), digitisation, asked, 'other')).toBe(groupPoints(rule('MDSH'), digitisation, asked, 'presumed'));
    // 4.4 at 30 %: 1,2 presumed, 2,4 full at 50 %.
    const own = { code: 'SYNCED_WITH_DVCQG_PERSONAL_STORAGE', rate: 0.3 };
    expect((groupPoints(rule('MDSH'), digitisation, own, 'other') ?? 0) - (groupPoints(rule('MDSH'), digitisation, own) ?? 0)).toBeCloseTo(1.2, 9);
  });
});

describe('estimate', () => {
  /** The stored points 0,01 off the formula's 5,25, as the portal's rounding may leave them. */
  const drifted: GroupScore = { ...payment, points: '5.26' };

  it('adds the change to the stored group and total, exactly, and ranks both among the others', () => {
    const found = estimate(result([drifted]), { group: 'TTTT', code: 'ONLINE_PAYMENT_DOSSIER' }, '90', ['62', '62.41', '62.4', '59', null]);
    expect(found).toMatchObject({ points: { low: '7.66', high: '7.66' }, total: { low: '62.4', high: '62.4' }, rankNow: { rank: 4, rankOf: 5 }, rank: { low: { rank: 2, rankOf: 5 } }, rateNow: '50', uncertain: false });
  });

  it('changes nothing at the rate as it stands', () => {
    const found = estimate(result([drifted]), { group: 'TTTT', code: 'ONLINE_PAYMENT_DOSSIER' }, '50', ['62', '59']);
    expect(found).toMatchObject({ points: { low: '5.26', high: '5.26' }, total: { low: '60', high: '60' }, rankNow: { rank: 2, rankOf: 3 }, rank: { low: { rank: 2 }, high: { rank: 2 } } });
  });

  it('gains what the suggestions say for the same target', () => {
    const found = estimate(result([drifted]), { group: 'TTTT', code: 'ONLINE_PAYMENT_DOSSIER' }, '90', []);
    if (typeof found === 'string') throw new Error(found);
    expect(orderByGain(result([drifted]), ['TTTT'])[0]?.gain).toEqual({ low: subtractDecimal(found.points.low, found.pointsNow), high: subtractDecimal(found.points.high, found.pointsNow) });
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

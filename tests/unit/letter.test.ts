import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../src/domain/letter.js';

const SEED = readFileSync(new URL('../../samples/letters/myhao-2025-02.txt', import.meta.url), 'utf8');

describe('the seed letter (thị xã Mỹ Hào, 02/2025)', () => {
  const extraction = extractLetter(SEED);
  if (!extraction.ok) throw new Error('the seed letter must yield a result');
  const [result] = extraction.results;

  it('finds the unit, its province and the period', () => {
    expect(result?.unitName).toBe('thị xã Mỹ Hào');
    expect(result?.parentName).toBe('tỉnh Hưng Yên');
    expect(result?.period).toEqual({ kind: 'month', year: 2025, month: 2 });
  });

  it('keeps the total and rank as printed', () => {
    expect(result).toMatchObject({ total: '91.34', rank: 1, rankOf: 10, rankScope: 'huyện/thị xã/thành phố', frameworkVersion: '766-2024' });
  });

  it('reads the six groups as points, max and rate, never derived', () => {
    expect(result?.groups.map((g) => [g.key, g.points, g.max, g.rate])).toEqual([
      ['CKMB', '18', '18', '100'],
      ['TDGQ', '20', '20', '99.93'],
      ['CLGQ', '10', '12', '94.6'],
      ['TTTT', '9.6', '10', '82.41'],
      ['MDHL', '18', '18', '100'],
      ['MDSH', '15.8', '22', '71.7'],
    ]);
  });

  it('reads the three Số hóa sub-rates, the count as printed', () => {
    const mdsh = result?.groups.find((g) => g.key === 'MDSH');
    expect(mdsh?.criteria.map((c) => [c.code, c.numerator, c.rate])).toEqual([
      ['SO_HOA_GIAY_TO_GIAI_QUYET', null, '95.93'],
      ['ORIGINAL_RESULT_AVAILABLE', null, '95.93'],
      ['REUSED_DIGITIZED_DATA', '03', '0.08'],
    ]);
  });
});

describe('texts without a result', () => {
  it('says so rather than guessing', () => {
    expect(extractLetter('Thông báo kết quả Bộ chỉ số tháng 02/2025')).toEqual({ ok: false, reason: 'no-result' });
    expect(extractLetter('Kính gửi các xã, phường.')).toEqual({ ok: false, reason: 'no-period' });
  });
});

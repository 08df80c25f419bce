/** What a letter's result becomes as a row to store: the changes it prints, a percentage and places apart from points. */
import { describe, expect, it } from 'vitest';
import { letterBatch } from '../../src/imports/letter.js';

function storedChanges(text: string) {
  const { batch } = letterBatch(text, 'cv.txt');
  if (!batch) throw new Error('no batch');
  return batch.rows.map((r) => [r.unit.name, r.result.scoreDelta, r.result.scoreDeltaPercent, r.result.rankChange]);
}

describe('a letter row keeps the changes the letter prints', () => {
  it('a percentage in its own column, points in scoreDelta, places gained or lost', () => {
    expect(storedChanges('Tháng 6/2025, tỉnh Hà Nam với 83,07 điểm, giảm 0,96%, giảm 2 bậc; tỉnh Bắc Giang với 89,49 điểm, tăng 2,15 điểm và tăng 3 bậc.')).toEqual([
      ['tỉnh Hà Nam', null, '-0.96', -2],
      ['tỉnh Bắc Giang', '2.15', null, 3],
    ]);
  });

  it('"tăng 0,5%" and a rank that stays the same', () => {
    expect(storedChanges('Tháng 6/2025, xã An Bình đạt 92,1 điểm, tăng 0,5%, xếp thứ 3/20, giữ nguyên vị trí.')).toEqual([['xã An Bình', null, '0.5', 0]]);
  });

  it('nothing printed, nothing stored', () => {
    expect(storedChanges('Tháng 6/2025, xã An Bình đạt 92,1 điểm, xếp thứ 3/20.')).toEqual([['xã An Bình', null, null, null]]);
  });
});

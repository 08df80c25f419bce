/**
 * Texts a reviewer wrote to trap the extractor into a figure on the wrong unit or period: each row gives every
 * result the text must yield, and nothing else. A figure the extractor cannot place is allowed to be missing
 * from the row (missed is better than wrong); every figure it does store is checked.
 */
import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../src/domain/letter.js';
import { periodKey } from '../../src/domain/period.js';

type Row = [unit: string, period: string, total: string | null, rank: number | null, rankOf: number | null, rankChange: number | null];

function rows(text: string): Row[] {
  const extraction = extractLetter(text);
  if (!extraction.ok) return [];
  return extraction.results.map((r) => [r.unitName, periodKey(r.period), r.total, r.rank, r.rankOf, r.rankChange]);
}

const OCT = 'Tháng 10/2024, huyện Bát Xát đạt 90 điểm.';

const CASES: [string, Row[]][] = [
  // A score of another period that names no unit is nobody's, even in a text about one unit.
  [`${OCT} Tháng 9/2024, toàn tỉnh đạt 85/100 điểm.`, [['huyện Bát Xát', '2024-10', '90', null, null, null]]],
  [`${OCT} Tháng 9/2024, điểm cao nhất trong các huyện là 95/100 điểm.`, [['huyện Bát Xát', '2024-10', '90', null, null, null]]],
  [`${OCT} Tháng 9/2024, Sa Pa dẫn đầu với 95/100.`, [['huyện Bát Xát', '2024-10', '90', null, null, null]]],
  [
    'Năm 2023, tỉnh Quảng Nam đạt 67,9/100 điểm. Tháng 11/2023, địa phương dẫn đầu cả nước đạt 93,2/100 điểm.',
    [['tỉnh Quảng Nam', '2023', '67.9', null, null, null]],
  ],
  // Ranks of a second period in a sentence about other units.
  [`${OCT} Trong tháng 9, Sa Pa xếp thứ 1/9, Bát Xát xếp thứ 3/9.`, [['huyện Bát Xát', '2024-10', '90', null, null, null]]],
  // A month named in passing does not date what follows.
  [
    'Tháng 10/2024, huyện Bảo Thắng đạt 85,1 điểm (tháng 9 đạt 87,2 điểm), xếp thứ 3/9.',
    [
      ['huyện Bảo Thắng', '2024-10', '85.1', 3, 9, null],
      ['huyện Bảo Thắng', '2024-09', '87.2', null, null, null],
    ],
  ],
  [`${OCT} Từ tháng 9, huyện Bát Xát đã triển khai mô hình một cửa, nhờ đó xếp thứ 1/9.`, [['huyện Bát Xát', '2024-10', '90', null, null, null]]],
  [`${OCT} Sau khi tụt hạng ở tháng 9, huyện đã vươn lên xếp thứ 2/9, tăng 3 bậc.`, [['huyện Bát Xát', '2024-10', '90', null, null, null]]],
  [`${OCT} Huyện Bát Xát tiếp tục phấn đấu; cũng như tháng 9, huyện tiếp tục xếp loại Tốt và xếp thứ 2/9.`, [['huyện Bát Xát', '2024-10', '90', null, null, null]]],
  // A forecast is no result.
  [`${OCT} Dự kiến tháng 12, huyện Bát Xát sẽ đạt 95 điểm, xếp thứ 1/9.`, [['huyện Bát Xát', '2024-10', '90', null, null, null]]],
  // Last week's figure in a weekly text.
  ['Kết quả tuần 03 năm 2024: thành phố Việt Trì đạt 90,1 điểm. Tuần trước, huyện Lâm Thao đạt 85 điểm.', [['thành phố Việt Trì', '2024-W03', '90.1', null, null, null]]],
  // One phrase for several units: only the units it lists, never one named after the list.
  [
    'Tháng 10/2024, có 2 huyện tăng 2 bậc; huyện Bắc Hà đạt 70 điểm, huyện Sa Pa đạt 80 điểm, giảm 1 bậc.',
    [
      ['huyện Bắc Hà', '2024-10', '70', null, null, null],
      ['huyện Sa Pa', '2024-10', '80', null, null, -1],
    ],
  ],
  [
    'Tháng 10/2024, xếp thứ 8 và thứ 9 lần lượt là UBND Si Ma Cai (59 điểm) và huyện Mường Khương (58 điểm), trong khi huyện Bắc Hà đạt 70 điểm.',
    [
      ['UBND Si Ma Cai', '2024-10', '59', 8, null, null],
      ['huyện Mường Khương', '2024-10', '58', 9, null, null],
      ['huyện Bắc Hà', '2024-10', '70', null, null, null],
    ],
  ],
  [
    'Tháng 10/2024, có 2 đơn vị giảm 3 bậc là UBND Si Ma Cai và huyện Mường Khương (58 điểm), huyện Bắc Hà đạt 70 điểm, tăng 1 bậc.',
    [
      // Three names follow "2 đơn vị": whose the fall is, the text does not say.
      ['huyện Mường Khương', '2024-10', '58', null, null, null],
      ['huyện Bắc Hà', '2024-10', '70', null, null, 1],
    ],
  ],
  // "lần lượt" after the units: in their order.
  [
    'Tháng 10/2024, huyện Bát Xát đạt 90 điểm, huyện Sa Pa đạt 85 điểm, lần lượt xếp thứ 1 và thứ 2.',
    [
      ['huyện Bát Xát', '2024-10', '90', 1, null, null],
      ['huyện Sa Pa', '2024-10', '85', 2, null, null],
    ],
  ],
  // Another unit, named with "UBND" only, is not the text's only result.
  [`${OCT} UBND Sa Pa xếp thứ 1/9, tăng 2 bậc.`, [['huyện Bát Xát', '2024-10', '90', null, null, null]]],
  // The period of the heading before a colon dates the sentence's scores.
  [
    'Kết quả tháng 10/2024: huyện Bát Xát đạt 90/100 điểm. Tháng 9/2024, đơn vị dẫn đầu đạt 95/100 điểm.',
    [['huyện Bát Xát', '2024-10', '90', null, null, null]],
  ],
];

describe('texts that would put a figure on the wrong unit or period', () => {
  it.each(CASES)('%s', (text, expected) => {
    const got = rows(text);
    // Every figure stored is right; a missing result is tolerated only where the row above leaves it out.
    expect(got).toEqual(expected);
  });
});

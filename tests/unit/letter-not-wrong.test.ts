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
  // A second round of traps: sources, generic subjects, brackets, lists, gaps, periods in words, changes against another period.
  ['Theo Sở Nội vụ, tháng 10/2025 tỉnh đạt 85 điểm, xếp thứ 20/34.', []],
  ['Văn phòng UBND tỉnh cho biết, tháng 10/2025, tỉnh đạt 84,5 điểm, xếp thứ 22/34 tỉnh, thành phố.', []],
  ['Tháng 10/2025, Bảo hiểm Xã hội tỉnh Gia Lai đạt 90 điểm, xếp thứ 5/22.', [['Bảo hiểm Xã hội', '2025-10', '90', 5, 22, null]]],
  ['Tháng 10/2025, Sở Lao động - Thương binh và Xã hội tỉnh Nghệ An đạt 86 điểm.', [['Sở Lao động - Thương binh và Xã hội', '2025-10', '86', null, null, null]]],
  ['Tháng 10/2025, Sở Y tế (tỉnh Gia Lai) đạt 94,7 điểm, xếp thứ 1/20 sở, ngành.', [['Sở Y tế', '2025-10', '94.7', 1, 20, null]]],
  ['Tháng 10/2025, Phường 1 (TP. Cao Lãnh) đạt 90 điểm; Phường 2 (TP. Sa Đéc) đạt 88 điểm.', [['phường 1', '2025-10', '90', null, null, null], ['phường 2', '2025-10', '88', null, null, null]]],
  ['Tháng 10/2025, xã Hòa An, xã Hòa Bình và xã Hòa Phú lần lượt đạt 93,1 điểm, 90,5 điểm và 88 điểm.', [['xã Hòa An', '2025-10', '93.1', null, null, null], ['xã Hòa Bình', '2025-10', '90.5', null, null, null], ['xã Hòa Phú', '2025-10', '88', null, null, null]]],
  ['Tháng 10/2025, Sở Nội vụ và Sở Tư pháp lần lượt đạt 90 điểm và 88 điểm.', [['Sở Nội vụ', '2025-10', '90', null, null, null], ['Sở Tư pháp', '2025-10', '88', null, null, null]]],
  ['Tháng 10/2025, xã Phù Ninh đạt 85 điểm, kém xã Phù Lỗ 3 điểm.', [['xã Phù Ninh', '2025-10', '85', null, null, null]]],
  ['Tháng 10/2025, điểm của xã Kim Long thấp hơn xã Kim Sơn 3 điểm, đạt 85 điểm.', []],
  ['Kết quả Bộ chỉ số tháng 10/2025 của tỉnh Thanh Hóa. Sở Tư pháp đạt 96,1 điểm. Trong tháng 11/2025, các sở tiếp tục rà soát.', [['Sở Tư pháp', '2025-10', '96.1', null, null, null]]],
  ['Tháng Mười năm 2025, phường Thuận Hóa đạt 92 điểm, xếp thứ 1/40.', [['phường Thuận Hóa', '2025-10', '92', 1, 40, null]]],
  ['Quý ba năm 2025, huyện Yên Thành đạt 86 điểm, xếp thứ 4/20.', [['huyện Yên Thành', '2025-Q3', '86', 4, 20, null]]],
  ['Nửa đầu năm 2025, huyện Quỳnh Lưu đạt 84 điểm, xếp thứ 6/20.', []],
  ['Tuần 45/2025, phường Dĩ An đạt 91,3 điểm; tuần 44 phường đạt 90,8 điểm, xếp thứ 3/91.', [['phường Dĩ An', '2025-W45', '91.3', null, null, null]]],
  ['Tháng 10/2025, UBND xã Minh Tân đạt 87 điểm, xếp thứ 3/25. So với cùng kỳ năm 2024, xã tăng 10,5 điểm và tăng 12 bậc.', [['xã Minh Tân', '2025-10', '87', 3, 25, null]]],
  ['Tháng 10/2025, huyện Gia Lâm đạt 87,3 điểm, xếp thứ 4/30, tăng 8 bậc so với tháng 7/2025.', [['huyện Gia Lâm', '2025-10', '87.3', 4, 30, null]]],
  ['Tháng 10/2025, huyện Lục Nam đạt 86,2 điểm, tăng 7 bậc, từ vị trí thứ 15 lên vị trí thứ 8/10.', [['huyện Lục Nam', '2025-10', '86.2', 8, 10, 7]]],
  ['Tháng 11/2025, tỉnh Bắc Ninh ước đạt 92,4 điểm, xếp thứ 1/34.', []],
  ['Tháng 10/2025, xã An Bình đạt 88 điểm. Nếu hoàn thành số hóa, xã An Bình có thể tăng thêm 5 điểm, đạt 93 điểm.', [['xã An Bình', '2025-10', '88', null, null, null]]],
  ['Tháng 10/2025, tỉnh Phú Thọ có 20 đơn vị đạt loại xuất sắc, 90 đơn vị đạt loại tốt. Xã Hy Cương đạt 85 điểm, xếp thứ 40.', [['xã Hy Cương', '2025-10', '85', 40, null, null]]],
  ['Tháng 10/2025, Sở Xây dựng thấp nhất với 80,1 điểm, giảm 3 bậc.', [['Sở Xây dựng', '2025-10', '80.1', null, null, -3]]],
  ['Tháng 10/2025, Văn phòng Chính phủ công bố Bộ Công an đạt 85,2 điểm, xếp thứ 2/20 bộ, ngành.', [['Bộ Công an', '2025-10', '85.2', 2, 20, null]]],
  // A third round, on texts written like real ones.
  ['Tháng Tám năm 2025, phường Hồng Gai xếp thứ nhất trong 54 xã, phường, đặc khu của tỉnh Quảng Ninh với 95,8 điểm.', [['phường Hồng Gai', '2025-08', '95.8', 1, 54, null]]],
  ['Tháng 10/2025, huyện Phù Ninh đạt 91,4 điểm (tỉnh Phú Thọ đạt 88,2 điểm), xếp thứ 3/13.', [['huyện Phù Ninh', '2025-10', '91.4', 3, 13, null], ['tỉnh Phú Thọ', '2025-10', '88.2', null, null, null]]],
  ['Kết quả tháng 9 và quý III/2025: huyện Hương Sơn đạt 87,2 điểm trong tháng 9, xếp thứ 6/13; tính chung quý III đạt 85,9 điểm, xếp thứ 8/13.', []],
  ['Năm 2025, cả nước có 6 địa phương xếp loại Xuất sắc. Tỉnh Gia Lai đạt 92,05 điểm, xếp thứ 2/34; thành phố Hà Nội đạt 85,6 điểm, xếp thứ 17/34.', [['tỉnh Gia Lai', '2025', '92.05', 2, 34, null], ['thành phố Hà Nội', '2025', '85.6', 17, 34, null]]],
  ['Tháng 10/2025, huyện Nghi Lộc đạt 84,2 điểm, xếp thứ 7/20, thấp hơn huyện Diễn Châu (đứng đầu) 6,8 điểm.', [['huyện Nghi Lộc', '2025-10', '84.2', 7, 20, null]]],
  ['Tháng 9/2025, Công an tỉnh Gia Lai đạt 91,5 điểm, xếp thứ 3/22.', [['Công an', '2025-09', '91.5', 3, 22, null]]],
  ['Tháng 9/2025, Bộ Chỉ huy Quân sự tỉnh Nghệ An đạt 90 điểm.', [['Bộ Chỉ huy Quân sự', '2025-09', '90', null, null, null]]],
];

/** Group scores and classes: each stored one named. */
const GROUP_CASES: [string, [unit: string, groups: string, classification: string | null][]][] = [
  [
    'Tháng 10/2025, tỉnh Thái Nguyên đạt 84 điểm. Huyện Đại Từ đạt 80,5 điểm, xếp thứ 7/9. Chỉ số Công khai, minh bạch của tỉnh đạt 17,5/18 điểm; chỉ số Số hóa hồ sơ của tỉnh đạt 15,1/22 điểm.',
    [['tỉnh Thái Nguyên', '', null], ['huyện Đại Từ', '', null]],
  ],
  ['Tháng 10/2025, thị xã Đông Triều đạt 87 điểm. Về chỉ số thành phần, tỉnh Quảng Ninh đạt: Công khai, minh bạch 18/18 điểm; Mức độ hài lòng 17,9/18 điểm.', [['thị xã Đông Triều', '', null]]],
  ['Tháng 10/2025, huyện Pác Nặm đạt 82 điểm. Trung bình các huyện, chỉ số Tiến độ giải quyết đạt 18,2/20 điểm.', [['huyện Pác Nặm', '', null]]],
  ['Tháng 10/2025, huyện Chợ Đồn đạt 80 điểm. Chỉ số Số hóa hồ sơ (22 điểm) của huyện đạt 14,2 điểm.', [['huyện Chợ Đồn', 'MDSH=14.2', null]]],
];

describe('group scores and classes of traps', () => {
  it.each(GROUP_CASES)('%s', (text, expected) => {
    const extraction = extractLetter(text);
    const got = extraction.ok ? extraction.results.map((r) => [r.unitName, r.groups.map((g) => `${g.key}=${g.points}`).join(' '), r.classification]) : [];
    expect(got).toEqual(expected);
  });
});

describe('texts that would put a figure on the wrong unit or period', () => {
  it.each(CASES)('%s', (text, expected) => {
    const got = rows(text);
    // Every figure stored is right; a missing result is tolerated only where the row above leaves it out.
    expect(got).toEqual(expected);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../src/domain/letter.js';
import { periodKey } from '../../src/domain/period.js';

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

/** The one result of a text that must yield exactly one. */
function only(text: string) {
  const extraction = extractLetter(text);
  if (!extraction.ok) throw new Error(`no result: ${extraction.reason}`);
  expect(extraction.results).toHaveLength(1);
  return extraction.results[0] as NonNullable<(typeof extraction.results)[0]>;
}

const groupsOf = (result: { groups: { key: string; points: string | null; max: string; rate: string | null }[] }) =>
  result.groups.map((g) => [g.key, g.points, g.max, g.rate]);

describe('news items written as running sentences', () => {
  it('reads a province with its rank, change in points and places, and six groups in one sentence', () => {
    const result = only(
      'Theo kết quả công bố trên Cổng Dịch vụ công quốc gia, tháng 8/2026 tỉnh Phú Thọ đạt 85,28/100 điểm, xếp thứ 12/34 tỉnh, thành phố, ' +
        'tăng 2,15 điểm và tăng 3 bậc so với tháng trước. Trong đó, nhóm chỉ số Công khai, minh bạch đạt 17,5/18 điểm; Tiến độ giải quyết đạt ' +
        '19,5/20 điểm (97,5%); Dịch vụ công trực tuyến đạt 10,2/12 điểm; Thanh toán trực tuyến đạt 8,06/10 điểm; Mức độ hài lòng đạt 17,9/18 điểm ' +
        'và Số hóa hồ sơ đạt 12,12/22 điểm.',
    );
    expect(result).toMatchObject({
      unitName: 'tỉnh Phú Thọ',
      parentName: null,
      period: { kind: 'month', year: 2026, month: 8 },
      frameworkVersion: '766-2024',
      total: '85.28',
      rank: 12,
      rankOf: 34,
      rankScope: 'tỉnh, thành phố',
      classification: null,
      scoreDelta: '2.15',
      rankChange: 3,
      skipped: [],
    });
    expect(groupsOf(result)).toEqual([
      ['CKMB', '17.5', '18', null],
      ['TDGQ', '19.5', '20', '97.5'],
      ['CLGQ', '10.2', '12', null],
      ['TTTT', '8.06', '10', null],
      ['MDHL', '17.9', '18', null],
      ['MDSH', '12.12', '22', null],
    ]);
  });

  it('reads dot decimals, a fall with its sign, "điểm/18 điểm" and groups whose maximum comes from the framework', () => {
    const result = only(
      'Tháng 5/2025, phường Hùng Vương đạt 90.25 điểm, xếp loại Xuất sắc, đứng vị trí 2/15 xã, phường; giảm 0.75 điểm, giảm 1 bậc so với ' +
        'tháng 4/2025. Công khai, minh bạch: 17.5 điểm/18 điểm; tiến độ giải quyết đạt 19.98 điểm; mức độ hài lòng của người dân, doanh nghiệp đạt 18 điểm.',
    );
    expect(result).toMatchObject({
      unitName: 'phường Hùng Vương',
      period: { kind: 'month', year: 2025, month: 5 },
      total: '90.25',
      rank: 2,
      rankOf: 15,
      rankScope: 'xã, phường',
      classification: 'Xuất sắc',
      scoreDelta: '-0.75',
      rankChange: -1,
    });
    expect(groupsOf(result)).toEqual([
      ['CKMB', '17.5', '18', null],
      ['TDGQ', '19.98', '20', null],
      ['MDHL', '18', '18', null],
    ]);
  });

  it('keeps the total, not the national average nor the gap to it', () => {
    const result = only(
      'Theo Cổng Dịch vụ công quốc gia tháng 12/2025 tỉnh Hưng Yên đạt 87,6 điểm, cao hơn điểm trung bình cả nước (80,1 điểm) 7,5 điểm.',
    );
    expect(result).toMatchObject({ unitName: 'tỉnh Hưng Yên', total: '87.6', rank: null, scoreDelta: null, groups: [] });
  });

  it('takes the month reported as the letter\'s, and the month before as a second period with its own figures', () => {
    const extraction = extractLetter(
      'Tháng 7/2025, tỉnh Phú Thọ đạt 83,13 điểm, xếp thứ 15/34. Tháng 8/2025, tỉnh Phú Thọ đạt 85,28 điểm, xếp hạng 12/34, giữ nguyên vị trí so với cùng kỳ.',
    );
    expect(extraction.ok && extraction.results.map((r) => [r.unitName, periodKey(r.period), r.total, r.rank, r.rankOf, r.rankChange])).toEqual([
      ['tỉnh Phú Thọ', '2025-08', '85.28', 12, 34, null],
      ['tỉnh Phú Thọ', '2025-07', '83.13', 15, 34, null],
    ]);
  });

  it('gives each unit of a ranking its own total, rank and change', () => {
    const extraction = extractLetter(
      'Kết quả tháng 10/2025: xã An Bình đạt 92,1 điểm, xếp thứ 1/20 xã, phường; xã Phú Lộc đạt 88,4 điểm, xếp thứ 5/20 xã, phường, tăng 2 bậc. ' +
        'Điểm trung bình của tỉnh là 84,7/100 điểm.',
    );
    expect(extraction.ok && extraction.results.map((r) => [r.unitName, r.total, r.rank, r.rankOf, r.rankChange])).toEqual([
      ['xã An Bình', '92.1', 1, 20, null],
      ['xã Phú Lộc', '88.4', 5, 20, 2],
    ]);
  });

  it('reads group scores without a total when the unit is named, the total left empty', () => {
    const result = only('Tháng 11/2025, xã Yên Lạc có chỉ số Tiến độ giải quyết đạt 19,98 điểm, chỉ số Thanh toán trực tuyến đạt 9,5 điểm.');
    expect(result).toMatchObject({ unitName: 'xã Yên Lạc', total: null, rank: null, frameworkVersion: '766-2024' });
    expect(groupsOf(result)).toEqual([
      ['TDGQ', '19.98', '20', null],
      ['TTTT', '9.5', '10', null],
    ]);
  });
});

describe('letters in other layouts', () => {
  it('reads a five-group letter ("Cung cấp dịch vụ trực tuyến" out of 22) with a), b) items and rates in brackets', () => {
    const result = only(`Căn cứ Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ;
Phú Thọ, ngày 08 tháng 01 năm 2024
UBND tỉnh Phú Thọ thông báo kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính,
dịch vụ công tháng 12/2023 như sau:
1. Kết quả chung: UBND huyện Lâm Thao đạt 82,65 điểm, xếp loại Tốt, xếp thứ 5/13 huyện, thành, thị.
2. Kết quả từng nhóm chỉ số:
a) Công khai, minh bạch: 16,5/18 điểm (91,67%);
b) Tiến độ giải quyết: 19,2/20 điểm (96%);
c) Cung cấp dịch vụ trực tuyến: 15,45/22 điểm (70,23%);
d) Mức độ hài lòng: 18/18 điểm (100%);
đ) Số hóa hồ sơ: 13,5/22 điểm (61,36%).`);
    expect(result).toMatchObject({
      unitName: 'huyện Lâm Thao',
      parentName: 'tỉnh Phú Thọ',
      period: { kind: 'month', year: 2023, month: 12 },
      frameworkVersion: '766-2022',
      total: '82.65',
      rank: 5,
      rankOf: 13,
      rankScope: 'huyện, thành, thị',
      classification: 'Tốt',
    });
    expect(groupsOf(result)).toEqual([
      ['CKMB', '16.5', '18', '91.67'],
      ['TDGQ', '19.2', '20', '96'],
      ['CCDVTT', '15.45', '22', '70.23'],
      ['MDHL', '18', '18', '100'],
      ['MDSH', '13.5', '22', '61.36'],
    ]);
  });

  it('reads a quarter ("quý I/2025"), not the date the letter is signed, and a "Tổng điểm" line under the unit', () => {
    const result = only(`ỦY BAN NHÂN DÂN HUYỆN LÂM THAO
Lâm Thao, ngày 10 tháng 4 năm 2025
Về việc thông báo kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp quý I/2025
UBND huyện thông báo kết quả đánh giá quý 1 năm 2025 của UBND xã Hùng Sơn như sau:
- Tổng điểm: 88,5/100 điểm; xếp loại Khá; xếp thứ 3 trên 14 xã, thị trấn.
- Chỉ số Công khai minh bạch: 18/18 điểm;
- Chỉ số Tiến độ giải quyết: 19,98/20 điểm;
- Chỉ số Dịch vụ công trực tuyến: 18,52/22 điểm;
- Chỉ số Mức độ hài lòng: 16/18 điểm;
- Chỉ số Số hóa hồ sơ: 16/22 điểm.`);
    expect(result).toMatchObject({
      unitName: 'xã Hùng Sơn',
      period: { kind: 'quarter', year: 2025, quarter: 1 },
      frameworkVersion: '766-2022',
      total: '88.5',
      rank: 3,
      rankOf: 14,
      rankScope: 'xã, thị trấn',
      classification: 'Khá',
    });
    expect(result.groups.map((g) => g.key)).toEqual(['CKMB', 'TDGQ', 'CCDVTT', 'MDHL', 'MDSH']);
  });

  it('reads a sở, "tháng 3 năm 2025", "đứng thứ" and group lines printed without the word "điểm"', () => {
    const result = only(
      'Kết quả Bộ chỉ số tháng 3 năm 2025 của Sở Tư pháp tỉnh Hưng Yên: đạt 95,12/100 điểm, đứng thứ 1/19 sở, ban, ngành. ' +
        'Chỉ số Công khai minh bạch 18/18; Tiến độ giải quyết 20/20; Dịch vụ công trực tuyến 12/12; Thanh toán trực tuyến 9,12/10; ' +
        'Mức độ hài lòng 18/18; Số hóa hồ sơ 18/22.',
    );
    expect(result).toMatchObject({
      unitName: 'Sở Tư pháp',
      parentName: 'tỉnh Hưng Yên',
      period: { kind: 'month', year: 2025, month: 3 },
      total: '95.12',
      rank: 1,
      rankOf: 19,
      rankScope: 'sở, ban, ngành',
    });
    expect(groupsOf(result).map(([key, points]) => `${key} ${points}`)).toEqual(['CKMB 18', 'TDGQ 20', 'CLGQ 12', 'TTTT 9.12', 'MDHL 18', 'MDSH 18']);
  });

  it('reads "UBND xã …, huyện …, tỉnh …" as the commune with its district, and "xếp thứ a trên b"', () => {
    const result = only('Tháng 9/2025, UBND xã Thanh Toàn, huyện Thanh Ba, tỉnh Phú Thọ đạt 91,5/100 điểm, xếp thứ 2 trên 19 xã, thị trấn.');
    expect(result).toMatchObject({ unitName: 'xã Thanh Toàn', parentName: 'huyện Thanh Ba', total: '91.5', rank: 2, rankOf: 19, rankScope: 'xã, thị trấn', groups: [] });
  });

  it('takes a year, "tổng điểm x" and keeps a total without groups when unit, total and period are named', () => {
    const result = only('Năm 2025, tỉnh Hưng Yên đạt tổng điểm 86,02, xếp thứ 15/34 tỉnh, thành phố.');
    expect(result).toMatchObject({ unitName: 'tỉnh Hưng Yên', period: { kind: 'year', year: 2025 }, total: '86.02', rank: 15, rankOf: 34, groups: [] });
  });

  it('reads "tháng 2 năm 2025", a city, and the merged online group named with payments; ignores a year-on-year change', () => {
    const result = only(
      'Kết quả chấm điểm Bộ chỉ số tháng 2 năm 2025 của thành phố Hà Nội: tổng điểm 89,13, xếp thứ 3/34, tăng 0,5 điểm so với cùng kỳ năm trước; ' +
        'Dịch vụ công trực tuyến và thanh toán trực tuyến: 20,1/22 điểm.',
    );
    expect(result).toMatchObject({ unitName: 'thành phố Hà Nội', period: { kind: 'month', year: 2025, month: 2 }, frameworkVersion: '766-2022', total: '89.13', scoreDelta: null });
    expect(groupsOf(result)).toEqual([['CCDVTT', '20.1', '22', null]]);
  });

  it('reads the seed letter with dot decimals the same', () => {
    const result = only(SEED.replace('91,34', '91.34').replace('9,6/10', '9.6/10').replace('99,93%', '99.93%'));
    expect(result).toMatchObject({ unitName: 'thị xã Mỹ Hào', total: '91.34', rank: 1, rankOf: 10 });
    expect(groupsOf(result).slice(1, 4)).toEqual([
      ['TDGQ', '20', '20', '99.93'],
      ['CLGQ', '10', '12', '94.6'],
      ['TTTT', '9.6', '10', '82.41'],
    ]);
  });
});

describe('figures that cannot be right', () => {
  it('leaves out a total above 100 and points above a group maximum, keeps the rest and says what was left out', () => {
    const result = only(
      'Tháng 02/2025, xã Tân Tiến đạt 105 điểm. Chỉ số Công khai minh bạch: 19,5/18 điểm; Chỉ số Tiến độ giải quyết: 20/20 điểm; ' +
        'Chỉ số Số hóa hồ sơ: 15.810/22 điểm; + Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa: 2.348 hồ sơ, đạt 61,2%.',
    );
    expect(result.total).toBeNull();
    // "15.810" is a score: the dot is a decimal point; "2.348 hồ sơ" is a count: the dot groups thousands.
    expect(groupsOf(result)).toEqual([
      ['TDGQ', '20', '20', null],
      ['MDSH', '15.810', '22', null],
    ]);
    expect(result.groups[1]?.criteria.map((c) => [c.code, c.numerator, c.rate])).toEqual([['REUSED_DIGITIZED_DATA', '2348', '61.2']]);
    expect(result.skipped).toEqual([
      { what: 'total', printed: '105 điểm', reason: 'above-max' },
      { what: 'CKMB', printed: '19,5/18 điểm', reason: 'above-max' },
    ]);
  });

  it('leaves out a rank beyond the ranking and a printed maximum the framework does not have', () => {
    const result = only(
      'Tháng 1/2026, phường Việt Hưng đạt 80,4 điểm, xếp thứ 40/34. Chỉ số Dịch vụ công trực tuyến: 11,5/12 điểm; Chỉ số Tiến độ giải quyết: 18/25 điểm.',
    );
    expect(result).toMatchObject({ total: '80.4', rank: null, rankOf: null });
    expect(groupsOf(result)).toEqual([['CLGQ', '11.5', '12', null]]);
    expect(result.skipped).toEqual([
      { what: 'TDGQ', printed: '18/25 điểm', reason: 'max-mismatch' },
      { what: 'rank', printed: 'xếp thứ 40/34', reason: 'rank-out-of-range' },
    ]);
  });
});

describe('texts that hold no result', () => {
  it('a title, a news item without scores, counts and rates only, a total without a unit', () => {
    for (const text of [
      'Kết quả Bộ chỉ số 766 tháng 6/2025: nhiều địa phương có chuyển biến tích cực, điểm số tăng mạnh.',
      'Trong tháng 4/2025, thị xã Mỹ Hào tiếp nhận 2.348 hồ sơ, giải quyết đúng hạn 99,5%, xếp thứ 2/10.',
      'Tháng 4/2025, tổng điểm đạt 88 điểm, tăng 2 điểm.',
      'UBND xã Hòa Bình: tháng 4/2025 đạt 140/100 điểm.',
    ]) {
      // A figure printed without a unit is listed as unread, never stored.
      expect(extractLetter(text), text).toMatchObject({ ok: false, reason: 'no-result' });
    }
  });

  it('a cumulative period ("6 tháng đầu năm") is no period: it is not stored as the year', () => {
    expect(extractLetter('Kết quả đánh giá 6 tháng đầu năm 2025, xã Hùng Sơn đạt 88 điểm.')).toEqual({ ok: false, reason: 'no-period' });
  });
});

/** Every result of a text as [unit, total, rank, rankOf, classification, change, rank change]. */
function table(text: string, options: { period?: string | null } = {}) {
  const extraction = extractLetter(text, options);
  if (!extraction.ok) throw new Error(`no result: ${extraction.reason}`);
  return extraction.results.map((r) => [r.unitName, r.total, r.rank, r.rankOf, r.classification, r.scoreDelta, r.rankChange]);
}

describe('each figure on the unit its sentence gives it to', () => {
  it('a name in brackets right after a score is that score\'s unit, never the next score\'s', () => {
    const extraction = extractLetter('Tháng 6/2025, điểm số cao nhất là 97,12 điểm (Sở Tư pháp) và thấp nhất là 81,05 điểm (Sở Y tế).');
    expect(extraction.ok && extraction.results.map((r) => [r.unitName, r.total])).toEqual([
      ['Sở Tư pháp', '97.12'],
      ['Sở Y tế', '81.05'],
    ]);
  });

  it('a province\'s own sentence keeps its classification and changes; a district named later gets only its own', () => {
    expect(
      table(
        'Năm 2024, tỉnh Hà Giang đạt 84,40/100 điểm, xếp thứ 12/63 tỉnh, thành phố, xếp loại Tốt, tăng 9,10 điểm và tăng 4 hạng. ' +
          'Trong các huyện, huyện Vị Xuyên đạt 88,2 điểm.',
      ),
    ).toEqual([
      ['tỉnh Hà Giang', '84.40', 12, 63, 'Tốt', '9.10', 4],
      ['huyện Vị Xuyên', '88.2', null, null, null, null, null],
    ]);
  });

  it('units in a list separated by semicolons each keep the rank and change of their own item', () => {
    expect(
      table('Tháng 10/2024: xếp hạng thứ 2 là huyện Bắc Hà đạt 89,79 điểm (tháng 9 xếp hạng thứ 5); xếp hạng thứ 3 là thành phố Lào Cai đạt 88,81 điểm, giảm 2 bậc.'),
    ).toEqual([
      ['huyện Bắc Hà', '89.79', 2, null, null, null, null],
      ['thành phố Lào Cai', '88.81', 3, null, null, null, -2],
      // "(tháng 9 xếp hạng thứ 5)": Bắc Hà's rank in September, the month before, on its own.
      ['huyện Bắc Hà', null, 5, null, null, null, null],
    ]);
  });

  it('a name printed without its kind, subject of its own clause, takes the score; the province before it keeps its own', () => {
    expect(table('Tháng 5/2025, về phía tỉnh Quảng Nam, Nam Giang đạt 89,07 điểm. Tỉnh Quảng Nam đạt 82,8 điểm.').map((r) => [r[0], r[1]])).toEqual([
      ['Nam Giang', '89.07'],
      ['tỉnh Quảng Nam', '82.8'],
    ]);
  });

  it('a score with no unit in its sentence is not stored: it is listed unread with its sentence', () => {
    const extraction = extractLetter('Tháng 5/2025, tỉnh Quảng Nam đạt 82,8 điểm. Điểm cao nhất của cấp xã là 97,12 điểm.');
    if (!extraction.ok) throw new Error('expected a result');
    expect(extraction.results.map((r) => [r.unitName, r.total])).toEqual([['tỉnh Quảng Nam', '82.8']]);
    expect(extraction.unread).toEqual([{ printed: '97,12 điểm', sentence: 'Điểm cao nhất của cấp xã là 97,12 điểm.' }]);
  });

  it('a classification before "gồm" is every listed unit\'s; "và 6 huyện xếp loại khá" is none of theirs', () => {
    expect(
      table('Năm 2024, có 3 địa phương được xếp loại tốt, gồm: Nam Giang (88,35 điểm), Hiệp Đức (87,35 điểm), Phước Sơn (80,73 điểm) và 6 huyện xếp loại khá.').map((r) => [r[0], r[1], r[4]]),
    ).toEqual([
      ['Nam Giang', '88.35', 'Tốt'],
      ['Hiệp Đức', '87.35', 'Tốt'],
      ['Phước Sơn', '80.73', 'Tốt'],
    ]);
  });

  it('a group of another province named in its sentence is not this province\'s', () => {
    const result = only('Tháng 5/2025, tỉnh Phú Thọ đạt 85,2 điểm. Trong khi đó tỉnh Hà Nam có chỉ số Thanh toán trực tuyến đạt 9,5/10 điểm.');
    expect(result).toMatchObject({ unitName: 'tỉnh Phú Thọ', total: '85.2', groups: [] });
  });

  it('averages are no unit\'s result', () => {
    expect(table('Năm 2024, bình quân cả nước đạt 77,3 điểm; tỉnh Quảng Nam đạt 82,8 điểm, cao hơn mức trung bình 80,1 điểm.')).toEqual([
      ['tỉnh Quảng Nam', '82.8', null, null, null, null, null],
    ]);
  });
});

describe('the period: the text, else the date line, else the one given', () => {
  const body = 'UBND xã Hùng Sơn đạt 88,5/100 điểm, xếp thứ 3/14 xã, thị trấn.';
  const periodOf = (text: string, period: string | null = null) => {
    const extraction = extractLetter(text, { period });
    return extraction.ok ? [extraction.results[0]?.period, extraction.periodSource] : extraction.reason;
  };

  it('takes the text\'s own period before anything given', () => {
    expect(periodOf(`Kết quả tháng 7/2025: ${body}`, '2025-01')).toEqual([{ kind: 'month', year: 2025, month: 7 }, 'text']);
  });

  it('takes a month without a year in the year of the date line', () => {
    expect(periodOf(`Lâm Thao, ngày 05 tháng 8 năm 2025\nKết quả tháng 7: ${body}`)).toEqual([{ kind: 'month', year: 2025, month: 7 }, 'text']);
  });

  it('takes the month of the date line when the text names no period', () => {
    expect(periodOf(`Lâm Thao, ngày 05 tháng 8 năm 2025\nKết quả Bộ chỉ số: ${body}`)).toEqual([{ kind: 'month', year: 2025, month: 8 }, 'date-line']);
  });

  it('takes the period given (--period) when the text names none, and refuses without one', () => {
    expect(periodOf(`Kết quả Bộ chỉ số: ${body}`, '2025-Q2')).toEqual([{ kind: 'quarter', year: 2025, quarter: 2 }, 'given']);
    expect(periodOf(`Kết quả Bộ chỉ số: ${body}`)).toBe('no-period');
  });

  it('a week is read as the week, not as its year', () => {
    expect(periodOf(`Bộ chỉ số 766 tuần 03 năm 2024: ${body}`)).toEqual([{ kind: 'week', year: 2024, week: 3 }, 'text']);
  });
});

describe('ranks and units as officials write them', () => {
  it.each([
    ['xếp hạng 3', 3],
    ['xếp hạng nhì', 2],
    ['đạt hạng nhất', 1],
    ['đứng thứ hai', 2],
    ['ở vị trí thứ ba', 3],
    ['dẫn đầu các xã, phường', 1],
    ['đứng đầu tỉnh', 1],
  ])('"%s" is rank %i, without a base', (words, rank) => {
    expect(only(`Tháng 6/2025, xã An Bình đạt 92,1 điểm, ${words}.`)).toMatchObject({ unitName: 'xã An Bình', rank, rankOf: null });
  });

  it('"cuối bảng" and "thấp nhất" are no rank; "Ba đơn vị dẫn đầu" is nobody\'s', () => {
    expect(only('Tháng 6/2025, xã An Bình đạt 62,1 điểm, đứng cuối bảng.')).toMatchObject({ rank: null });
    expect(only('Tháng 6/2025, xã An Bình đạt 95,1 điểm. Ba đơn vị dẫn đầu đều đạt trên 94 điểm.')).toMatchObject({ rank: null });
  });

  it('reads TP., TX., H. and a ministry whose name holds a dash or a lower-case "và"', () => {
    expect(
      table(
        'Năm 2024, TP. Huế đạt 88,1 điểm; TX. Hương Trà đạt 85 điểm; H. Phong Điền đạt 80 điểm. ' +
          'Bộ Khoa học - Công nghệ với 29,01 điểm; Bộ Lao động Thương binh và xã hội với 48,12 điểm.',
      ).map((r) => [r[0], r[1]]),
    ).toEqual([
      ['thành phố Huế', '88.1'],
      ['thị xã Hương Trà', '85'],
      ['huyện Phong Điền', '80'],
      ['Bộ Khoa học - Công nghệ', '29.01'],
      ['Bộ Lao động Thương binh và xã hội', '48.12'],
    ]);
  });
});

describe('bad and odd texts', () => {
  it('a text without any figure says so', () => {
    expect(extractLetter('Tháng 5/2025, UBND tỉnh đề nghị các sở, ngành tiếp tục nâng cao chất lượng phục vụ người dân.')).toEqual({ ok: false, reason: 'no-result' });
  });

  it('refuses the same unit twice with different totals in one period, naming both sentences', () => {
    expect(extractLetter('Tháng 5/2025, xã An Bình đạt 92,1 điểm. Theo bảng tổng hợp, xã An Bình đạt 90,4 điểm.')).toEqual({
      ok: false,
      reason: 'conflict',
      conflicts: [{ unit: 'xã An Bình', first: 'Tháng 5/2025, xã An Bình đạt 92,1 điểm.', second: 'Theo bảng tổng hợp, xã An Bình đạt 90,4 điểm.' }],
    });
  });

  it('the same total printed twice is one result', () => {
    expect(table('Năm 2024, Bộ Công Thương đạt 83,15 điểm. Với 83,15 điểm, Bộ Công Thương đứng đầu các bộ.')).toEqual([['Bộ Công Thương', '83.15', 1, null, null, null, null]]);
  });

  it('a table flattened into one line stores nothing it cannot bind', () => {
    const extraction = extractLetter(
      'Kết quả tháng 5/2025 STT Đơn vị Tổng điểm Xếp hạng 1 Xã An Bình 92,1 1 2 Xã Phú Lộc 88,4 2 3 Xã Tân Tiến 85,0 3',
    );
    // Nothing says which number is whose: no figure is stored rather than a guess.
    expect(extraction.ok ? extraction.results.map((r) => [r.unitName, r.total]) : extraction.reason).toEqual('no-result');
  });

  it('reads a table flattened into one line when each row prints "điểm"', () => {
    expect(
      table('Kết quả tháng 5/2025: 1. Xã An Bình: 92,1 điểm, xếp thứ 1/3; 2. Xã Phú Lộc: 88,4 điểm, xếp thứ 2/3; 3. Xã Tân Tiến: 85,0 điểm, xếp thứ 3/3.').map((r) => [r[0], r[1], r[2]]),
    ).toEqual([
      ['xã An Bình', '92.1', 1],
      ['xã Phú Lộc', '88.4', 2],
      ['xã Tân Tiến', '85.0', 3],
    ]);
  });

  it('reads 1 MB of text (the time is printed, not asserted)', () => {
    const paragraph = 'Tháng 5/2025, UBND tỉnh tiếp tục chỉ đạo các sở, ngành nâng cao chất lượng phục vụ người dân, doanh nghiệp. ';
    const text = `${paragraph.repeat(Math.ceil(1_000_000 / paragraph.length))}Xã An Bình đạt 92,1 điểm, xếp thứ 1/20.`;
    const started = performance.now();
    const extraction = extractLetter(text);
    console.log(`extractLetter on ${(text.length / 1e6).toFixed(2)} M characters: ${Math.round(performance.now() - started)} ms`);
    expect(extraction.ok && extraction.results.map((r) => [r.unitName, r.total, r.rank])).toEqual([['xã An Bình', '92.1', 1]]);
  });

  it('reads 1 MB of ranking lines that give the month before in brackets: two periods (the time is printed, not asserted)', () => {
    const names = ['An', 'Bình', 'Phú', 'Lộc', 'Tân', 'Tiến', 'Hòa', 'Sơn', 'Đông', 'Tây', 'Nam', 'Bắc', 'Trung', 'Long', 'Hải', 'Thành'];
    const lines: string[] = ['Kết quả tháng 5/2025:'];
    let length = 0;
    for (let i = 0; length < 1_000_000; i++) {
      const name = [0, 1, 2, 3].map((k) => names[Math.floor(i / 16 ** k) % 16]).join(' ');
      const line = `xã ${name} đạt ${80 + (i % 20)},5 điểm (tháng 4 đạt ${70 + (i % 20)} điểm), xếp thứ ${1 + (i % 50)}/50.`;
      lines.push(line);
      length += line.length + 1;
    }
    const started = performance.now();
    const extraction = extractLetter(lines.join(' '));
    console.log(`extractLetter on ${lines.length - 1} lines with the month before (${(length / 1e6).toFixed(2)} M characters): ${Math.round(performance.now() - started)} ms`);
    expect(extraction.ok && new Set(extraction.results.map((r) => periodKey(r.period)))).toEqual(new Set(['2025-05', '2025-04']));
  });

  it('reads 1 MB of ranking lines, thousands of units (the time is printed, not asserted)', () => {
    const names = ['An', 'Bình', 'Phú', 'Lộc', 'Tân', 'Tiến', 'Hòa', 'Sơn', 'Đông', 'Tây', 'Nam', 'Bắc', 'Trung', 'Long', 'Hải', 'Thành'];
    const lines: string[] = ['Kết quả tháng 5/2025:'];
    let length = 0;
    for (let i = 0; length < 1_000_000; i++) {
      const name = [0, 1, 2, 3].map((k) => names[Math.floor(i / 16 ** k) % 16]).join(' ');
      const line = `xã ${name} đạt ${80 + (i % 20)},5 điểm, xếp thứ ${1 + (i % 50)}/50, tăng 1 bậc.`;
      lines.push(line);
      length += line.length + 1;
    }
    const started = performance.now();
    const extraction = extractLetter(lines.join(' '));
    console.log(`extractLetter on ${lines.length - 1} ranking lines (${(length / 1e6).toFixed(2)} M characters): ${Math.round(performance.now() - started)} ms`);
    expect(extraction.ok).toBe(true);
  });
});

describe('changes as printed', () => {
  const printed = (text: string) => {
    const extraction = extractLetter(text);
    return extraction.ok ? extraction.results.map((r) => [r.unitName, r.printedDelta, r.scoreDelta, r.rankChange]) : extraction.reason;
  };

  it('keeps the sign of its verb and a percentage as printed, points apart', () => {
    expect(printed('Năm 2024, tỉnh Hà Nam với 83,07 điểm, giảm 0,96%; tỉnh Bắc Giang với 89,49 điểm, tăng 2,15 điểm và tăng 3 bậc.')).toEqual([
      ['tỉnh Hà Nam', '-0,96%', null, null],
      ['tỉnh Bắc Giang', '+2,15', '2.15', 3],
    ]);
  });

  it('a percentage far from the total is a rate of something else, not the change', () => {
    expect(printed('Năm 2024, tỉnh Hà Nam đạt 83,07 điểm. Tỷ lệ hồ sơ trực tuyến của tỉnh tăng 12%.')).toEqual([['tỉnh Hà Nam', null, null, null]]);
  });

  it('a group named before a colon takes the score after "Đạt"', () => {
    expect(groupsOf(only('Tháng 8/2025, tỉnh Tuyên Quang đạt 79,1 điểm. Công khai, minh bạch: Đạt 9,9 điểm, cho thấy sự nghiêm túc.'))).toEqual([['CKMB', '9.9', '18', null]]);
  });
});

describe('a score phrase before its subject', () => {
  it('"Với 83,15 điểm, tăng 6,6% …, Bộ Công Thương đứng đầu": the subject that follows', () => {
    expect(table('Năm 2024, với 83,15 điểm, tăng 6,6% so với năm 2023, Bộ Công Thương đứng đầu các bộ.').map((r) => [r[0], r[1], r[2]])).toEqual([['Bộ Công Thương', '83.15', 1]]);
  });

  it('not when another score or a sentence end stands between', () => {
    expect(extractLetter('Năm 2024, với 83,15 điểm. Bộ Công Thương đứng đầu các bộ.')).toEqual({
      ok: false,
      reason: 'no-result',
      unread: [
        { printed: '83,15 điểm', sentence: 'Năm 2024, với 83,15 điểm.' },
        { printed: 'đứng đầu', sentence: 'Bộ Công Thương đứng đầu các bộ.' },
      ],
    });
  });
});

describe('more results from one text', () => {
  it('a unit ranked without a score, in a sentence about the index, is a result; a rank on another measure is not', () => {
    expect(table('Năm 2025, tỉnh Gia Lai xếp thứ 2/34 tỉnh, thành phố cả nước về Chỉ số phục vụ người dân và doanh nghiệp.')).toEqual([
      ['tỉnh Gia Lai', null, 2, 34, null, null, null],
    ]);
    expect(extractLetter('Năm 2025, về chứng thực điện tử, tỉnh Gia Lai xếp thứ 2/34 tỉnh, thành phố.')).toMatchObject({ ok: false, reason: 'no-result' });
  });

  it('the period the score sentences give: a year figure; a month figure of another period is that month\'s', () => {
    const extraction = extractLetter(
      'Tổng số điểm năm 2023 tỉnh Quảng Nam đến ngày 27/11/2023 là 67,9/100 điểm; tỉnh xếp loại Trung bình khá. Điểm số tháng 11/2023 của tỉnh Quảng Nam đạt 72,8/100.',
    );
    expect(extraction.ok && extraction.results.map((r) => [r.unitName, periodKey(r.period), r.total, r.classification])).toEqual([
      ['tỉnh Quảng Nam', '2023', '67.9', 'Trung bình khá'],
      ['tỉnh Quảng Nam', '2023-11', '72.8', null],
    ]);
  });
});

describe('a month named without its year beside a figure', () => {
  it('the month named last before a figure dates it; a month only compared with does not', () => {
    expect(
      table(
        'Tháng 10/2024: huyện Bát Xát đạt 90,04 điểm. Huyện Bát Xát có 2 tháng liên tiếp (tháng 9 và tháng 10) đứng đầu (tháng 9 đạt 88,1 điểm). ' +
          'Trong tháng 10, so với tháng 9, huyện Bảo Thắng đạt 84,64 điểm, giảm 6 bậc.',
      ),
    ).toEqual([
      ['huyện Bát Xát', '90.04', null, null, null, null, null],
      ['huyện Bảo Thắng', '84.64', null, null, null, null, -6],
      // "(tháng 9 đạt 88,1 điểm)" is September's; "(tháng 9 và tháng 10) đứng đầu" dates the rank to neither month alone: left out.
      ['huyện Bát Xát', '88.1', null, null, null, null, null],
    ]);
  });
});

describe('forms read from the corpus, in texts of their own', () => {
  it('a classification list of departments printed without "Sở", names holding commas kept whole', () => {
    expect(
      table('Tháng 10/2023, tỉnh Quảng Nam đạt 82,8 điểm. Nhóm các sở xếp loại tốt gồm: Tư pháp, Văn hóa, Thể thao và Du lịch, Giao thông vận tải. Nhóm khá gồm các sở: Y tế, Ban Quản lý các Khu kinh tế.').map((r) => [r[0], r[1], r[4]]),
    ).toEqual([
      ['tỉnh Quảng Nam', '82.8', null],
      ['Sở Tư pháp', null, 'Tốt'],
      ['Sở Văn hóa, Thể thao và Du lịch', null, 'Tốt'],
      ['Sở Giao thông vận tải', null, 'Tốt'],
      ['Sở Y tế', null, 'Khá'],
      ['Ban Quản lý các Khu kinh tế', null, 'Khá'],
    ]);
  });

  it('a list without a classification in its heading is nobody\'s result', () => {
    expect(table('Tháng 10/2023, huyện Nam Giang đạt 89,07 điểm. Các địa phương nằm ở tốp cuối gồm: Quế Sơn, Tây Giang và Nông Sơn.').map((r) => r[0])).toEqual(['huyện Nam Giang']);
  });

  it('"với 91,18, xếp loại xuất sắc" is a total without the word "điểm"; "với 91,18 hồ sơ" is not', () => {
    expect(table('Năm 2024, Sở Công thương dẫn đầu bảng tổng điểm với 91,18, xếp loại xuất sắc.').map((r) => [r[0], r[1], r[2], r[4]])).toEqual([['Sở Công thương', '91.18', 1, 'Xuất sắc']]);
    expect(extractLetter('Năm 2024, Sở Công thương dẫn đầu với 91,18 hồ sơ.').ok).toBe(false);
  });

  it('a leading "với x/max điểm" takes the group named after it when the maximum is that group\'s', () => {
    const extraction = extractLetter('Tháng 10/2023, tỉnh Quảng Nam đạt 82,8 điểm. Theo đó, với 9,6/10 điểm, chỉ số thanh toán trực tuyến là điểm sáng của tỉnh.');
    expect(extraction.ok && extraction.results[0]?.groups.map((g) => [g.key, g.points])).toEqual([['TTTT', '9.6']]);
    const wrongMax = extractLetter('Tháng 10/2023, tỉnh Quảng Nam đạt 82,8 điểm. Theo đó, với 9,6/12 điểm, chỉ số thanh toán trực tuyến là điểm sáng của tỉnh.');
    expect(wrongMax.ok && wrongMax.results[0]?.groups).toEqual([]);
  });

  it('"vị trí thứ 3 là tỉnh X" ranks X; the office of a province\'s committee keeps "tỉnh" in its name', () => {
    expect(table('Năm 2024, vị trí thứ 3 là tỉnh Bắc Giang với 89,49 điểm.').map((r) => [r[0], r[2]])).toEqual([['tỉnh Bắc Giang', 3]]);
    expect(table('Tháng 10/2025, Văn phòng Ủy ban nhân dân tỉnh tiếp tục đứng đầu với 95,38 điểm.').map((r) => [r[0], r[1], r[2]])).toEqual([['Văn phòng Ủy ban nhân dân tỉnh', '95.38', 1]]);
  });

  it('a ministry named like a plan ("Bộ Kế hoạch và Đầu tư") is still a unit, and a plan is still no score', () => {
    expect(table('Năm 2024, Bộ Kế hoạch và Đầu tư với 71,22 điểm, giảm 1,3% so với năm ngoái.').map((r) => [r[0], r[1]])).toEqual([['Bộ Kế hoạch và Đầu tư', '71.22']]);
    expect(table('Năm 2024, tỉnh Hà Nam đạt 80,1 điểm; kế hoạch năm 2025 đạt 90 điểm.').map((r) => [r[0], r[1]])).toEqual([['tỉnh Hà Nam', '80.1']]);
  });

  it('ranks and a change one phrase gives several units, "lần lượt", only when the counts agree', () => {
    const text = (n: string) => `Tháng 10/2024, có ${n} đơn vị bị giảm 6 bậc xếp hạng so với tháng 9, lần lượt xếp hạng thứ 8 và thứ 9 là huyện Mường Khương (87,07 điểm) và huyện Bảo Thắng (84,64 điểm).`;
    expect(table(text('2')).map((r) => [r[0], r[2], r[6]])).toEqual([
      ['huyện Mường Khương', 8, -6],
      ['huyện Bảo Thắng', 9, -6],
    ]);
    expect(table(text('3')).map((r) => [r[0], r[6]])).toEqual([
      ['huyện Mường Khương', null],
      ['huyện Bảo Thắng', null],
    ]);
  });

  it('a headline without a stop ends its sentence at the blank line, when paragraphs end with stops', () => {
    const text = 'Văn phòng Ủy ban nhân dân tỉnh dẫn đầu các sở, ngành\n\nTháng 10/2025, Sở Tư pháp đứng thứ 2 với 94,76 điểm.\n\nTiếp đến là Sở Y tế 94,55 điểm.';
    expect(table(text).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Sở Tư pháp', '94.76', 2],
      ['Sở Y tế', '94.55', null],
    ]);
  });
});

/** A phụ lục's table in a letter's text: rows with their cells apart by "|" or tabs, under a header naming the columns. */
import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../src/domain/letter.js';

const TITLE = 'Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 02/2025 của các xã, phường (phụ lục kèm theo)';

function rows(text: string) {
  const read = extractLetter(text);
  if (!read.ok) throw new Error(`not read: ${JSON.stringify(read)}`);
  return read.results.map((r) => ({ unit: r.unitName, total: r.total, rank: r.rank, rankOf: r.rankOf, groups: r.groups.map((g) => `${g.key} ${g.points}/${g.max}`), skipped: r.skipped }));
}

describe('a phụ lục table', () => {
  it('reads each row under a header of unit, total and rank, with "|" between the cells, and no average or sum as a unit', () => {
    const text = [TITLE, '| STT | Đơn vị | Tổng điểm | Xếp hạng |', '| 1 | Phường Bần Yên Nhân | 91,6 | 1/13 |', '| 2 | Xã Hòa Phong | 87 | 2/13 |', '| 3 | Tống Trân | 85 | 3/13 |', '| | Trung bình toàn thị xã | 86,4 | |', '| | Tổng cộng | 178,6 | |'].join('\n');
    expect(rows(text)).toEqual([
      { unit: 'Phường Bần Yên Nhân', total: '91.6', rank: 1, rankOf: 13, groups: [], skipped: [] },
      { unit: 'Xã Hòa Phong', total: '87', rank: 2, rankOf: 13, groups: [], skipped: [] },
      { unit: 'Tống Trân', total: '85', rank: 3, rankOf: 13, groups: [], skipped: [] },
    ]);
  });

  it('reads the groups a header names, with their maximum, and leaves out a figure above it', () => {
    const header = ['TT', 'Tên đơn vị', 'Công khai, minh bạch (18 điểm)', 'Tiến độ giải quyết (20 điểm)', 'Dịch vụ công trực tuyến (12 điểm)', 'Thanh toán trực tuyến (10 điểm)', 'Mức độ hài lòng (18 điểm)', 'Số hóa hồ sơ (22 điểm)', 'Tổng điểm'];
    const text = [TITLE, header.join('\t'), ['1', 'Phường Bần Yên Nhân', '17,5', '19,8', '11', '9,2', '18', '16,1', '91,6'].join('\t'), ['2', 'Xã Dương Quang', '19', '20', '10', '8', '17', '14', '88'].join('\t')].join('\n');
    const [first, second] = rows(text);
    expect(first?.groups).toEqual(['CKMB 17.5/18', 'TDGQ 19.8/20', 'CLGQ 11/12', 'TTTT 9.2/10', 'MDHL 18/18', 'MDSH 16.1/22']);
    expect(second?.groups).not.toContain('CKMB 19/18');
    expect(second?.skipped).toEqual([{ what: 'CKMB', printed: '19', reason: 'above-max' }]);
  });

  it('reads the sentences around it as before, and refuses a unit the table prints with another total than they do', () => {
    const agreeing = [`${TITLE}. Phường Bần Yên Nhân đạt 91,6 điểm, xếp thứ nhất.`, 'STT | Đơn vị | Tổng điểm', '1 | Phường Bần Yên Nhân | 91,6', '2 | Xã Hòa Phong | 87'].join('\n');
    expect(rows(agreeing).map((r) => [r.unit, r.total])).toEqual([
      ['phường Bần Yên Nhân', '91.6'],
      ['Xã Hòa Phong', '87'],
    ]);
    const disagreeing = agreeing.replace('1 | Phường Bần Yên Nhân | 91,6', '1 | Phường Bần Yên Nhân | 90,6');
    expect(extractLetter(disagreeing)).toMatchObject({ ok: false, reason: 'conflict', conflicts: [{ unit: 'Phường Bần Yên Nhân', second: '1 | Phường Bần Yên Nhân | 90,6' }] });
  });

  it('reads no row whose cells do not line up with the header, nor a table without a unit column', () => {
    const misaligned = [TITLE, 'STT | Đơn vị | Tổng điểm | Xếp hạng', '1 | Phường Bần Yên Nhân | 91,6', '2 | Xã Hòa Phong | 87 | 2'].join('\n');
    expect(rows(misaligned).map((r) => r.unit)).toEqual(['Xã Hòa Phong']);
    const noUnit = [TITLE, 'Tháng | Tổng điểm | Xếp hạng', '01/2025 | 90 | 2', '02/2025 | 91,6 | 1'].join('\n');
    expect(extractLetter(noUnit)).toMatchObject({ ok: false, reason: 'no-result' });
  });
});

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

  it('reads the next table by its own header, not as rows of the one before (two Word tables a blank line apart)', () => {
    const text = [
      TITLE,
      'STT | Đơn vị | Tổng điểm | Xếp hạng',
      '1 | Xã A | 90 | 1',
      '',
      'STT | Đơn vị | Công khai, minh bạch (18 điểm) | Tiến độ giải quyết (20 điểm)',
      '1 | Xã C | 17,5 | 19',
    ].join('\n');
    expect(rows(text).map((r) => [r.unit, r.total, r.rank, r.groups])).toEqual([
      ['Xã A', '90', 1, []],
      ['Xã C', null, null, ['CKMB 17.5/18', 'TDGQ 19/20']],
    ]);
  });

  it('reads nothing in doubt: a bare "Điểm" of one group, two totals side by side, a "(%)" beside a group, a rate', () => {
    const unread = (header: string, row: string) => extractLetter([TITLE, header, row].join('\n'));
    // "Điểm" with no group beside it may be one group's points: its rank too is that group's, so nothing is read.
    expect(extractLetter([TITLE, 'Phụ lục II: Điểm chỉ số Công khai, minh bạch', 'STT | Đơn vị | Điểm', '1 | Xã A | 17,5'].join('\n'))).toMatchObject({ ok: false, reason: 'no-result' });
    expect(unread('STT | Đơn vị | Tổng điểm | Tổng điểm', '1 | Xã A | 80 | 85')).toMatchObject({ ok: false, reason: 'no-result' });
    expect(unread('STT | Đơn vị | Công khai, minh bạch (%)', '1 | Xã A | 15')).toMatchObject({ ok: false, reason: 'no-result' });
    expect(unread('STT | Đơn vị | Tổng điểm (%)', '1 | Xã A | 95')).toMatchObject({ ok: false, reason: 'no-result' });
  });

  it('takes no heading, sum or average row for a unit', () => {
    const text = [
      TITLE,
      'STT\tĐơn vị\tTổng điểm',
      'I\tKhối phường\t88',
      '1\tPhường Bần Yên Nhân\t91,6',
      '\tCao nhất\t91,6',
      '\tĐiểm bình quân\t86,4',
      '\tTB\t86,4',
    ].join('\n');
    expect(rows(text).map((r) => r.unit)).toEqual(['Phường Bần Yên Nhân']);
  });

  it('keeps the header for the sentences, so its period is the letter’s, and reads no table whose caption names another period', () => {
    const dated = ['Hưng Yên, ngày 05 tháng 4 năm 2025', 'STT | Đơn vị | Tổng điểm tháng 3/2025 | Xếp hạng', '1 | Xã A | 90 | 1'].join('\n');
    const read = extractLetter(dated);
    expect(read.ok && read.results.map((r) => [r.unitName, r.period, r.rank])).toEqual([['Xã A', { kind: 'month', year: 2025, month: 3 }, 1]]);
    const another = [`${TITLE.replace('02/2025', '03/2025')}. Xã B đạt 90 điểm.`, 'Phụ lục: Kết quả tháng 02/2025', 'STT | Đơn vị | Tổng điểm', '1 | Xã C | 85'].join('\n');
    expect(rows(another).map((r) => r.unit)).toEqual(['xã B']);
  });

  it('knows a row and a sentence name one unit however it is written, and refuses two totals for it', () => {
    const text = [`${TITLE}. Phường Bần Yên Nhân đạt 91,6 điểm.`, 'STT | Xã, phường | Tổng điểm', '1 | Bần Yên Nhân | 90'].join('\n');
    expect(extractLetter(text)).toMatchObject({ ok: false, reason: 'conflict', conflicts: [{ unit: 'Bần Yên Nhân' }] });
  });
});

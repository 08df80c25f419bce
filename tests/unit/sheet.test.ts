import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportRejected, MAX_IMPORT_BYTES, MAX_PROBLEMS, type ImportProblem } from '../../src/imports/problems.js';
import type { ImportBatch } from '../../src/imports/save.js';
import { parseSheet } from '../../src/imports/sheet/parse.js';
import { recogniseHeader, TEMPLATE_COLUMNS } from '../../src/imports/sheet/columns.js';
import { templateDescription, writeTemplate } from '../../src/imports/sheet/template.js';

const PERIOD = '2026-08';

function csvLine(cells: readonly string[], delimiter = ','): string {
  return cells.map((c) => (c.includes(delimiter) || c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter);
}

function csv(rows: readonly (readonly string[])[], fileName = 'ket-qua.csv') {
  return { fileName, bytes: new TextEncoder().encode(rows.map((r) => csvLine(r)).join('\n')), period: PERIOD };
}

async function xlsx(rows: ExcelJS.CellValue[][], style?: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Trang tính 1');
  for (const row of rows) sheet.addRow(row);
  style?.(sheet, workbook);
  return { fileName: 'ket-qua.xlsx', bytes: new Uint8Array(await workbook.xlsx.writeBuffer()), period: PERIOD };
}

async function problemsOf(input: Parameters<typeof parseSheet>[0]): Promise<ImportProblem[]> {
  try {
    await parseSheet(input);
  } catch (error) {
    if (error instanceof ImportRejected) return error.problems;
    throw error;
  }
  throw new Error('the sheet was accepted');
}

/** Bytes as Windows saves "CSV" in Vietnamese: windows-1258, tones as combining marks where no precomposed letter exists. */
function windows1258(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1258');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
  const bytes: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = table.get(ch);
    if (direct !== undefined) {
      bytes.push(direct);
      continue;
    }
    const [base = '', ...marks] = ch.normalize('NFD');
    const tones = marks.filter((m) => table.has(m));
    const letter = (base + marks.filter((m) => !table.has(m)).join('')).normalize('NFC');
    for (const part of [letter, ...tones]) {
      const b = table.get(part);
      if (b === undefined) throw new Error(`no windows-1258 byte for ${part}`);
      bytes.push(b);
    }
  }
  return new Uint8Array(bytes);
}

const summary = (batch: ImportBatch) =>
  batch.rows.map(({ unit, result }) => ({
    name: unit.name,
    kind: unit.kind,
    code: unit.code,
    parent: unit.parent?.name ?? null,
    total: result.total,
    rank: result.rank,
    rankOf: result.rankOf,
    groups: result.groups.map((g) => [g.key, g.points, g.max, g.rate]),
  }));

const EXAMPLES = [
  {
    name: 'UBND tỉnh Phú Thọ',
    kind: 'tinh',
    code: null,
    parent: null,
    total: '59.92',
    rank: null,
    rankOf: null,
    groups: [
      ['CKMB', '7.96', '18', '44.22'],
      ['TDGQ', '15.68', '20', '78.38'],
      ['CLGQ', '8.83', '12', '73.58'],
      ['TTTT', '6.25', '10', '62.5'],
      ['MDHL', '12.96', '18', '72'],
      ['MDSH', '8.24', '22', '37.45'],
    ],
  },
  {
    name: 'UBND Phường Việt Trì',
    kind: 'phuong',
    code: null,
    parent: 'UBND tỉnh Phú Thọ',
    total: '62.88',
    rank: null,
    rankOf: null,
    groups: [
      ['CKMB', '7.96', '18', '44.22'],
      ['TDGQ', '15.81', '20', '79.03'],
      ['CLGQ', '6.48', '12', '54'],
      ['TTTT', '6.69', '10', '66.9'],
      ['MDHL', '17.26', '18', '95.89'],
      ['MDSH', '8.68', '22', '39.45'],
    ],
  },
];

describe('the template', () => {
  it('reads back from xlsx as its two example rows, exact strings, the ward under the province row', async () => {
    const batch = await parseSheet({ fileName: 'mau.xlsx', bytes: await writeTemplate('xlsx'), period: '08/2026' });
    expect(batch).toMatchObject({ source: 'sheet', fileName: 'mau.xlsx', period: PERIOD });
    expect(summary(batch)).toEqual(EXAMPLES);
    const [province, ward] = batch.rows;
    expect(ward?.unit.parent).toBe(province?.unit);
    expect(ward?.result).toMatchObject({ period: PERIOD, frameworkVersion: '766-2024', classification: null, scoreDelta: null });
  });

  it('reads back from csv (UTF-8 with BOM, commas) the same', async () => {
    const bytes = await writeTemplate('csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe(TEMPLATE_COLUMNS.map((c) => (c.header.includes(',') ? `"${c.header}"` : c.header)).join(','));
    expect(summary(await parseSheet({ fileName: 'mau.csv', bytes, period: PERIOD }))).toEqual(EXAMPLES);
  });

  it('has a data sheet "Kết quả" and a guide naming every column', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await writeTemplate('xlsx')) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Kết quả', 'Hướng dẫn']);
    const guide = workbook.getWorksheet('Hướng dẫn');
    const firstCells: string[] = [];
    guide?.eachRow((row) => firstCells.push(row.getCell(1).text));
    for (const column of TEMPLATE_COLUMNS) expect(firstCells).toContain(column.header);
    expect(firstCells).toContain('2.1 Hồ sơ xử lý trước hạn, đúng hạn – điểm');
    expect(templateDescription().length).toBeGreaterThan(2);
  });

  it('recognises headers regardless of case, diacritics and punctuation, or by machine key', () => {
    const keyOf = (text: string) => {
      const match = recogniseHeader(text);
      return match.kind === 'column' ? match.column.key : match.kind;
    };
    expect(['TEN DON VI', 'tên  đơn vị', 'ten_don_vi'].map(keyOf)).toEqual(['ten_don_vi', 'ten_don_vi', 'ten_don_vi']);
    expect(['Cong khai minh bach - diem', 'CKMB (điểm)', 'ckmb_diem', 'Tiến độ – tỉ lệ %'].map(keyOf)).toEqual([
      'ckmb_diem',
      'ckmb_diem',
      'ckmb_diem',
      'tdgq_ty_le',
    ]);
    expect(['4.6 – tỷ lệ (%)', '4.6 Chứng thực bản sao điện tử từ bản chính – tỷ lệ (%)', '4.6_ty_le'].map(keyOf)).toEqual([
      '4.6_ty_le',
      '4.6_ty_le',
      '4.6_ty_le',
    ]);
    expect(['4.6 Hồ sơ thanh toán – điểm', '9.9 – điểm', 'Ghi chú', 'Tổng số điểm', 'Chỉ số Chuyển đổi số – điểm', 'Chuyển đổi số (điểm)'].map(keyOf)).toEqual([
      'unknown',
      'unknown',
      'unknown',
      'unknown',
      'unknown-group',
      'unknown-group',
    ]);
  });
});

describe('files as people make them', () => {
  it('reads a semicolon CSV with decimal commas, a Kỳ column and a parent given by code', async () => {
    const text = [
      'Kỳ;Mã đơn vị;Tên đơn vị;Đơn vị cấp trên;Tổng điểm;Xếp hạng;Số đơn vị xếp hạng;Xếp loại;Công khai, minh bạch – điểm;Công khai, minh bạch – tỷ lệ (%)',
      '08/2026;h44;UBND tỉnh Phú Thọ;;59,92;;;;7,96;44,22',
      '2026-08;H44.100;UBND Phường Việt Trì;H44;62,88;5;148;Khá;7,96;44,22%',
      ';;;;;;;;;',
    ].join('\r\n');
    const batch = await parseSheet({ fileName: 'Kết quả.CSV', bytes: new TextEncoder().encode(text), period: PERIOD });
    expect(summary(batch)).toEqual([
      { name: 'UBND tỉnh Phú Thọ', kind: 'tinh', code: 'H44', parent: null, total: '59.92', rank: null, rankOf: null, groups: [['CKMB', '7.96', '18', '44.22']] },
      { name: 'UBND Phường Việt Trì', kind: 'phuong', code: 'H44.100', parent: 'UBND tỉnh Phú Thọ', total: '62.88', rank: 5, rankOf: 148, groups: [['CKMB', '7.96', '18', '44.22']] },
    ]);
    expect(batch.rows[1]?.result.classification).toBe('Khá');
    expect(batch.rows[1]?.unit.parent).toBe(batch.rows[0]?.unit);
  });

  it('reads a windows-1258 CSV and gives NFC text', async () => {
    const bytes = windows1258('Tên đơn vị;Đơn vị cấp trên;Tổng điểm;Số hóa hồ sơ – điểm\r\nUBND Phường Việt Trì;UBND tỉnh Phú Thọ;62,88;8,68\r\n');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const batch = await parseSheet({ fileName: 'kq.csv', bytes, period: PERIOD });
    expect(summary(batch)).toEqual([
      { name: 'UBND Phường Việt Trì', kind: 'phuong', code: null, parent: 'UBND tỉnh Phú Thọ', total: '62.88', rank: null, rankOf: null, groups: [['MDSH', '8.68', '22', null]] },
    ]);
    expect(batch.rows[0]?.unit.name).toBe('UBND Phường Việt Trì'.normalize('NFC'));
    expect(batch.rows[0]?.unit.parent?.kind).toBe('tinh');
  });

  it('reads xlsx as Excel shows it: formula results, rich text, percent cells, a month typed as a date, the "Kết quả" sheet', async () => {
    const input = await xlsx(
      [
        ['Kỳ', 'Tên đơn vị', 'Tổng điểm', 'Tiến độ giải quyết – điểm', 'Tiến độ giải quyết – tỷ lệ (%)'],
        [new Date(Date.UTC(2026, 7, 1)), { richText: [{ text: 'UBND Phường ' }, { text: 'Việt Trì', font: { bold: true } }] }, { formula: 'SUM(D2,47.07)', result: 62.879999999999995 }, 15.81, 0.7903],
      ],
      (sheet, workbook) => {
        sheet.name = 'Kết quả';
        sheet.getCell('E2').numFmt = '0.00%';
        workbook.addWorksheet('Ghi chú').addRow(['Không phải dữ liệu']);
        workbook.worksheets.reverse();
      },
    );
    const batch = await parseSheet(input);
    expect(summary(batch)).toEqual([
      { name: 'UBND Phường Việt Trì', kind: 'phuong', code: null, parent: null, total: '62.88', rank: null, rankOf: null, groups: [['TDGQ', '15.81', '20', '79.03']] },
    ]);
  });

  it('reads sub-criterion columns by number, name optional, counts kept as written', async () => {
    const batch = await parseSheet(
      csv([
        ['Tên đơn vị', 'Tổng điểm', 'Tiến độ giải quyết – điểm', '2.1 – tử số', '2.1 Hồ sơ xử lý trước hạn, đúng hạn – mẫu số', '2.1_ty_le', '2.1 – điểm', 'Số hóa hồ sơ – điểm', '4.3 – tử số'],
        ['UBND Phường Việt Trì', '62.88', '15.81', '2.348', '2971', '79,03', '15.81', '8.68', '03'],
      ]),
    );
    const onTime = { code: 'ON_TIME', name: 'Hồ sơ xử lý trước hạn, đúng hạn', numerator: '2348', denominator: '2971', rate: '79.03', points: '15.81', max: '20', headline: false };
    const reused = { code: 'REUSED_DIGITIZED_DATA', name: 'Hồ sơ khai thác, sử dụng lại dữ liệu số hóa', numerator: '03', denominator: null, rate: null, points: null, max: '2', headline: false };
    expect(batch.rows[0]?.result.groups).toEqual([
      { key: 'TDGQ', points: '15.81', max: '20', rate: null, criteria: [onTime] },
      { key: 'MDSH', points: '8.68', max: '22', rate: null, criteria: [reused] },
    ]);
    expect(await problemsOf(csv([['Tên đơn vị', 'Tổng điểm', '4.3 – tử số'], ['UBND Phường Việt Trì', '62.88', '03']]))).toEqual([
      { code: 'missing-value', file: 'ket-qua.csv', row: 2, column: 'Số hóa hồ sơ – điểm' },
    ]);
  });

  it('a parent named loosely is the row of the sheet it names', async () => {
    const batch = await parseSheet(
      csv([
        ['Tên đơn vị', 'Đơn vị cấp trên', 'Tổng điểm'],
        ['UBND Phường Việt Trì', 'tinh phu tho', '62.88'],
        ['UBND tỉnh Phú Thọ', '', '59.92'],
      ]),
    );
    expect(batch.rows[0]?.unit.parent).toBe(batch.rows[1]?.unit);
  });
});

describe('bad files, each problem with its file, row, column and value', () => {
  const HEAD = ['Mã đơn vị', 'Tên đơn vị', 'Đơn vị cấp trên', 'Tổng điểm', 'Xếp hạng', 'Số đơn vị xếp hạng', 'Công khai, minh bạch – điểm', 'Công khai, minh bạch – tỷ lệ (%)'];
  const row = (cells: Partial<Record<(typeof HEAD)[number], string>>) => HEAD.map((h) => cells[h] ?? '');
  const GOOD = { 'Tên đơn vị': 'UBND Phường Việt Trì', 'Tổng điểm': '62.88' };
  const file = 'ket-qua.csv';

  it('an empty file', async () => {
    expect(await problemsOf({ fileName: file, bytes: new Uint8Array(), period: PERIOD })).toEqual([{ code: 'empty-file', file }]);
  });

  it('a file over the size limit', async () => {
    expect(await problemsOf({ fileName: file, bytes: new Uint8Array(MAX_IMPORT_BYTES + 1), period: PERIOD })).toEqual([
      { code: 'file-too-large', file, value: '21', detail: { max: 20 } },
    ]);
  });

  it('an old .xls workbook, and a file that is neither', async () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await problemsOf({ fileName: 'ket-qua.xls', bytes: xls, period: PERIOD })).toEqual([
      { code: 'unsupported-format', file: 'ket-qua.xls', value: 'xls', detail: { expected: '.xlsx, .csv' } },
    ]);
    expect(await problemsOf({ fileName: 'ket-qua.txt', bytes: new TextEncoder().encode('a,b'), period: PERIOD })).toEqual([
      { code: 'unsupported-format', file: 'ket-qua.txt', value: 'txt', detail: { expected: '.xlsx, .csv' } },
    ]);
  });

  it('an .xlsx that is not a workbook', async () => {
    expect(await problemsOf({ fileName: 'ket-qua.xlsx', bytes: new TextEncoder().encode('Tên đơn vị,Tổng điểm'), period: PERIOD })).toEqual([
      { code: 'bad-spreadsheet', file: 'ket-qua.xlsx', value: 'End of central directory record signature not found.' },
    ]);
  });

  it('a header without the required columns', async () => {
    expect(await problemsOf(csv([['Đơn vị', 'Điểm'], ['UBND Phường Việt Trì', '62.88']]))).toEqual([
      { code: 'unknown-column', file, row: 1, column: 'Đơn vị', value: 'Đơn vị' },
      { code: 'unknown-column', file, row: 1, column: 'Điểm', value: 'Điểm' },
      { code: 'missing-column', file, row: 1, column: 'Tên đơn vị' },
      { code: 'missing-column', file, row: 1, column: 'Tổng điểm' },
    ]);
  });

  it('an unknown column, and data under an empty header', async () => {
    expect(await problemsOf(csv([[...HEAD, 'Ghi chú', ''], [...row(GOOD), 'đã rà soát', 'x']]))).toEqual([
      { code: 'unknown-column', file, row: 1, column: 'Ghi chú', value: 'Ghi chú' },
      { code: 'unknown-column', file, row: 1, column: 'J', value: '' },
    ]);
  });

  it('the same column twice, once by its machine key', async () => {
    expect(await problemsOf(csv([[...HEAD, 'tong_diem'], [...row(GOOD), '62.88']]))).toEqual([
      { code: 'duplicate-column', file, row: 1, column: 'tong_diem', value: 'tong_diem', detail: { firstColumn: 'D' } },
    ]);
  });

  it('a group the index does not have', async () => {
    expect(await problemsOf(csv([[...HEAD, 'Chỉ số Chuyển đổi số – điểm'], [...row(GOOD), '5']]))).toEqual([
      { code: 'unknown-group', file, row: 1, column: 'Chỉ số Chuyển đổi số – điểm', value: 'Chỉ số Chuyển đổi số – điểm' },
    ]);
  });

  it('a header and no data rows', async () => {
    expect(await problemsOf(csv([HEAD, row({}), row({})]))).toEqual([{ code: 'no-rows', file }]);
  });

  it('a row without a name or a total', async () => {
    expect(await problemsOf(csv([HEAD, row(GOOD), row({ 'Tổng điểm': '70' }), row({ 'Tên đơn vị': 'UBND xã Hy Cương' })]))).toEqual([
      { code: 'missing-value', file, row: 3, column: 'Tên đơn vị' },
      { code: 'missing-value', file, row: 4, column: 'Tổng điểm' },
    ]);
  });

  it('numbers that are not numbers, the value as typed', async () => {
    expect(await problemsOf(csv([HEAD, row({ ...GOOD, 'Tổng điểm': '62.88 điểm', 'Công khai, minh bạch – điểm': '7,9,6' })]))).toEqual([
      { code: 'bad-number', file, row: 2, column: 'Tổng điểm', value: '62.88 điểm' },
      { code: 'bad-number', file, row: 2, column: 'Công khai, minh bạch – điểm', value: '7,9,6' },
    ]);
  });

  it('points over the group maximum or negative, a rate over 100, a total over 100', async () => {
    const rows = [
      HEAD,
      row({ ...GOOD, 'Công khai, minh bạch – điểm': '18.01', 'Công khai, minh bạch – tỷ lệ (%)': '100,5' }),
      row({ 'Tên đơn vị': 'UBND xã Hy Cương', 'Tổng điểm': '100.01', 'Công khai, minh bạch – điểm': '-1' }),
    ];
    expect(await problemsOf(csv(rows))).toEqual([
      { code: 'out-of-range', file, row: 2, column: 'Công khai, minh bạch – điểm', value: '18.01', detail: { max: 18 } },
      { code: 'out-of-range', file, row: 2, column: 'Công khai, minh bạch – tỷ lệ (%)', value: '100,5', detail: { max: 100 } },
      { code: 'out-of-range', file, row: 3, column: 'Tổng điểm', value: '100.01', detail: { max: 100 } },
      { code: 'out-of-range', file, row: 3, column: 'Công khai, minh bạch – điểm', value: '-1', detail: { max: 18 } },
    ]);
  });

  it('points over the maximum in an xlsx number cell', async () => {
    const input = await xlsx([
      ['Tên đơn vị', 'Tổng điểm', 'Thanh toán trực tuyến – điểm'],
      ['UBND Phường Việt Trì', 62.88, 10.5],
    ]);
    expect(await problemsOf(input)).toEqual([
      { code: 'out-of-range', file: 'ket-qua.xlsx', row: 2, column: 'Thanh toán trực tuyến – điểm', value: '10.5', detail: { max: 10 } },
    ]);
  });

  it('ranks that are not positive whole numbers, or beyond the number ranked', async () => {
    const rows = [
      HEAD,
      row({ ...GOOD, 'Xếp hạng': '0', 'Số đơn vị xếp hạng': '148' }),
      row({ 'Tên đơn vị': 'UBND xã Hy Cương', 'Tổng điểm': '70', 'Xếp hạng': '2,5', 'Số đơn vị xếp hạng': 'nhiều' }),
      row({ 'Tên đơn vị': 'UBND xã Xuân Lũng', 'Tổng điểm': '80', 'Xếp hạng': '149', 'Số đơn vị xếp hạng': '148' }),
    ];
    expect(await problemsOf(csv(rows))).toEqual([
      { code: 'bad-rank', file, row: 2, column: 'Xếp hạng', value: '0' },
      { code: 'bad-rank', file, row: 3, column: 'Xếp hạng', value: '2,5' },
      { code: 'bad-rank', file, row: 3, column: 'Số đơn vị xếp hạng', value: 'nhiều' },
      { code: 'bad-rank', file, row: 4, column: 'Xếp hạng', value: '149', detail: { rankOf: 148 } },
    ]);
  });

  it('the same unit twice, by code or by name (as the database compares names) under the same parent', async () => {
    const rows = [
      HEAD,
      row({ ...GOOD, 'Mã đơn vị': 'H44.100', 'Đơn vị cấp trên': 'UBND tỉnh Phú Thọ' }),
      row({ 'Tên đơn vị': 'UBND Phường Nông Trang', 'Tổng điểm': '70', 'Mã đơn vị': 'h44.100' }),
      row({ 'Tên đơn vị': 'ubnd phuong viet tri', 'Tổng điểm': '62.88', 'Đơn vị cấp trên': 'UBND TỈNH PHÚ THỌ' }),
      row({ 'Tên đơn vị': 'Phường Việt Trì', 'Tổng điểm': '62.88', 'Đơn vị cấp trên': 'Tỉnh Phú Thọ' }),
      row({ 'Tên đơn vị': 'UBND Phường Việt Trì', 'Tổng điểm': '62.88', 'Đơn vị cấp trên': 'UBND tỉnh Hưng Yên' }),
      row({ 'Tên đơn vị': 'UBND xã Việt Trì', 'Tổng điểm': '62.88', 'Đơn vị cấp trên': 'UBND tỉnh Phú Thọ' }),
    ];
    expect(await problemsOf(csv(rows))).toEqual([
      { code: 'duplicate-unit', file, row: 3, column: 'Mã đơn vị', value: 'H44.100', detail: { firstRow: 2 } },
      { code: 'duplicate-unit', file, row: 4, column: 'Tên đơn vị', value: 'ubnd phuong viet tri', detail: { firstRow: 2 } },
      { code: 'duplicate-unit', file, row: 5, column: 'Tên đơn vị', value: 'Phường Việt Trì', detail: { firstRow: 2 } },
    ]);
  });

  it('a Kỳ that does not parse, or names another period', async () => {
    const rows = [
      ['Kỳ', 'Tên đơn vị', 'Tổng điểm'],
      ['13/2026', 'UBND Phường Việt Trì', '62.88'],
      ['07/2026', 'UBND xã Hy Cương', '70'],
      ['2026-08', 'UBND xã Xuân Lũng', '80'],
    ];
    expect(await problemsOf(csv(rows))).toEqual([
      { code: 'bad-period', file, row: 2, column: 'Kỳ', value: '13/2026' },
      { code: 'period-mismatch', file, row: 3, column: 'Kỳ', value: '07/2026', detail: { expected: PERIOD } },
    ]);
  });

  it('a parent given by a code that is not in the sheet, or a unit its own parent', async () => {
    const rows = [HEAD, row({ ...GOOD, 'Đơn vị cấp trên': 'H44' }), row({ 'Tên đơn vị': 'UBND xã Hy Cương', 'Tổng điểm': '70', 'Đơn vị cấp trên': 'UBND xã Hy Cương' })];
    expect(await problemsOf(csv(rows))).toEqual([
      { code: 'unknown-parent', file, row: 2, column: 'Đơn vị cấp trên', value: 'H44' },
      { code: 'unknown-parent', file, row: 3, column: 'Đơn vị cấp trên', value: 'UBND xã Hy Cương' },
    ]);
  });

  it('a rate with no points for its group', async () => {
    expect(await problemsOf(csv([HEAD, row({ ...GOOD, 'Công khai, minh bạch – tỷ lệ (%)': '44.22' })]))).toEqual([
      { code: 'missing-value', file, row: 2, column: 'Công khai, minh bạch – điểm' },
    ]);
  });

  it('a CSV with an unclosed quote', async () => {
    const bytes = new TextEncoder().encode('Tên đơn vị,Tổng điểm\n"UBND Phường Việt Trì,62.88\n');
    expect(await problemsOf({ fileName: file, bytes, period: PERIOD })).toEqual([
      {
        code: 'bad-spreadsheet',
        file,
        row: 2,
        value: 'Quote Not Closed: the parsing is finished with an opening quote at line 2',
        detail: { reason: 'CSV_QUOTE_NOT_CLOSED' },
      },
    ]);
  });

  it('stops listing at the limit', async () => {
    const rows = [HEAD, ...Array.from({ length: MAX_PROBLEMS + 10 }, (_, i) => row({ 'Tên đơn vị': `UBND xã ${i}`, 'Tổng điểm': 'x' }))];
    const problems = await problemsOf(csv(rows));
    expect(problems).toHaveLength(MAX_PROBLEMS);
    expect(problems[0]).toEqual({ code: 'bad-number', file, row: 2, column: 'Tổng điểm', value: 'x' });
  });
});

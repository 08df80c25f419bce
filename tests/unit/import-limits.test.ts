/**
 * Files built to be heavy (issue 8): each is refused with a message that names the file and the bound
 * it passed, read as it streams and stopped there, never loaded whole.
 */
import { describe, expect, it } from 'vitest';
import { letterText } from '../../src/imports/letter-text.js';
import { MAX_CELL_CHARS, MAX_LETTER_CHARS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS } from '../../src/imports/limits.js';
import { ImportRejected, type ImportProblem } from '../../src/imports/problems.js';
import { parseSheet } from '../../src/imports/sheet/parse.js';
import { renderProblem } from '../../src/messages/import-problems.js';
import { t } from '../../src/messages/i18n.js';
import { cellXml, workbookParts, zip } from '../helpers/zip.js';

const PERIOD = '2026-08';

async function refusal(read: Promise<unknown>): Promise<{ problems: ImportProblem[]; text: string }> {
  try {
    await read;
  } catch (error) {
    if (error instanceof ImportRejected) return { problems: error.problems, text: error.problems.map((p) => renderProblem(t, p)).join('\n') };
    throw error;
  }
  throw new Error('the file was accepted');
}

const HEADER_AND_ONE_UNIT = `<row r="1">${cellXml('A1', 'Tên đơn vị')}${cellXml('B1', 'Tổng điểm')}</row><row r="2">${cellXml('A2', 'UBND xã Hy Cương')}${cellXml('B2', 61)}</row>`;

/** Enough real-looking rows for the file to weigh what the tester's did (11 KB). */
function someUnits(count: number): string {
  let xml = '';
  for (let r = 3; r < 3 + count; r++) xml += `<row r="${r}">${cellXml(`A${r}`, `UBND xã Mẫu ${r}`)}${cellXml(`B${r}`, 60 + (r % 30))}</row>`;
  return xml;
}

describe('an .xlsx', () => {
  it('of 11 KB whose sheet claims a cell at XFD1048576 is refused at that row', async () => {
    const bytes = await zip(
      workbookParts({ dimension: 'A1:XFD1048576', sheetData: `${HEADER_AND_ONE_UNIT}${someUnits(750)}<row r="1048576">${cellXml('XFD1048576', 1)}</row>` }),
    );
    expect(bytes.byteLength).toBeGreaterThan(9 * 1024);
    expect(bytes.byteLength).toBeLessThan(12 * 1024);
    const { problems, text } = await refusal(parseSheet({ fileName: 'xfd.xlsx', bytes, period: PERIOD }));
    expect(problems).toEqual([{ code: 'too-many-rows', file: 'xfd.xlsx', value: '1048576', detail: { max: MAX_SHEET_ROWS } }]);
    expect(text).toBe('Tệp «xfd.xlsx»: bảng tính có dữ liệu ở dòng 1.048.576, quá giới hạn 10.000 dòng. Xóa các dòng thừa (kể cả ô lẻ ở xa phía dưới) rồi gửi lại.');
  });

  it('whose only far cell is empty (a dimension, a style) is read as the rows it has', async () => {
    const bytes = await zip(workbookParts({ dimension: 'A1:XFD1048576', sheetData: `${HEADER_AND_ONE_UNIT}<row r="1048576"><c r="XFD1048576" s="0"/></row>` }));
    const batch = await parseSheet({ fileName: 'dimension.xlsx', bytes, period: PERIOD });
    expect(batch.rows.map((r) => [r.unit.name, r.result.total])).toEqual([['UBND xã Hy Cương', '61']]);
  });

  it('with a value in column XFD is refused at that column', async () => {
    const bytes = await zip(workbookParts({ dimension: 'A1:XFD2', sheetData: HEADER_AND_ONE_UNIT.replace('</row><row r="2">', `${cellXml('XFD1', 'x')}</row><row r="2">`) }));
    const { problems, text } = await refusal(parseSheet({ fileName: 'rong.xlsx', bytes, period: PERIOD }));
    expect(problems).toEqual([{ code: 'too-many-columns', file: 'rong.xlsx', row: 1, value: 'XFD', detail: { max: MAX_SHEET_COLUMNS } }]);
    expect(text).toContain('có dữ liệu ở cột XFD, quá giới hạn 200 cột');
  });

  it('whose sheet XML unpacks past the bound is refused before it is inflated', async () => {
    const row = `<row r="2">${cellXml('A2', 'UBND xã Hy Cương')}${cellXml('B2', 61)}</row>`;
    const bytes = await zip(workbookParts({ dimension: 'A1:B2', sheetData: { chunk: row.repeat(1000), times: 2500 } }));
    expect(bytes.byteLength).toBeLessThan(2 * 1024 * 1024);
    const { problems, text } = await refusal(parseSheet({ fileName: 'phinh.xlsx', bytes, period: PERIOD }));
    expect(problems).toEqual([{ code: 'unpacked-too-large', file: 'phinh.xlsx', value: 'xl/worksheets/sheet1.xml', detail: { size: expect.any(Number), max: 100 } }]);
    expect(text).toMatch(/^Tệp «phinh\.xlsx»: phần «xl\/worksheets\/sheet1\.xml» giải nén ra \d+ MB, quá giới hạn 100 MB\./);
  });

  it('is judged by its central directory: a stated 233 MB part is refused though its data is a few bytes', async () => {
    const bytes = await zip(workbookParts({ dimension: 'A1:B2', sheetData: HEADER_AND_ONE_UNIT, statedSize: 233 * 1024 * 1024 }));
    const { problems } = await refusal(parseSheet({ fileName: 'noi-doi.xlsx', bytes, period: PERIOD }));
    expect(problems).toEqual([{ code: 'unpacked-too-large', file: 'noi-doi.xlsx', value: 'xl/worksheets/sheet1.xml', detail: { size: 233, max: 100 } }]);
  });
});

describe('a .csv', () => {
  it('of a million rows (14 MB) is refused at the first row past the bound', async () => {
    const lines = ['Tên đơn vị,Tổng điểm'];
    for (let i = 0; i < 1_000_000; i++) lines.push(`UBND xã ${i},61`);
    const bytes = new TextEncoder().encode(lines.join('\n'));
    expect(bytes.byteLength).toBeGreaterThan(14 * 1024 * 1024);
    const { problems, text } = await refusal(parseSheet({ fileName: 'trieu-dong.csv', bytes, period: PERIOD }));
    expect(problems).toEqual([{ code: 'too-many-rows', file: 'trieu-dong.csv', value: String(MAX_SHEET_ROWS + 1), detail: { max: MAX_SHEET_ROWS } }]);
    expect(text).toContain('Tệp «trieu-dong.csv»: bảng tính có dữ liệu ở dòng 10.001, quá giới hạn 10.000 dòng.');
  });

  it('of the most rows a sheet may have is read', async () => {
    const lines = ['Tên đơn vị,Tổng điểm'];
    for (let i = 2; i <= MAX_SHEET_ROWS; i++) lines.push(`UBND xã ${i},61`);
    const batch = await parseSheet({ fileName: 'du-dong.csv', bytes: new TextEncoder().encode(`${lines.join('\n')}\n\n\n`), period: PERIOD });
    expect(batch.rows).toHaveLength(MAX_SHEET_ROWS - 1);
  });

  it('with a cell longer than any unit name is refused at that cell', async () => {
    const bytes = new TextEncoder().encode(`Tên đơn vị,Tổng điểm\nUBND xã ${'A'.repeat(MAX_CELL_CHARS)},61\n`);
    const { problems, text } = await refusal(parseSheet({ fileName: 'o-dai.csv', bytes, period: PERIOD }));
    expect(problems).toEqual([{ code: 'cell-too-long', file: 'o-dai.csv', row: 2, column: 'A', value: String(MAX_CELL_CHARS + 8), detail: { max: MAX_CELL_CHARS } }]);
    expect(text).toBe('Tệp «o-dai.csv», dòng 2, cột «A»: ô dài 1.008 ký tự, quá giới hạn 1.000 ký tự.');
  });
});

describe('a letter', () => {
  it('as text longer than any công văn is refused', async () => {
    const bytes = new TextEncoder().encode('Tháng 02/2025 đạt 91,34 điểm. '.repeat(Math.ceil(MAX_LETTER_CHARS / 30) + 1));
    const { problems, text } = await refusal(letterText('dai.txt', bytes));
    expect(problems[0]).toMatchObject({ code: 'letter-too-long', file: 'dai.txt', detail: { max: MAX_LETTER_CHARS } });
    expect(text).toMatch(/^Tệp «dai\.txt»: văn bản dài [\d.]+ ký tự, quá giới hạn 1\.000\.000 ký tự của một công văn\.$/);
  });

  it('as a .docx whose text part unpacks past the bound is refused before it is inflated', async () => {
    const bytes = await zip([{ name: 'word/document.xml', data: '<w:document/>', statedSize: 200 * 1024 * 1024 }]);
    const { problems } = await refusal(letterText('phinh.docx', bytes));
    expect(problems).toEqual([{ code: 'unpacked-too-large', file: 'phinh.docx', value: 'word/document.xml', detail: { size: 200, max: 100 } }]);
  });
});

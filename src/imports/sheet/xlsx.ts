/** An .xlsx workbook → rows of cell texts, each as Excel shows it: formulas by their result, numbers exactly. */
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { cleanText, foldWords } from '../../domain/text.js';
import { checkZipBounds, SheetBounds } from '../limits.js';
import { ImportRejected } from '../problems.js';
import { columnLetter } from './header.js';

export const RESULT_SHEET_NAME = 'Kết quả';

/** Excel keeps 15 significant digits: 62.879999999999995 from a SUM is the 62.88 it displays. */
function numberText(n: number, percent: boolean): string {
  return String(Number((percent ? n * 100 : n).toPrecision(15)));
}

/** A month typed as "08/2026" becomes a date in Excel: it reads back as "2026-08". */
function dateText(d: Date): string {
  const month = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  return d.getUTCDate() === 1 ? month : `${month}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function cellText(value: unknown, percent: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return numberText(value, percent);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return '';
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part: { text?: string }) => part.text ?? '').join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText('result' in value ? value.result : undefined, percent);
  if ('error' in value) return String(value.error);
  if ('text' in value) return cellText(value.text, percent);
  return '';
}

/** What the zip or XML reader said, without the links it appends. */
function firstSentence(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split(/(?<=[.?!])\s/)[0] ?? message).slice(0, 160);
}

/**
 * The sheet's filled rows, row i at index i - 1, read as the XML streams: rows and cells without a
 * value are skipped, so a dimension or a stray styled cell at XFD1048576 costs nothing.
 */
async function readRows(fileName: string, sheet: AsyncIterable<ExcelJS.Row>): Promise<string[][]> {
  const bounds = new SheetBounds(fileName);
  const rows: string[][] = [];
  for await (const row of sheet) {
    const cells: string[] = [];
    row.eachCell((cell, column) => {
      const raw = cellText(cell.value, cell.numFmt?.includes('%') ?? false);
      if (raw === '') return;
      bounds.cell(row.number, column, raw, () => columnLetter(column - 1));
      cells[column - 1] = cleanText(raw);
    });
    if (cells.length === 0) continue;
    while (rows.length < row.number - 1) rows.push([]);
    rows[row.number - 1] = Array.from(cells, (c) => c ?? '');
  }
  return rows;
}

/** The sheet named «Kết quả», otherwise the first one, read as a stream: a file is never all in memory. */
export async function readXlsx(fileName: string, bytes: Uint8Array): Promise<string[][]> {
  try {
    await checkZipBounds(fileName, bytes);
  } catch (error) {
    if (error instanceof ImportRejected) throw error;
    throw new ImportRejected([{ code: 'bad-spreadsheet', file: fileName, value: firstSentence(error) }]);
  }
  const wanted = foldWords(RESULT_SHEET_NAME);
  // Loaded where a sheet is read (the read worker), not with the server (about 25 MB).
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let first: string[][] | null = null;
  try {
    for await (const sheet of reader) {
      const named = foldWords((sheet as { name?: string }).name ?? '') === wanted;
      if (!named && first) continue;
      const rows = await readRows(fileName, sheet);
      if (named) return rows;
      first = rows;
    }
  } catch (error) {
    if (error instanceof ImportRejected) throw error;
    throw new ImportRejected([{ code: 'bad-spreadsheet', file: fileName, value: firstSentence(error) }]);
  }
  if (!first) throw new ImportRejected([{ code: 'bad-spreadsheet', file: fileName, value: 'no worksheet' }]);
  return first;
}

/** An .xlsx workbook → rows of cell texts, each as Excel shows it: formulas by their result, numbers exactly. */
import ExcelJS from 'exceljs';
import { cleanText, foldWords } from '../../domain/text.js';
import { ImportRejected } from '../problems.js';

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
  if (typeof value !== 'object') return String(value);
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part: { text?: string }) => part.text ?? '').join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: unknown }).result, percent);
  if ('error' in value) return String(value.error);
  if ('text' in value) return cellText(value.text, percent);
  return '';
}

/** What the zip or XML reader said, without the links it appends. */
function firstSentence(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split(/(?<=[.?!])\s/)[0] ?? message).slice(0, 160);
}

/** exceljs declares its own global `Buffer` that a Node Buffer does not satisfy. */
type XlsxInput = Parameters<ExcelJS.Workbook['xlsx']['load']>[0];

async function loadWorkbook(fileName: string, bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as XlsxInput);
  } catch (error) {
    throw new ImportRejected([{ code: 'bad-spreadsheet', file: fileName, value: firstSentence(error) }]);
  }
  return workbook;
}

export async function readXlsx(fileName: string, bytes: Uint8Array): Promise<string[][]> {
  const workbook = await loadWorkbook(fileName, bytes);
  const wanted = foldWords(RESULT_SHEET_NAME);
  const sheet = workbook.worksheets.find((s) => foldWords(s.name) === wanted) ?? workbook.worksheets[0];
  if (!sheet) throw new ImportRejected([{ code: 'bad-spreadsheet', file: fileName, value: 'no worksheet' }]);
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c);
      cells.push(cleanText(cellText(cell.value, cell.numFmt?.includes('%') ?? false)));
    }
    rows.push(cells);
  }
  return rows;
}

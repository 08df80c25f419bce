/**
 * A results sheet (.xlsx or .csv, laid out as sheet-template.ts describes) → an import batch.
 * Every problem in the file is collected before the import is refused, so one answer lists them all.
 */
import { parseExactPeriod, periodKey } from '../../domain/period.js';
import { checkFileSize, ImportRejected, ProblemList } from '../problems.js';
import type { ImportBatch } from '../save.js';
import { unitColumnOf, type SheetColumn } from './columns.js';
import { readGrid } from './grid.js';
import { readHeader, type HeaderColumn } from './header.js';
import { RowReader } from './row.js';
import { importRows } from './units.js';

export interface SheetInput {
  fileName: string;
  bytes: Uint8Array;
  /** The period being imported, e.g. "2026-08"; a `Kỳ` column must agree with it. Null: the `Kỳ` column names it. */
  period: string | null;
}

function exactPeriod(file: string, text: string): string {
  const period = parseExactPeriod(text);
  if (!period) throw new ImportRejected([{ code: 'bad-period', file, value: text }]);
  return periodKey(period);
}

function headerText(header: readonly HeaderColumn[], column: SheetColumn): string {
  return header.find((h) => h.column === column)?.text ?? column.header;
}

export async function parseSheet(input: SheetInput): Promise<ImportBatch> {
  const file = input.fileName;
  checkFileSize(file, input.bytes.byteLength);
  const asked = input.period === null ? null : exactPeriod(file, input.period);
  const grid = await readGrid(file, input.bytes);
  const problems = new ProblemList();
  const header = readHeader(file, grid, problems);
  if (!header) throw new ImportRejected(problems.items);
  const reader = new RowReader(file, asked, header, problems);
  const filled = grid.flatMap((cells, index) => (index > 0 && cells.some((c) => c !== '') ? [{ row: index + 1, cells }] : []));
  if (filled.length === 0) problems.add({ code: 'no-rows', file });
  const rows = filled.flatMap(({ row, cells }) => reader.read(row, cells) ?? []);
  const period = reader.period();
  const imported = importRows(
    file,
    rows,
    {
      code: headerText(header, unitColumnOf('code')),
      name: headerText(header, unitColumnOf('name')),
      parent: headerText(header, unitColumnOf('parent')),
    },
    problems,
  );
  problems.throwIfAny();
  return { source: 'sheet', fileName: file, period, rows: imported };
}

/** Which kind of spreadsheet a file is, and its cells as text; row i of the grid is Excel's row i + 1. */
import { ImportRejected } from '../problems.js';
import { readCsv } from './csv.js';
import { readXlsx } from './xlsx.js';

export type Grid = string[][];

export const ACCEPTED_EXTENSIONS = '.xlsx, .csv';

function extension(fileName: string): string {
  return /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b;

export async function readGrid(fileName: string, bytes: Uint8Array): Promise<Grid> {
  const ext = extension(fileName);
  if (ext !== 'xls' && (isZip(bytes) || ext === 'xlsx')) return readXlsx(fileName, bytes);
  if (ext === 'csv') return readCsv(fileName, bytes);
  throw new ImportRejected([{ code: 'unsupported-format', file: fileName, value: ext, detail: { expected: ACCEPTED_EXTENSIONS } }]);
}

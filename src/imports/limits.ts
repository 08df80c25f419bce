/**
 * What an imported file may hold, so that a small file cannot make the server work for minutes or fill
 * its memory: a zip's parts are measured from its central directory before anything is inflated, and a
 * sheet is refused as soon as it passes a bound while it streams.
 */
import type yauzl from 'yauzl';
import { ImportRejected } from './problems.js';

/** 3 times the 3,321 units of the whole country since 1/7/2025, with the header. */
export const MAX_SHEET_ROWS = 10_000;
/** Twice the fullest template (every group and sub-criterion: 100 columns). */
export const MAX_SHEET_COLUMNS = 200;
/** Filled cells: the national sheet with every sub-criterion column holds about 332,000. */
export const MAX_SHEET_CELLS = 1_000_000;
/** A unit's name is under 100 characters; a cell of a results sheet needs no more than this. */
export const MAX_CELL_CHARS = 1_000;

/** One part of an .xlsx or .docx, unpacked: the fullest legal sheet is about 60 MB of XML. */
export const MAX_PART_BYTES = 100 * 1024 * 1024;
/** All parts together, unpacked. */
export const MAX_UNPACKED_BYTES = 150 * 1024 * 1024;
/** Parts in one zip: a workbook has a dozen, a Word letter a few dozen. */
export const MAX_ZIP_ENTRIES = 1_000;

/** A công văn is a few pages: 10,000 to 30,000 characters. */
export const MAX_LETTER_CHARS = 1_000_000;
export const MAX_PDF_PAGES = 200;

const MB = 1024 * 1024;
const megabytes = (bytes: number): number => Math.ceil(bytes / MB);

class TooManyEntries extends Error {
  constructor(readonly count: number) {
    super(`${count} entries`);
  }
}

async function centralDirectory(bytes: Uint8Array): Promise<yauzl.Entry[]> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Loaded where a zip is read, not with the server.
  const { default: zips } = await import('yauzl');
  return new Promise((resolve, reject) => {
    zips.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error) return reject(error);
      if (zip.entryCount > MAX_ZIP_ENTRIES) {
        zip.close();
        return reject(new TooManyEntries(zip.entryCount));
      }
      const entries: yauzl.Entry[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/**
 * Refuses a zip (.xlsx, .docx) whose parts would unpack past the bounds, reading only its central
 * directory. A file that is no zip throws the zip reader's own error, for the caller to word.
 */
export async function checkZipBounds(file: string, bytes: Uint8Array): Promise<void> {
  let entries: yauzl.Entry[];
  try {
    entries = await centralDirectory(bytes);
  } catch (error) {
    if (error instanceof TooManyEntries) {
      throw new ImportRejected([{ code: 'too-many-parts', file, value: String(error.count), detail: { max: MAX_ZIP_ENTRIES } }]);
    }
    throw error;
  }
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > MAX_PART_BYTES) {
      throw new ImportRejected([
        { code: 'unpacked-too-large', file, value: entry.fileName, detail: { size: megabytes(entry.uncompressedSize), max: MAX_PART_BYTES / MB } },
      ]);
    }
  }
  if (total > MAX_UNPACKED_BYTES) {
    throw new ImportRejected([{ code: 'unpacked-total-too-large', file, detail: { size: megabytes(total), max: MAX_UNPACKED_BYTES / MB } }]);
  }
}

/** Counts a sheet's filled cells as they stream and refuses the sheet at the first bound it passes. */
export class SheetBounds {
  private cells = 0;
  constructor(private readonly file: string) {}

  /** `row` and `column` are 1-based; only cells that hold a value are counted. */
  cell(row: number, column: number, text: string, columnName: () => string): void {
    const { file } = this;
    if (row > MAX_SHEET_ROWS) throw new ImportRejected([{ code: 'too-many-rows', file, value: String(row), detail: { max: MAX_SHEET_ROWS } }]);
    if (column > MAX_SHEET_COLUMNS) {
      throw new ImportRejected([{ code: 'too-many-columns', file, row, value: columnName(), detail: { max: MAX_SHEET_COLUMNS } }]);
    }
    if (text.length > MAX_CELL_CHARS) {
      throw new ImportRejected([{ code: 'cell-too-long', file, row, column: columnName(), value: String(text.length), detail: { max: MAX_CELL_CHARS } }]);
    }
    this.cells += 1;
    if (this.cells > MAX_SHEET_CELLS) throw new ImportRejected([{ code: 'too-many-cells', file, row, detail: { max: MAX_SHEET_CELLS } }]);
  }
}

/** Refuses a letter's text past MAX_LETTER_CHARS (also while it is being gathered: pass `{ length }`). */
export function checkLetterLength<T extends { length: number }>(file: string, text: T): T {
  if (text.length > MAX_LETTER_CHARS) {
    throw new ImportRejected([{ code: 'letter-too-long', file, value: String(text.length), detail: { max: MAX_LETTER_CHARS } }]);
  }
  return text;
}

/**
 * A CSV file → rows of cell texts. Vietnamese Excel saves "CSV" with ';' and, without "UTF-8" in the
 * save dialog, in windows-1258, where tones are combining marks: both are accepted, the text comes out NFC.
 */
import { isUtf8 } from 'node:buffer';
import { pipeline, Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { cleanText } from '../../domain/text.js';
import { MAX_CELL_CHARS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, SheetBounds } from '../limits.js';
import { ImportRejected } from '../problems.js';
import { columnLetter } from './header.js';

const DELIMITERS = [',', ';', '\t'] as const;

/** Decoded a slice at a time, so a large file is never one string. */
const CHUNK_BYTES = 64 * 1024;

function encodingOf(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  return isUtf8(bytes) ? 'utf-8' : 'windows-1258';
}

function* decodedChunks(fileName: string, bytes: Uint8Array): Generator<string> {
  const decoder = new TextDecoder(encodingOf(bytes));
  for (let at = 0; at < bytes.byteLength; at += CHUNK_BYTES) {
    const text = decoder.decode(bytes.subarray(at, at + CHUNK_BYTES), { stream: true });
    if (text.includes('\u0000')) throw new ImportRejected([{ code: 'bad-encoding', file: fileName }]);
    yield text;
  }
  yield decoder.decode();
}

/** The delimiter used most often outside quotes on the first line; a comma when none is. */
function detectDelimiter(text: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: string = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** Rows as they stream out of csv-parse, each cell checked against the sheet's bounds. */
export async function readCsv(fileName: string, bytes: Uint8Array): Promise<string[][]> {
  const chunks = decodedChunks(fileName, bytes);
  const first = chunks.next();
  const head = first.done ? '' : first.value;
  const parser = parse({
    bom: true,
    delimiter: detectDelimiter(head.replace(/^\uFEFF/, '')),
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_CELL_CHARS * MAX_SHEET_COLUMNS,
  });
  const source = Readable.from((function* () {
    yield head;
    yield* chunks;
  })());
  pipeline(source, parser, () => undefined);
  const bounds = new SheetBounds(fileName);
  const rows: string[][] = [];
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      const cells = record.map((raw, index) => {
        if (raw !== '') bounds.cell(row, index + 1, raw, () => columnLetter(index));
        return cleanText(raw);
      });
      // Blank lines past the last row a sheet may have are dropped: they hold nothing and would take memory.
      if (row <= MAX_SHEET_ROWS) rows.push(cells);
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = typeof error.lines === 'number' ? error.lines : undefined;
    throw new ImportRejected([{ code: 'bad-spreadsheet', file: fileName, row, value: error.message, detail: { reason: error.code } }]);
  }
  return rows;
}

/**
 * A CSV file → rows of cell texts. Vietnamese Excel saves "CSV" with ';' and, without "UTF-8" in the
 * save dialog, in windows-1258, where tones are combining marks: both are accepted, the text comes out NFC.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { cleanText } from '../../domain/text.js';
import { ImportRejected } from '../problems.js';

const DELIMITERS = [',', ';', '\t'] as const;

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1258').decode(bytes);
  }
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

export function readCsv(fileName: string, bytes: Uint8Array): string[][] {
  const text = decode(bytes);
  if (text.includes('\u0000')) throw new ImportRejected([{ code: 'bad-encoding', file: fileName }]);
  try {
    const records = parse(text, { bom: true, delimiter: detectDelimiter(text.replace(/^\uFEFF/, '')), relax_column_count: true, relax_quotes: true });
    return records.map((record) => record.map(cleanText));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const row = typeof error.lines === 'number' ? error.lines : undefined;
    throw new ImportRejected([{ code: 'bad-spreadsheet', file: fileName, row, value: error.message, detail: { reason: error.code } }]);
  }
}

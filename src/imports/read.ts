/**
 * Reading imported files, whatever door they come through: the kind of source is told by the files'
 * extensions and the files are read into one batch, nothing stored. Any problem rejects everything
 * (ImportRejected). Parsing runs in a worker thread (off-thread.ts runs `readImportHere` there).
 */
import { exactPeriodKey } from '../domain/period.js';
import { letterBatch } from './letter.js';
import { letterText } from './letter-text.js';
import { readOffThread } from './off-thread.js';
import { portalBatch } from './portal/batch.js';
import { checkFileSize, ImportRejected } from './problems.js';
import type { ImportBatch } from './save.js';
import { parseSheet } from './sheet/parse.js';

export interface IncomingFile {
  fileName: string;
  bytes: Uint8Array;
}

export type SourceKind = 'portal' | 'sheet' | 'letter';

const KIND_OF_EXTENSION: Record<string, SourceKind> = {
  json: 'portal',
  csv: 'sheet',
  xlsx: 'sheet',
  xls: 'sheet',
  txt: 'letter',
  docx: 'letter',
  pdf: 'letter',
};

export function extensionOf(fileName: string): string {
  return /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

export function sourceKindOf(fileName: string): SourceKind | null {
  return KIND_OF_EXTENSION[extensionOf(fileName)] ?? null;
}

/** The one kind all the files share; a mix (a sheet with portal files) is refused. */
function kindOfFiles(files: readonly IncomingFile[]): { kind: SourceKind; first: IncomingFile } {
  const first = files[0];
  if (!first) throw new ImportRejected([{ code: 'no-rows', file: '' }]);
  const problems = files.flatMap((f) => (sourceKindOf(f.fileName) ? [] : [{ code: 'unsupported-format' as const, file: f.fileName, value: extensionOf(f.fileName) }]));
  const kind = sourceKindOf(first.fileName);
  if (problems.length > 0 || !kind) throw new ImportRejected(problems);
  const other = files.find((f) => sourceKindOf(f.fileName) !== kind || (kind !== 'portal' && f !== first));
  if (other) throw new ImportRejected([{ code: 'unsupported-format', file: other.fileName, value: extensionOf(other.fileName), detail: { with: first.fileName } }]);
  return { kind, first };
}

/** A sentence quoted in a message: at most 160 characters. */
const clip = (sentence: string) => (sentence.length > 160 ? `${sentence.slice(0, 160)}…` : sentence);

async function letterFileBatch(file: IncomingFile, period: string | null): Promise<ImportBatch> {
  checkFileSize(file.fileName, file.bytes.byteLength);
  const { extraction, batch } = letterBatch(await letterText(file.fileName, file.bytes), file.fileName, period);
  if (!extraction.ok && extraction.reason === 'conflict') {
    throw new ImportRejected(
      extraction.conflicts.map((c) => ({ code: 'letter-conflict' as const, file: file.fileName, value: c.unit, detail: { first: clip(c.first), second: clip(c.second) } })),
    );
  }
  if (!extraction.ok && extraction.reason === 'no-result' && extraction.unread) {
    // Figures without a unit: each named with its sentence, so the person sees what the bot could not bind.
    throw new ImportRejected(extraction.unread.slice(0, 10).map((u) => ({ code: 'letter-unbound' as const, file: file.fileName, value: u.printed, detail: { sentence: clip(u.sentence) } })));
  }
  if (!batch) throw new ImportRejected([{ code: extraction.ok ? 'no-result' : extraction.reason === 'no-period' ? 'missing-period' : 'no-result', file: file.fileName }]);
  if (period && period !== batch.period) throw new ImportRejected([{ code: 'period-mismatch', file: file.fileName, value: batch.period, detail: { expected: period } }]);
  return batch;
}

function normalisedPeriod(period: string | null | undefined, files: readonly IncomingFile[]): string | null {
  if (!period) return null;
  const key = exactPeriodKey(period);
  if (!key) throw new ImportRejected([{ code: 'bad-period', file: files.map((f) => f.fileName).join(', '), value: period }]);
  return key;
}

/** Reads the files into a batch without storing anything: what a preview shows. Parsing runs in a worker thread. */
export async function readImport(files: readonly IncomingFile[], options: { period?: string | null } = {}): Promise<ImportBatch> {
  return readOffThread(files, options);
}

/** readImport on the calling thread: what the worker (imports/read-worker.ts) runs. */
export async function readImportHere(files: readonly IncomingFile[], options: { period?: string | null } = {}): Promise<ImportBatch> {
  const { kind, first } = kindOfFiles(files);
  const period = normalisedPeriod(options.period, files);
  switch (kind) {
    case 'portal':
      return portalBatch(files, period);
    case 'sheet':
      return parseSheet({ fileName: first.fileName, bytes: first.bytes, period });
    case 'letter':
      return letterFileBatch(first, period);
  }
}


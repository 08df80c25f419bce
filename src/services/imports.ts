/**
 * Importing files, whatever door they come through (CLI, admin API, an admin's chat): the files are
 * read into one batch (imports/read.ts) and the batch is saved in one transaction; a letter's
 * directives become tasks as well. Any problem rejects everything and nothing is stored.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../db/client.js';
import { letterText } from '../imports/letter-text.js';
import { readImport, type IncomingFile } from '../imports/read.js';
import { saveImport, type ImportBatch, type ImportProgress, type ImportReport, type SaveOptions } from '../imports/save.js';
import { observeImport } from '../observability/metrics.js';
import { importStored } from './import-cache.js';
import { tasksFromLetter } from './letter-tasks.js';

/** Reads files into a batch (imports/read.ts, in a worker thread), the time it took counted by source. */
export async function readFiles(files: readonly IncomingFile[], options: { period?: string | null } = {}): Promise<ImportBatch> {
  const started = performance.now();
  const batch = await readImport(files, options);
  observeImport(batch.source, 'read', started);
  return batch;
}

/** Saves a batch read from `files`; a letter's directives become tasks as well. */
export async function storeImport(db: Db, files: readonly IncomingFile[], batch: ImportBatch, onProgress: ImportProgress | undefined, options: SaveOptions): Promise<ImportReport> {
  const started = performance.now();
  const report = await saveImport(db, batch, onProgress, options);
  // Units it made, or codes it gave to units known by name, are read again by the next question.
  importStored(db);
  const letter = files[0];
  if (batch.source === 'letter' && letter) await tasksFromLetter(db, await letterText(letter.fileName, letter.bytes), batch);
  observeImport(batch.source, 'save', started);
  return report;
}

export async function importFiles(
  db: Db,
  files: readonly IncomingFile[],
  options: { period?: string | null; onProgress?: ImportProgress; force?: boolean } = {},
): Promise<ImportReport> {
  return storeImport(db, files, await readFiles(files, options), options.onProgress, { force: options.force ?? false });
}

/**
 * Importing files, whatever door they come through (CLI, admin API, an admin's chat): the files are
 * read into one batch (imports/read.ts) and the batch is saved in one transaction; a letter's
 * directives become tasks as well. Any problem rejects everything and nothing is stored.
 */
import type { Db } from '../db/client.js';
import { letterText } from '../imports/letter-text.js';
import { readImport, type IncomingFile } from '../imports/read.js';
import { saveImport, type ImportBatch, type ImportProgress, type ImportReport, type SaveOptions } from '../imports/save.js';
import { importStored } from './import-cache.js';
import { tasksFromLetter } from './letter-tasks.js';

/** Saves a batch read from `files`; a letter's directives become tasks as well. */
export async function storeImport(db: Db, files: readonly IncomingFile[], batch: ImportBatch, onProgress: ImportProgress | undefined, options: SaveOptions): Promise<ImportReport> {
  const report = await saveImport(db, batch, onProgress, options);
  // Units it made, or codes it gave to units known by name, are read again by the next question.
  importStored(db);
  const letter = files[0];
  if (batch.source === 'letter' && letter) await tasksFromLetter(db, await letterText(letter.fileName, letter.bytes), batch);
  return report;
}

export async function importFiles(
  db: Db,
  files: readonly IncomingFile[],
  options: { period?: string | null; onProgress?: ImportProgress; force?: boolean } = {},
): Promise<ImportReport> {
  return storeImport(db, files, await readImport(files, options), options.onProgress, { force: options.force ?? false });
}

/** The sample data anyone can load to try the bot: the seed letter of thị xã Mỹ Hào, 02/2025. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/client.js';
import { letterBatch } from '../imports/letter.js';
import { saveImport, type ImportReport } from '../imports/save.js';

export const SAMPLES_DIR = fileURLToPath(new URL('../../samples/', import.meta.url));

export async function loadDemo(db: Db): Promise<ImportReport[]> {
  const file = 'letters/myhao-2025-02.txt';
  const { batch } = letterBatch(await readFile(SAMPLES_DIR + file, 'utf8'), file);
  if (!batch) throw new Error(`The sample letter ${file} no longer yields a result`);
  return [await saveImport(db, batch)];
}

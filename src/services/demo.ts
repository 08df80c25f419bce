/**
 * The sample data anyone can load to try the bot: the seed letter of thị xã Mỹ Hào (02/2025) with its
 * four directives as tasks, and the portal's six responses for tỉnh Phú Thọ (08/2026), both real.
 */
import { importStored } from './import-cache.js';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from '../db/client.js';
import { letterBatch } from '../imports/letter.js';
import { portalBatch } from '../imports/portal/batch.js';
import { saveImport, type ImportReport } from '../imports/save.js';
import { tasksFromLetter } from './letter-tasks.js';

export const SAMPLES_DIR = fileURLToPath(new URL('../../samples/', import.meta.url));

const SAMPLE_LETTER = 'letters/myhao-2025-02.txt';
/** Folder per period: samples/portal/<period>/. */
const SAMPLE_PORTAL_PERIODS = ['2026-08'];

export async function loadDemo(db: Db): Promise<ImportReport[]> {
  const text = await readFile(SAMPLES_DIR + SAMPLE_LETTER, 'utf8');
  const { batch } = letterBatch(text, SAMPLE_LETTER);
  if (!batch) throw new Error(`The sample letter ${SAMPLE_LETTER} no longer yields a result`);
  const reports = [await saveImport(db, batch)];
  await tasksFromLetter(db, text, batch);
  for (const period of SAMPLE_PORTAL_PERIODS) {
    const dir = `${SAMPLES_DIR}portal/${period}/`;
    const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
    const files = await Promise.all(names.map(async (fileName) => ({ fileName, bytes: await readFile(dir + fileName) })));
    reports.push(await saveImport(db, portalBatch(files, period)));
  }
  importStored(db);
  return reports;
}

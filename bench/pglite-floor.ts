/**
 * PGlite alone, opened as chiso-bot opens it (src/db/pglite-options.ts: a new folder made in a process of
 * its own, then opened with the same options) in a process of its own and asked one query: the floor
 * under chiso-bot's memory on PGlite (bench/memory.ts forks it, compiled). Argument: the data folder
 * (empty: a fresh one). Says `{ rss, peak }` in MB on the IPC channel.
 */
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { initializeFolder, pgliteOptions } from '../src/db/pglite-options.js';

/** VmRSS and VmHWM of this process, in MB. */
export function processMemory(pid: number | 'self' = 'self'): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

if (process.send && process.argv[2]) {
  await initializeFolder(process.argv[2]);
  const pg = await PGlite.create(process.argv[2], pgliteOptions(PGlite.defaultStartParams));
  await pg.query('select 1');
  process.send(processMemory());
  await pg.close();
  process.disconnect();
}

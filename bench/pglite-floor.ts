/**
 * PGlite alone, opened as chiso-bot opens it (src/db/pglite-options.ts: a new folder made in a process of
 * its own, then opened with the same options) in a process of its own and asked one query: the floor
 * under chiso-bot's memory on PGlite (bench/memory.ts forks it, compiled). Argument: the data folder
 * (empty: a fresh one). Says `{ rss, peak, wasm }` in MB on the IPC channel.
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

/**
 * The resident part of PGlite's WebAssembly memory in a process, in MB: its linear memory is the one
 * anonymous read-write mapping of 128 MB (PGlite's initial memory) or more; null when there is none.
 */
export function wasmMemory(pid: number | 'self' = 'self'): { resident: number; size: number } | null {
  let found: { resident: number; size: number } | null = null;
  let current: { size: number; anonymous: boolean } | null = null;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const mapping = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ (\d+)\s*(.*)$/.exec(line);
    if (mapping) {
      const size = (parseInt(mapping[2] ?? '0', 16) - parseInt(mapping[1] ?? '0', 16)) / 2 ** 20;
      current = mapping[3] === 'rw-p' && mapping[4] === '0' && !mapping[5] ? { size, anonymous: true } : null;
    } else if (current && line.startsWith('Rss:') && current.size >= 128 && current.size < 4096) {
      const resident = Number(line.split(/\s+/)[1]) / 1024;
      if (!found || current.size > found.size) found = { resident, size: current.size };
    }
  }
  return found;
}

if (process.send && process.argv[2]) {
  await initializeFolder(process.argv[2]);
  const pg = await PGlite.create(process.argv[2], pgliteOptions(PGlite.defaultStartParams));
  await pg.query('select 1');
  process.send({ ...processMemory(), wasm: wasmMemory() });
  await pg.close();
  process.disconnect();
}

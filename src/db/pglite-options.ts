/**
 * How chiso-bot opens PGlite (db/client.ts), alone in a module so that the memory benchmark opens an
 * empty PGlite the same way (bench/pglite-floor.ts).
 *
 * PGlite's PostgreSQL keeps its shared buffers inside the WebAssembly memory, and touches them all at
 * start: initdb's 128 MB made 150 MB of a reopened PGlite's 300 MB resident. The bot's database is a few
 * tens of MB, read mostly from memory kept in the process (services/import-cache.ts), so 32 MB hold what
 * is read; the rest comes from the operating system's cache of the files. One process uses it, so a
 * handful of connection slots is plenty (max_connections sizes per-slot arrays).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { PGliteOptions } from '@electric-sql/pglite';

/** Ours, after PGlite's own (`PGlite.defaultStartParams`, which `startParams` replaces). */
const OUR_START_PARAMS = ['-c', 'shared_buffers=32MB', '-c', 'max_connections=10'];

export function pgliteOptions(defaultStartParams: readonly string[]): PGliteOptions {
  return { startParams: [...defaultStartParams, ...OUR_START_PARAMS] };
}

/**
 * Makes a new data folder (initdb) in a short-lived process of its own. In the server's process,
 * initdb's WebAssembly instance and the second PGlite it runs under stay resident long after (about
 * 450 MB more than a reopened folder); its own process gives all of it back as it exits.
 */
export async function initializeFolder(folder: string): Promise<void> {
  if (existsSync(join(folder, 'PG_VERSION'))) return;
  const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const script = `const { PGlite } = require(${JSON.stringify(pglite)});
    const options = { startParams: [...PGlite.defaultStartParams, ...JSON.parse(process.argv[2])] };
    PGlite.create(process.argv[1], options).then((pg) => pg.close()).catch((error) => { console.error(error); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script, folder, JSON.stringify(OUR_START_PARAMS)], { stdio: ['ignore', 'ignore', 'pipe'], env: process.env });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`PGlite could not make its data folder in ${folder} (exit ${code}): ${stderr.trim().slice(-500)}`);
}

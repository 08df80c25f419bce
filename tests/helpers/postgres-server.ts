/**
 * A PostgreSQL 15 server of a test's own (initdb + pg_ctl in a temp dir, on a free port), so the test
 * may stop and start it; the shared server named by DATABASE_URL is never touched.
 */
import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestDatabase } from './database.js';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const run = promisify(execFile);

export interface PostgresServer {
  /** A database on it for the app, with the DATA_DIR the app also wants. */
  database: TestDatabase;
  /** `pg_ctl stop -m immediate`: the server dies as in a crash or a lost host. */
  crash(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** PostgreSQL refuses to run as root: as root, run its tools as the `postgres` user. */
async function pg(tool: string, args: string[]): Promise<void> {
  const asRoot = process.getuid?.() === 0;
  await (asRoot ? run('runuser', ['-u', 'postgres', '--', join(PG_BIN, tool), ...args]) : run(join(PG_BIN, tool), args));
}

export async function startPostgresServer(): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-pg-'));
  if (process.getuid?.() === 0) chownSync(dir, Number((await run('id', ['-u', 'postgres'])).stdout.trim()), Number((await run('id', ['-g', 'postgres'])).stdout.trim()));
  const data = join(dir, 'data');
  const port = await freePort();
  await pg('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8']);
  const start = () => pg('pg_ctl', ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, '-l', join(dir, 'log'), '-w', 'start']);
  await start();
  const appDir = mkdtempSync(join(tmpdir(), 'chiso-test-'));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    database: {
      env: { DATABASE_URL: url, DATA_DIR: appDir },
      dataDir: appDir,
      target: { url },
      drop: () => Promise.resolve(rmSync(appDir, { recursive: true, force: true })),
    },
    crash: () => pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    start,
    async destroy() {
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
      rmSync(appDir, { recursive: true, force: true });
    },
  };
}

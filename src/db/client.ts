/**
 * One `Db` over two drivers: postgres.js when DATABASE_URL is set, embedded PGlite otherwise.
 * Migrations from drizzle/ run at open, under an advisory lock so instances starting together
 * do not race (drizzle's migrator has none of its own).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Runs raw SQL and returns its rows, the same shape on both drivers. */
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Takes a session-level advisory lock if free: the returned function releases it, null means
   * another holder (another instance) has it. Held on a connection of its own until released.
   */
  tryLock(key: number): Promise<(() => Promise<void>) | null>;
  close(): Promise<void>;
}

export type DatabaseTarget = { url: string } | { dataDir: string };

/** Where PGlite keeps its files inside DATA_DIR. */
export const PGLITE_FOLDER = 'pglite';
const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));
const MIGRATION_LOCK = 766_2024;

export class DatabaseBusyError extends Error {
  constructor(readonly dataDir: string, readonly pid: number) {
    super(`The embedded database in ${dataDir} is open in process ${pid}`);
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return 'url' in target ? openPostgres(target.url) : openPglite(target.dataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const db = drizzle(client, { schema });
  const lock = await client.reserve();
  try {
    await lock`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(db, { migrationsFolder: MIGRATIONS });
  } finally {
    await lock`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    lock.release();
  }
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    query: async <T>(text: string, params: unknown[] = []) => (await client.unsafe(text, params as never[])) as unknown as T[],
    async tryLock(key) {
      const connection = await client.reserve();
      const [row] = await connection<{ locked: boolean }[]>`select pg_try_advisory_lock(${key}) as locked`;
      if (!row?.locked) {
        connection.release();
        return null;
      }
      return async () => {
        await connection`select pg_advisory_unlock(${key})`.catch(() => undefined);
        connection.release();
      };
    },
    close: () => client.end({ timeout: 5 }),
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PGlite lets one process at a time use a folder; a pid file says which. */
function claimFolder(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = join(dataDir, 'chiso.pid');
  try {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (pid && pid !== process.pid && processAlive(pid)) throw new DatabaseBusyError(dataDir, pid);
  } catch (error) {
    if (error instanceof DatabaseBusyError) throw error;
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

async function openPglite(dataDir: string): Promise<Database> {
  const heldLocks = new Set<number>();
  const release = claimFolder(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const client = await PGlite.create(join(dataDir, PGLITE_FOLDER));
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS });
    return {
      db: db as unknown as Db,
      kind: 'pglite',
      query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
      // One process holds the folder, so a lock is a flag in this process.
      async tryLock(key) {
        if (heldLocks.has(key)) return null;
        heldLocks.add(key);
        return async () => {
          heldLocks.delete(key);
        };
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

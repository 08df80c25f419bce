/**
 * One `Db` over two drivers: postgres.js when DATABASE_URL is set, embedded PGlite otherwise.
 * Migrations from drizzle/ run at open, under an advisory lock so instances starting together
 * do not race (drizzle's migrator has none of its own).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import type * as pgliteModule from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { DatabaseHealth } from './health.js';
import { initializeFolder, pgliteOptions } from './pglite-options.js';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/**
 * An open transaction, for a write that must not stand alone. A `Tx` is also a `Db`: take a `Db`
 * unless the function is meant to run only inside a transaction.
 */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** What a raw query's $1, $2 … may be on both drivers. */
export type QueryParam = string | number | boolean | null | Date | readonly (string | number)[];

/** A session-level advisory lock held by this process. */
export interface Lock {
  /** The connection that held it closed (the database went away): it is no longer held. */
  readonly lost: boolean;
  release(): Promise<void>;
}

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Runs raw SQL and returns its rows, the same shape on both drivers. */
  query<T>(text: string, params?: QueryParam[]): Promise<T[]>;
  /**
   * Takes a session-level advisory lock if free; null means another holder (another instance, or
   * another part of this process) has it. Held on a connection of its own until released or lost.
   */
  tryLock(key: number): Promise<Lock | null>;
  health: DatabaseHealth;
  /**
   * How many SQL statements this process has sent to the database so far (counted at the driver:
   * drizzle's queries, raw queries, BEGIN/COMMIT, locks and health checks alike). Tests and benchmarks
   * read it before and after some work.
   */
  statements(): number;
  /** Migrations in drizzle/ that the database has not applied (another instance may be newer or older). */
  pendingMigrations(): Promise<number>;
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

/** The database could not be opened: reaching it ('connect') or applying the migrations ('migrate') failed. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly stage: 'connect' | 'migrate',
    readonly kind: 'postgres' | 'pglite',
    override readonly cause: unknown,
  ) {
    super(`${kind} ${stage} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DatabaseOpenError';
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return 'url' in target ? openPostgres(target.url) : openPglite(target.dataDir);
}

/** Journal entries newer than the last applied migration: the rule drizzle's migrator applies. */
async function countPending(query: Database['query']): Promise<number> {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  const [row] = await query<{ last: string | null }>('select max(created_at)::text as last from drizzle.__drizzle_migrations');
  const applied = Number(row?.last ?? 0);
  return journal.entries.filter((e) => e.when > applied).length;
}

/**
 * Locks live on a one-connection client of their own, never on a connection reserved from the pool:
 * postgres.js 3.4 puts a reserved connection whose socket has closed back into the pool on release,
 * and the next query written to it throws from a timer (`Cannot read properties of null (reading
 * 'write')`, porsager/postgres#1199), which no caller can catch.
 */
async function openPostgres(url: string): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  // No type fetch on connect: postgres.js runs it unawaited, and a server dying at that moment left an
  // unhandled rejection (seen in the outage test). Nothing here passes or reads SQL arrays.
  let sent = 0;
  // postgres.js calls `debug` as it writes each query to a connection: the statements the server gets.
  const count = () => void (sent += 1);
  const client = postgres(url, { max: 10, fetch_types: false, onnotice: () => {}, debug: count });
  let session = 0;
  const lockClient = postgres(url, { max: 1, max_lifetime: null, fetch_types: false, onnotice: () => {}, onclose: () => (session += 1), debug: count });
  const held = new Set<number>();
  const db = drizzle(client, { schema });
  try {
    await lockClient`select pg_advisory_lock(${MIGRATION_LOCK})`.catch((error: unknown) => {
      throw new DatabaseOpenError('connect', 'postgres', error);
    });
    try {
      await migrate(db, { migrationsFolder: MIGRATIONS }).catch((error: unknown) => {
        throw new DatabaseOpenError('migrate', 'postgres', error);
      });
    } finally {
      await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK})`.catch(() => undefined);
    }
  } catch (error) {
    await Promise.all([client.end({ timeout: 1 }), lockClient.end({ timeout: 1 })]);
    throw error;
  }
  const query = async <T>(text: string, params: QueryParam[] = []): Promise<T[]> => await client.unsafe<T[]>(text, params);
  const health = new DatabaseHealth(() => client`select 1`);
  return {
    db,
    kind: 'postgres',
    query,
    async tryLock(key) {
      // One session holds the locks of the whole process, and advisory locks are reentrant within a session.
      if (held.has(key)) return null;
      held.add(key);
      try {
        const [row] = await lockClient<{ locked: boolean }[]>`select pg_try_advisory_lock(${key}) as locked`;
        if (!row?.locked) {
          held.delete(key);
          return null;
        }
      } catch (error) {
        held.delete(key);
        throw error;
      }
      const takenIn = session;
      return {
        get lost() {
          return session !== takenIn;
        },
        async release() {
          if (!held.delete(key)) return;
          if (session === takenIn) await lockClient`select pg_advisory_unlock(${key})`.catch(() => undefined);
        },
      };
    },
    health,
    statements: () => sent,
    pendingMigrations: () => countPending(query),
    close: async () => {
      health.stop();
      await Promise.all([client.end({ timeout: 5 }), lockClient.end({ timeout: 5 })]);
    },
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
    const pglite = await import('@electric-sql/pglite');
    const { PGlite } = pglite;
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const folder = join(dataDir, PGLITE_FOLDER);
    await initializeFolder(folder).catch((error: unknown) => {
      throw new DatabaseOpenError('connect', 'pglite', error);
    });
    const client = countingStatements(
      await PGlite.create(folder, pgliteOptions(PGlite.defaultStartParams)).catch((error: unknown) => {
        throw new DatabaseOpenError('connect', 'pglite', error);
      }),
      pglite,
    );
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder: MIGRATIONS }).catch(async (error: unknown) => {
      await client.close().catch(() => undefined);
      throw new DatabaseOpenError('migrate', 'pglite', error);
    });
    const query = async <T>(text: string, params: QueryParam[] = []) => (await client.query<T>(text, params)).rows;
    const health = new DatabaseHealth(() => client.query('select 1'));
    return {
      db,
      kind: 'pglite',
      query,
      // One process holds the folder, so a lock is a flag in this process.
      tryLock(key) {
        if (heldLocks.has(key)) return Promise.resolve(null);
        heldLocks.add(key);
        return Promise.resolve({
          lost: false,
          release: () => {
            heldLocks.delete(key);
            return Promise.resolve();
          },
        });
      },
      health,
      statements: () => client.statements,
      pendingMigrations: () => countPending(query),
      close: async () => {
        health.stop();
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}


/**
 * Runs a statement prepared once by name: what `Prepared` (db/prepared.ts) uses on PGlite, where
 * `query` parses and plans every statement anew (a few index lookups cost 100 µs of planning each in
 * WebAssembly). Values go as text; the server infers their types when it prepares the statement.
 */
export interface NamedStatements {
  runPrepared<T>(name: string, text: string, params: readonly unknown[]): Promise<T[]>;
}

type PGliteModule = typeof pgliteModule;

/** A prepared statement's value as text: numbers and booleans written out, anything else (JSON) already a string. */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  throw new Error(`a prepared statement's value must be text, a number or null, not ${typeof value}`);
}

/**
 * PGlite with a count of the statements it runs (`query` and `exec` — one simple-protocol string may
 * hold several statements; migrations are the only such caller — inside a transaction BEGIN, each of
 * its statements and COMMIT or ROLLBACK, and `runPrepared`), and with `runPrepared`.
 */
/** Counts every `query` and `exec` of a PGlite client or transaction as one statement. */
function countEach(target: Pick<PGlite, 'query' | 'exec'>, count: () => void): void {
  const query = target.query.bind(target);
  const exec = target.exec.bind(target);
  target.query = ((...args: Parameters<typeof query>) => {
    count();
    return query(...args);
  }) as typeof query;
  target.exec = (...args: Parameters<typeof exec>) => {
    count();
    return exec(...args);
  };
}

function countingStatements(client: PGlite, pglite: PGliteModule): PGlite & { statements: number } & NamedStatements {
  const counted = client as PGlite & { statements: number } & NamedStatements;
  counted.statements = 0;
  const transaction = client.transaction.bind(client);
  countEach(client, () => (counted.statements += 1));
  counted.transaction = ((callback: Parameters<typeof transaction>[0]) => {
    counted.statements += 2; // BEGIN, and COMMIT or ROLLBACK
    return transaction((tx) => {
      countEach(tx, () => (counted.statements += 1));
      return callback(tx);
    });
  }) as typeof transaction;
  const { serialize } = pglite.protocol;
  const prepared = new Set<string>();
  const message = (parts: Uint8Array[]) => {
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      joined.set(part, at);
      at += part.length;
    }
    return joined;
  };
  counted.runPrepared = async <T>(name: string, text: string, params: readonly unknown[]): Promise<T[]> => {
    counted.statements += 1;
    await client._checkReady();
    // As PGlite's own `query`: never inside another caller's transaction, never between two messages of another query.
    return client._runExclusiveTransaction(() =>
      client._runExclusiveQuery(async () => {
        if (!prepared.has(name)) {
          await client.execProtocol(message([serialize.parse({ name, text }), serialize.sync()]));
          prepared.add(name);
        }
        const values = params.map(asText);
        const { messages } = await client.execProtocol(
          message([serialize.bind({ statement: name, values }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()]),
        );
        return (pglite.parse.parseResults(messages, client.parsers, { rowMode: 'object' })[0]?.rows ?? []) as T[];
      }),
    );
  };
  return counted;
}

/**
 * A fresh database for one test: a copy of the template that globalSetup migrated once
 * (tests/helpers/template-database.ts): a new PostgreSQL database made from it on the server named
 * by DATABASE_URL (CI's second run), or a copy of its PGlite folder otherwise.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { inject } from 'vitest';
import { PGLITE_FOLDER, type DatabaseTarget } from '../../src/db/client.js';
import { databaseUrl } from './template-database.js';

export interface TestDatabase {
  /** Environment to give the app: DATABASE_URL or DATA_DIR. */
  env: Record<string, string>;
  dataDir: string;
  /** Where the app will find it, for tests that seed it before starting the app. */
  target: DatabaseTarget;
  drop(): Promise<void>;
}

export const onPostgres = Boolean(process.env.DATABASE_URL);

export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chiso-test-'));
  const template = inject('templateDatabase');
  if (template.kind === 'pglite') {
    cpSync(template.folder, join(dataDir, PGLITE_FOLDER), { recursive: true });
    return { env: { DATA_DIR: dataDir }, dataDir, target: { dataDir }, drop: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })) };
  }
  const { serverUrl } = template;
  const name = `chiso_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name} template ${template.name}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(serverUrl, name);
  return {
    env: { DATABASE_URL: url, DATA_DIR: dataDir },
    dataDir,
    target: { url },
    drop: async () => {
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

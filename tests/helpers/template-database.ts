/**
 * vitest globalSetup: migrates one database before any test file runs, so each test copies it
 * (a PGlite folder, or a PostgreSQL database used as TEMPLATE) instead of initialising and
 * migrating its own: PGlite's initdb alone takes seconds on a busy machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase, PGLITE_FOLDER } from '../../src/db/client.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated PGlite data folder to copy, or the name of the migrated PostgreSQL template database. */
    templateDatabase: { kind: 'pglite'; folder: string } | { kind: 'postgres'; serverUrl: string; name: string };
  }
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void> | void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'chiso-template-'));
    await (await openDatabase({ dataDir })).close();
    project.provide('templateDatabase', { kind: 'pglite', folder: join(dataDir, PGLITE_FOLDER) });
    return () => rmSync(dataDir, { recursive: true, force: true });
  }
  const name = `chiso_template_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  await (await openDatabase({ url: databaseUrl(serverUrl, name) })).close();
  project.provide('templateDatabase', { kind: 'postgres', serverUrl, name });
  return async () => {
    const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await cleanup.unsafe(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  };
}

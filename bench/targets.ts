/** Where a benchmark runs: a fresh embedded PGlite folder, and a fresh PostgreSQL database when one is named. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openDatabase, type Database } from '../src/db/client.js';

export interface BenchTarget {
  label: string;
  /** A fresh database, the settings that name it for the app, and its removal (closing it if still open). */
  open(): Promise<{ database: Database; env: Record<string, string>; drop: () => Promise<void> }>;
}

export function benchTargets(): BenchTarget[] {
  const targets: BenchTarget[] = [
    {
      label: 'PGlite',
      async open() {
        const dataDir = mkdtempSync(join(tmpdir(), 'chiso-bench-'));
        const database = await openDatabase({ dataDir });
        return {
          database,
          env: { DATA_DIR: dataDir },
          drop: async () => {
            await database.close().catch(() => undefined);
            rmSync(dataDir, { recursive: true, force: true });
          },
        };
      },
    },
  ];
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    targets.push({
      label: 'PostgreSQL',
      async open() {
        const name = `chiso_bench_${process.pid}_${Date.now()}`;
        const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
        await admin.unsafe(`create database ${name}`);
        const url = new URL(serverUrl);
        url.pathname = `/${name}`;
        const database = await openDatabase({ url: url.toString() });
        return {
          database,
          env: { DATABASE_URL: url.toString() },
          drop: async () => {
            await database.close().catch(() => undefined);
            await admin.unsafe(`drop database if exists ${name} with (force)`);
            await admin.end();
          },
        };
      },
    });
  }
  // BENCH_TARGETS=PostgreSQL (or PGlite): one database only.
  const only = process.env.BENCH_TARGETS?.split(',');
  return only ? targets.filter((t) => only.includes(t.label)) : targets;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

export function verdict(ms: number, goalMs: number): string {
  return `${ms.toFixed(0).padStart(6)} ms  (goal < ${goalMs} ms: ${ms < goalMs ? 'met' : 'MISSED'})`;
}

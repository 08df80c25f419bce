/**
 * A running server leaves its address and admin token in DATA_DIR/server.json, so a CLI started
 * beside it talks to it instead of opening the embedded database a second time.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RunningInstance {
  pid: number;
  url: string;
  adminToken: string;
}

const fileIn = (dataDir: string) => join(dataDir, 'server.json');

/** Written whole or not at all (a rename): a CLI reading it meanwhile never sees half a file. */
export function writeInstanceFile(dataDir: string, instance: RunningInstance): void {
  mkdirSync(dataDir, { recursive: true });
  const partial = `${fileIn(dataDir)}.${process.pid}`;
  writeFileSync(partial, JSON.stringify(instance), { mode: 0o600 });
  chmodSync(partial, 0o600);
  renameSync(partial, fileIn(dataDir));
}

export function removeInstanceFile(dataDir: string): void {
  try {
    const current = JSON.parse(readFileSync(fileIn(dataDir), 'utf8')) as RunningInstance;
    if (current.pid === process.pid) rmSync(fileIn(dataDir), { force: true });
  } catch {
    // Nothing to remove.
  }
}

/** The server running on this data folder, if its process is still alive. */
export function readRunningInstance(dataDir: string): RunningInstance | null {
  try {
    const instance = JSON.parse(readFileSync(fileIn(dataDir), 'utf8')) as RunningInstance;
    process.kill(instance.pid, 0);
    return instance;
  } catch {
    return null;
  }
}

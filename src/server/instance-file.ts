/**
 * A running server leaves its address and admin token in DATA_DIR/server.json, so a CLI started
 * beside it talks to it instead of opening the embedded database a second time.
 */
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RunningInstance {
  pid: number;
  url: string;
  adminToken: string;
}

const fileIn = (dataDir: string) => join(dataDir, 'server.json');

export function writeInstanceFile(dataDir: string, instance: RunningInstance): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(fileIn(dataDir), JSON.stringify(instance), { mode: 0o600 });
  chmodSync(fileIn(dataDir), 0o600);
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

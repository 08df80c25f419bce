/**
 * Where a CLI command runs: through the admin API of a server that holds the embedded database,
 * or against the database directly when no server holds it (or when DATABASE_URL is set).
 */
import { DEFAULT_BOT_USERNAME } from '../app.js';
import type { AdminContext } from '../admin/commands.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/client.js';
import { readRunningInstance } from '../server/instance-file.js';

export type Backend =
  | { kind: 'remote'; call<T>(method: string, path: string, body?: unknown): Promise<T> }
  | { kind: 'local'; admin: AdminContext; close(): Promise<void> };

export class RemoteError extends Error {}

export async function openBackend(config: Config): Promise<Backend> {
  const running = 'dataDir' in config.database ? readRunningInstance(config.dataDir) : null;
  if (running) {
    const token = config.adminToken ?? running.adminToken;
    return {
      kind: 'remote',
      async call<T>(method: string, path: string, body?: unknown): Promise<T> {
        const response = await fetch(`${running.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
          ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        });
        const data = (await response.json()) as T & { error?: string };
        if (!response.ok) throw new RemoteError(data.error ?? `HTTP ${response.status}`);
        return data;
      },
    };
  }
  const database = await openDatabase(config.database);
  return {
    kind: 'local',
    admin: { db: database.db, botUsername: config.telegram?.username ?? DEFAULT_BOT_USERNAME, now: () => new Date() },
    close: () => database.close(),
  };
}

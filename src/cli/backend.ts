/**
 * Where a CLI command runs: through the admin API of a server that holds the embedded database,
 * or against the database directly when no server holds it (or when DATABASE_URL is set).
 */
import { buildServices } from '../composition.js';
import type { AdminContext } from '../admin/commands.js';
import type { ConversationDeps } from '../core/conversation.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/client.js';
import { readRunningInstance } from '../server/instance-file.js';

export type Backend =
  | { kind: 'remote'; call<T>(method: string, path: string, body?: unknown): Promise<T>; upload<T>(path: string, form: FormData): Promise<T> }
  | { kind: 'local'; admin: AdminContext; conversation: ConversationDeps; close(): Promise<void> };

export class RemoteError extends Error {}

export async function openBackend(config: Config): Promise<Backend> {
  const running = 'dataDir' in config.database ? readRunningInstance(config.dataDir) : null;
  if (running) {
    const token = config.adminToken ?? running.adminToken;
    const send = async <T>(path: string, init: { method: string; headers?: Record<string, string>; body?: string | FormData }): Promise<T> => {
      const response = await fetch(`${running.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
      const data = (await response.json()) as T & { error?: string };
      if (!response.ok) throw new RemoteError(data.error ?? `HTTP ${response.status}`);
      return data;
    };
    return {
      kind: 'remote',
      call: <T>(method: string, path: string, body?: unknown) =>
        send<T>(path, body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      upload: <T>(path: string, form: FormData) => send<T>(path, { method: 'POST', body: form }),
    };
  }
  const database = await openDatabase(config.database);
  const { admin, conversation } = buildServices({ config, db: database.db, now: () => new Date(), log: null });
  return { kind: 'local', admin, conversation, close: () => database.close() };
}

/**
 * Why the server could not start, in one Vietnamese line naming the setting or the cause and what to
 * do: what `npm start` prints on stderr before it exits non-zero. Secrets are never in it (a database
 * address is shown without its password; any other text passes through the settings' scrubber).
 */
import { ListenError } from './app.js';
import { ConfigError, type Config } from './config.js';
import { DatabaseBusyError, DatabaseOpenError } from './db/client.js';
import { t } from './messages/i18n.js';
import { withoutPassword } from './redaction.js';

export interface StartupFailure {
  line: string;
  /** 2: the settings are wrong; 1: anything else. */
  exitCode: number;
}

/** The codes an error carries, its own and those of what it wraps (drizzle's `cause`). */
function codesOf(error: unknown): { code: string | null; message: string } {
  let message = error instanceof Error ? error.message : String(error);
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const e = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof e.message === 'string') message = e.message;
    if (typeof e.code === 'string') return { code: e.code, message };
    current = e.cause;
  }
  return { code: null, message };
}

/** What the database address names, password left out. */
function target(url: string): { address: string; user: string; database: string; shown: string } {
  try {
    const parsed = new URL(url);
    return {
      address: `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`,
      user: decodeURIComponent(parsed.username) || 'postgres',
      database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || decodeURIComponent(parsed.username) || 'postgres',
      shown: withoutPassword(url) ?? 'DATABASE_URL',
    };
  } catch {
    return { address: '?', user: '?', database: '?', shown: 'DATABASE_URL' };
  }
}

const UNREACHABLE: Record<string, string> = {
  ECONNREFUSED: 'máy chủ từ chối kết nối (ECONNREFUSED)',
  ENOTFOUND: 'không tìm thấy máy chủ (ENOTFOUND)',
  EAI_AGAIN: 'không phân giải được tên máy chủ (EAI_AGAIN)',
  EHOSTUNREACH: 'không tới được máy chủ (EHOSTUNREACH)',
  ENETUNREACH: 'không tới được mạng của máy chủ (ENETUNREACH)',
  ETIMEDOUT: 'quá thời gian chờ kết nối (ETIMEDOUT)',
  CONNECT_TIMEOUT: 'quá thời gian chờ kết nối (CONNECT_TIMEOUT)',
  ECONNRESET: 'máy chủ cắt kết nối (ECONNRESET)',
  CONNECTION_CLOSED: 'máy chủ đóng kết nối',
};

function databaseLine(error: DatabaseOpenError, config: Config, mask: (text: string) => string): string {
  const { code, message } = codesOf(error.cause);
  const reason = mask(message);
  if (error.kind === 'pglite') return t('startup-pglite', { dir: config.dataDir, reason });
  const url = 'url' in config.database ? config.database.url : '';
  const where = target(url);
  if (error.stage === 'migrate' && code === '42501') return t('startup-database-no-create', { user: where.user, database: where.database, reason });
  if (error.stage === 'migrate') return t('startup-database-migrate', { target: mask(where.shown), reason });
  if (code && UNREACHABLE[code]) return t('startup-database-unreachable', { address: where.address, reason: UNREACHABLE[code] });
  if (code === '28P01' || code === '28000') return t('startup-database-login', { user: where.user, address: where.address, reason });
  if (code === '3D000') return t('startup-database-missing', { database: where.database, address: where.address });
  return t('startup-database-other', { target: mask(where.shown), reason });
}

function listenLine(error: ListenError, mask: (text: string) => string): string {
  const { code, message } = codesOf(error.cause);
  switch (code) {
    case 'EADDRINUSE':
      return t('startup-port-in-use', { port: String(error.port), host: error.host });
    case 'EACCES':
      return t('startup-port-denied', { port: String(error.port) });
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return t('startup-host', { host: error.host });
    default:
      return t('startup-listen-other', { host: error.host, port: String(error.port), reason: mask(message) });
  }
}

/** `config` is null when the settings themselves are what failed. */
export function describeStartupFailure(error: unknown, config: Config | null, mask: (text: string) => string): StartupFailure {
  if (error instanceof ConfigError) return { line: error.message, exitCode: 2 };
  if (error instanceof DatabaseBusyError) return { line: t('database-busy', { dir: error.dataDir, pid: String(error.pid) }), exitCode: 1 };
  if (error instanceof DatabaseOpenError && config) return { line: databaseLine(error, config, mask), exitCode: 1 };
  if (error instanceof ListenError) return { line: listenLine(error, mask), exitCode: 1 };
  return { line: t('startup-failed', { reason: mask(codesOf(error).message) }), exitCode: 1 };
}

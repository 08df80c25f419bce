/**
 * `npm start` (src/main.ts, run as its own process) that cannot start: one Vietnamese line on stderr
 * naming the setting or the cause and what to do, a non-zero exit code, no stack trace (unless
 * LOG_LEVEL=debug), and never a secret: at most a secret's length and last four characters.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/database.js';
import { failedStart, startServerProcess } from '../helpers/server-process.js';
import { TcpFront } from '../helpers/tcp-front.js';

/** Letters only Vietnamese writes: the line is in Vietnamese. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

function expectOneCleanLine(result: { code: number | null; lines: string[] }, secrets: string[] = []): string {
  expect(result.code).not.toBe(0);
  expect(result.code).not.toBeNull();
  expect(result.lines).toHaveLength(1);
  const [line = ''] = result.lines;
  expect(line).toMatch(VIETNAMESE);
  expect(line).not.toMatch(/\bat .+:\d+:\d+/);
  for (const secret of secrets) expect(line).not.toContain(secret);
  return line;
}

const freshDataDir = () => mkdtempSync(join(tmpdir(), 'chiso-start-'));

/** Each test starts a process that loads the whole app (and maybe a database) on a shared machine. */
const PROCESS_TEST_MS = 180_000;

describe('bad settings', () => {
  const token = '7000000001:AAH-very-secret-bot-token_QzXW';
  const adminToken = 'admin-secret-that-is-long-enough-K7pQ';

  it('names every bad setting in one line and shows a secret by its length and last four characters only', async () => {
    const result = await failedStart({
      DATA_DIR: freshDataDir(),
      PORT: 'abc',
      // Bad values that are secrets, and a good secret that must not leak either.
      TELEGRAM_BOT_TOKEN: 'not-a-token-but-still-a-secret-R2D2',
      TELEGRAM_WEBHOOK_SECRET: 'có dấu nhưng vẫn bí mật',
      ZALO_OA_SECRET_KEY: 'short',
      ZALO_OA_APP_ID: '123',
      ZALO_OA_ACCESS_TOKEN: 'zalo-access-token-secret-9999',
      ADMIN_TOKEN: adminToken,
      DATABASE_URL: 'mysql://chiso:db-password-secret@127.0.0.1/chiso',
    });
    const line = expectOneCleanLine(result, ['not-a-token-but-still-a-secret', 'có dấu nhưng vẫn bí mật', 'short', 'zalo-access-token-secret', adminToken, 'db-password-secret']);
    expect(result.code).toBe(2);
    expect(line).toMatch(/^Cấu hình không hợp lệ: /);
    expect(line).toContain('PORT: phải là một số (giá trị hiện tại: "abc")');
    expect(line).toContain('TELEGRAM_BOT_TOKEN: không đúng dạng token của BotFather (123456:ABC…) (giá trị hiện tại: 35 ký tự, kết thúc bằng «…R2D2»)');
    expect(line).toContain('TELEGRAM_WEBHOOK_SECRET: chỉ gồm A-Z');
    expect(line).toContain('ZALO_OA_SECRET_KEY: phải dài ít nhất 8 ký tự (giá trị hiện tại: 5 ký tự)');
    expect(line).toContain('DATABASE_URL: phải bắt đầu bằng postgres:// hoặc postgresql:// (giá trị hiện tại: "mysql://chiso:***@127.0.0.1/chiso")');
    expect(line).toContain('Sửa trong .env hoặc biến môi trường');
    expect(result.stdout).toBe('');
  }, PROCESS_TEST_MS);

  it('refuses a time zone Intl does not know, naming TZ', async () => {
    const line = expectOneCleanLine(await failedStart({ DATA_DIR: freshDataDir(), TZ: 'Mars/Base', TELEGRAM_BOT_TOKEN: token }), [token]);
    expect(line).toContain('TZ: không phải múi giờ IANA');
    expect(line).toContain('"Mars/Base"');
  }, PROCESS_TEST_MS);

  it('refuses a holiday that is not a real date, naming HOLIDAYS', async () => {
    const line = expectOneCleanLine(await failedStart({ DATA_DIR: freshDataDir(), HOLIDAYS: '2026-09-02,2026-13-01' }));
    expect(line).toContain('HOLIDAYS: phải là danh sách ngày có thật');
    expect(line).toContain('2026-13-01');
  }, PROCESS_TEST_MS);
});

describe('the database', () => {
  it('names DATABASE_URL when PostgreSQL cannot be reached, without its password', async () => {
    const closed = await TcpFront.closed();
    const result = await failedStart({ DATA_DIR: freshDataDir(), DATABASE_URL: `postgres://chiso:db-password-secret@127.0.0.1:${closed.port}/chiso` });
    const line = expectOneCleanLine(result, ['db-password-secret']);
    expect(line).toBe(
      `Không kết nối được PostgreSQL tại 127.0.0.1:${closed.port} (DATABASE_URL): máy chủ từ chối kết nối (ECONNREFUSED). Kiểm tra máy chủ PostgreSQL đang chạy và DATABASE_URL đúng địa chỉ và cổng.`,
    );
    expect(result.code).toBe(1);
  }, PROCESS_TEST_MS);

  it('prints the stack as well with LOG_LEVEL=debug', async () => {
    const closed = await TcpFront.closed();
    const result = await failedStart({ DATA_DIR: freshDataDir(), LOG_LEVEL: 'debug', DATABASE_URL: `postgres://chiso:db-password-secret@127.0.0.1:${closed.port}/chiso` });
    expect(result.code).toBe(1);
    expect(result.lines[0]).toContain('(DATABASE_URL)');
    expect(result.lines.slice(1).join('\n')).toMatch(/\bat .+:\d+:\d+/);
    expect(result.lines.join('\n')).not.toContain('db-password-secret');
  }, PROCESS_TEST_MS);

  it('says the embedded database is held by another process, and which', async () => {
    const dataDir = freshDataDir();
    // This test's own process holds it, as far as the pid file says.
    writeFileSync(join(dataDir, 'chiso.pid'), String(process.pid));
    const line = expectOneCleanLine(await failedStart({ DATA_DIR: dataDir }));
    expect(line).toContain(`đang được tiến trình ${process.pid} dùng`);
    expect(line).toContain('DATABASE_URL');
    rmSync(dataDir, { recursive: true, force: true });
  }, PROCESS_TEST_MS);
});

describe.runIf(onPostgres)('a PostgreSQL role that may not create anything', () => {
  const serverUrl = process.env.DATABASE_URL ?? '';
  // Named after the database the tests were given, so that they are recognisably this suite's.
  const prefix = `${(URL.parse(serverUrl)?.pathname.slice(1) ?? '') || 'chiso'}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const role = `${prefix}_reader`;
  const name = `${prefix}_locked`;
  const password = 'role-password-secret-4242';
  let admin: postgres.Sql;

  beforeAll(async () => {
    admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create role ${role} login password '${password}'`);
    // Owned by the server's superuser: since PostgreSQL 15 nobody else may create in it or in its public schema.
    await admin.unsafe(`create database ${name}`);
  });

  afterAll(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`drop role if exists ${role}`);
    await admin.end();
  });

  it('says the migrations cannot run and which grant they need', async () => {
    const url = new URL(serverUrl);
    url.username = role;
    url.password = password;
    url.pathname = `/${name}`;
    const result = await failedStart({ DATA_DIR: freshDataDir(), DATABASE_URL: url.toString() });
    const line = expectOneCleanLine(result, [password]);
    expect(line).toContain(`Vai trò «${role}» không có quyền CREATE trên cơ sở dữ liệu «${name}» nên không chạy được migration`);
    expect(line).toContain(`GRANT CREATE ON DATABASE ${name} TO ${role}`);
    expect(line).toContain('DATABASE_URL');
    expect(result.code).toBe(1);
  }, PROCESS_TEST_MS);
});

describe('the port', () => {
  let database: TestDatabase;
  let holder: Server;
  let port: number;

  beforeAll(async () => {
    database = await createTestDatabase();
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const address = holder.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });

  afterAll(async () => {
    await new Promise((resolve) => holder.close(resolve));
    await database.drop();
  });

  it('names PORT when another process listens on it', async () => {
    const result = await failedStart({ ...database.env, HOST: '127.0.0.1', PORT: String(port) });
    const line = expectOneCleanLine(result);
    expect(line).toBe(`Cổng ${port} (PORT) trên 127.0.0.1 đang được một tiến trình khác dùng. Dừng tiến trình đó hoặc đặt PORT khác.`);
    expect(result.code).toBe(1);
  }, PROCESS_TEST_MS);
});

describe('a start that works, with LOG_FORMAT=pretty', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('prints readable lines, not JSON, and exits 0 on SIGTERM', async () => {
    const server = startServerProcess({ ...database.env, HOST: '127.0.0.1', PORT: '0', LOG_FORMAT: 'pretty', ADMIN_TOKEN: 'pretty-admin-token-0123456789' });
    await expect.poll(() => server.stdout(), { timeout: 120_000, interval: 50 }).toMatch(/INFO.*http server listening at http:\/\/127\.0\.0\.1:\d+/);
    const url = /http server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(server.stdout())?.[1] ?? '';
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.stdout()).toMatch(/INFO.*stopped/);
    expect(server.stdout().split('\n').filter((l) => l.startsWith('{'))).toEqual([]);
    expect(server.stdout()).not.toContain('pretty-admin-token-0123456789');
    expect(server.stderr()).toBe('');
  }, PROCESS_TEST_MS);
});

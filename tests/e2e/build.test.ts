/**
 * The build as production runs it: `npm run build` writes dist/, then `node dist/main.js` (no tsx) starts
 * with no Telegram token, `node dist/cli/index.js demo` loads the samples through it, and SIGTERM stops it
 * with exit code 0. Both run from another folder than the project's, so nothing they read (locales/,
 * drizzle/, samples/, the import worker, the fonts of charts and reports in assets/) may depend on the working folder.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
const DIST = join(ROOT, 'dist');

let database: TestDatabase;
let elsewhere: string;
let server: ChildProcess | null = null;
let output = '';

function env(): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', ...database.env };
}

beforeAll(async () => {
  await run('npm', ['run', 'build'], { cwd: ROOT, env: process.env });
  database = await createTestDatabase();
  elsewhere = mkdtempSync(join(tmpdir(), 'chiso-build-cwd-'));
}, 240_000);

afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((r) => server?.once('exit', r));
    server.kill('SIGKILL');
    await exited;
  }
  rmSync(elsewhere, { recursive: true, force: true });
  await database?.drop();
});

it('runs from dist/: starts without a token, answers /healthz, takes the demo, stops on SIGTERM with 0', async () => {
  expect(existsSync(join(DIST, 'main.js'))).toBe(true);
  expect(existsSync(join(DIST, 'main.js.map'))).toBe(true);
  expect(existsSync(join(DIST, 'imports', 'read-worker.js'))).toBe(true);

  const child = spawn(process.execPath, [join(DIST, 'main.js')], {
    cwd: elsewhere,
    env: { ...env(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  });
  server = child;
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));

  // PORT=0: the server says where it listens in DATA_DIR/server.json; then /healthz must answer 200.
  const serverFile = join(database.dataDir, 'server.json');
  const healthy = async (): Promise<boolean> => {
    if (!existsSync(serverFile)) return false;
    const { url } = JSON.parse(readFileSync(serverFile, 'utf8')) as { url: string };
    const response = await fetch(`${url}/healthz`).catch(() => null);
    return response?.status === 200 && ((await response.json()) as { ok: boolean }).ok;
  };
  const died = exited.then(({ code, signal }) => {
    throw new Error(`node dist/main.js exited (${code ?? signal}) before /healthz answered:\n${output}`);
  });
  await Promise.race([expect.poll(healthy, { message: 'GET /healthz never answered 200', timeout: 60_000, interval: 100 }).toBe(true), died]);

  const demo = await run(process.execPath, [join(DIST, 'cli', 'index.js'), 'demo'], { cwd: elsewhere, env: { ...env(), LOG_LEVEL: 'silent' } });
  expect(demo.stdout).toContain('Nhập công văn tháng 02/2025: 1 kết quả mới');
  expect(demo.stdout).toContain('Đơn vị tạo mới (2): tỉnh Hưng Yên, thị xã Mỹ Hào');
  expect(demo.stdout).toContain('Nhập dữ liệu Cổng DVCQG tháng 08/2026: 164 kết quả mới, 0 kết quả thay đổi, 0 không đổi.');

  // A chart drawn by dist/: vega, resvg and the fonts in assets/ found from another folder.
  const { url, adminToken } = JSON.parse(readFileSync(serverFile, 'utf8')) as { url: string; adminToken: string };
  const asked = await fetch(`${url}/api/console/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ chatId: 'build-test', text: '/xephang biểu đồ tháng 8 Việt Trì' }),
  });
  const { replies } = (await asked.json()) as { replies: { lines: string[]; file?: { fileName: string; base64?: string } }[] };
  expect(replies[0]?.file?.fileName, JSON.stringify(replies)).toBe('xep-hang-ubnd-tinh-phu-tho-2026-08.png');
  expect(Buffer.from(replies[0]?.file?.base64 ?? '', 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');

  child.kill('SIGTERM');
  expect(await exited, output).toEqual({ code: 0, signal: null });
}, 90_000);

it("draws the leader report from dist/ in another folder, with the fonts beside it", async () => {
  const facts = { unit: 'UBND tỉnh Phú Thọ', period: '2026-08', own: null, yearTotals: [], trend: [], units: [], previousPeriod: '2026-07', overdue: [] };
  const script = `
    const { t } = await import(${JSON.stringify(join(DIST, 'messages', 'i18n.js'))});
    const { leaderReportFiles } = await import(${JSON.stringify(join(DIST, 'reports', 'leader-report.js'))});
    const files = await leaderReportFiles(t, ${JSON.stringify(facts)}, '2026-09-29');
    console.log(JSON.stringify({ pdf: Buffer.from(files.pdf.bytes).toString('latin1', 0, 5), png: Buffer.from(files.png.bytes).toString('latin1', 1, 4) }));`;
  const drawn = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: elsewhere, env: env() });
  expect(JSON.parse(drawn.stdout)).toEqual({ pdf: '%PDF-', png: 'PNG' });
}, 60_000);


/** Starting without a token, long polling, and the CLI as a user runs it (with and without a server). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { cli } from '../helpers/cli.js';
import { openDatabase } from '../../src/db/client.js';
import { startTestApp, TEST_TOKEN, type TestApp } from '../helpers/app.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/database.js';
import { PORTAL_DIR_PATH } from '../helpers/samples.js';
import { TelegramStandIn, textUpdate } from '../helpers/telegram-stand-in.js';

it('lists every command it knows in its help', async () => {
  const dispatch = readFileSync(new URL('../../src/cli/index.ts', import.meta.url), 'utf8');
  const commands = [...dispatch.matchAll(/case '([a-z]+)':/g)].map((m) => m[1] ?? '');
  expect(commands.length).toBeGreaterThan(5);
  const { code, stdout } = await cli({}, 'help');
  expect(code).toBe(0);
  const listed = stdout.split('\n').map((line) => /^\s+([a-z]+)\b/.exec(line)?.[1]);
  expect(commands.filter((command) => !listed.includes(command))).toEqual([]);
});

describe('the CLI with no server running', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  // One command line per test: each is a process that loads the whole app.
  it('loads the demo', async () => {
    const first = await cli(database.env, 'demo');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Nhập công văn tháng 02/2025: 1 kết quả mới');
    expect(first.stdout).toContain('Đơn vị tạo mới (2): tỉnh Hưng Yên, thị xã Mỹ Hào');
    expect(first.stdout).toContain('Nhập dữ liệu Cổng DVCQG tháng 08/2026: 164 kết quả mới, 0 kết quả thay đổi, 0 không đổi. Đơn vị: 0 đã có, 164 tạo mới.');
  });

  it('loads the demo once: a second load changes nothing', async () => {
    const second = await cli(database.env, 'demo');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('0 kết quả mới, 0 kết quả thay đổi, 1 không đổi');
    expect(second.stdout).toContain('0 kết quả mới, 0 kết quả thay đổi, 164 không đổi');
    expect(second.stdout).toContain('Không có thay đổi');
  });

  it('prints one JSON line with the code and a t.me deep link to the bot the settings name', async () => {
    const { code, stdout } = await cli({ ...database.env, TELEGRAM_BOT_USERNAME: 'chiso_bot' }, 'invite', '--unit', 'Mỹ Hào', '--role', 'leader', '--json');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const invite = JSON.parse(lines[0] ?? '') as { code: string; channels: string[]; role: string; unit: { name: string } };
    expect(invite.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(invite.channels.join('\n')).toContain(`https://t.me/chiso_bot?start=${invite.code}`);
    expect(invite.role).toBe('leader');
    expect(invite.unit.name).toBe('thị xã Mỹ Hào');
  });

  it('links to no Telegram bot when no setting names one', async () => {
    const { code, stdout } = await cli(database.env, 'invite', '--unit', 'Mỹ Hào', '--role', 'admin');
    expect(code).toBe(0);
    expect(stdout).not.toContain('t.me');
    expect(stdout).toContain('Chưa bật kênh nào');
  });

  it('names a wrong role in Vietnamese', async () => {
    const role = await cli(database.env, 'invite', '--unit', 'Mỹ Hào', '--role', 'boss');
    expect(role.code).toBe(1);
    expect(role.stderr).toContain('Vai trò «boss» không có');
  });

  it('names an unknown unit in Vietnamese', async () => {
    const unit = await cli(database.env, 'invite', '--unit', 'Hà Giang', '--role', 'officer');
    expect(unit.code).toBe(1);
    expect(unit.stderr).toContain('Không tìm thấy đơn vị «Hà Giang»');
  });

  it('names an unknown command in Vietnamese', async () => {
    const command = await cli(database.env, 'xoa-het');
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('Không có lệnh «xoa-het»');
  });

  it('imports a folder of portal responses', async () => {
    const again = await cli(database.env, 'import', PORTAL_DIR_PATH, '--period', '2026-08');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nhập dữ liệu Cổng DVCQG tháng 08/2026: 0 kết quả mới, 0 kết quả thay đổi, 164 không đổi.');
  });

  it('schedules the automatic publication of what it imports, as the server does', async () => {
    const own = await createTestDatabase();
    try {
      const imported = await cli({ ...own.env, PUBLISH_AUTO_TIME: '08:00' }, 'import', PORTAL_DIR_PATH, '--period', '2026-08');
      expect(imported.code).toBe(0);
      const opened = await openDatabase(own.target);
      try {
        expect(await opened.query<{ period: string; status: string }>('select period, status from publications')).toEqual([{ period: '2026-08', status: 'scheduled' }]);
      } finally {
        await opened.close();
      }
    } finally {
      await own.drop();
    }
  });

  it('refuses a broken file saying where it breaks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-cli-'));
    writeFileSync(join(dir, 'tien-do.json'), '{"code":"OK",\n"data": {"parent": {,}}}');
    const broken = await cli(database.env, 'import', join(dir, 'tien-do.json'), '--period', '2026-08');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('Không nhập được: 1 lỗi. Chưa có dữ liệu nào được lưu');
    expect(broken.stderr).toContain('Tệp «tien-do.json», dòng 2, ký tự 21: tệp JSON bị hỏng');
  });

  it('refuses a file that is not there', async () => {
    const missing = await cli(database.env, 'import', join(tmpdir(), 'khong-co.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Không có tệp hoặc thư mục');
  });

  it('writes the spreadsheet template as CSV, header first', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'chiso-cli-')), 'mau.csv');
    const written = await cli(database.env, 'template', '--format', 'csv', '--out', out);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(`Đã ghi tệp mẫu: ${out}`);
    expect(readFileSync(out, 'utf8')).toMatch(/^\uFEFFKỳ,Mã đơn vị,Tên đơn vị/);
  });

  it('refuses a bad setting with a clear message', async () => {
    const { code, stderr } = await cli({ ...database.env, PORT: 'abc' }, 'demo');
    expect(code).toBe(1);
    expect(stderr).toContain('PORT: phải là một số');
  });
});

describe('a server without a Telegram token', () => {
  let t: TestApp;
  const logs: string[] = [];
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      },
    });
    t = await startTestApp({ mode: 'no-telegram', logger: pino({ level: 'info' }, sink) });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('serves /healthz and says in the log what to set', async () => {
    const response = await fetch(`${t.app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, database: onPostgres ? 'postgres' : 'pglite', channels: [] });
    expect(logs.join('')).toContain('TELEGRAM_BOT_TOKEN is not set');
    expect((await fetch(`${t.app.url}/telegram/webhook`, { method: 'POST' })).status).toBe(404);
  });

  it('keeps the admin API behind its token', async () => {
    expect((await fetch(`${t.app.url}/api/demo`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${t.app.url}/api/demo`, { method: 'POST', headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status).toBe(401);
  });

  it('lets the CLI load the demo through the running server', async () => {
    const demo = await cli(t.database.env, 'demo');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain('Nhập công văn tháng 02/2025');
    const chat = await t.admin<{ replies: { title?: string; lines: string[] }[] }>('POST', '/api/console/messages', { chatId: 'x', text: 'diem t2 my hao' });
    expect(chat.body.replies[0]?.lines).toContain('Tổng điểm: 91,34/100');
  });

  it('lets the CLI make an invite through the running server', async () => {
    const invite = await cli(t.database.env, 'invite', '--unit', 'TX. Mỹ Hào', '--role', 'officer', '--json');
    expect((JSON.parse(invite.stdout) as { unit: { name: string } }).unit.name).toBe('thị xã Mỹ Hào');
  });

  it('refuses a count of uses that is not a number, rather than making an unlimited code', async () => {
    const refused = await cli(t.database.env, 'invite', '--unit', 'TX. Mỹ Hào', '--role', 'leader', '--uses', 'abc');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('Số lần dùng «abc» phải là số nguyên dương.');
  });

  it('lets the CLI import through the running server', async () => {
    const imported = await cli(t.database.env, 'import', PORTAL_DIR_PATH, '--period', '2026-08', '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ source: 'portal', period: '2026-08', importId: null, resultsUnchanged: 164 });
  });
});

describe('long polling when there is a token but no PUBLIC_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ mode: 'polling' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('fetches updates from TELEGRAM_API_ROOT and answers them', async () => {
    expect(t.telegram.callsOf('setWebhook')).toHaveLength(0);
    t.telegram.queueUpdate(textUpdate('/huongdan', { id: 4440001, type: 'private' }));
    await t.telegram.waitFor(() => t.telegram.sentTexts(4440001).length > 0);
    expect(t.telegram.sentTexts(4440001)[0]).toContain('Hướng dẫn sử dụng chiso-bot');
    expect(t.telegram.callsOf('getUpdates').length).toBeGreaterThan(0);
    expect(t.telegram.calls[0]?.method).toBe('getMe');
  });
});

it('uses the stand-in named by TELEGRAM_API_ROOT for every call', async () => {
  const standIn = await new TelegramStandIn().start();
  const database = await createTestDatabase();
  const app = await startApp(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: standIn.url, PUBLIC_URL: 'https://x.example', ...database.env }),
  );
  await app.channelsConnected;
  await app.stop();
  await standIn.stop();
  await database.drop();
  expect(standIn.calls.map((c) => c.method)).toEqual(['getMe', 'setMyCommands', 'setWebhook']);
});

/**
 * Imports that keep what they do not carry (issue 8, items 1–4): a partial set of portal files, a
 * minimal sheet, the untouched template, a sheet's Kỳ column. Through the admin API, the chat and the
 * CLI, on the portal's real month and the real template.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/imports/save.js';
import { writeTemplate } from '../../src/imports/sheet/template.js';
import { cli } from '../helpers/cli.js';
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { editedPortalFiles, entryNamed, fiveGroupLetter, PORTAL_DIR_PATH, PORTAL_FILES, type SampleFile } from '../helpers/samples.js';
import { callbackUpdate, documentUpdate, type TestChat } from '../helpers/telegram-stand-in.js';

const TRANSPARENCY = PORTAL_FILES.filter((f) => f.fileName === 'transparency.json');
const ADMIN_CHAT: TestChat = { id: 5552801, type: 'private' };

function csv(lines: string[]): SampleFile['bytes'] {
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

async function upload(t: TestApp, files: SampleFile[], fields: Record<string, string>): Promise<{ status: number; body: { report: ImportReport; error: string } }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  for (const f of files) form.append('file', new Blob([f.bytes]), f.fileName);
  const response = await fetch(`${t.app.url}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, body: form });
  return { status: response.status, body: (await response.json()) as { report: ImportReport; error: string } };
}

async function unitsNamed(t: TestApp, nameKey: string): Promise<number> {
  const [row] = await t.app.database.query<{ n: number }>('select count(*)::int as n from units where name_key = $1', [nameKey]);
  return row?.n ?? -1;
}

describe('imports through the admin API and the chat keep what they do not carry', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ mode: 'webhook', now: () => new Date('2026-09-29T03:00:00Z') });
    expect((await upload(t, PORTAL_FILES, { period: '2026-08' })).status).toBe(201);
    expect((await t.admin('POST', '/api/publications', { period: '2026-08' })).status).toBe(201);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('item 1: one portal file of a complete, published month changes nothing it does not carry', async () => {
    const before = await t.snapshot();
    const { status, body } = await upload(t, TRANSPARENCY, { period: '2026-08' });
    expect(status).toBe(200);
    expect(body.report).toMatchObject({ resultsUpdated: [], resultsUnchanged: 164, incompleteUnits: [], lostComplete: [] });
    expect(await t.snapshot()).toEqual(before);
    const card = await t.ask('/diem thang 8 Việt Trì');
    expect(card).toContain('Tổng điểm: 62,88/100');
    expect(card).toContain('Tiến độ giải quyết: 15,81/20 (79,03%)');
    expect(card).toContain('Xếp hạng: 88/148 xã, phường');
  });

  it('item 3: the untouched template keeps the ranks it leaves empty', async () => {
    const { status, body } = await upload(t, [{ fileName: 'mau.csv', bytes: Buffer.from(await writeTemplate('csv')) }], { period: '2026-08' });
    expect(body.report.resultsUpdated).toEqual([]);
    expect(status).toBe(200);
    expect(await t.ask('/diem thang 8 Việt Trì')).toContain('Xếp hạng: 88/148 xã, phường');
  });

  it('item 4: the template names its own period in the Kỳ column; rows that disagree are named', async () => {
    const template = Buffer.from(await writeTemplate('csv'));
    const own = await upload(t, [{ fileName: 'mau.csv', bytes: template }], {});
    expect(own.status).toBe(200);
    expect(own.body.report).toMatchObject({ period: '2026-08', resultsUnchanged: 2 });

    const before = await t.snapshot();
    const mixed = Buffer.from(template.toString('utf8').replace(/\r\n2026-08,(,UBND Phường)/, '\r\n2026-07,$1'));
    const disagree = await upload(t, [{ fileName: 'hai-ky.csv', bytes: mixed }], {});
    expect(disagree.status).toBe(422);
    expect(disagree.body.error).toContain('Tệp «hai-ky.csv», dòng 3, cột «Kỳ»: kỳ «2026-07» khác với kỳ «2026-08» ở dòng 2');
    const asked = await upload(t, [{ fileName: 'mau.csv', bytes: template }], { period: '2026-07' });
    expect(asked.status).toBe(422);
    expect(asked.body.error).toContain('Tệp «mau.csv», dòng 2, cột «Kỳ»: kỳ «2026-08» khác với kỳ đang nhập');
    expect(await t.snapshot()).toEqual(before);
  });

  it('item 2: a sheet of names only finds the units the portal made, and creates only the new one', async () => {
    const sheet = csv(['Tên đơn vị,Tổng điểm', 'UBND xã Hy Cương,61', 'UBND xã Chưa Có Tên,50']);
    const { status, body } = await upload(t, [{ fileName: 'ten.csv', bytes: sheet }], { period: '2026-08' });
    expect(status).toBe(201);
    expect(body.report.unitsCreated).toEqual(['UBND xã Chưa Có Tên']);
    expect(body.report.unitsMatched).toBe(1);
    expect(await unitsNamed(t, 'hy cuong')).toBe(1);
    const card = await t.ask('/diem thang 8 Hy Cương');
    expect(card).toContain('UBND xã Hy Cương, tháng 08/2026');
    expect(card).toContain('Tổng điểm: 61/100');
    expect(card).toContain('Tiến độ giải quyết:');
  });

  it('item 1: one changed group changes that group, the total and the ranks, and keeps the five others', async () => {
    const files = editedPortalFiles('transparency', (data) => {
      const entry = entryNamed(data, 'UBND Phường Việt Trì');
      entry.totalScore = 9.96;
      entry.ratio = 55.33;
    }).filter((f) => f.fileName === 'transparency.json');
    const { status, body } = await upload(t, files, { period: '2026-08' });
    expect(status).toBe(201);
    const vietTri = body.report.resultsUpdated.find((u) => u.unit === 'UBND Phường Việt Trì');
    expect(vietTri?.changes).toEqual(['Tổng điểm 62,88 → 64,88', expect.stringMatching(/^Xếp hạng 88\/148 → \d+\/148$/), 'Công khai, minh bạch 7,96 → 9,96']);
    const card = await t.ask('/diem thang 8 Việt Trì');
    expect(card).toContain('Tổng điểm: 64,88/100');
    expect(card).toContain('Công khai, minh bạch: 9,96/18 (55,33%)');
    expect(card).toContain('Tiến độ giải quyết: 15,81/20 (79,03%)');
    expect(card).toContain('Số hóa hồ sơ: 8,68/22 (39,45%)');
  });

  it('item 1: a portal file that would leave a complete result of a published month incomplete is refused without force=true', async () => {
    expect((await upload(t, [fiveGroupLetter()], {})).status).toBe(201);
    expect(await t.ask('/diem thang 8 Việt Trì')).toContain('Cung cấp dịch vụ trực tuyến: 19,6/22');
    const before = await t.snapshot();
    const refused = await upload(t, TRANSPARENCY, { period: '2026-08' });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toContain(
      'Tệp «transparency.json»: tháng 08/2026 đã công bố; lần nhập này làm 1 kết quả đang đầy đủ bị thiếu nhóm hoặc tổng điểm (UBND Phường Việt Trì). Nếu đúng ý, nhập lại với --force (dòng lệnh) hoặc force=true (API).',
    );
    expect(await t.snapshot()).toEqual(before);

    const forced = await upload(t, TRANSPARENCY, { period: '2026-08', force: 'true' });
    expect(forced.status).toBe(201);
    expect(forced.body.report.lostComplete).toEqual(['UBND Phường Việt Trì']);
  });

  it('item 1: in the chat, the preview warns of that loss before "Xác nhận", which then stores it', async () => {
    expect((await upload(t, [fiveGroupLetter()], {})).status).toBe(201);
    const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'UBND tỉnh Phú Thọ', role: 'admin' });
    await t.ask(`/start ${invite.body.code}`, ADMIN_CHAT);
    const [file] = TRANSPARENCY;
    if (!file) throw new Error('no transparency.json');
    const before = t.telegram.sentTexts(ADMIN_CHAT.id).length;
    expect(await t.deliver(documentUpdate(t.telegram.addFile(file.fileName, file.bytes), 'tháng 8/2026', ADMIN_CHAT))).toBe(200);
    const preview = t.telegram.sentTexts(ADMIN_CHAT.id).slice(before).join('\n');
    expect(preview).toContain(
      '⚠️ Cảnh báo: lần nhập này làm 1 kết quả đang đầy đủ bị thiếu nhóm hoặc tổng điểm (UBND Phường Việt Trì), dù tháng 08/2026 đã công bố. Chỉ chọn «Xác nhận» nếu đúng ý.',
    );
    const snapshot = await t.snapshot();
    expect(snapshot.results).toBeGreaterThan(0);
    const markup = t.telegram.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === ADMIN_CHAT.id).at(-1)?.payload.reply_markup as {
      inline_keyboard: { callback_data: string }[][];
    };
    const ok = markup.inline_keyboard.flat().find((b) => b.callback_data.startsWith('import:force:'));
    expect(await t.deliver(callbackUpdate(ok?.callback_data ?? '', t.telegram.lastKeyboardMessage(ADMIN_CHAT.id), ADMIN_CHAT))).toBe(200);
    const done = t.telegram.calls
      .filter((c) => (c.method === 'editMessageText' || c.method === 'sendMessage') && Number(c.payload.chat_id) === ADMIN_CHAT.id)
      .map((c) => String(c.payload.text))
      .join('\n');
    expect(done).toContain('Đã nhập xong');
    expect(done).toContain('⚠️ 1 kết quả trước đây đầy đủ nay thiếu nhóm hoặc tổng điểm: UBND Phường Việt Trì');
    const [stored] = await t.app.database.query<{ framework_version: string }>(
      "select r.framework_version from results r join units u on u.id = r.unit_id where u.code = 'H44.100' and r.period = '2026-08' order by r.revision desc limit 1",
    );
    expect(stored?.framework_version).toBe('766-2024');
  });

  it('item 1: in the chat, a loss that appears after a preview without warning is refused on "Xác nhận"', async () => {
    // Việt Trì complete in six groups again: a preview of transparency.json warns of nothing ...
    expect((await upload(t, PORTAL_FILES, { period: '2026-08' })).status).toBe(201);
    const before = t.telegram.sentTexts(ADMIN_CHAT.id).length;
    const [file] = TRANSPARENCY;
    if (!file) throw new Error('no transparency.json');
    expect(await t.deliver(documentUpdate(t.telegram.addFile(file.fileName, file.bytes), 'tháng 8/2026', ADMIN_CHAT))).toBe(200);
    const preview = t.telegram.sentTexts(ADMIN_CHAT.id).slice(before).join('\n');
    expect(preview).toContain('Dữ liệu Cổng DVCQG');
    expect(preview).not.toContain('Cảnh báo');
    const markup = t.telegram.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === ADMIN_CHAT.id).at(-1)?.payload.reply_markup as {
      inline_keyboard: { callback_data: string }[][];
    };
    const ok = markup.inline_keyboard.flat().find((b) => b.callback_data.startsWith('import:ok:'));
    // ... then a five-group letter makes Việt Trì's result one the portal's six groups would leave incomplete.
    expect((await upload(t, [fiveGroupLetter()], {})).status).toBe(201);
    const snapshot = await t.snapshot();
    const answered = t.telegram.calls.length;
    expect(await t.deliver(callbackUpdate(ok?.callback_data ?? '', t.telegram.lastKeyboardMessage(ADMIN_CHAT.id), ADMIN_CHAT))).toBe(200);
    const answer = t.telegram.calls
      .slice(answered)
      .filter((c) => c.method === 'editMessageText' || c.method === 'sendMessage')
      .map((c) => String(c.payload.text))
      .join('\n');
    expect(answer).toContain('đã công bố; lần nhập này làm');
    expect(await t.snapshot()).toEqual(snapshot);
  });
});

/** Each CLI call starts a process (a few seconds on a busy 2-core machine); a test runs several. */
const CLI_TIMEOUT = 120_000;

describe('the CLI: a lossy import of a published month needs --force; a sheet names its period', () => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    dir = mkdtempSync(join(tmpdir(), 'chiso-keep-'));
  });
  afterAll(async () => {
    await database.drop();
  });

  it('item 4: imports the template CSV without --period', { timeout: CLI_TIMEOUT }, async () => {
    const out = join(dir, 'mau.csv');
    expect((await cli(database.env, 'template', '--format', 'csv', '--out', out)).code).toBe(0);
    const imported = await cli(database.env, 'import', out);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Nhập bảng tính tháng 08/2026: 2 kết quả mới');
  });

  it('item 1: refuses transparency.json over a five-group result of a published month without --force', { timeout: CLI_TIMEOUT }, async () => {
    expect((await cli(database.env, 'import', PORTAL_DIR_PATH, '--period', '2026-08')).code).toBe(0);
    const letter = fiveGroupLetter();
    writeFileSync(join(dir, letter.fileName), letter.bytes);
    expect((await cli(database.env, 'import', join(dir, letter.fileName))).code).toBe(0);
    expect((await cli(database.env, 'publish', '--period', '2026-08')).code).toBe(0);

    const refused = await cli(database.env, 'import', join(PORTAL_DIR_PATH, 'transparency.json'), '--period', '2026-08');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('tháng 08/2026 đã công bố; lần nhập này làm 1 kết quả đang đầy đủ bị thiếu nhóm hoặc tổng điểm (UBND Phường Việt Trì)');
    expect(refused.stderr).toContain('--force');
  });

  it('item 1: stores it with --force and says which result lost its completeness', { timeout: CLI_TIMEOUT }, async () => {
    const forced = await cli(database.env, 'import', join(PORTAL_DIR_PATH, 'transparency.json'), '--period', '2026-08', '--force');
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('⚠️ 1 kết quả trước đây đầy đủ nay thiếu nhóm hoặc tổng điểm: UBND Phường Việt Trì');
  });
});

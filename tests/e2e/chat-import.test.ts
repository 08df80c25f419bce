/**
 * Imports as an admin of a parent unit does them in Telegram: files sent to the bot (the six portal
 * responses, one message each), a pasted letter, a preview, then "Xác nhận". Also /mau and the
 * spreadsheet through the admin API, the units of which the portal's data later finds again.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/imports/save.js';
import { parseSheet } from '../../src/imports/sheet/parse.js';
import { writeTemplate } from '../../src/imports/sheet/template.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { fiveGroupLetter, PORTAL_FILES } from '../helpers/samples.js';
import { callbackUpdate, documentUpdate, textUpdate, type TestChat } from '../helpers/telegram-stand-in.js';

const SEED_LETTER = readFileSync(new URL('../../samples/letters/myhao-2025-02.txt', import.meta.url), 'utf8');
const ADMIN_CHAT: TestChat = { id: 5550401, type: 'private' };
const OFFICER_CHAT: TestChat = { id: 5550402, type: 'private' };

let t: TestApp;

/** Sends a file as the user of `chat` and returns what the bot answered. */
async function sendFile(fileName: string, bytes: Uint8Array, caption = '', chat = ADMIN_CHAT): Promise<string> {
  const before = t.telegram.sentTexts(chat.id).length;
  expect(await t.deliver(documentUpdate(t.telegram.addFile(fileName, bytes), caption, chat))).toBe(200);
  return t.telegram.sentTexts(chat.id).slice(before).join('\n');
}

/** Taps a button of the bot's last message with buttons; returns the texts the bot then set or sent. */
async function tap(action: 'ok' | 'no', chat = ADMIN_CHAT): Promise<string> {
  const messageId = t.telegram.lastKeyboardMessage(chat.id);
  const markup = t.telegram.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === chat.id).at(-1)?.payload.reply_markup as {
    inline_keyboard: { text: string; callback_data: string }[][];
  };
  const button = markup.inline_keyboard.flat().find((b) => b.callback_data.startsWith(`import:${action}:`));
  if (!button) throw new Error(`no ${action} button`);
  const before = t.telegram.calls.length;
  expect(await t.deliver(callbackUpdate(button.callback_data, messageId, chat))).toBe(200);
  return t.telegram.calls
    .slice(before)
    .filter((c) => c.method === 'editMessageText' || c.method === 'sendMessage')
    .map((c) => String(c.payload.text))
    .join('\n');
}

beforeAll(async () => {
  t = await startTestApp({ mode: 'webhook', now: () => new Date('2026-09-29T03:00:00Z') });
});

afterAll(async () => {
  await t?.stop();
});

describe('the spreadsheet template', () => {
  it('is sent as an .xlsx that reads back, with a caption that explains it, on /mau', async () => {
    expect(await t.deliver(textUpdate('/mau', OFFICER_CHAT))).toBe(200);
    const [document] = t.telegram.sentDocuments(OFFICER_CHAT.id);
    expect(document?.fileName).toBe('mau-nhap-ket-qua-bo-chi-so.xlsx');
    expect(document?.caption).toContain('Mẫu bảng tính nhập kết quả Bộ chỉ số');
    const batch = await parseSheet({ fileName: 'mau.xlsx', bytes: document?.bytes ?? new Uint8Array(), period: '2026-08' });
    expect(batch.rows.map((r) => [r.unit.name, r.result.total])).toEqual([
      ['UBND tỉnh Phú Thọ', '59.92'],
      ['UBND Phường Việt Trì', '62.88'],
    ]);
  });

  it('imports through the admin API as a spreadsheet', async () => {
    const { status, body } = await t.upload<{ report: ImportReport }>([{ fileName: 'ket-qua.csv', bytes: await writeTemplate('csv') }], '2026-08');
    expect(status).toBe(201);
    expect(body.report).toMatchObject({ source: 'sheet', unitsCreated: ['UBND tỉnh Phú Thọ', 'UBND Phường Việt Trì'], resultsAdded: ['UBND tỉnh Phú Thọ', 'UBND Phường Việt Trì'] });
    const card = await t.ask('/diem thang 8 Việt Trì', OFFICER_CHAT);
    expect(card).toContain('Tổng điểm: 62,88/100');
    expect(card).toContain('Nguồn: bảng tính (ket-qua.csv)');
  });

  it('refuses a sheet without its period, and names the wrong cell of a bad one', async () => {
    const before = await t.snapshot();
    const withoutKy = Buffer.from(await writeTemplate('csv')).toString('utf8').replaceAll('\r\n2026-08,', '\r\n,');
    const none = await t.upload<{ error: string }>([{ fileName: 'ket-qua.csv', bytes: Buffer.from(withoutKy) }]);
    expect(none.body.error).toContain('chưa rõ kỳ đánh giá');
    const csv = Buffer.from(await writeTemplate('csv')).toString('utf8').replace('15.81', '21');
    const bad = await t.upload<{ error: string }>([{ fileName: 'sai.csv', bytes: Buffer.from(csv) }], '2026-08');
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatch(/Tệp «sai\.csv», dòng 3, cột «Tiến độ giải quyết – điểm»: «21» vượt quá mức tối đa 20\./);
    expect(await t.snapshot()).toEqual(before);
  });
});

describe('an admin sends the six portal files to the bot', () => {
  beforeAll(async () => {
    const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'UBND tỉnh Phú Thọ', role: 'admin' });
    expect(await t.ask(`/start ${invite.body.code}`, ADMIN_CHAT)).toContain('vai trò quản trị');
    const officer = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'Việt Trì', role: 'officer' });
    await t.ask(`/start ${officer.body.code}`, OFFICER_CHAT);
  });

  it('refuses files from a chat that is not an admin', async () => {
    const before = await t.snapshot();
    const answer = await sendFile('transparency.json', PORTAL_FILES[0]?.bytes ?? Buffer.alloc(0), 'tháng 8/2026', OFFICER_CHAT);
    expect(answer).toContain('Chỉ quản trị viên');
    expect(await t.snapshot()).toEqual(before);
  });

  it('shows the problems of a broken file and stores nothing', async () => {
    const before = await t.snapshot();
    const answer = await sendFile('hong.json', Buffer.from('{"code":"OK","data":{"parent": }'), 'tháng 8/2026');
    expect(answer).toContain('Không nhập được: 1 lỗi');
    expect(answer).toContain('Tệp «hong.json», dòng 1, ký tự 32: tệp JSON bị hỏng');
    expect(await t.snapshot()).toEqual(before);
  });

  it('asks for the period, gathers the files, previews, and imports on "Xác nhận"', async () => {
    const [first, ...rest] = PORTAL_FILES;
    if (!first) throw new Error('no portal files');
    expect(await sendFile(first.fileName, first.bytes)).toContain('Dữ liệu này của kỳ nào?');
    const preview = await t.ask('tháng 8/2026', ADMIN_CHAT);
    expect(preview).toContain('Dữ liệu Cổng DVCQG (dossier-digitized.json), tháng 08/2026: 164 đơn vị.');
    expect(preview).toContain('Chưa có nhóm: Công khai, minh bạch, Tiến độ giải quyết');
    let last = '';
    for (const file of rest) last = await sendFile(file.fileName, file.bytes);
    expect(last).toContain('tháng 08/2026: 164 đơn vị.');
    expect(last).toContain('Ví dụ: ');
    expect(last).not.toContain('Chưa có nhóm');
    expect(await t.snapshot()).toMatchObject({ results: 2 });

    const done = await tap('ok');
    expect(done).toContain('Đã nhập xong');
    expect(done).toContain('Nhập dữ liệu Cổng DVCQG tháng 08/2026: 162 kết quả mới, 2 kết quả thay đổi, 0 không đổi. Đơn vị: 2 đã có, 162 tạo mới.');
    expect(done).toContain('• UBND Phường Việt Trì: Xếp hạng —/— → 88/148');

    const card = await t.ask('/diem thang 8', OFFICER_CHAT);
    expect(card).toContain('Tiến độ giải quyết: 15,81/20 (79,03%)');
    expect(card).toContain('Xếp hạng: 88/148 xã, phường');
    expect(card).toContain('Nguồn: Cổng Dịch vụ công quốc gia');
  });

  it('imports once however often "Xác nhận" is tapped, and leaves the report in place', async () => {
    const before = t.telegram.calls.length;
    const results = (await t.snapshot()).results;
    expect(await tap('ok')).toBe('');
    const answered = t.telegram.calls.slice(before).filter((c) => c.method === 'answerCallbackQuery');
    expect(answered.map((c) => c.payload.text)).toEqual(['Lần nhập này đã được xử lý hoặc đã hủy.']);
    expect(t.telegram.calls.slice(before).filter((c) => c.method.startsWith('edit'))).toEqual([]);
    expect((await t.snapshot()).results).toBe(results);
  });
});

describe('an admin pastes a letter', () => {
  it('shows what it read, and stores nothing on "Hủy"', async () => {
    const before = await t.snapshot();
    const preview = await t.ask(SEED_LETTER, ADMIN_CHAT);
    expect(preview).toContain('Kết quả đọc được từ công văn «van-ban-dan.txt», tháng 02/2025:');
    expect(preview).toContain('thị xã Mỹ Hào: tổng điểm 91,34');
    expect(preview).toContain('Thanh toán trực tuyến: 9,6/10 (82,41%)');
    expect(preview).toContain('Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa: 03 hồ sơ, 0,08%');
    expect(await tap('no')).toContain('Đã hủy, không lưu gì.');
    expect(await t.snapshot()).toEqual(before);
  });

  it('stores it on "Xác nhận"', async () => {
    await t.ask(SEED_LETTER, ADMIN_CHAT);
    const done = await tap('ok');
    expect(done).toContain('Nhập công văn tháng 02/2025: 1 kết quả mới');
    expect(await t.ask('/diem thang 2 Mỹ Hào', OFFICER_CHAT)).toContain('Tổng điểm: 91,34/100');
  });

  it('sends the report as a message when Telegram will not edit the preview', async () => {
    const letter = SEED_LETTER.replace('91,34', '91,35');
    await t.ask(letter, ADMIN_CHAT);
    t.telegram.intercept = (method, payload) =>
      method === 'editMessageText' && String(payload.text).includes('Đã nhập xong')
        ? { ok: false, error_code: 429, description: 'Too Many Requests: retry after 60', parameters: { retry_after: 60 } }
        : undefined;
    try {
      const before = t.telegram.sentTexts(ADMIN_CHAT.id).length;
      await tap('ok');
      expect(t.telegram.sentTexts(ADMIN_CHAT.id).slice(before).join('\n')).toContain('Đã nhập xong');
    } finally {
      t.telegram.intercept = null;
    }
  });

  it('gives each pasted text its own preview and buttons: the first one\'s no longer act', async () => {
    const first = await t.ask(SEED_LETTER.replace('91,35', '91,36'), ADMIN_CHAT);
    expect(first).toContain('thị xã Mỹ Hào');
    const firstPreview = t.telegram.lastKeyboardMessage(ADMIN_CHAT.id);
    const firstConfirm = (t.telegram.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === ADMIN_CHAT.id).at(-1)?.payload.reply_markup as {
      inline_keyboard: { callback_data: string }[][];
    }).inline_keyboard.flat().find((b) => b.callback_data.startsWith('import:ok:'))?.callback_data ?? '';
    const second = await t.ask(fiveGroupLetter().bytes.toString('utf8'), ADMIN_CHAT);
    expect(second).toContain('phường Việt Trì');
    expect(second).not.toContain('thị xã Mỹ Hào');
    const results = (await t.snapshot()).results;
    const before = t.telegram.calls.length;
    expect(await t.deliver(callbackUpdate(firstConfirm, firstPreview, ADMIN_CHAT))).toBe(200);
    expect(t.telegram.calls.slice(before).filter((c) => c.method === 'answerCallbackQuery').map((c) => c.payload.text)).toEqual(['Lần nhập này đã được xử lý hoặc đã hủy.']);
    expect((await t.snapshot()).results).toBe(results);
    await tap('no');
  });

  it('leaves a short question to the ordinary commands', async () => {
    expect(await t.ask('điểm tháng 2 Mỹ Hào', ADMIN_CHAT)).toContain('Tổng điểm: 91,35/100');
  });
});

/**
 * Real announcement texts of other provinces (tests/fixtures/letters) through the three doors an admin uses: the admin
 * API, `npm run cli -- import` against the running server, and a text pasted in chat. What is stored is read back as
 * a user would: the card, through the bot.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/imports/save.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { cli } from '../helpers/cli.js';
import { callbackUpdate, type TestChat } from '../helpers/telegram-stand-in.js';

const LETTERS = new URL('../fixtures/letters/', import.meta.url);
const letter = (name: string) => readFileSync(new URL(`${name}.txt`, LETTERS));
const ADMIN_CHAT: TestChat = { id: 5550701, type: 'private' };

let t: TestApp;

/** What the console chat (the admin's terminal) answers, its buttons' labels last. */
async function console(text: string): Promise<string> {
  const { body } = await t.admin<{ replies: { title?: string; lines: string[]; buttons?: { label: string }[][] }[] }>('POST', '/api/console/messages', { chatId: 'letters', text });
  return body.replies.map((r) => [r.title ?? '', ...r.lines, ...(r.buttons ?? []).flat().map((b) => b.label)].join('\n')).join('\n');
}

beforeAll(async () => {
  t = await startTestApp({ mode: 'webhook', now: () => new Date('2026-09-29T03:00:00Z') });
});

afterAll(async () => {
  await t?.stop();
});

describe('through the admin API', () => {
  it('stores a letter about October with the September figures it prints in brackets, each in its month', async () => {
    const { status, body } = await t.upload<{ report: ImportReport }>([{ fileName: 'laocai-10-2024.txt', bytes: letter('10_laocai_2024-10') }]);
    expect(status).toBe(201);
    expect(body.report.period).toBe('2024-10');
    expect(body.report.resultsAdded).toEqual(['tỉnh Lào Cai', 'huyện Bát Xát', 'huyện Bắc Hà', 'thành phố Lào Cai', 'huyện Mường Khương', 'huyện Bảo Thắng']);
    expect(body.report.also?.map((r) => [r.period, r.resultsAdded])).toEqual([['2024-09', ['huyện Bát Xát', 'huyện Bắc Hà', 'thành phố Lào Cai']]]);

    const october = await console('diem thang 10/2024 Bát Xát');
    expect(october).toContain('Tổng điểm: 90,04/100');
    expect(october).toContain('Xếp hạng: 1/9');
    const september = await console('diem thang 9/2024 Bát Xát');
    expect(september).toContain('Tổng điểm: 88,1/100');
    expect(await console('diem thang 9/2024 Bắc Hà')).toContain('Xếp hạng: hạng 5');
    expect(await console('diem thang 10/2024 Bảo Thắng')).toContain('giảm 6 bậc');
  });
});

describe('a phụ lục table', () => {
  it('stores each row of a table under its header, and the card shows its figures', async () => {
    const text = [
      'UBND TỈNH HƯNG YÊN',
      'Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 3/2025 của các xã (phụ lục kèm theo)',
      'TT\tĐơn vị\tCông khai, minh bạch (18 điểm)\tTiến độ giải quyết (20 điểm)\tTổng điểm\tXếp hạng',
      '1\tXã Hưng Long\t17,5\t19,8\t90,25\t1/12',
      '2\tXã Ngọc Lâm\t16\t20\t85\t2/12',
    ].join('\n');
    const { status, body } = await t.upload<{ report: ImportReport }>([{ fileName: 'phu-luc-03-2025.txt', bytes: Buffer.from(text, 'utf8') }]);
    expect(status).toBe(201);
    expect(body.report).toMatchObject({ period: '2025-03', resultsAdded: ['Xã Hưng Long', 'Xã Ngọc Lâm'] });
    const card = await console('diem thang 3/2025 Hưng Long');
    expect(card).toContain('Tổng điểm: 90,25/100');
    expect(card).toContain('Xếp hạng: 1/12');
    expect(card).toContain('Công khai, minh bạch: 17,5/18');
  });
});

describe('units matched under the parent the letter names', () => {
  it('a commune named like another, under another district, is another unit; a district already stored is found again', async () => {
    const utf8 = (text: string) => Buffer.from(text, 'utf8');
    const first = await t.upload<{ report: ImportReport }>([{ fileName: 'lam-thao.txt', bytes: utf8('Tháng 5/2025, xã Tân Lập, huyện Lâm Thao đạt 81,5 điểm.') }]);
    expect(first.body.report.unitsCreated).toEqual(['huyện Lâm Thao', 'xã Tân Lập']);
    const second = await t.upload<{ report: ImportReport }>([{ fileName: 'bat-xat.txt', bytes: utf8('Tháng 5/2025, xã Tân Lập, huyện Bát Xát đạt 88,2 điểm.') }]);
    // huyện Bát Xát is the Lào Cai letter's: found, not made again; the commune under it is new.
    expect(second.body.report.unitsCreated).toEqual(['xã Tân Lập']);
    expect(second.body.report.resultsAdded).toEqual(['xã Tân Lập']);
    const asked = await console('diem thang 5/2025 Tân Lập');
    expect(asked).toContain('huyện Lâm Thao');
    expect(asked).toContain('huyện Bát Xát');
    expect(await console('diem thang 5/2025 Tân Lập, Bát Xát')).toContain('Tổng điểm: 88,2/100');
  });
});

describe('a weekly standing', () => {
  it('is stored under its week, and the card says the week', async () => {
    const { status, body } = await t.upload<{ report: ImportReport }>([{ fileName: 'binhduong-tuan-03.txt', bytes: letter('15_binhduong_2024-W03') }]);
    expect(status).toBe(201);
    expect(body.report.period).toBe('2024-W03');
    const card = await console('diem tuan 3/2024 Bến Cát');
    expect(card).toContain('tuần 03/2024');
    expect(card).toContain('Tổng điểm: 83,8/100');
  });
});

describe('pasted in chat', () => {
  beforeAll(async () => {
    // The province exists before its admin is invited: a one-line letter of another year makes it.
    await t.upload([{ fileName: 'quang-nam-2022.txt', bytes: Buffer.from('Năm 2022, tỉnh Quảng Nam đạt 70,5 điểm.', 'utf8') }]);
    const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'tỉnh Quảng Nam', role: 'admin' });
    expect(await t.ask(`/start ${invite.body.code}`, ADMIN_CHAT)).toContain('vai trò quản trị');
  });

  it('previews the year and the month it prints, and stores both on "Xác nhận"', async () => {
    const preview = await t.ask(letter('12_quangnam_2023-11').toString('utf8'), ADMIN_CHAT);
    expect(preview).toContain('năm 2023');
    expect(preview).toContain('tỉnh Quảng Nam: tổng điểm 67,9');
    expect(preview).toContain('Công văn còn ghi số liệu tháng 11/2023');
    expect(preview).toContain('tỉnh Quảng Nam: tổng điểm 72,8');
    expect(preview).toContain('Thay đổi theo công văn: +1,8%');

    const markup = t.telegram.callsOf('sendMessage').filter((c) => Number(c.payload.chat_id) === ADMIN_CHAT.id).at(-1)?.payload.reply_markup as {
      inline_keyboard: { callback_data: string }[][];
    };
    const ok = markup.inline_keyboard.flat().find((b) => b.callback_data.startsWith('import:ok:'))?.callback_data ?? '';
    const before = t.telegram.calls.length;
    expect(await t.deliver(callbackUpdate(ok, t.telegram.lastKeyboardMessage(ADMIN_CHAT.id), ADMIN_CHAT))).toBe(200);
    const done = t.telegram.calls.slice(before).filter((c) => typeof c.payload.text === 'string').map((c) => c.payload.text as string).join('\n');
    expect(done).toContain('Nhập công văn năm 2023: 1 kết quả mới');
    expect(done).toContain('Nhập công văn tháng 11/2023: 1 kết quả mới');
    const november = await console('diem thang 11/2023 tỉnh Quảng Nam');
    expect(november).toContain('Tổng điểm: 72,8/100');
    // October 2023 is not stored: the change the letter printed, said to be the letter's.
    expect(november).toContain('So với kỳ trước: ↑ 1,8% (theo công văn');
  });
});

describe('through the CLI, with the period the text does not print', () => {
  it('stores each department of a classification list with its class', async () => {
    const file = new URL('14_quangnam_undated.txt', LETTERS).pathname;
    const refused = await cli(t.database.env, 'import', file);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('chưa rõ kỳ đánh giá');

    const imported = await cli(t.database.env, 'import', file, '--period', '2023-10', '--json');
    expect(imported.code).toBe(0);
    const report = JSON.parse(imported.stdout) as ImportReport;
    expect(report.period).toBe('2023-10');
    expect(report.resultsAdded).toEqual(expect.arrayContaining(['tỉnh Quảng Nam', 'Sở Công Thương', 'Sở Tư pháp', 'Sở Văn hóa, Thể thao và Du lịch', 'Nam Giang']));
    const justice = await console('diem thang 10/2023 Sở Tư pháp');
    expect(justice).toContain('Xếp loại: Tốt');
    expect(justice).not.toMatch(/Tổng điểm: \d/);
    expect(await console('diem thang 10/2023 tỉnh Quảng Nam')).toContain('Thanh toán trực tuyến: 9,6/10');
  });
});


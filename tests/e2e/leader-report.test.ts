/**
 * The one-page leader report over the Telegram webhook, on the portal's real month imported as three
 * months (06 and 08 as published, 07 with a few communes moved): /baocaothang and "báo cáo tháng 7"
 * answer a province's leader with a PDF and a PNG preview; a commune is told it has no units under
 * it; a published month's leader summary is followed by the PDF.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { t as translate } from '../../src/messages/i18n.js';
import { publicationText } from '../../src/messages/publication.js';
import { publishPeriod } from '../../src/services/publication.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { A4_RATIO, pdfContent, pngSize } from '../helpers/report-files.js';
import { editedPortalFiles, entryNamed, PORTAL_FILES } from '../helpers/samples.js';
import { textUpdate, type TelegramStandIn, type TestChat } from '../helpers/telegram-stand-in.js';

const LEADER: TestChat = { id: 5551301, type: 'private' };
const VIET_TRI: TestChat = { id: 5551302, type: 'private' };
const STRANGER: TestChat = { id: 5551303, type: 'private' };

/** July: Việt Trì 2 points higher and Nông Trang 3 lower in Số hóa, so August shows a fall and a gain. */
const JULY = editedPortalFiles('dossier-digitized', (data) => {
  const vietTri = entryNamed(data, 'UBND Phường Việt Trì');
  vietTri.totalScore = 10.68;
  const nongTrang = entryNamed(data, 'UBND Phường Nông Trang');
  nongTrang.totalScore = Math.round((Number(nongTrang.totalScore) - 3) * 100) / 100;
});

let clock = new Date('2026-09-01T03:00:00Z');
let t: TestApp;

async function link(unit: string, role: string, chat: TestChat): Promise<void> {
  const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit, role });
  expect(invite.status).toBe(201);
  await t.ask(`/start ${invite.body.code}`, chat);
}

/** Each unit's latest stored total in the periods, read from the tables as imported: `where` picks the units (u) by themselves or their parent (p). */
async function storedTotals(where: string, periods: string[]): Promise<{ name: string; period: string; total: string | null }[]> {
  return t.app.database.query(
    `select u.name, r.period, r.total::text as total from results r join units u on u.id = r.unit_id left join units p on p.id = u.parent_id
     where ${where} and r.period = any(string_to_array($1, ',')) and r.revision = (select max(r2.revision) from results r2 where r2.unit_id = r.unit_id and r2.period = r.period)`,
    [periods.join(',')],
  );
}

/** 59.915 → "59,92": rounded to hundredths, written with a decimal comma. */
function vietnamese(value: number): string {
  return String(Math.round(value * 100) / 100).replace('.', ',');
}

/** The PNG preview goes as a photo, for chats that cannot open a PDF. */
function previewOf(files: ReturnType<TelegramStandIn['sentFiles']>) {
  const preview = files.find((f) => f.fileName.endsWith('.png'));
  expect(preview?.method).toBe('sendPhoto');
  return preview as NonNullable<typeof preview>;
}

/** Sends `text` as the chat and returns the files it got back. */
async function filesFor(text: string, chat: TestChat) {
  const before = t.telegram.sentFiles(chat.id).length;
  expect(await t.deliver(textUpdate(text, chat))).toBe(200);
  await t.outboxSettled();
  return t.telegram.sentFiles(chat.id).slice(before);
}

beforeAll(async () => {
  t = await startTestApp({ mode: 'webhook', now: () => clock });
  expect((await t.upload(PORTAL_FILES, '2026-06')).status).toBe(201);
  expect((await t.upload(JULY, '2026-07')).status).toBe(201);
  expect((await t.upload(PORTAL_FILES, '2026-08')).status).toBe(201);
  await link('UBND tỉnh Phú Thọ', 'leader', LEADER);
  await link('H44.100', 'officer', VIET_TRI);
  const task = await t.admin('POST', '/api/tasks', { title: 'Số hóa hồ sơ tồn', from: 'UBND tỉnh Phú Thọ', to: ['UBND Phường Việt Trì', 'UBND Phường Nông Trang'], deadline: '2026-09-10' });
  expect(task.status).toBe(201);
  clock = new Date('2026-09-29T03:00:00Z');
});

afterAll(async () => {
  await t?.stop();
});

describe('/baocaothang', () => {
  it("answers a province's leader with a one-page A4 PDF of the latest month and a PNG preview", async () => {
    const files = await filesFor('/baocaothang', LEADER);
    expect(files).toHaveLength(2);
    const pdf = files.find((f) => f.fileName.endsWith('.pdf'));
    expect(pdf).toMatchObject({ method: 'sendDocument', fileName: 'bao-cao-2026-08.pdf' });
    expect(pdf?.caption).toContain('Báo cáo một trang tháng 08/2026 – UBND tỉnh Phú Thọ');
    const { pages, text } = await pdfContent(pdf?.bytes ?? new Uint8Array());
    expect(pages).toBe(1);
    for (const expected of [
      'BÁO CÁO KẾT QUẢ BỘ CHỈ SỐ 766 – THÁNG 08/2026',
      'UBND tỉnh Phú Thọ',
      'Lập ngày 29/09/2026 · 163 đơn vị trực thuộc có kết quả tháng 08/2026',
      'Tổng điểm tháng 08/2026',
      '59,92',
      'trung bình 3 tháng có dữ liệu',
      'tháng 06/2026',
      'tháng 07/2026',
      'Dưới 80 điểm (chưa xếp loại)',
      'Thanh tra tỉnh - Tỉnh Phú Thọ',
      'Tiến độ giải quyết: 0/20',
      'đơn vị khác',
      '+3',
      'UBND Phường Nông Trang',
      '−2',
      'UBND Phường Việt Trì',
      '1 nhiệm vụ',
    ]) {
      expect(text).toContain(expected);
    }
    const own = await storedTotals("u.name = 'UBND tỉnh Phú Thọ'", ['2026-06', '2026-07', '2026-08']);
    const year = own.map((r) => r.total).filter((total): total is string => total !== null);
    expect(year).toHaveLength(3);
    const average = year.reduce((sum, total) => sum + Number(total), 0) / year.length;
    const words = text.replace(/\s+/g, ' ');
    expect(words).toContain(`Từ đầu năm 2026 ${vietnamese(average)} trung bình 3 tháng có dữ liệu`);
    const children = await storedTotals("p.name = 'UBND tỉnh Phú Thọ'", ['2026-08']);
    expect(children).toHaveLength(163);
    const totals = children.map((r) => (r.total === null ? null : Number(r.total)));
    const count = (inBand: (total: number) => boolean) => totals.filter((total) => total !== null && inBand(total)).length;
    expect(words).toContain(`Xuất sắc (từ 90 điểm) ${count((x) => x >= 90)} `);
    expect(words).toContain(`Tốt (80 đến dưới 90 điểm) ${count((x) => x >= 80 && x < 90)} `);
    expect(words).toContain(`Dưới 80 điểm (chưa xếp loại) ${count((x) => x < 80)} `);
    expect(words).toContain(`Chưa có tổng điểm ${totals.filter((x) => x === null).length} `);
    const preview = previewOf(files);
    const { width, height } = pngSize(preview.bytes);
    expect(Math.abs(height / width - A4_RATIO)).toBeLessThan(0.01);
  });

  it('reads the month from free text, "báo cáo tháng 7"', async () => {
    const files = await filesFor('báo cáo tháng 7', LEADER);
    const pdf = files.find((f) => f.fileName === 'bao-cao-2026-07.pdf');
    expect(pdf?.method).toBe('sendDocument');
    const { text } = await pdfContent(pdf?.bytes ?? new Uint8Array());
    expect(text).toContain('THÁNG 07/2026');
    expect(text).toContain('Tăng, giảm nhiều nhất so với tháng 06/2026');
    previewOf(files);
  });

  it('tells a commune, a month without data, a quarter and an unlinked chat what the report is for', async () => {
    expect(await t.ask('/baocaothang', VIET_TRI)).toContain('UBND Phường Việt Trì không có đơn vị trực thuộc, nên không có báo cáo tháng.');
    expect(await t.ask('báo cáo tháng 5/2026', LEADER)).toContain('Chưa có kết quả tháng 05/2026 của các đơn vị thuộc UBND tỉnh Phú Thọ. Các tháng đã có: tháng 08/2026, tháng 07/2026, tháng 06/2026.');
    expect(await t.ask('/baocaothang quý 3', LEADER)).toContain('Báo cáo một trang lập theo tháng.');
    expect(await t.ask('/baocaothang', STRANGER)).toContain('chưa gắn với đơn vị');
    expect(t.telegram.sentFiles(VIET_TRI.id)).toHaveLength(0);
  });

  it('leaves /baocao to the delivery report', async () => {
    expect(await t.ask('/baocao tháng 8/2026', LEADER)).toContain('Chỉ quản trị viên');
  });
});

describe('publishing a month', () => {
  it("sends the leader's summary, then the PDF, once however often the month is published", async () => {
    expect((await t.admin('POST', '/api/publications', { period: '2026-08' })).status).toBe(201);
    await t.outboxSettled();
    const summary = t.telegram.callsOf('sendMessage').findIndex((c) => Number(c.payload.chat_id) === LEADER.id && String(c.payload.text).includes('Tổng hợp kết quả'));
    const pdfCall = t.telegram.callsOf('sendDocument').filter((c) => Number(c.payload.chat_id) === LEADER.id).at(-1);
    expect(summary).toBeGreaterThanOrEqual(0);
    expect(pdfCall?.at).toBeGreaterThanOrEqual(t.telegram.callsOf('sendMessage')[summary]?.at ?? Infinity);
    const pdf = t.telegram.sentFiles(LEADER.id).at(-1);
    expect(pdf?.fileName).toBe('bao-cao-2026-08.pdf');
    const { pages, text } = await pdfContent(pdf?.bytes ?? new Uint8Array());
    expect(pages).toBe(1);
    expect(text).toContain('UBND tỉnh Phú Thọ');
    expect(text).toContain('Lập ngày 29/09/2026');
    const sent = t.telegram.sentFiles(LEADER.id).length;
    expect((await t.admin('POST', '/api/publications', { period: '2026-08' })).status).toBe(200);
    await t.outboxSettled();
    expect(t.telegram.sentFiles(LEADER.id)).toHaveLength(sent);
    expect(t.telegram.sentFiles(VIET_TRI.id)).toHaveLength(0);
  });
});

describe('a report that cannot be drawn', () => {
  it('leaves the publication standing: the summaries go, the admin and the log are told, publishing again draws it', async () => {
    const logged: { msg: string; err?: { message: string } }[] = [];
    const log = createLogger('info', { destination: { write: (line: string) => logged.push(JSON.parse(line) as (typeof logged)[number]) } });
    const db = t.app.database.db;
    const failing = () => Promise.reject(new Error('font file unreadable'));
    const julyReports = () => t.telegram.sentFiles(LEADER.id).filter((f) => f.fileName === 'bao-cao-2026-07.pdf').length;
    const asked = julyReports();
    const outcome = await publishPeriod(db, translate, '2026-07', 'test', { today: '2026-09-29', log, drawReport: failing });
    expect(outcome).toMatchObject({ again: false, summaries: 1, reports: 0, unmadeReports: 1 });
    expect(outcome.enqueued).toBe(outcome.planned);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ msg: expect.stringContaining('leader report could not be drawn'), err: { message: 'font file unreadable' } });
    expect(publicationText(translate, outcome)).toContain('⚠️ 1 báo cáo một trang (PDF) không tạo được: các bản tổng hợp vẫn gửi đi');
    await t.outboxSettled();
    expect(t.telegram.sentTexts(LEADER.id).some((text) => text.includes('Tổng hợp kết quả') && text.includes('07/2026'))).toBe(true);
    expect(julyReports()).toBe(asked);

    const again = await publishPeriod(db, translate, '2026-07', 'test', { today: '2026-09-29', log });
    expect(again).toMatchObject({ again: true, reports: 1, unmadeReports: 0 });
    expect(publicationText(translate, again)).not.toContain('không tạo được');
    await t.outboxSettled();
    expect(julyReports()).toBe(asked + 1);
  });
});

/**
 * Weekly standings beside monthly results, through the real entry points: sheets sent to the admin API
 * (a week named in the `Kỳ` column, or by the `period` field), then questions over the Telegram webhook.
 * Today is Wednesday 24 January 2024, in ISO week 4.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportReport } from '../../src/imports/save.js';
import { writeTemplate } from '../../src/imports/sheet/template.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;

/** The template's two rows (the province and Việt Trì) for another period, Việt Trì with another total. */
async function sheet(periodCell: string, total: string): Promise<Uint8Array> {
  const csv = Buffer.from(await writeTemplate('csv')).toString('utf8').replaceAll('\r\n2026-08,', `\r\n${periodCell},`).replace(',62.88,', `,${total},`);
  return Buffer.from(csv);
}

async function importSheet(fileName: string, bytes: Uint8Array, period?: string): Promise<ImportReport> {
  const { status, body } = await t.upload<{ report: ImportReport }>([{ fileName, bytes }], period);
  expect(status).toBe(201);
  return body.report;
}

beforeAll(async () => {
  t = await startTestApp({ mode: 'webhook', now: () => new Date('2024-01-24T03:00:00Z') });
  expect((await importSheet('thang-12.csv', await sheet('2023-12', '60.5'))).period).toBe('2023-12');
  expect((await importSheet('thang-01.csv', await sheet('2024-01', '62.88'))).period).toBe('2024-01');
  expect((await importSheet('tuan-02.csv', await sheet('', '61.2'), '2024-W02')).period).toBe('2024-W02');
  expect((await importSheet('tuan-03.csv', await sheet('2024-W03', '63.47'))).period).toBe('2024-W03');
  const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'Việt Trì', role: 'officer' });
  await t.ask(`/start ${invite.body.code}`);
});

afterAll(async () => {
  await t?.stop();
});

it('answers a week asked for with its card, titled by the week and compared with the week before', async () => {
  const card = await t.ask('/diem tuần 3/2024');
  expect(card).toContain('Kết quả Bộ chỉ số 766 – UBND Phường Việt Trì, tuần 03/2024');
  expect(card).toContain('Tổng điểm: 63,47/100');
  expect(card).toContain('So với tuần 02/2024: ↑ 2,27 điểm');
  expect(await t.ask('Tuần 03 năm 2024 Việt Trì được bao nhiêu điểm')).toContain('tuần 03/2024');
  expect(await t.ask('điểm tuần trước')).toContain('tuần 03/2024');
});

it('keeps answering the latest with the month, compared with the month before, though a week is stored since', async () => {
  const card = await t.ask('/diem');
  expect(card).toContain('UBND Phường Việt Trì, tháng 01/2024');
  expect(card).toContain('So với tháng 12/2023: ↑ 2,38 điểm');
  expect(await t.ask('điểm tháng 1')).toContain('tháng 01/2024');
});

it('offers the nearest periods for a week without data, in time order, and answers the one pressed', async () => {
  const reply = await t.ask('điểm tuần này');
  expect(reply).toContain('tuần 04/2024');
  expect(reply).toContain('Các kỳ đã có: tháng 01/2024, tuần 03/2024, tuần 02/2024, tháng 12/2023');
  expect(t.buttons()).toEqual(['tuần 03/2024', 'tháng 01/2024', 'tuần 02/2024']);
  expect(await t.tap('tuần 03/2024')).toContain('Kết quả Bộ chỉ số 766 – UBND Phường Việt Trì, tuần 03/2024');
});

it('refuses a week the year does not have', async () => {
  expect(await t.ask('/diem tuần 53/2021')).toContain('Không có tuần «53/2021»');
});

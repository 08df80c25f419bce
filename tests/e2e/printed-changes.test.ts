/**
 * The changes a letter prints ("tăng 0,5%", "tăng 2 bậc"), imported through the admin API and read back on
 * the card through the Telegram webhook: shown as the letter's while the month before is not stored, kept by
 * a letter that does not print them again, replaced by the computed change once the month before is stored.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ImportReport } from '../../src/imports/save.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

let t: TestApp;

async function importLetter(fileName: string, text: string): Promise<ImportReport> {
  const { status, body } = await t.upload<{ report: ImportReport }>([{ fileName, bytes: utf8(text) }]);
  expect(status).toBe(201);
  return body.report;
}

function changeLine(card: string): string | undefined {
  return card.split('\n').find((line) => line.startsWith('So với'));
}

beforeAll(async () => {
  t = await startTestApp({ mode: 'webhook' });
  await importLetter('cv-06.txt', 'Tháng 6/2025, xã An Bình đạt 92,1 điểm, tăng 0,5% so với tháng trước, xếp thứ 3/20, tăng 2 bậc.');
  const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'xã An Bình', role: 'officer' });
  await t.ask(`/dangky ${invite.body.code}`);
});

afterAll(async () => {
  await t?.stop();
});

it('shows the percentage and the places the letter printed, as the letter says them', async () => {
  expect(changeLine(await t.ask('/diem thang 6'))).toBe('So với kỳ trước: ↑ 0,5%, tăng 2 bậc (theo công văn (cv-06.txt)).');
});

it('a letter for the same month that prints another percentage and no places: reported, the places kept', async () => {
  const report = await importLetter('cv-06-b.txt', 'Tháng 6/2025, xã An Bình đạt 92,1 điểm, giảm 0,25% so với tháng trước, xếp thứ 3/20.');
  expect(report.resultsUpdated).toEqual([{ unit: 'xã An Bình', changes: ['Mức tăng/giảm (%) 0,5% → -0,25%'] }]);
  // The label names the result's latest import (as for points), though the places were printed by the first letter.
  expect(changeLine(await t.ask('/diem thang 6'))).toBe('So với kỳ trước: ↓ 0,25%, tăng 2 bậc (theo công văn (cv-06-b.txt)).');
});

it('once the month before is stored, the change computed from it and nothing printed', async () => {
  await importLetter('cv-05.txt', 'Tháng 5/2025, xã An Bình đạt 91,6 điểm, xếp thứ 5/20.');
  expect(changeLine(await t.ask('/diem thang 6'))).toBe('So với tháng 05/2025: ↑ 0,5 điểm, ↑ 2 bậc');
});

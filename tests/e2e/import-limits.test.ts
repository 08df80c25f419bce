/**
 * Heavy files through the real server (issue 8): refused with a message that names the file and the
 * bound, nothing stored; and while a large legal sheet is read, the server keeps answering.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SHEET_ROWS } from '../../src/imports/limits.js';
import { READ_CHANNEL } from '../../src/imports/off-thread.js';
import { onPostgres } from '../helpers/database.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { cellXml, workbookParts, zip } from '../helpers/zip.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ mode: 'no-telegram' });
});

afterAll(async () => {
  await t?.stop();
});

interface Refusal {
  error: string;
}

/**
 * A sheet of `count` communes with every group's points and rate, the last row's total mistyped: read to
 * its end, then refused, so the test waits on the read and not on saving thousands of units.
 */
function largeSheet(count: number): Uint8Array {
  const groups = ['Công khai, minh bạch', 'Tiến độ giải quyết', 'Dịch vụ công trực tuyến', 'Thanh toán trực tuyến', 'Mức độ hài lòng', 'Số hóa hồ sơ'];
  const maxima = [18, 20, 12, 10, 18, 22];
  const lines = [['Tên đơn vị', 'Tổng điểm', ...groups.flatMap((g) => [`${g} – điểm`, `${g} – tỷ lệ (%)`])].join(';')];
  for (let i = 1; i <= count; i++) {
    const points = maxima.map((m) => (m * (0.5 + (i % 50) / 100)).toFixed(2));
    const total = points.reduce((sum, p) => sum + Number(p), 0).toFixed(2);
    lines.push([`UBND xã Thử Tải ${i}`, i === count ? 'sáu mươi' : total.replace('.', ','), ...points.flatMap((p, g) => [p.replace('.', ','), ((Number(p) / (maxima[g] ?? 1)) * 100).toFixed(2).replace('.', ',')])].join(';'));
  }
  return new TextEncoder().encode(lines.join('\r\n'));
}

describe('POST /api/imports with a heavy file', () => {
  it('refuses the 11 KB .xlsx whose sheet claims XFD1048576, and stores nothing', async () => {
    const before = await t.snapshot();
    const rows = `<row r="1">${cellXml('A1', 'Tên đơn vị')}${cellXml('B1', 'Tổng điểm')}</row><row r="2">${cellXml('A2', 'UBND xã Hy Cương')}${cellXml('B2', 61)}</row>`;
    const bytes = await zip(workbookParts({ dimension: 'A1:XFD1048576', sheetData: `${rows}<row r="1048576">${cellXml('XFD1048576', 1)}</row>` }));
    const response = await t.upload<Refusal>([{ fileName: 'xfd.xlsx', bytes }], '2026-08');
    expect(response.status).toBe(422);
    expect(response.body.error).toContain('Tệp «xfd.xlsx»: bảng tính có dữ liệu ở dòng 1.048.576, quá giới hạn 10.000 dòng.');
    expect(await t.snapshot()).toEqual(before);
  });

  it('refuses an .xlsx of 233 MB of sheet XML from its zip directory, and stores nothing', async () => {
    const before = await t.snapshot();
    const row = `<row r="2">${cellXml('A2', 'UBND xã Hy Cương')}${cellXml('B2', 61)}</row>`;
    const bytes = await zip(workbookParts({ dimension: 'A1:B2', sheetData: { chunk: row.repeat(4000), times: 625 } }));
    const response = await t.upload<Refusal>([{ fileName: 'phinh.xlsx', bytes }], '2026-08');
    expect(response.status).toBe(422);
    expect(response.body.error).toMatch(/Tệp «phinh\.xlsx»: phần «xl\/worksheets\/sheet1\.xml» giải nén ra 2\d\d MB, quá giới hạn 100 MB\./);
    expect(await t.snapshot()).toEqual(before);
  });

  it('refuses a CSV of a million rows, and stores nothing', async () => {
    const before = await t.snapshot();
    const lines = ['Tên đơn vị,Tổng điểm'];
    for (let i = 0; i < 1_000_000; i++) lines.push(`UBND xã ${i},61`);
    const response = await t.upload<Refusal>([{ fileName: 'trieu-dong.csv', bytes: new TextEncoder().encode(lines.join('\n')) }], '2026-08');
    expect(response.status).toBe(422);
    expect(response.body.error).toContain(`Tệp «trieu-dong.csv»: bảng tính có dữ liệu ở dòng 10.001, quá giới hạn 10.000 dòng.`);
    expect(await t.snapshot()).toEqual(before);
  });

  it('keeps answering /healthz, with no transaction open, while a large legal sheet is read', async () => {
    const before = await t.snapshot();
    const fileName = 'lon-nhat.csv';
    const bytes = largeSheet(MAX_SHEET_ROWS - 1);
    let reading: 'before' | 'reading' | 'read' = 'before';
    let started!: () => void;
    const readStarted = new Promise<void>((resolve) => (started = resolve));
    const watch = (message: unknown) => {
      const { phase, files } = message as { phase: 'start' | 'end'; files: string[] };
      if (!files.includes(fileName)) return;
      reading = phase === 'start' ? 'reading' : 'read';
      if (phase === 'start') started();
    };
    subscribe(READ_CHANNEL, watch);
    try {
      const upload = t.upload<Refusal>([{ fileName, bytes }], '2026-08');
      await readStarted;
      const health = await fetch(`${t.app.url}/healthz`);
      expect(health.status).toBe(200);
      if (onPostgres) {
        // A transaction held open while the sheet is parsed would sit idle in transaction; the dispatcher's
        // or a lease renewal's statement in flight is active, and not what this is about.
        const [open] = await t.app.database.query<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state in ('idle in transaction', 'idle in transaction (aborted)')",
        );
        expect(open?.n).toBe(0);
      }
      expect(reading).toBe('reading');
      const response = await upload;
      expect(reading).toBe('read');
      expect(response.status).toBe(422);
      expect(response.body.error).toContain(`Tệp «${fileName}», dòng 10.000, cột «Tổng điểm»: «sáu mươi» không phải là số.`);
      expect(await t.snapshot()).toEqual(before);
    } finally {
      unsubscribe(READ_CHANNEL, watch);
    }
  });
});

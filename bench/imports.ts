/**
 * Import speed: the portal's six responses of one province-month (164 units, real data), and a
 * national sheet of 3,321 units (generated from the real Phú Thọ scores, cycled: only its size matters).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { addDecimals } from '../src/domain/decimal.js';
import { CURRENT_FRAMEWORK } from '../src/domain/framework.js';
import { MAX_SHEET_ROWS } from '../src/imports/limits.js';
import { portalBatch } from '../src/imports/portal/batch.js';
import { ImportRejected } from '../src/imports/problems.js';
import { CRITERION_COLUMNS, TEMPLATE_COLUMNS } from '../src/imports/sheet/columns.js';
import { readImport, type IncomingFile } from '../src/imports/read.js';
import { importFiles } from '../src/services/imports.js';
import { benchTargets, timed, verdict } from './targets.js';

const PORTAL_DIR = new URL('../samples/portal/2026-08/', import.meta.url);

export function portalFiles(): IncomingFile[] {
  return readdirSync(PORTAL_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((fileName) => ({ fileName, bytes: readFileSync(new URL(fileName, PORTAL_DIR)) }));
}

const PROVINCES = 34;
const NATIONAL_UNITS = 3321;

/** One row per unit: 34 provinces, the rest communes spread over them, group points from the real data. */
function nationalSheet(): IncomingFile {
  const sample = portalBatch(portalFiles(), '2026-08').rows.filter((r) => r.result.groups.length === 6);
  const header = ['Kỳ', 'Tên đơn vị', 'Đơn vị cấp trên', 'Tổng điểm', ...CURRENT_FRAMEWORK.groups.flatMap((g) => [`${g.name} – điểm`, `${g.name} – tỷ lệ (%)`])];
  const lines = [header.join(';')];
  for (let i = 0; i < NATIONAL_UNITS; i += 1) {
    const source = sample[i % sample.length];
    if (!source) throw new Error('no sample rows');
    const province = i < PROVINCES ? null : `UBND tỉnh Mẫu ${(i % PROVINCES) + 1}`;
    const name = province ? `UBND xã Mẫu ${i}` : `UBND tỉnh Mẫu ${i + 1}`;
    const groups = CURRENT_FRAMEWORK.groups.map((g) => source.result.groups.find((s) => s.key === g.key));
    const cells = groups.flatMap((g) => [g?.points ?? '', g?.rate ?? ''].map((v) => v.replace('.', ',')));
    const total = addDecimals(groups.map((g) => g?.points ?? '0')).replace('.', ',');
    lines.push(['2026-08', name, province ?? '', total, ...cells].join(';'));
  }
  return { fileName: 'toan-quoc-2026-08.csv', bytes: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') };
}

export async function benchImports(): Promise<void> {
  const portal = portalFiles();
  const sheet = nationalSheet();
  console.log(`\n== Imports (portal: ${portal.length} files, ${(portal.reduce((n, f) => n + f.bytes.length, 0) / 1024).toFixed(0)} KB; sheet: ${NATIONAL_UNITS} rows, ${(sheet.bytes.length / 1024).toFixed(0)} KB)`);
  for (const target of benchTargets()) {
    const { database, drop } = await target.open();
    try {
      const first = await timed(() => importFiles(database.db, portal, { period: '2026-08' }));
      console.log(`${target.label.padEnd(11)} portal, one month, first import (${first.value.unitsCreated.length} units created)  ${verdict(first.ms, 1000)}`);
      const again = await timed(() => importFiles(database.db, portal, { period: '2026-08' }));
      console.log(`${target.label.padEnd(11)} portal, same month again (${again.value.resultsUnchanged} unchanged)       ${verdict(again.ms, 1000)}`);
      const quarter = await timed(() => importFiles(database.db, portal, { period: '2026-Q3' }));
      console.log(`${target.label.padEnd(11)} portal, a quarter for known units (${quarter.value.resultsAdded.length} added)    ${verdict(quarter.ms, 1000)}`);
      const national = await timed(() => importFiles(database.db, [sheet], { period: '2026-08' }));
      console.log(`${target.label.padEnd(11)} national sheet, first import (${national.value.resultsAdded.length} results)      ${verdict(national.ms, 3000)}`);
      const nationalAgain = await timed(() => importFiles(database.db, [sheet], { period: '2026-08' }));
      console.log(`${target.label.padEnd(11)} national sheet again (${nationalAgain.value.resultsUnchanged} unchanged)          ${verdict(nationalAgain.ms, 3000)}`);
    } finally {
      await drop();
    }
  }
  if (!process.env.DATABASE_URL) console.log('(Set DATABASE_URL to a PostgreSQL server to measure on PostgreSQL too.)');
  await benchLargestSheets();
}

/**
 * The largest sheets the bounds let in (src/imports/limits.ts), as rows of cells: every template column
 * and, for the widest, every sub-criterion column too (9,999 × 100 = the 1,000,000-cell bound).
 */
function largestRows(withCriteria: boolean): string[][] {
  const columns = [...TEMPLATE_COLUMNS, ...(withCriteria ? CRITERION_COLUMNS : [])];
  const rows = [columns.map((c) => c.header)];
  for (let i = 1; i < MAX_SHEET_ROWS; i++) {
    rows.push(
      columns.map((c) => {
        const f = c.field;
        if (f.kind === 'period') return '2026-08';
        if (f.kind === 'name') return `UBND xã Mẫu ${i}`;
        if (f.kind === 'total') return '72,5';
        if (f.kind === 'group') return f.measure === 'points' ? String(Number(f.group.max) / 2).replace('.', ',') : '50';
        if (f.kind === 'criterion') return { numerator: '5', denominator: '10', rate: '50', points: '0' }[f.measure];
        return '';
      }),
    );
  }
  return rows;
}

function asCsv(fileName: string, rows: string[][]): IncomingFile {
  return { fileName, bytes: Buffer.from(rows.map((r) => r.join(';')).join('\r\n'), 'utf8') };
}

async function asXlsx(fileName: string, rows: string[][]): Promise<IncomingFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kết quả');
  for (const row of rows) sheet.addRow(row.map((cell) => (/^\d+(,\d+)?$/.test(cell) ? Number(cell.replace(',', '.')) : cell)));
  return { fileName, bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) };
}

/** Reads a file through readImport (the worker), sampling memory and the server thread's event-loop delay. */
async function measureRead(file: IncomingFile): Promise<string> {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const { value, ms } = await timed(() =>
    readImport([file], { period: '2026-08' }).then(
      (batch) => `${batch.rows.length} rows`,
      (error: unknown) => {
        if (error instanceof ImportRejected) return `refused: ${error.problems[0]?.code}`;
        throw error;
      },
    ),
  );
  delay.disable();
  clearInterval(sampler);
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  return `${(file.bytes.byteLength / 1024 / 1024).toFixed(1)} MB → ${value}: ${ms.toFixed(0)} ms, memory +${mb(peak - baseline)} MB, server thread's longest stall ${(delay.max / 1e6).toFixed(0)} ms`;
}

async function benchLargestSheets(): Promise<void> {
  console.log(`\n== Reading the largest legal sheets in the worker (${MAX_SHEET_ROWS - 1} units; nothing saved)`);
  await readImport([asCsv('warm-up.csv', largestRows(false).slice(0, 2))], { period: '2026-08' });
  const template = largestRows(false);
  const widest = largestRows(true);
  console.log(`CSV, template columns (${template[0]?.length}):     ${await measureRead(asCsv('lon.csv', template))}`);
  console.log(`XLSX, template columns (${template[0]?.length}):    ${await measureRead(await asXlsx('lon.xlsx', template))}`);
  console.log(`CSV, every column (${widest[0]?.length}):        ${await measureRead(asCsv('rong.csv', widest))}`);
  console.log(`XLSX, every column (${widest[0]?.length}):       ${await measureRead(await asXlsx('rong.xlsx', widest))}`);
}

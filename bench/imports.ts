/**
 * Import speed: the portal's six responses of one province-month (164 units, real data), and a
 * national sheet of 3,321 units (generated from the real Phú Thọ scores, cycled: only its size matters).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { addDecimals } from '../src/domain/decimal.js';
import { CURRENT_FRAMEWORK } from '../src/domain/framework.js';
import { portalBatch } from '../src/imports/portal/batch.js';
import { importFiles, type IncomingFile } from '../src/services/imports.js';
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
}

/**
 * A question costs few SQL statements once warm (issue 12: at most 3): `/diem thang 8 Việt Trì` through
 * the webhook takes the turn, claims the update and reads the chat and whether anything was imported in
 * one statement, and records the outcome and gives the turn back in another; the figures, which change
 * only at import time, come from memory. An import, here or on another instance, shows in the next
 * answer. Counted at the driver (Database.statements); nothing here is timed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { importFiles } from '../../src/services/imports.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { onPostgres } from '../helpers/database.js';
import { addDecimals, compareDecimals, halfOf, subtractDecimal } from '../../src/domain/decimal.js';
import { formatDecimal } from '../../src/domain/format.js';
import { editedPortalFiles, portal, PORTAL_FILES, portalTotal, type PortalData } from '../helpers/samples.js';
import type { TestChat } from '../helpers/telegram-stand-in.js';

const OFFICER: TestChat = { id: 5553101, type: 'private' };
const QUESTION = '/diem thang 8 Việt Trì';

let t: TestApp;

function withVietTri(prefix: string, score: number, ratio: number) {
  return editedPortalFiles(prefix, (data: PortalData) => {
    const entry = [...(data.children ?? []), ...(data.evaluation ?? [])].find((e) => e.departmentName === 'UBND Phường Việt Trì');
    if (!entry) throw new Error('no Việt Trì in the sample');
    entry.score = score;
    entry.ratio = ratio;
  });
}

/** The statements the app sent while `work` ran; nothing else of the app runs meanwhile (see beforeAll). */
async function statementsOf(work: () => Promise<unknown>): Promise<number> {
  const before = t.app.database.statements();
  await work();
  return t.app.database.statements() - before;
}

beforeAll(async () => {
  // No background rounds during a count: the dispatcher (answers go straight out) and the resuming loop sleep long.
  t = await startTestApp({ mode: 'webhook', dispatcher: { idleMs: 600_000 }, resuming: { everyMs: 600_000, afterSeconds: 30 } });
  expect((await t.upload(PORTAL_FILES, '2026-08')).status).toBe(201);
  const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'H44.100', role: 'officer' });
  expect(await t.ask(`/start ${invite.body.code}`, OFFICER)).toContain('UBND Phường Việt Trì');
  t.app.scheduler.stop();
});

afterAll(async () => {
  await t?.stop();
});

describe('SQL statements of one /diem through the webhook', () => {
  it('are at most 3 once warm, and the card is the one a cold start gives', async () => {
    const cold = await t.ask(QUESTION, OFFICER);
    expect(cold).toContain('<b>Kết quả Bộ chỉ số 766 – UBND Phường Việt Trì, tháng 08/2026</b>');
    expect(cold).toContain('Tổng điểm: 62,88/100');
    expect(cold).toContain('Xếp hạng: 88/148 xã, phường');
    expect(cold).toContain('• Tiến độ giải quyết: 15,81/20 (79,03%)');
    let warm = '';
    for (let i = 0; i < 3; i++) {
      const used = await statementsOf(async () => (warm = await t.ask(QUESTION, OFFICER)));
      expect(used).toBeLessThanOrEqual(3);
      expect(warm).toBe(cold);
    }
  });

  it('are at most 3 for another unit once its periods were read, and for the chat’s own unit', async () => {
    await t.ask('/diem thang 8 Hy Cương', OFFICER);
    expect(await statementsOf(() => t.ask('/diem thang 8 Hy Cương', OFFICER))).toBeLessThanOrEqual(3);
    expect(await statementsOf(() => t.ask('/diem', OFFICER))).toBeLessThanOrEqual(3);
  });
});

describe('an import and the next /diem', () => {
  it('shows the new figures at once after an import in this process', async () => {
    expect((await t.upload(withVietTri('dvc-progress', 16.02, 80.1), '2026-08')).status).toBe(201);
    const card = await t.ask(QUESTION, OFFICER);
    expect(card).toContain('Tổng điểm: 63,09/100');
    expect(card).toContain('• Tiến độ giải quyết: 16,02/20 (80,1%)');
    expect(await statementsOf(() => t.ask(QUESTION, OFFICER))).toBeLessThanOrEqual(3);
  });

  // PGlite is one process's: another instance's import is a PostgreSQL matter.
  it.runIf(onPostgres)('shows the new figures at once after another instance’s import', async () => {
    const other = await openDatabase({ url: t.database.env.DATABASE_URL as string });
    try {
      await importFiles(other.db, withVietTri('dvc-progress', 16.5, 82.5), { period: '2026-08' });
    } finally {
      await other.close();
    }
    const card = await t.ask(QUESTION, OFFICER);
    expect(card).toContain('Tổng điểm: 63,57/100');
    expect(card).toContain('• Tiến độ giải quyết: 16,5/20 (82,5%)');
    expect(await statementsOf(() => t.ask(QUESTION, OFFICER))).toBeLessThanOrEqual(3);
  });

  it.runIf(onPostgres)('places a unit first asked after another instance’s import among its peers’ new totals', async () => {
    await t.ask(QUESTION, OFFICER);
    const communes: string[] = [];
    const everyCommuneOnTime = editedPortalFiles('dvc-progress', (data: PortalData) => {
      for (const entry of data.children ?? []) {
        if (entry.level !== 'COMMUNE') continue;
        communes.push(entry.departmentName);
        entry.score = 20;
        entry.ratio = 100;
      }
    });
    const other = await openDatabase({ url: t.database.env.DATABASE_URL as string });
    try {
      await importFiles(other.db, everyCommuneOnTime, { period: '2026-08' });
    } finally {
      await other.close();
    }
    const totals = communes.map((name) => addDecimals([subtractDecimal(portalTotal(name), portal('TDGQ', name).points), '20'])).sort((a, b) => compareDecimals(b, a));
    const middle = totals.length / 2;
    const median = totals.length % 2 === 1 ? (totals[Math.floor(middle)] ?? '0') : halfOf(addDecimals([totals[middle - 1] ?? '0', totals[middle] ?? '0']));
    const card = await t.ask('/diem thang 8 Nông Trang', OFFICER);
    expect(card).toContain('• Tiến độ giải quyết: 20/20');
    expect(card).toContain(`Trong nhóm xã, phường của UBND tỉnh Phú Thọ (${totals.length} đơn vị): trên `);
    expect(card).toContain(`trung vị ${formatDecimal(median)} điểm`);
    expect(await statementsOf(() => t.ask('/diem thang 8 Nông Trang', OFFICER))).toBeLessThanOrEqual(3);
  });
});

/**
 * Weighing a result (issue 13), through the Telegram webhook on the portal's real month (Phú Thọ,
 * 08/2026): the card's line on its peers, /sosanh, /uoctinh and its free-text twins, and the
 * suggested tasks ordered by the points each could bring.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { PORTAL_FILES, PORTAL_GROUPS, portalTotal } from '../helpers/samples.js';
import type { TestChat } from '../helpers/telegram-stand-in.js';

let t: TestApp;
const VIET_TRI: TestChat = { id: 5551301, type: 'private' };

/** Hundredths of a point, so that the expectations below are exact without the code under test. */
const cents = (points: string) => Math.round(Number(points) * 100);
const points = (hundredths: number) => (hundredths / 100).toFixed(3).replace(/\.?0+$/, '').replace('.', ',');

/** The communes of the portal's month (level COMMUNE), by name, with their totals in hundredths. */
function communeTotals(): Map<string, number> {
  const file = PORTAL_FILES.find((f) => f.fileName === PORTAL_GROUPS.TDGQ);
  const children = (JSON.parse(file?.bytes.toString('utf8') ?? '{}') as { data: { children: { departmentName: string; level: string }[] } }).data.children;
  return new Map(children.filter((c) => c.level === 'COMMUNE').map((c) => [c.departmentName, cents(portalTotal(c.departmentName))]));
}

beforeAll(async () => {
  t = await startTestApp({ mode: 'webhook', now: () => new Date('2026-09-29T03:00:00Z') });
  expect((await t.upload(PORTAL_FILES, '2026-08')).status).toBe(201);
  const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'H44.100', role: 'leader' });
  expect(await t.ask(`/start ${invite.body.code}`, VIET_TRI)).toContain('UBND Phường Việt Trì');
});

afterAll(async () => {
  await t?.stop();
});

describe('the card places the unit among its peers', () => {
  it('gives the share below, the median and the points short of the top ten, exactly', async () => {
    const communes = communeTotals();
    const own = communes.get('UBND Phường Việt Trì') ?? 0;
    const sorted = [...communes.values()].sort((a, b) => b - a);
    const below = sorted.filter((x) => x < own).length;
    const middle = sorted.length / 2;
    const median = sorted.length % 2 === 1 ? (sorted[Math.floor(middle)] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
    const gap = (sorted[9] ?? 0) - own;
    const card = await t.ask('/diem thang 8', VIET_TRI);
    expect(card).toContain(
      `Trong nhóm xã, phường của UBND tỉnh Phú Thọ (${sorted.length} đơn vị): trên ${Math.floor((100 * below) / (sorted.length - 1))}% đơn vị; trung vị ${points(median)} điểm; cần +${points(gap)} điểm để vào top 10.`,
    );
  });
});

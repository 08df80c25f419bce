/** The collector alone: its requests against the portal's own capture record, its pacing, and where it stops. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { collectResponses } from '../../src/collector/collect-responses.js';
import { CollectionFailed } from '../../src/collector/failure.js';
import { userAgentOf, type CollectorSettings } from '../../src/collector/settings.js';
import { isStable, monthJustEnded } from '../../src/domain/collection-due.js';
import { periodEnded } from '../../src/domain/period-ended.js';
import { EVALUATION_PATH, namesNationalList, nationalListPayload, PORTAL_ENDPOINTS, payloadOf, type CollectablePeriod } from '../../src/domain/portal-requests.js';
import { t } from '../../src/messages/i18n.js';
import { collectionErrorText } from '../../src/messages/collection.js';
import { PortalStandIn } from '../helpers/portal-stand-in.js';

interface Capture {
  period: 'month' | 'quarter' | 'year';
  method: string;
  url: string;
  payload: Record<string, unknown>;
}
const CAPTURES = (JSON.parse(readFileSync(new URL('../fixtures/portal-requests.json', import.meta.url), 'utf8')) as { captures: Capture[] }).captures;
const PHU_THO = '019d2be3-6a88-732b-8b17-b68020c8553a';
const PERIODS: Record<Capture['period'], CollectablePeriod> = {
  month: { kind: 'month', year: 2026, month: 8 },
  quarter: { kind: 'quarter', year: 2026, quarter: 3 },
  year: { kind: 'year', year: 2026 },
};

describe('the six requests', () => {
  it.each(['month', 'quarter', 'year'] as const)('are what the portal sent for a %s (the capture record)', (kind) => {
    for (const endpoint of PORTAL_ENDPOINTS) {
      const capture = CAPTURES.find((c) => c.period === kind && c.url.endsWith(`${EVALUATION_PATH}${endpoint.name}`));
      expect(capture, endpoint.name).toBeDefined();
      expect(capture?.method).toBe('POST');
      expect(payloadOf(endpoint, PHU_THO, PERIODS[kind])).toEqual(capture?.payload);
    }
  });

  it('ask a month only once it has ended', () => {
    const august: CollectablePeriod = { kind: 'month', year: 2026, month: 8 };
    expect(periodEnded(august, { year: 2026, month: 8, day: 31 })).toBe(false);
    expect(periodEnded(august, { year: 2026, month: 9, day: 1 })).toBe(true);
    expect(periodEnded({ kind: 'quarter', year: 2026, quarter: 3 }, { year: 2026, month: 9, day: 30 })).toBe(false);
  });

  it('ask daily for the month just ended, until two runs a day apart agree on complete figures', () => {
    expect(monthJustEnded('2026-09-01')).toEqual({ kind: 'month', year: 2026, month: 8 });
    expect(monthJustEnded('2027-01-15')).toEqual({ kind: 'month', year: 2026, month: 12 });
    const run = (localDate: string, figuresDigest: string | null, complete = true, time = '06:45') => ({ localDate, figuresDigest, complete, createdAt: new Date(`${localDate}T${time}:00+07:00`) });
    expect(isStable([run('2026-09-01', 'a')])).toBe(false);
    expect(isStable([run('2026-09-01', 'a'), run('2026-09-01', 'a')])).toBe(false);
    expect(isStable([run('2026-09-01', 'a'), run('2026-09-02', 'b')])).toBe(false);
    expect(isStable([run('2026-09-01', 'a', false), run('2026-09-02', 'a', false)])).toBe(false);
    expect(isStable([run('2026-09-01', 'a'), run('2026-09-02', 'b'), run('2026-09-03', 'b')])).toBe(true);
    // Other dates, but two minutes apart: the portal has had no time to change anything.
    expect(isStable([run('2026-09-01', 'a', true, '23:59'), run('2026-09-02', 'a', true, '00:01')])).toBe(false);
    expect(isStable([run('2026-09-01', 'a', true, '15:00'), run('2026-09-02', 'a', true, '06:30')])).toBe(true);
    // A run that did not finish has no figures to agree with.
    expect(isStable([run('2026-09-01', null, false), run('2026-09-02', null, false)])).toBe(false);
  });

  it('and the national list, asked with the period and the kind of unit listed, as a peer collector asks it', () => {
    expect(nationalListPayload(PERIODS.year)).toEqual({ timeType: 'year', year: 2026, departmentType: 'ADMINISTRATIVE_UNIT' });
    expect(nationalListPayload(PERIODS.quarter)).toEqual({ timeType: 'quarter', year: 2026, quarter: 3, departmentType: 'ADMINISTRATIVE_UNIT' });
    for (const text of ['VN', 'toàn quốc', 'tháng 8 toan quoc', 'Cả nước']) expect(namesNationalList(text), text).toBe(true);
    for (const text of ['H44', 'tháng 8', 'quốc lộ', 'Vĩnh Long']) expect(namesNationalList(text), text).toBe(false);
  });

  it('say who is asking', () => {
    expect(userAgentOf('0.1.0', null)).toBe('chiso-bot/0.1.0');
    expect(userAgentOf('0.1.0', 'vanphong@phutho.gov.vn')).toBe('chiso-bot/0.1.0 (+vanphong@phutho.gov.vn)');
  });
});

describe('collecting from the stand-in', () => {
  let portal: PortalStandIn;
  let settings: CollectorSettings;
  const august = PERIODS.month;

  beforeAll(async () => {
    portal = await new PortalStandIn().start();
    settings = { apiRoot: portal.url, userAgent: 'chiso-bot/test', pauseMs: 4000, jitterMs: 2000, timeoutMs: 2000 };
  });
  beforeEach(() => portal.reset());
  afterAll(async () => {
    await portal.stop();
  });

  it('asks the six endpoints one at a time, pausing between them with a random part', async () => {
    const pauses: number[] = [];
    const steps: string[] = [];
    const responses = await collectResponses(settings, PHU_THO, august, {
      sleep: (ms) => Promise.resolve(void pauses.push(ms)),
      random: () => 0.5,
      onStep: (done, total, endpoint) => steps.push(`${done}/${total} ${endpoint ?? 'done'}`),
    });
    expect(responses.map((r) => r.fileName)).toEqual(PORTAL_ENDPOINTS.map((e) => `${e.name}.json`));
    expect(portal.requests.map((r) => r.endpoint)).toEqual(PORTAL_ENDPOINTS.map((e) => e.name));
    expect(portal.requests.every((r) => r.inFlight === 1 && r.method === 'POST' && r.userAgent === 'chiso-bot/test' && r.contentType === 'application/json')).toBe(true);
    expect(pauses).toEqual([5000, 5000, 5000, 5000, 5000]);
    expect(steps).toEqual([...PORTAL_ENDPOINTS.map((e, i) => `${i}/6 ${e.name}`), '6/6 done']);
  });

  const cases = [
    ['rate-limited', /HTTP 429/],
    ['forbidden', /từ chối truy cập \(HTTP 403\)/],
    ['firewall', /HTTP 200 nhưng không phải dữ liệu JSON \(text\/html; charset=utf-8\): «Request Rejected», có thể là trang của tường lửa/],
    ['silent', /Cổng không trả lời trong 2 giây/],
  ] as const;

  it('waits for a slow answer, asking nothing else meanwhile, and goes on once it comes', async () => {
    portal.misbehave('provide-online-tree', 'slow');
    const collecting = collectResponses({ ...settings, timeoutMs: 600_000 }, PHU_THO, august, { sleep: () => Promise.resolve() });
    await expect.poll(() => portal.requests.length).toBe(3);
    expect(portal.held).toBe(1);
    portal.release();
    expect(await collecting).toHaveLength(6);
    expect(portal.requests.map((r) => r.endpoint)).toEqual(PORTAL_ENDPOINTS.map((e) => e.name));
    expect(portal.requests.every((r) => r.inFlight === 1)).toBe(true);
  });

  it.each(cases)('stops at the first endpoint that is %s, names it, and asks nothing more', async (how, message) => {
    portal.misbehave('provide-online-tree', how);
    const error = await collectResponses(settings, PHU_THO, august, { sleep: () => Promise.resolve() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CollectionFailed);
    expect(portal.requests.map((r) => r.endpoint)).toEqual(['transparency', 'dvc-progress-tree', 'provide-online-tree']);
    const text = collectionErrorText(t, error) ?? '';
    expect(text).toContain('Dừng thu thập ở bảng Dịch vụ công trực tuyến');
    expect(text).toContain(`${portal.url}/api/v1/reporting/evaluation/provide-online-tree`);
    expect(text).toMatch(message);
    expect(text).toContain('Không lưu gì');
  });
});

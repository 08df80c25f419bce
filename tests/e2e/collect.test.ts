/**
 * Collecting Phú Thọ's month from a stand-in of the portal through the admin API and the CLI: what is
 * stored equals the hand import of the same six files, a bad answer from the portal stores nothing,
 * and a figure the portal changed makes a new revision with its change report.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/imports/save.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { cli } from '../helpers/cli.js';
import { createTestDatabase } from '../helpers/database.js';
import { PortalStandIn, type Misbehaviour } from '../helpers/portal-stand-in.js';
import { nationalEntries, nationalListBody, type NationalEntry } from '../helpers/national-list.js';
import { entryNamed, PORTAL_FILES } from '../helpers/samples.js';

interface CollectionReply {
  province: string;
  period: string;
  sourceUrl: string;
  runId: number;
  report: ImportReport;
  text: string;
}

const NOW = () => new Date('2026-09-29T03:00:00Z');
let portal: PortalStandIn;
let collected: TestApp;
let byHand: TestApp;

/** Every stored result with its groups and sub-criteria, keyed by the portal's unit id, in a fixed order. */
async function storedResults(app: TestApp): Promise<unknown[]> {
  return app.app.database.query(`
    select u.portal_id, u.code, u.name, u.kind, p.portal_id as parent, r.period, r.revision, r.framework_version,
      r.total::text as total, r.rank, r.rank_of, r.rank_scope, r.classification,
      (select json_agg(g order by g.position) from (select group_key, points::text, max::text, rate::text, delta::text, position from group_scores where result_id = r.id) g) as groups,
      (select json_agg(c order by c.group_key, c.position) from (select group_key, code, name, numerator, denominator, rate::text, points::text, max::text, headline, position from criterion_scores where result_id = r.id) c) as criteria
    from results r join units u on u.id = r.unit_id left join units p on p.id = u.parent_id
    order by u.portal_id, r.period, r.revision`);
}

/** The runs that stored (or found nothing new to store). */
async function runs(app: TestApp): Promise<number> {
  const [row] = await app.app.database.query<{ n: number }>("select count(*)::int as n from collection_runs where status = 'done'");
  return row?.n ?? -1;
}

beforeAll(async () => {
  portal = await new PortalStandIn().start();
  const env = { PORTAL_API_ROOT: portal.url, COLLECT_PAUSE_MS: '0', COLLECT_JITTER_MS: '0', COLLECT_TIMEOUT_MS: '2000', COLLECT_CONTACT: 'vanphong@phutho.gov.vn' };
  [collected, byHand] = await Promise.all([startTestApp({ mode: 'no-telegram', now: NOW, env }), startTestApp({ mode: 'no-telegram', now: NOW })]);
});

beforeEach(() => portal.reset());

afterAll(async () => {
  await Promise.all([collected?.stop(), byHand?.stop()]);
  await portal?.stop();
});

describe('collecting Phú Thọ, 08/2026', () => {
  it('stores, figure for figure, what importing the six files by hand stores', async () => {
    const { status, body } = await collected.admin<CollectionReply>('POST', '/api/collections', { province: 'H44', period: '2026-08' });
    expect(status).toBe(201);
    expect(body).toMatchObject({ province: 'H44', period: '2026-08', sourceUrl: portal.url });
    expect(body.text).toBe(`Đã thu thập tháng 08/2026 của H44 từ ${portal.url}.`);
    expect(body.report).toMatchObject({ source: 'portal', period: '2026-08', incompleteUnits: [] });
    expect(body.report.resultsAdded).toHaveLength(164);

    expect((await byHand.upload(PORTAL_FILES, '2026-08')).status).toBe(201);
    const stored = await storedResults(collected);
    expect(stored).toHaveLength(164);
    expect(stored).toEqual(await storedResults(byHand));
  });


  it('asks again with the same payloads and, the figures being the same, changes nothing', async () => {
    const before = await collected.snapshot();
    const { status, body } = await collected.admin<CollectionReply>('POST', '/api/collections', { province: 'h44', period: 'tháng 8/2026' });
    expect(status).toBe(200);
    expect(body.report).toMatchObject({ importId: null, resultsUnchanged: 164, resultsAdded: [], resultsUpdated: [] });
    expect(await collected.snapshot()).toEqual(before);
    expect(portal.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/v1/reporting/evaluation/transparency',
      'POST /api/v1/reporting/evaluation/dvc-progress-tree',
      'POST /api/v1/reporting/evaluation/provide-online-tree',
      'POST /api/v1/reporting/evaluation/formality-online-payment-tree',
      'POST /api/v1/reporting/evaluation/handling-satisfaction',
      'POST /api/v1/reporting/evaluation/dossier-digitized',
    ]);
    expect(portal.requests.every((r) => r.inFlight === 1)).toBe(true);
    expect(new Set(portal.requests.map((r) => r.userAgent))).toEqual(new Set(['chiso-bot/0.1.0 (+vanphong@phutho.gov.vn)']));
    const root = { rootDepartmentId: '019d2be3-6a88-732b-8b17-b68020c8553a', currentPage: 1 };
    expect(portal.requests[0]?.payload).toEqual({ ...root, pageSize: 200, timeType: 'month', year: 2026, month: 8 });
    expect(portal.requests[4]?.payload).toEqual({ ...root, pageSize: 200, fromDate: '2026-08-01', toDate: '2026-08-31' });
  });

  const failures: [Misbehaviour, string][] = [
    ['rate-limited', 'Cổng báo gửi quá nhiều yêu cầu (HTTP 429): «Too Many Requests»; Cổng đề nghị chờ 600 giây (Retry-After)'],
    ['forbidden', 'Cổng từ chối truy cập (HTTP 403): «403 Forbidden»'],
    ['firewall', 'Cổng trả lời HTTP 200 nhưng không phải dữ liệu JSON (text/html; charset=utf-8): «Request Rejected», có thể là trang của tường lửa'],
    ['silent', 'Cổng không trả lời trong 2 giây'],
    ['empty', 'Cổng trả lời nhưng không có đơn vị nào, có thể Cổng chưa tính xong kỳ này'],
    ['paged', 'Cổng chỉ trả 163 trong 203 đơn vị (danh sách bị chia trang), lưu vào sẽ thiếu các đơn vị còn lại'],
  ];

  it.each(failures)('stops when the portal is %s at the fifth table, says so in Vietnamese, and stores nothing', async (how, said) => {
    // The figures changed as well: had anything been stored, the snapshot would show it.
    portal.edit('transparency', (data) => (entryNamed(data, 'UBND Phường Việt Trì').totalScore = 9.96));
    portal.misbehave('handling-satisfaction', how);
    const before = { tables: await collected.snapshot(), runs: await runs(collected), results: await storedResults(collected) };
    const { status, body } = await collected.admin<{ error: string }>('POST', '/api/collections', { province: 'H44', period: '2026-08' });
    expect(status).toBe(502);
    expect(body.error).toContain(`Dừng thu thập ở bảng Mức độ hài lòng (${portal.url}/api/v1/reporting/evaluation/handling-satisfaction): ${said}. Không lưu gì`);
    expect(portal.requests).toHaveLength(5);
    expect({ tables: await collected.snapshot(), runs: await runs(collected), results: await storedResults(collected) }).toEqual(before);
    // The attempt itself is kept, with why it stopped: the next day's round reads it.
    const [failed] = await collected.app.database.query<{ status: string; failure: { kind: string; endpoint: string; answer: { kind: string } } }>(
      'select status, failure from collection_runs order by id desc limit 1',
    );
    expect(failed).toMatchObject({ status: 'failed', failure: { kind: 'portal', endpoint: 'handling-satisfaction' } });
  });

  it('refuses a month that has not ended, asking the portal nothing', async () => {
    const { status, body } = await collected.admin<{ error: string }>('POST', '/api/collections', { province: 'H44', period: '2026-09' });
    expect(status).toBe(400);
    expect(body.error).toBe('tháng 09/2026 chưa kết thúc: thu thập được từ ngày 01/10/2026 (giờ Việt Nam).');
    expect(portal.requests).toHaveLength(0);
  });

  it('refuses a province it does not know', async () => {
    const { status, body } = await collected.admin<{ error: string }>('POST', '/api/collections', { province: 'H99', period: '2026-08' });
    expect(status).toBe(400);
    expect(body.error).toContain('Không biết cây đơn vị của «H99» trên Cổng DVCQG');
    expect(portal.requests).toHaveLength(0);
  });

  it('makes a new revision with its change report when the portal changed a figure', async () => {
    portal.edit('transparency', (data) => (entryNamed(data, 'UBND Phường Việt Trì').totalScore = 8.96));
    const { status, body } = await collected.admin<CollectionReply>('POST', '/api/collections', { province: 'H44', period: '2026-08' });
    expect(status).toBe(201);
    const vietTri = body.report.resultsUpdated.find((u) => u.unit === 'UBND Phường Việt Trì');
    expect(vietTri?.changes.join('; ')).toContain('Công khai, minh bạch 7,96 → 8,96');
    const [row] = await collected.app.database.query<{ revision: number; total: string }>(
      "select r.revision, r.total::text as total from results r join units u on u.id = r.unit_id where u.name = 'UBND Phường Việt Trì' order by r.revision desc limit 1",
    );
    expect(row).toEqual({ revision: 2, total: '63.88' });
    expect(await runs(collected)).toBe(3);
  });
});

describe('collecting the national list, 08/2026', () => {
  const phuTho = async (app: TestApp) =>
    (await storedResults(app)).filter((r) => (r as { code: string | null }).code === 'H44') as { revision: number; total: string; rank: number | null; rank_of: number | null; rank_scope: string | null; groups: { rate: string | null }[]; criteria: unknown[] }[];

  it('asks the one list, ranks the 34 provinces on its totals, and gives Phú Thọ its place without touching its tree', async () => {
    const tree = await phuTho(collected);
    const { status, body } = await collected.admin<CollectionReply>('POST', '/api/collections', { province: 'toàn quốc', period: '2026-08' });
    expect(status).toBe(201);
    expect(body.province).toBe('VN');
    expect(body.text).toBe(`Đã thu thập tháng 08/2026 của các tỉnh, thành phố (toàn quốc) từ ${portal.url}.`);
    expect(portal.requests.map((r) => [r.path, r.payload])).toEqual([
      ['/api/v1/reporting/evaluation/service-results', { timeType: 'month', year: 2026, month: 8, departmentType: 'ADMINISTRATIVE_UNIT' }],
    ]);
    expect(body.report.resultsAdded).toHaveLength(33);

    const entries = nationalEntries();
    const place = entries.findIndex((e) => e.departmentCode === 'H44') + 1;
    expect(body.report.resultsUpdated).toEqual([{ unit: 'UBND tỉnh Phú Thọ', changes: [`Xếp hạng —/— → ${place}/34`] }]);
    const [latest] = (await phuTho(collected)).slice(-1);
    const [before] = tree.slice(-1);
    // The list prints no rates nor sub-criteria: the tree's stay.
    expect(latest).toEqual({ ...before, revision: (before?.revision ?? 0) + 1, rank: place, rank_of: 34, rank_scope: 'tỉnh, thành phố' });

    const ranks = await collected.app.database.query<{ code: string; total: string; rank: number; rank_of: number }>(
      "select u.code, r.total::text as total, r.rank, r.rank_of from results r join units u on u.id = r.unit_id where r.rank_scope = 'tỉnh, thành phố' order by r.rank, u.code",
    );
    expect(ranks).toHaveLength(34);
    expect(ranks.map((r) => Number(r.total))).toEqual(entries.map((e) => e.totalScore).sort((a, b) => b - a));
    // Competition ranking: a province's place is one more than the provinces above it, so ties share a place and the next is skipped.
    for (const r of ranks) expect(r.rank).toBe(1 + ranks.filter((o) => Number(o.total) > Number(r.total)).length);
    expect(new Set(ranks.map((r) => r.total)).size).toBeLessThan(34);
  });

  it('leaves the place as it is when the tree is collected again', async () => {
    const { status, body } = await collected.admin<CollectionReply>('POST', '/api/collections', { province: 'H44', period: '2026-08' });
    // The figure the earlier test changed comes back; Phú Thọ's own result stays as it was.
    expect(status).toBe(201);
    expect(body.report.resultsUpdated.map((u) => u.unit)).not.toContain('UBND tỉnh Phú Thọ');
    expect((await phuTho(collected)).at(-1)).toMatchObject({ rank_of: 34, rank_scope: 'tỉnh, thành phố' });
  });

  it("takes only its place from a list that prints Phú Thọ otherwise than its tree: the tree's figures stay", async () => {
    const tree = (await phuTho(collected)).at(-1);
    portal.edit('service-results', (data) => {
      const own = (data.evaluation ?? []).find((e) => e.departmentCode === 'H44') as unknown as NationalEntry;
      Object.assign(own, { totalScore: 99.5, groupScores: { ...own.groupScores, CKMB: 17.5 } });
    });
    const { status, body } = await collected.admin<CollectionReply>('POST', '/api/collections', { province: 'VN', period: '2026-08' });
    expect(status).toBe(201);
    const place = nationalEntries().findIndex((e) => e.departmentCode === 'H44') + 1;
    expect(body.report.resultsUpdated).toEqual(expect.arrayContaining([{ unit: 'UBND tỉnh Phú Thọ', changes: [`Xếp hạng ${place}/34 → 1/34`] }]));
    expect((await phuTho(collected)).at(-1)).toEqual({ ...tree, revision: (tree?.revision ?? 0) + 1, rank: 1 });
  });

  it('revises a province known from the list alone with the next list, as any revision', async () => {
    portal.edit('service-results', (data) => {
      const haNoi = (data.evaluation ?? []).find((e) => e.departmentCode === 'H11') as unknown as NationalEntry;
      Object.assign(haNoi, { totalScore: 70.25, groupScores: { ...haNoi.groupScores, CKMB: haNoi.groupScores.CKMB + 10.38 } });
    });
    const { status, body } = await collected.admin<CollectionReply>('POST', '/api/collections', { province: 'VN', period: '2026-08' });
    expect(status).toBe(201);
    const before = nationalEntries().find((e) => e.departmentCode === 'H11');
    const shown = (n: number | undefined) => String(n).replace('.', ',');
    expect(body.report.resultsUpdated.find((u) => u.unit === 'UBND thành phố Hà Nội')?.changes).toEqual(
      expect.arrayContaining([`Tổng điểm ${shown(before?.totalScore)} → 70,25`, `Công khai, minh bạch ${shown(before?.groupScores.CKMB)} → ${shown(Number(((before?.groupScores.CKMB ?? 0) + 10.38).toFixed(2)))}`]),
    );
  });

  it('stops at a bad answer of the list too, naming it, and stores nothing', async () => {
    portal.misbehave('service-results', 'firewall');
    const before = await collected.snapshot();
    const { status, body } = await collected.admin<{ error: string }>('POST', '/api/collections', { province: 'VN', period: '2026-08' });
    expect(status).toBe(502);
    expect(body.error).toContain(`Dừng thu thập ở bảng Danh sách kết quả các tỉnh, thành phố (${portal.url}/api/v1/reporting/evaluation/service-results): Cổng trả lời HTTP 200 nhưng không phải dữ liệu JSON`);
    expect(await collected.snapshot()).toEqual(before);
  });

  it('refuses the list sent together with a tree, and a province whose figure is not a number, naming the file, row and field', async () => {
    const list = { fileName: 'service-results.json', bytes: Buffer.from(JSON.stringify(nationalListBody())) };
    const before = await byHand.snapshot();
    const mixed = await byHand.upload([list, ...PORTAL_FILES.slice(0, 1)], '2026-08');
    expect(mixed.status).toBe(422);
    expect(JSON.stringify(mixed.body)).toContain('Tệp «service-results.json»: là danh sách xếp hạng các tỉnh, thành phố; hãy gửi tệp này riêng, không kèm «dossier-digitized.json»');
    const body = nationalListBody();
    (body.data.evaluation[2] as unknown as Record<string, unknown>).totalScore = 'tám mươi';
    const bad = await byHand.upload([{ fileName: 'service-results.json', bytes: Buffer.from(JSON.stringify(body)) }], '2026-08');
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toMatch(/service-results\.json.*3.*data\.evaluation\[2\]\.totalScore.*tám mươi/);
    const twice = nationalListBody();
    twice.data.evaluation.push({ ...twice.data.evaluation[0] } as NationalEntry);
    const duplicated = await byHand.upload([{ fileName: 'service-results.json', bytes: Buffer.from(JSON.stringify(twice)) }], '2026-08');
    expect(duplicated.status).toBe(422);
    expect(duplicated.body).toMatchObject({ problems: [{ code: 'duplicate-unit', file: 'service-results.json', row: 35, column: 'departmentId', detail: { firstRow: 1 } }] });
    expect(await byHand.snapshot()).toEqual(before);
  });
});

describe('npm run cli -- collect', () => {
  it('shows the steps and the import report, of a tree and of the national list', async () => {
    const database = await createTestDatabase();
    try {
      const env = { ...database.env, PORTAL_API_ROOT: portal.url, COLLECT_PAUSE_MS: '0', COLLECT_JITTER_MS: '0' };
      const { code, stdout, stderr } = await cli(env, 'collect', '--province', 'H44', '--period', '2026-08');
      expect(code).toBe(0);
      expect(stderr).toContain('Thu thập 1/6: Công khai, minh bạch…');
      expect(stderr).toContain('Thu thập 6/6: Số hóa hồ sơ…');
      expect(stdout).toContain(`Đã thu thập tháng 08/2026 của H44 từ ${portal.url}.`);
      expect(stdout).toContain('Nhập dữ liệu Cổng DVCQG tháng 08/2026: 164 kết quả mới');
      const national = await cli(env, 'collect', '--national', '--period', '2026-08');
      expect(national.code).toBe(0);
      expect(national.stderr).toContain('Thu thập 1/1: Danh sách kết quả các tỉnh, thành phố…');
      expect(national.stderr).toContain('Đã lấy đủ 1 bảng, đang nhập…');
      expect(national.stdout).toContain('33 kết quả mới');
      portal.reset();
      portal.misbehave('transparency', 'rate-limited');
      const refused = await cli(env, 'collect', '--province', 'H44', '--period', '2026-08');
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('Dừng thu thập ở bảng Công khai, minh bạch');
      expect(refused.stderr).toContain('HTTP 429');
    } finally {
      await database.drop();
    }
  });
});

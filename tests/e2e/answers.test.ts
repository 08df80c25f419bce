/**
 * Answers to free questions (issue 9) on the real demo data: a unit's place and the gap to the unit
 * above, its weakest groups, the top and bottom of a province, two units compared, the nearest periods
 * offered when there is no data, and a partial month that "latest" passes over. Figures come from the
 * portal's six responses in samples/portal/2026-08 and from what the import stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { unitById, type UnitRow } from '../../src/db/units.js';
import { formatDecimal, formatPercent } from '../../src/domain/format.js';
import { renderScoreAnswer } from '../../src/messages/card.js';
import { renderComparison } from '../../src/messages/comparison.js';
import { renderDetail } from '../../src/messages/detail.js';
import { t } from '../../src/messages/i18n.js';
import { renderLeaders } from '../../src/messages/leaders.js';
import { renderRanking } from '../../src/messages/ranking.js';
import { plainText } from '../../src/messages/reply.js';
import { renderStanding } from '../../src/messages/standing.js';
import { renderWeakest } from '../../src/messages/weakest.js';
import { compareUnits } from '../../src/services/comparison.js';
import { leaders } from '../../src/services/leaders.js';
import { rankingFor } from '../../src/services/ranking.js';
import { scoreCard } from '../../src/services/scores.js';
import { rankStanding } from '../../src/services/standing.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { fiveGroupLetter, portal, PORTAL_FILES, portalTotal, type PortalGroup } from '../helpers/samples.js';

const LATEST = { kind: 'latest' } as const;
const AUGUST = { kind: 'month', month: 8, year: 2026 } as const;
const periodAction = (key: string) => `again:${key}`;

const VIET_TRI = 'UBND Phường Việt Trì';
const NONG_TRANG = 'UBND Phường Nông Trang';

let app: TestApp;
let db: Db;

async function unitNamed(name: string): Promise<UnitRow> {
  const [row] = await app.app.database.query<{ id: number }>('select id from units where name = $1', [name]);
  if (!row) throw new Error(`no unit ${name}`);
  const unit = await unitById(db, row.id);
  if (!unit) throw new Error(`no unit ${name}`);
  return unit;
}

interface StoredRank {
  name: string;
  total: string;
  rank: number | null;
  rank_of: number | null;
}

/** The latest stored results of a province's units of one kind in 2026-08, read straight from the tables. */
async function storedOfKind(kind: string): Promise<StoredRank[]> {
  return app.app.database.query<StoredRank>(
    `select u.name, r.total::text as total, r.rank, r.rank_of from units u
       join units p on p.id = u.parent_id and p.name = 'UBND tỉnh Phú Thọ'
       join results r on r.unit_id = u.id and r.period = '2026-08'
      where u.kind = $1 and r.revision = (select max(revision) from results x where x.unit_id = u.id and x.period = '2026-08')`,
    [kind],
  );
}

async function stored(name: string): Promise<StoredRank> {
  const [row] = await app.app.database.query<StoredRank>(
    `select u.name, r.total::text as total, r.rank, r.rank_of from units u join results r on r.unit_id = u.id
      where u.name = $1 and r.period = '2026-08' order by r.revision desc limit 1`,
    [name],
  );
  if (!row) throw new Error(`no result of ${name}`);
  return row;
}

beforeAll(async () => {
  app = await startTestApp({ mode: 'no-telegram' });
  expect((await app.admin('POST', '/api/demo')).status).toBe(200);
  db = app.app.database.db;
});

afterAll(async () => {
  await app?.stop();
});

describe('the rank line', () => {
  it('gives the stored rank, the band and the gap to the unit ranked just above', async () => {
    const own = await stored(VIET_TRI);
    expect(own.total).toBe(portalTotal(VIET_TRI));
    const [above] = await app.app.database.query<StoredRank>(
      `select u.name, r.total::text as total, r.rank, r.rank_of from units u join results r on r.unit_id = u.id
        where r.period = '2026-08' and r.rank = $1 and r.rank_scope = 'xã, phường'`,
      [(own.rank ?? 0) - 1],
    );
    if (!above) throw new Error('no unit ranked above Việt Trì');
    expect(above.total).toBe(portalTotal(above.name));
    const reply = renderStanding(t, await rankStanding(db, (await unitNamed(VIET_TRI)).id, LATEST), periodAction);
    expect(reply.title).toBe(`Thứ hạng của ${VIET_TRI}, tháng 08/2026`);
    expect(reply.lines).toEqual([
      `Xếp thứ ${own.rank}/${own.rank_of} xã, phường, tổng điểm 62,88.`,
      'Dưới 80 điểm, chưa đạt mức Tốt.',
      // 62,93 − 62,88, both the portal's sums.
      `Đơn vị xếp ngay trên: ${above.name} (hạng ${(own.rank ?? 0) - 1}, 62,93 điểm), cao hơn 0,05 điểm.`,
    ]);
    expect(above.total).toBe('62.93');
  });

  it('says the first unit leads, in the portal month and in the seed letter', async () => {
    const [first] = await app.app.database.query<StoredRank>(
      "select u.name, r.total::text as total, r.rank, r.rank_of from units u join results r on r.unit_id = u.id where r.period = '2026-08' and r.rank = 1 and r.rank_scope = 'xã, phường'",
    );
    if (!first) throw new Error('no first place');
    const reply = renderStanding(t, await rankStanding(db, (await unitNamed(first.name)).id, AUGUST));
    expect(reply.lines).toEqual([`Xếp thứ 1/${first.rank_of} xã, phường, tổng điểm ${formatDecimal(portalTotal(first.name))}.`, 'Dưới 80 điểm, chưa đạt mức Tốt.', 'Đơn vị dẫn đầu xã, phường.']);

    const myHao = renderStanding(t, await rankStanding(db, (await unitNamed('thị xã Mỹ Hào')).id, LATEST));
    expect(myHao.title).toBe('Thứ hạng của thị xã Mỹ Hào, tháng 02/2025');
    expect(myHao.lines).toEqual(['Xếp thứ 1/10 huyện/thị xã/thành phố, tổng điểm 91,34.', 'Xếp loại: Xuất sắc.', 'Đơn vị dẫn đầu huyện/thị xã/thành phố.']);
  });

  it('answers a period without data like the card, with the nearest periods as buttons', async () => {
    const reply = renderStanding(t, await rankStanding(db, (await unitNamed(VIET_TRI)).id, { kind: 'month', month: 9 }), periodAction);
    expect(reply.lines).toEqual([`Chưa có kết quả tháng 9 của ${VIET_TRI}. Các kỳ đã có: tháng 08/2026.`]);
    expect(reply.buttons).toEqual([[{ label: 'tháng 08/2026', action: 'again:2026-08' }]]);
  });
});

describe('the weakest groups', () => {
  it('lists the groups below 90%, weakest first, with the points each could still gain', async () => {
    const reply = renderWeakest(t, await scoreCard(db, (await unitNamed(VIET_TRI)).id, LATEST), periodAction);
    const line = (group: PortalGroup, name: string, gain: string) => {
      const g = portal(group, VIET_TRI);
      return `• ${name}: ${formatDecimal(g.points)}/${g.max} (${formatPercent(g.rate)}) — còn có thể tăng ${gain} điểm`;
    };
    expect(reply.title).toBe(`Nhóm chỉ số cần cải thiện – ${VIET_TRI}, tháng 08/2026`);
    expect(reply.lines).toEqual([
      'Các nhóm đạt tỷ lệ thấp nhất (dưới 90% điểm tối đa):',
      line('MDSH', 'Số hóa hồ sơ', '13,32'),
      line('CKMB', 'Công khai, minh bạch', '10,04'),
      line('CLGQ', 'Dịch vụ công trực tuyến', '5,52'),
    ]);
    expect(plainText(reply)).toContain('• Số hóa hồ sơ: 8,68/22 (39,45%) — còn có thể tăng 13,32 điểm');
  });

  it('shows fewer than three when fewer are below 90%, with the letter\'s own figures', async () => {
    // By points over maximum: Số hóa 15,8/22 and DVC trực tuyến 10/12 (whose printed rate, 94,6%, is not its share of points).
    const reply = renderWeakest(t, await scoreCard(db, (await unitNamed('thị xã Mỹ Hào')).id, LATEST));
    expect(reply.lines).toEqual([
      'Các nhóm đạt tỷ lệ thấp nhất (dưới 90% điểm tối đa):',
      '• Số hóa hồ sơ: 15,8/22 (71,7%) — còn có thể tăng 6,2 điểm',
      '• Dịch vụ công trực tuyến: 10/12 (94,6%) — còn có thể tăng 2 điểm',
    ]);
  });
});

describe('the top and the bottom of a province', () => {
  const province = () => unitNamed('UBND tỉnh Phú Thọ');

  function expectedLines(rows: StoredRank[], order: 'top' | 'bottom'): string[] {
    const sorted = [...rows].sort((a, b) => (order === 'top' ? -1 : 1) * (Number(a.total) - Number(b.total)) || (a.rank ?? 0) - (b.rank ?? 0) || a.name.localeCompare(b.name, 'vi'));
    return sorted.slice(0, 3).map((r, i) => `${i + 1}. ${r.name} — ${formatDecimal(portalTotal(r.name))} điểm (hạng ${r.rank}/${r.rank_of})`);
  }

  it('names the three phường with the highest totals in 08/2026', async () => {
    const rows = await storedOfKind('phuong');
    for (const r of rows) expect(r.total).toBe(portalTotal(r.name));
    const reply = renderLeaders(t, await leaders(db, { parent: await province(), around: null, kind: 'phuong', order: 'top' }, AUGUST), periodAction);
    expect(reply.title).toBe('3 phường có tổng điểm cao nhất thuộc UBND tỉnh Phú Thọ, tháng 08/2026');
    expect(reply.lines).toEqual([...expectedLines(rows, 'top'), `Trong số ${rows.length} phường đã có tổng điểm.`]);
    expect(reply.lines[0]).toBe('1. UBND phường Thống Nhất — 65,18 điểm (hạng 22/148)');
  });

  it('names the three xã with the lowest totals, siblings found from a unit among them', async () => {
    const rows = await storedOfKind('xa');
    const reply = renderLeaders(t, await leaders(db, { parent: null, around: await unitNamed(VIET_TRI), kind: 'xa', order: 'bottom' }, LATEST));
    expect(reply.title).toBe('3 xã có tổng điểm thấp nhất thuộc UBND tỉnh Phú Thọ, tháng 08/2026');
    expect(reply.lines).toEqual([...expectedLines(rows, 'bottom'), `Trong số ${rows.length} xã đã có tổng điểm.`]);
  });

  it('offers the nearest periods when the month asked has no data', async () => {
    const reply = renderLeaders(t, await leaders(db, { parent: await province(), around: null, kind: 'phuong', order: 'top' }, { kind: 'month', month: 9, year: 2026 }), periodAction);
    expect(reply.lines).toEqual(['Chưa có kết quả tháng 09/2026 của các phường thuộc UBND tỉnh Phú Thọ. Các kỳ đã có: tháng 08/2026.']);
    expect(reply.buttons).toEqual([[{ label: 'tháng 08/2026', action: 'again:2026-08' }]]);
  });
});

describe('two units compared', () => {
  it('shows both totals and ranks, then each group with who leads by how much', async () => {
    const [a, b] = [await stored(VIET_TRI), await stored(NONG_TRANG)];
    const reply = renderComparison(t, await compareUnits(db, (await unitNamed(VIET_TRI)).id, (await unitNamed(NONG_TRANG)).id, LATEST), periodAction);
    expect(reply.title).toBe(`So sánh ${VIET_TRI} và ${NONG_TRANG} — tháng 08/2026`);
    const side = (group: PortalGroup, unit: string) => `${formatDecimal(portal(group, unit).points)}/${portal(group, unit).max}`;
    expect(reply.lines).toEqual([
      `A: ${VIET_TRI} · B: ${NONG_TRANG}`,
      // 62,88 − 61,76
      'Tổng điểm: 62,88 | 61,76 (A +1,12)',
      `Xếp hạng: ${a.rank}/${a.rank_of} | ${b.rank}/${b.rank_of}`,
      '',
      'Các nhóm chỉ số (A | B):',
      `• Công khai, minh bạch: ${side('CKMB', VIET_TRI)} | ${side('CKMB', NONG_TRANG)} (bằng nhau)`,
      `• Tiến độ giải quyết: ${side('TDGQ', VIET_TRI)} | ${side('TDGQ', NONG_TRANG)} (B +0,09)`,
      `• Dịch vụ công trực tuyến: ${side('CLGQ', VIET_TRI)} | ${side('CLGQ', NONG_TRANG)} (A +0,16)`,
      `• Thanh toán trực tuyến: ${side('TTTT', VIET_TRI)} | ${side('TTTT', NONG_TRANG)} (A +0,32)`,
      `• Mức độ hài lòng: ${side('MDHL', VIET_TRI)} | ${side('MDHL', NONG_TRANG)} (B +0,04)`,
      `• Số hóa hồ sơ: ${side('MDSH', VIET_TRI)} | ${side('MDSH', NONG_TRANG)} (A +0,77)`,
    ]);
    expect(reply.lines[6]).toBe('• Tiến độ giải quyết: 15,81/20 | 15,9/20 (B +0,09)');
  });

  it('with no period in common, lists each unit\'s periods', async () => {
    const reply = renderComparison(t, await compareUnits(db, (await unitNamed(VIET_TRI)).id, (await unitNamed('thị xã Mỹ Hào')).id, LATEST), periodAction);
    expect(reply.lines).toEqual([
      `${VIET_TRI} và thị xã Mỹ Hào chưa có kỳ nào cùng có kết quả.`,
      `Các kỳ đã có của ${VIET_TRI}: tháng 08/2026.`,
      'Các kỳ đã có của thị xã Mỹ Hào: tháng 02/2025.',
    ]);
    expect(reply.buttons).toBeUndefined();
  });
});

describe('no data: the nearest periods with data as buttons', () => {
  it('on the card, the detail and the ranking, only when the caller gives an action', async () => {
    const vietTri = await unitNamed(VIET_TRI);
    const september = { kind: 'month', month: 9 } as const;
    const card = renderScoreAnswer(t, await scoreCard(db, vietTri.id, september), periodAction);
    expect(card.lines).toEqual([`Chưa có kết quả tháng 9 của ${VIET_TRI}. Các kỳ đã có: tháng 08/2026.`]);
    expect(card.buttons).toEqual([[{ label: 'tháng 08/2026', action: 'again:2026-08' }]]);
    expect(renderDetail(t, await scoreCard(db, vietTri.id, september), null, periodAction).buttons).toEqual(card.buttons);
    expect(renderScoreAnswer(t, await scoreCard(db, vietTri.id, september)).buttons).toBeUndefined();
    const ranking = renderRanking(t, await rankingFor(db, vietTri, september), periodAction);
    expect(ranking.lines[0]).toContain('Chưa có kết quả tháng 9 của các đơn vị thuộc UBND tỉnh Phú Thọ');
    expect(ranking.buttons).toEqual([[{ label: 'tháng 08/2026', action: 'again:2026-08' }]]);
  });
});

describe('a partial month after a complete one', () => {
  beforeAll(async () => {
    // September begins with one of the portal's six responses: every result of it lacks five groups.
    const satisfaction = PORTAL_FILES.filter((f) => f.fileName === 'handling-satisfaction.json');
    expect((await app.upload(satisfaction, '2026-09')).status).toBe(201);
  });

  it('is passed over by "latest" for the card, the rank line, the ranking, the top and the comparison', async () => {
    const vietTri = await unitNamed(VIET_TRI);
    expect(plainText(renderScoreAnswer(t, await scoreCard(db, vietTri.id, LATEST)))).toContain('tháng 08/2026');
    expect(plainText(renderScoreAnswer(t, await scoreCard(db, vietTri.id, LATEST)))).toContain('Tổng điểm: 62,88/100');
    expect(renderStanding(t, await rankStanding(db, vietTri.id, LATEST)).title).toBe(`Thứ hạng của ${VIET_TRI}, tháng 08/2026`);
    expect(renderRanking(t, await rankingFor(db, vietTri, LATEST)).title).toContain('tháng 08/2026');
    expect(renderLeaders(t, await leaders(db, { parent: null, around: vietTri, kind: 'phuong', order: 'top' }, LATEST)).title).toContain('tháng 08/2026');
    expect(renderComparison(t, await compareUnits(db, vietTri.id, (await unitNamed(NONG_TRANG)).id, LATEST)).title).toContain('tháng 08/2026');
  });

  it('is answered when asked for, and the card does not call groups without data strong', async () => {
    const reply = renderScoreAnswer(t, await scoreCard(db, (await unitNamed(VIET_TRI)).id, { kind: 'month', month: 9, year: 2026 }));
    expect(reply.title).toBe(`Kết quả Bộ chỉ số 766 – ${VIET_TRI}, tháng 09/2026`);
    const g = portal('MDHL', VIET_TRI);
    expect(reply.lines).toContain(`• Mức độ hài lòng: ${formatDecimal(g.points)}/${g.max} (${formatPercent(g.rate)})`);
    expect(reply.lines).toContain(
      'Các nhóm đã có dữ liệu đều đạt từ 90% điểm tối đa trở lên. Chưa có dữ liệu: Công khai, minh bạch, Tiến độ giải quyết, Dịch vụ công trực tuyến, Thanh toán trực tuyến, Số hóa hồ sơ.',
    );
    expect(reply.lines).not.toContain('Tất cả các nhóm đạt từ 90% điểm tối đa trở lên.');

    const weakest = renderWeakest(t, await scoreCard(db, (await unitNamed(VIET_TRI)).id, { kind: 'month', month: 9, year: 2026 }));
    expect(weakest.lines).toEqual([
      'Các nhóm đã có dữ liệu đều đạt từ 90% điểm tối đa trở lên.',
      'Nhóm còn có thể tăng nhiều điểm nhất:',
      '• Mức độ hài lòng: 17,26/18 (95,89%) — còn có thể tăng 0,74 điểm',
      'Chưa có dữ liệu: Công khai, minh bạch, Tiến độ giải quyết, Dịch vụ công trực tuyến, Thanh toán trực tuyến, Số hóa hồ sơ.',
    ]);
  });
});

describe('results of two frameworks', () => {
  it('compares totals only, and says why', async () => {
    expect((await app.upload([fiveGroupLetter()])).status).toBe(201);
    const reply = renderComparison(t, await compareUnits(db, (await unitNamed(VIET_TRI)).id, (await unitNamed(NONG_TRANG)).id, AUGUST));
    expect(reply.lines).toContain('Hai kết quả theo hai khung chỉ số khác nhau (Bộ chỉ số 766 (5 nhóm); Bộ chỉ số 766 (6 nhóm)) nên chỉ so sánh tổng điểm và xếp hạng.');
    expect(reply.lines).toContain('Tổng điểm: 91,34 | 61,76 (A +29,58)');
    expect(reply.lines.some((l) => l.startsWith('• '))).toBe(false);
  });
});

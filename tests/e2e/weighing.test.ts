/**
 * Weighing a result (issue 13), through the Telegram webhook on the portal's real month (Phú Thọ,
 * 08/2026): the card's line on its peers, /sosanh, /uoctinh and its free-text twins, and the
 * suggested tasks ordered by the points each could bring.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { entryNamed, PORTAL_FILES, PORTAL_GROUPS, portal, portalTotal, type PortalData } from '../helpers/samples.js';
import type { TestChat } from '../helpers/telegram-stand-in.js';

let t: TestApp;
const VIET_TRI: TestChat = { id: 5551301, type: 'private' };

/** Hundredths of a point, so that the expectations below are exact without the code under test. */
const cents = (points: string) => Math.round(Number(points) * 100);
const points = (hundredths: number) => (hundredths / 100).toFixed(3).replace(/\.?0+$/, '').replace('.', ',');

function response(group: keyof typeof PORTAL_GROUPS): PortalData {
  const file = PORTAL_FILES.find((f) => f.fileName === PORTAL_GROUPS[group]);
  return (JSON.parse(file?.bytes.toString('utf8') ?? '{}') as { data: PortalData }).data;
}

/** The communes of the portal's month (level COMMUNE), by name, with their totals in hundredths. */
function communeTotals(): Map<string, number> {
  const children = response('TDGQ').children ?? [];
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


describe('/uoctinh: what if one sub-criterion reached another rate', () => {
  /**
   * What Thanh toán at 90 % for hồ sơ (A) changes, in hundredths: 6 × 0,9 less 6A as the portal counted A,
   * each rounded; B and C stay as they are, and so do their points.
   */
  function paymentChangeAt90(unit: string): number {
    const e = entryNamed(response('TTTT'), unit) as Record<string, number>;
    const obligations = e.totalDossierFinancialObligation ?? 0;
    return 540 - Math.round(600 * (obligations > 0 ? (e.totalDossierOnlinePaymentSuccess ?? 0) / obligations : 0));
  }

  it.each(['/uoctinh thanh toan 90', 'neu thanh toan dat 90%', 'nếu thanh toán trực tuyến đạt 90% thì sao'])(
    '%s: the group recomputed, the stored total with that group replaced, the rank among the other communes, all labelled ước tính',
    async (text) => {
      const before = await t.snapshot();
      const answer = await t.ask(text, VIET_TRI);
      const unit = 'UBND Phường Việt Trì';
      const change = paymentChangeAt90(unit);
      const group = cents(portal('TTTT', unit).points) + change;
      const total = cents(portalTotal(unit)) + change;
      const others = [...communeTotals()].filter(([name]) => name !== unit).map(([, x]) => x);
      const rankNow = 1 + others.filter((x) => x > cents(portalTotal(unit))).length;
      const rank = 1 + others.filter((x) => x > total).length;
      expect(answer).toContain('<b>Ước tính – UBND Phường Việt Trì, tháng 08/2026</b>');
      expect(answer).toContain(`• Thanh toán trực tuyến: ${points(cents(portal('TTTT', unit).points))} → ${points(group)}/10 điểm (ước tính)`);
      expect(answer).toContain(`• Tổng điểm: ${points(cents(portalTotal(unit)))} → ${points(total)}/100 (ước tính)`);
      expect(answer).toContain(`• Xếp hạng trong nhóm xã, phường của UBND tỉnh Phú Thọ: ${rankNow}/148 → ${rank}/148 (ước tính`);
      expect(answer).toContain('Công thức: Hồ sơ thanh toán trực tuyến = 6 × tỷ lệ');
      expect(answer).toContain('không phải kết quả chính thức, và không được lưu');
      expect(answer).not.toContain('⚠️');
      expect(await t.snapshot()).toEqual(before);
      // The card still shows what the portal published.
      expect(await t.ask('/diem thang 8', VIET_TRI)).toContain(`Thanh toán trực tuyến: ${points(cents(portal('TTTT', unit).points))}/10`);
    },
  );

  it('reads the group named with diacritics or not, and the unit and period named', async () => {
    const answer = await t.ask('nếu số hóa lên 95% thì Hy Cương tháng 8 thế nào', VIET_TRI);
    expect(answer).toContain('<b>Ước tính – UBND xã Hy Cương, tháng 08/2026</b>');
    expect(answer).toContain('Nếu «Hồ sơ thực hiện số hóa hồ sơ» (Số hóa hồ sơ) đạt 95%');
    expect(await t.ask('neu so hoa len 95% thi hy cuong thang 8 the nao', VIET_TRI)).toBe(answer);
  });

  it('gives a range and says the formula is uncertain for DVC trực tuyến, whose sub-criteria the portal does not give per unit', async () => {
    const unit = 'UBND xã Hy Cương';
    const now = cents(portal('CLGQ', unit).points);
    // 3.3 at 60 % is full (6 of 12): the other 6 points stay, whatever they are, between what the group's points allow.
    const low = now - Math.min(600, now) + 600;
    const high = Math.min(600, now) + 600;
    const answer = await t.ask('nếu DVC trực tuyến đạt 60% thì Hy Cương được mấy điểm', VIET_TRI);
    expect(answer).toContain(`• Dịch vụ công trực tuyến: ${points(now)} → ${points(low)}–${points(high)}/12 điểm (ước tính)`);
    expect(answer).toContain('công thức ứng viên');
    expect(answer).toContain('⚠️ Công thức này chưa được đối chiếu đủ');
  });

  it('gives a range for 4.4 (kho dữ liệu cá nhân): linear as presumed, or full at 50 %', async () => {
    const answer = await t.ask('/uoctinh kho du lieu ca nhan 50', VIET_TRI);
    const now = cents(portal('MDSH', 'UBND Phường Việt Trì').points);
    expect(answer).toContain(`• Số hóa hồ sơ: ${points(now)} → ${points(now + 200)}–${points(now + 400)}/22 điểm (ước tính)`);
    expect(answer).toContain('4 × tỷ lệ hoặc min(4; 4 × tỷ lệ / 50%)');
    expect(answer).toContain('⚠️');
  });

  it('adds the change to the stored points where the formula is 0,01 off them (xã Thanh Thủy, Thanh toán 5,99 by the portal, 5,98 by the formula)', async () => {
    const unit = 'UBND xã Thanh Thủy';
    const change = paymentChangeAt90(unit);
    const answer = await t.ask('/uoctinh thanh toan 90 Thanh Thủy', VIET_TRI);
    expect(answer).toContain(`• Thanh toán trực tuyến: 5,99 → ${points(599 + change)}/10 điểm (ước tính)`);
    expect(answer).toContain(`• Tổng điểm: ${points(cents(portalTotal(unit)))} → ${points(cents(portalTotal(unit)) + change)}/100 (ước tính)`);
  });

  it('changes nothing at the rate as it stands: 4.4 is 0 % for every unit', async () => {
    const unit = 'UBND Phường Việt Trì';
    const answer = await t.ask('/uoctinh kho du lieu ca nhan 0', VIET_TRI);
    const group = points(cents(portal('MDSH', unit).points));
    const total = points(cents(portalTotal(unit)));
    expect(answer).toContain(`• Số hóa hồ sơ: ${group} → ${group}/22 điểm (ước tính)`);
    expect(answer).toContain(`• Tổng điểm: ${total} → ${total}/100 (ước tính)`);
    expect(answer).toMatch(/Xếp hạng trong nhóm xã, phường của UBND tỉnh Phú Thọ: (\d+\/148) → \1 \(ước tính/);
  });

  it('asks again rather than guess when the name fits two units', async () => {
    const answer = await t.ask('nếu số hóa lên 95% thì Phú Thọ thế nào', VIET_TRI);
    expect(answer).toContain('«Phú Thọ» có thể là:');
    expect(answer).toContain('UBND tỉnh Phú Thọ');
    expect(answer).toContain('UBND Phường Phú Thọ');
  });

  it('does not estimate a result without counts (a letter’s): points are never derived from printed rates', async () => {
    expect((await t.admin('POST', '/api/demo')).status).toBe(200);
    const answer = await t.ask('/uoctinh so hoa 95 Mỹ Hào', VIET_TRI);
    expect(answer).toContain('<b>Ước tính – thị xã Mỹ Hào, tháng 02/2025</b>');
    expect(answer).toContain('Chưa có số liệu chỉ tiêu thành phần (tử số, mẫu số) của nhóm Số hóa hồ sơ trong kỳ này');
    expect(answer).not.toContain('→');
  });

  it('says how to ask when the rate or the group is missing', async () => {
    expect(await t.ask('/uoctinh', VIET_TRI)).toContain('/uoctinh thanh toán 90');
    expect(await t.ask('/uoctinh so hoa', VIET_TRI)).toContain('nêu nhóm (hoặc chỉ tiêu) và tỷ lệ');
  });

  it('asks for a rate when points are named: 90 điểm is not 90 %', async () => {
    for (const text of ['nếu thanh toán đạt 9 điểm thì sao', 'neu so hoa dat 20 diem thi sao', '/uoctinh thanh toan 9 diem']) {
      const answer = await t.ask(text, VIET_TRI);
      expect(answer).toContain('Ước tính theo tỷ lệ của chỉ tiêu, không theo điểm');
      expect(answer).not.toContain('→');
    }
  });
});

describe('/sosanh: two units side by side', () => {
  it('answers /sosanh A B kỳ group by group with the difference, as the free-text twin does', async () => {
    const answer = await t.ask('/sosanh Việt Trì Nông Trang t8', VIET_TRI);
    expect(answer).toContain('<b>So sánh UBND Phường Việt Trì và UBND Phường Nông Trang — tháng 08/2026</b>');
    expect(answer).toContain(`Tổng điểm: ${points(cents(portalTotal('UBND Phường Việt Trì')))} | ${points(cents(portalTotal('UBND Phường Nông Trang')))} (A +1,12)`);
    expect(answer).toContain('• Tiến độ giải quyết: 15,81/20 | 15,9/20 (B +0,09)');
    expect(await t.ask('so sánh Việt Trì và Nông Trang tháng 8', VIET_TRI)).toBe(answer);
  });
});

describe('which suggested task pays most', () => {
  function digitisationGain(unit: string): number {
    const metric = (entryNamed(response('MDSH'), unit).metrics as { code: string; numerator: number; denominator: number }[]).find((m) => m.code === 'SO_HOA_GIAY_TO_GIAI_QUYET');
    return 360 - Math.round((400 * (metric?.numerator ?? 0)) / (metric?.denominator ?? 1));
  }

  it('orders the suggestions under /nhiemvu by the points each could bring, with the rate it assumes', async () => {
    const answer = await t.ask('/nhiemvu', VIET_TRI);
    expect(answer).toContain('Nhiệm vụ gợi ý cho UBND Phường Việt Trì (tháng 08/2026):');
    const digitisation = `• Số hóa hồ sơ: +${points(digitisationGain('UBND Phường Việt Trì'))} điểm nếu «Hồ sơ thực hiện số hóa hồ sơ» đạt 90% (ước tính).`;
    // DVC: 3.3 at 90 % is full, but its share of today's 6,48 points is unknown: from nothing more to all 12.
    const online = `• Dịch vụ công trực tuyến: +0–${points(1200 - cents(portal('CLGQ', 'UBND Phường Việt Trì').points))} điểm nếu «Hồ sơ nộp trực tuyến» đạt 90% (ước tính, công thức chưa chắc chắn).`;
    const transparency = '• Công khai, minh bạch: «Hồ sơ đồng bộ lên Cổng DVCQG» đã đạt 100%.';
    for (const line of [digitisation, online, transparency]) expect(answer).toContain(line);
    expect(answer.indexOf(digitisation)).toBeLessThan(answer.indexOf(online));
    expect(answer.indexOf(online)).toBeLessThan(answer.indexOf(transparency));
    // A leader may take one on from here.
    expect(t.buttons(VIET_TRI)).toEqual(['Giao: Số hóa hồ sơ', 'Giao: Dịch vụ công trực tuyến', 'Giao: Công khai, minh bạch']);
  });

  it('gains in /uoctinh what the suggestion says for the same target', async () => {
    const unit = 'UBND Phường Việt Trì';
    const now = cents(portal('MDSH', unit).points);
    expect(await t.ask('/uoctinh so hoa 90', VIET_TRI)).toContain(`• Số hóa hồ sơ: ${points(now)} → ${points(now + digitisationGain(unit))}/22 điểm (ước tính)`);
  });

  it('orders them the same on the published card', async () => {
    expect((await t.admin('POST', '/api/publications', { period: '2026-08' })).status).toBe(201);
    await t.outboxSettled();
    const card = t.telegram.sentTexts(VIET_TRI.id).find((text) => text.includes('Công bố kết quả Bộ chỉ số')) ?? '';
    expect(card).toContain('Việc nên làm để tăng điểm:');
    expect(card.indexOf('• Số hóa hồ sơ: +')).toBeLessThan(card.indexOf('• Dịch vụ công trực tuyến: +0–'));
    expect(card).toContain('Trong nhóm xã, phường của UBND tỉnh Phú Thọ (148 đơn vị)');
  });
});

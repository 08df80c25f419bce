/** /thuthap in a Telegram chat: an admin of the province asks, confirms with a button, and reads the import's report. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { PortalStandIn } from '../helpers/portal-stand-in.js';
import { entryNamed } from '../helpers/samples.js';
import { callbackUpdate, textUpdate, type TestChat } from '../helpers/telegram-stand-in.js';
import { nationalEntries } from '../helpers/national-list.js';

const ADMIN_CHAT: TestChat = { id: 5551401, type: 'private' };
const OFFICER_CHAT: TestChat = { id: 5551402, type: 'private' };
let t: TestApp;
let portal: PortalStandIn;

beforeAll(async () => {
  portal = await new PortalStandIn().start();
  t = await startTestApp({ mode: 'webhook', now: () => new Date('2026-09-29T03:00:00Z'), env: { PORTAL_API_ROOT: portal.url, COLLECT_PAUSE_MS: '0', COLLECT_JITTER_MS: '0' } });
  expect((await t.admin('POST', '/api/collections', { province: 'H44', period: '2026-08' })).status).toBe(201);
  const admin = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'UBND tỉnh Phú Thọ', role: 'admin' });
  expect(await t.ask(`/start ${admin.body.code}`, ADMIN_CHAT)).toContain('vai trò quản trị');
  const officer = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'Việt Trì', role: 'officer' });
  await t.ask(`/start ${officer.body.code}`, OFFICER_CHAT);
});

afterAll(async () => {
  await t?.stop();
  await portal?.stop();
});

describe('/thuthap', () => {
  it('is refused to an officer', async () => {
    portal.reset();
    expect(await t.ask('/thuthap tháng 8', OFFICER_CHAT)).toBe('Chỉ quản trị viên (văn phòng UBND) mới thu thập được kết quả từ Cổng DVCQG.');
    expect(portal.requests).toHaveLength(0);
  });

  it('refuses a month not over yet, without asking the portal', async () => {
    portal.reset();
    expect(await t.ask('thu thập tháng 9', ADMIN_CHAT)).toBe('tháng 09/2026 chưa kết thúc: thu thập được từ ngày 01/10/2026 (giờ Việt Nam).');
    expect(portal.requests).toHaveLength(0);
  });

  it("asks first, then collects the chat's province on the press and reports what changed", async () => {
    portal.reset();
    portal.edit('dossier-digitized', (data) => (entryNamed(data, 'UBND Phường Việt Trì').totalScore = 9.68));
    const question = await t.ask('/thuthap tháng 8', ADMIN_CHAT);
    expect(question).toContain('Thu thập kết quả tháng 08/2026 của H44 từ Cổng DVCQG (6 bảng, lần lượt từng bảng)?');
    expect(t.buttons(ADMIN_CHAT)).toEqual(['Thu thập', '✖ Hủy']);
    expect(portal.requests).toHaveLength(0);
    await t.tap('Thu thập', ADMIN_CHAT);
    expect(portal.requests).toHaveLength(6);
    const shown = t.telegram.editedTexts(ADMIN_CHAT.id).join('\n');
    expect(shown).toContain(`Đã thu thập tháng 08/2026 của H44 từ ${portal.url}.`);
    expect(shown).toContain('UBND Phường Việt Trì: ');
    expect(shown).toContain('Số hóa hồ sơ 8,68 → 9,68');
    expect(shown).toContain('Thu thập 1/6: Công khai, minh bạch…');
  });

  it('says in the chat where the portal stopped it, and stores nothing', async () => {
    portal.reset();
    portal.misbehave('transparency', 'firewall');
    const before = await t.snapshot();
    await t.ask('/thuthap tháng 8', ADMIN_CHAT);
    await t.tap('Thu thập', ADMIN_CHAT, 1);
    expect(t.telegram.editedTexts(ADMIN_CHAT.id).at(-1)).toContain('Dừng thu thập ở bảng Công khai, minh bạch');
    expect(await t.snapshot()).toEqual(before);
  });

  it('collects the national list on "toàn quốc", and the province\'s card then shows its place among the 34', async () => {
    portal.reset();
    const question = await t.ask('/thuthap tháng 8 toàn quốc', ADMIN_CHAT);
    expect(question).toContain('Thu thập danh sách kết quả tháng 08/2026 của các tỉnh, thành phố từ Cổng DVCQG (1 bảng');
    await t.tap('Thu thập', ADMIN_CHAT, 2);
    expect(portal.requests.map((r) => r.endpoint)).toEqual(['service-results']);
    expect(t.telegram.editedTexts(ADMIN_CHAT.id).join('\n')).toContain(`Đã thu thập tháng 08/2026 của các tỉnh, thành phố (toàn quốc) từ ${portal.url}.`);
    const place = nationalEntries().findIndex((e) => e.departmentCode === 'H44') + 1;
    expect(await t.ask('/diem tháng 8', ADMIN_CHAT)).toContain(`Xếp hạng: ${place}/34 tỉnh, thành phố`);
    // Another province, known from the list alone: its total, place and group points, and no rate it did not print.
    const haNoi = nationalEntries().find((e) => e.departmentCode === 'H11');
    const card = await t.ask('Hà Nội tháng 8 được mấy điểm?', ADMIN_CHAT);
    expect(card).toContain(`Tổng điểm: ${String(haNoi?.totalScore).replace('.', ',')}/100`);
    expect(card).toContain(`• Công khai, minh bạch: ${String(haNoi?.groupScores.CKMB).replace('.', ',')}/18`);
    expect(card).not.toContain('%');
  });

  it('ranks the provinces nationwide when asked so, and the province\'s own units otherwise', async () => {
    const entries = nationalEntries();
    const place = entries.findIndex((e) => e.departmentCode === 'H44') + 1;
    const shown = (n: number | undefined) => String(n).replace('.', ',');
    for (const asked of ['xếp hạng các tỉnh tháng 8', '/xephang toàn quốc', 'xep hang ca nuoc thang 8']) {
      const ranking = await t.ask(asked, ADMIN_CHAT);
      expect(ranking, asked).toContain('Xếp hạng tỉnh, thành phố – toàn quốc, tháng 08/2026');
      expect(ranking, asked).toContain(`1. ${entries[0]?.departmentName}: ${shown(entries[0]?.totalScore)} điểm`);
      expect(ranking, asked).toContain(`Đơn vị của anh/chị: UBND tỉnh Phú Thọ đứng thứ ${place}/34`);
    }
    expect(await t.ask('/xephang tháng 8', ADMIN_CHAT)).toContain('Xếp hạng xã, phường – UBND tỉnh Phú Thọ, tháng 08/2026');
    const above = entries[place - 2];
    const standing = await t.ask('Phú Thọ xếp thứ mấy toàn quốc tháng 8?', ADMIN_CHAT);
    expect(standing).toContain(`Xếp thứ ${place}/34 tỉnh, thành phố, tổng điểm ${shown(entries[place - 1]?.totalScore)}.`);
    expect(standing).toContain(above?.departmentName);
    const best = await t.ask('tỉnh nào cao điểm nhất tháng 8?', ADMIN_CHAT);
    expect(best).toContain('3 tỉnh/thành phố có tổng điểm cao nhất trên cả nước, tháng 08/2026');
    expect(best).toContain(`1. ${entries[0]?.departmentName} — ${shown(entries[0]?.totalScore)} điểm (hạng 1/34)`);
    expect(await t.ask('Phú Thọ có cao nhất cả nước không?', ADMIN_CHAT)).toContain('có tổng điểm cao nhất trên cả nước, tháng 08/2026');
    const five = await t.ask('top 5 tỉnh thành tháng 8', ADMIN_CHAT);
    expect(five).toContain('5 tỉnh/thành phố có tổng điểm cao nhất trên cả nước, tháng 08/2026');
    expect(five).toContain(`5. ${entries[4]?.departmentName} — ${shown(entries[4]?.totalScore)} điểm (hạng 5/34)`);
    expect(await t.ask('điểm các tỉnh thành tháng 8', ADMIN_CHAT)).toContain('Xếp hạng tỉnh, thành phố – toàn quốc, tháng 08/2026');
    expect(await t.ask('Việt Trì có cao nhất tỉnh không?', ADMIN_CHAT)).toContain('có tổng điểm cao nhất thuộc UBND tỉnh Phú Thọ');
    // July has no national list: said so, with the month that has one offered.
    expect(await t.ask('xếp hạng toàn quốc tháng 7', ADMIN_CHAT)).toContain('Chưa có xếp hạng các tỉnh, thành phố tháng 7. Các kỳ đã có: tháng 08/2026.');
    const photos = t.telegram.sentPhotos(ADMIN_CHAT.id).length;
    expect(await t.deliver(textUpdate('biểu đồ xếp hạng các tỉnh tháng 8', ADMIN_CHAT))).toBe(200);
    const [chart] = t.telegram.sentPhotos(ADMIN_CHAT.id).slice(photos);
    expect(chart?.caption).toContain('Xếp hạng tỉnh, thành phố – toàn quốc, tháng 08/2026');
    expect(chart?.caption).toContain(`UBND tỉnh Phú Thọ đứng thứ ${place}/34`);
  });

  it("refuses a button naming another province's tree, asking the portal nothing", async () => {
    portal.reset();
    await t.ask('/thuthap tháng 8', ADMIN_CHAT);
    const before = await t.snapshot();
    expect(await t.deliver(callbackUpdate('colgo:H11:2026-08', t.telegram.lastKeyboardMessage(ADMIN_CHAT.id), ADMIN_CHAT))).toBe(200);
    expect(portal.requests).toHaveLength(0);
    expect(t.telegram.editedTexts(ADMIN_CHAT.id).at(-1)).toContain('không thu thập được cây đơn vị H11');
    expect(await t.snapshot()).toEqual(before);
  });

  it('/baocao says when the period was collected and from where', async () => {
    const report = await t.ask('/baocao tháng 8/2026', ADMIN_CHAT);
    expect(report).toContain('Thu thập từ Cổng DVCQG:');
    const runs = report.split('\n').filter((line) => line.startsWith('• ') && line.includes(`: H44 từ ${portal.url} (`));
    expect(runs.map((line) => line.replace(/^• \d\d:\d\d \d\d\/\d\d\/\d{4}: H44 từ \S+ /, ''))).toEqual([
      '(không thành công — dừng ở bảng Công khai, minh bạch: Cổng trả lời HTTP 200 nhưng không phải dữ liệu JSON (text/html; charset=utf-8): «Request Rejected», có thể là trang của tường lửa; không lưu gì)',
      '(đã nhập)',
      '(đã nhập)',
    ]);
    expect(report).toContain(`: các tỉnh, thành phố (toàn quốc) từ ${portal.url} (đã nhập)`);
  });
});

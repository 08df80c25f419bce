/** The portal's six responses in through the admin API and the CLI, and out through /diem, /chitiet and /xephang. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../src/imports/save.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { editedPortalFiles, entryNamed, PORTAL_FILES } from '../helpers/samples.js';
import type { TestChat } from '../helpers/telegram-stand-in.js';

let t: TestApp;
const VIET_TRI_CHAT: TestChat = { id: 5550301, type: 'private' };

beforeAll(async () => {
  t = await startTestApp({ mode: 'webhook', now: () => new Date('2026-09-29T03:00:00Z') });
});

afterAll(async () => {
  await t?.stop();
});

describe('importing the six responses of Phú Thọ, 08/2026', () => {
  it('creates the province and its 163 children and reports it', async () => {
    const { status, body } = await t.upload<{ report: ImportReport }>(PORTAL_FILES, '2026-08');
    expect(status).toBe(201);
    expect(body.report).toMatchObject({ source: 'portal', period: '2026-08', unitsMatched: 0, resultsUnchanged: 0, incompleteUnits: [] });
    expect(body.report.unitsCreated).toHaveLength(164);
    expect(body.report.resultsAdded).toHaveLength(164);
  });

  it('changes nothing when the same files come again', async () => {
    const before = await t.snapshot();
    const { status, body } = await t.upload<{ report: ImportReport }>(PORTAL_FILES, '2026-08');
    expect(status).toBe(200);
    expect(body.report).toMatchObject({ importId: null, unitsMatched: 164, resultsUnchanged: 164, resultsAdded: [], resultsUpdated: [] });
    expect(await t.snapshot()).toEqual(before);
  });

  it("answers /diem thang 8 Việt Trì with the portal's exact figures, in any chat", async () => {
    const card = await t.ask('/diem thang 8 Việt Trì', { id: 5550300, type: 'private' });
    expect(card).toContain('UBND Phường Việt Trì, tháng 08/2026');
    expect(card).toContain('Tổng điểm: 62,88/100');
    expect(card).toContain('Tiến độ giải quyết: 15,81/20 (79,03%)');
    expect(card).toContain('Công khai, minh bạch: 7,96/18 (44,22%)');
    expect(card).toContain('Dịch vụ công trực tuyến: 6,48/12 (54%)');
    expect(card).toContain('Thanh toán trực tuyến: 6,69/10 (66,9%)');
    expect(card).toContain('Mức độ hài lòng: 17,26/18 (95,89%)');
    expect(card).toContain('Số hóa hồ sơ: 8,68/22 (39,45%)');
    expect(card).toMatch(/Xếp hạng: \d+\/148 xã, phường/);
    expect(card).toContain('Nguồn: Cổng Dịch vụ công quốc gia');
    expect(card).not.toContain('Xếp loại');
  });

  it('shows the sub-criteria with numerators and denominators on /chitiet tien do', async () => {
    const detail = await t.ask('/chitiet tien do Việt Trì');
    expect(detail).toContain('Tiến độ giải quyết – UBND Phường Việt Trì, tháng 08/2026');
    expect(detail).toContain('Tiến độ giải quyết: 15,81/20 (79,03%)');
    expect(detail).toContain('2.348/2.971 hồ sơ đúng hạn');
    expect(detail).toContain('Cách tăng điểm: rà soát hồ sơ quá hạn');
    const digitising = await t.ask('chi tiết số hóa Việt Trì');
    expect(digitising).toContain('Tỷ lệ hồ sơ thủ tục hành chính có cấp kết quả giải quyết thủ tục hành chính điện tử: 2.474/2.972 hồ sơ có kết quả điện tử · 83,24% · 4,99/6 điểm');
    expect(digitising).toContain('Tỷ lệ cung cấp dịch vụ chứng thực bản sao điện tử từ bản chính: 100% · 2/2 điểm');
  });

  it('ranks the communes on /xephang thang 8, with the asking unit in its place', async () => {
    const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'H44.100', role: 'officer' });
    expect(await t.ask(`/start ${invite.body.code}`, VIET_TRI_CHAT)).toContain('UBND Phường Việt Trì');
    const ranking = await t.ask('/xephang thang 8', VIET_TRI_CHAT);
    expect(ranking).toContain('Xếp hạng xã, phường – UBND tỉnh Phú Thọ, tháng 08/2026');
    expect(ranking).toContain('5 đơn vị dẫn đầu:');
    expect(ranking).toContain('5 đơn vị cuối bảng:');
    expect(ranking).toMatch(/^1\. .+: \d+,?\d* điểm$/m);
    expect(ranking).toMatch(/^148\. .+ điểm$/m);
    const own = /Đơn vị của anh\/chị: UBND Phường Việt Trì đứng thứ (\d+)\/148 với 62,88 điểm\./.exec(ranking);
    expect(own).not.toBeNull();
    const card = await t.ask('/diem', VIET_TRI_CHAT);
    expect(card).toContain(`Xếp hạng: ${own?.[1]}/148 xã, phường`);
  });

  it('ranks the departments among themselves', async () => {
    const card = await t.ask('/diem thang 8 Sở Công Thương');
    expect(card).toMatch(/Xếp hạng: \d+\/15 sở, ban, ngành/);
  });

  it('makes a new revision when a figure changes, says what changed, and shows the latest', async () => {
    const files = editedPortalFiles('dvc-progress', (data) => {
      const entry = entryNamed(data, 'UBND Phường Việt Trì');
      entry.score = 16.02;
      entry.ratio = 80.1;
    });
    const { status, body } = await t.upload<{ report: ImportReport }>(files, '2026-08');
    expect(status).toBe(201);
    expect(body.report.resultsUpdated[0]).toEqual({
      unit: 'UBND Phường Việt Trì',
      changes: ['Tổng điểm 62,88 → 63,09', 'Xếp hạng 88/148 → 84/148', 'Tiến độ giải quyết 15,81 → 16,02'],
    });
    // The four communes it passed each lose one place; nobody else changes.
    expect(body.report.resultsUpdated.slice(1).map((u) => u.changes)).toEqual([
      ['Xếp hạng 87/148 → 88/148'],
      ['Xếp hạng 86/148 → 87/148'],
      ['Xếp hạng 85/148 → 86/148'],
      ['Xếp hạng 84/148 → 85/148'],
    ]);
    expect(body.report.resultsUnchanged).toBe(159);
    const card = await t.ask('/diem thang 8 Việt Trì');
    expect(card).toContain('Tổng điểm: 63,09/100');
    expect(card).toContain('Tiến độ giải quyết: 16,02/20 (80,1%)');
  });
});

describe('a refused import changes nothing and says what is wrong', () => {
  it('names the file, the entry, the field and the value of a score over its maximum', async () => {
    const before = await t.snapshot();
    const files = editedPortalFiles('dvc-progress', (data) => (entryNamed(data, 'UBND Phường Việt Trì').score = 21));
    const { status, body } = await t.upload<{ error: string }>(files, '2026-08');
    expect(status).toBe(422);
    expect(body.error).toContain('Không nhập được: 1 lỗi. Chưa có dữ liệu nào được lưu');
    expect(body.error).toContain('Tệp «dvc-progress-tree.json», mục 5, trường «data.children[4].score» (UBND Phường Việt Trì): «21» vượt quá mức tối đa 20.');
    expect(await t.snapshot()).toEqual(before);
  });

  it('a period that does not exist, and files with no period', async () => {
    const before = await t.snapshot();
    const bad = await t.upload<{ error: string }>(PORTAL_FILES, '2026-13');
    expect(bad.status).toBe(422);
    expect(bad.body.error).toContain('kỳ «2026-13» không hợp lệ');
    const none = await t.upload<{ error: string }>(PORTAL_FILES);
    expect(none.body.error).toContain('chưa rõ kỳ đánh giá');
    expect(await t.snapshot()).toEqual(before);
  });

  it('a file of a kind it cannot read, and a request without files', async () => {
    const odd = await t.upload<{ error: string }>([{ fileName: 'ketqua.doc', bytes: Buffer.from('x') }], '2026-08');
    expect(odd.status).toBe(422);
    expect(odd.body.error).toContain('Tệp «ketqua.doc»: không đọc được tệp dạng «doc»');
    const empty = await t.upload<{ error: string }>([], '2026-08');
    expect(empty.status).toBe(400);
    expect(empty.body.error).toContain('Chưa có tệp nào');
  });

  it('refuses the API without the admin token', async () => {
    const response = await fetch(`${t.app.url}/api/imports`, { method: 'POST', body: new FormData() });
    expect(response.status).toBe(401);
  });
});

/**
 * Charts through the real webhook: twelve months of Phú Thọ (the portal's 08/2026 and eleven months made
 * from it) imported as an admin would, then `/xuhuong` and `/xephang biểu đồ` asked in a linked chat; the
 * Telegram stand-in receives a photo (a PNG) with its caption. A chart is drawn again after an import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { decodePng, isPng, pngSize } from '../helpers/png.js';
import { monthBefore, portalMonth } from '../helpers/portal-months.js';
import { PRIVATE_CHAT, textUpdate, type TestChat } from '../helpers/telegram-stand-in.js';

let t: TestApp;
const OTHER_CHAT: TestChat = { id: 5550077, type: 'private' };

beforeAll(async () => {
  // No background rounds while statements are counted: the dispatcher (answers go straight out) and the resuming loop sleep long.
  t = await startTestApp({ mode: 'webhook', dispatcher: { idleMs: 600_000 }, resuming: { everyMs: 600_000, afterSeconds: 30 } });
  expect((await t.admin('POST', '/api/demo')).status).toBe(200);
  for (let back = 11; back >= 1; back--) expect((await t.upload(portalMonth(back), monthBefore(back))).status).toBe(201);
  const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'H44.100', role: 'officer' });
  expect(await t.ask(`/start ${invite.body.code}`)).toContain('UBND Phường Việt Trì');
  t.app.scheduler.stop();
}, 300_000);

afterAll(async () => {
  await t?.stop();
});

/** Says `text` in `chat` and returns the photos sent there in answer. */
async function photosFor(text: string, chat: TestChat = PRIVATE_CHAT) {
  const before = t.telegram.sentPhotos(chat.id).length;
  expect(await t.deliver(textUpdate(text, chat))).toBe(200);
  return t.telegram.sentPhotos(chat.id).slice(before);
}


describe('/xuhuong', () => {
  it('sends the chat unit’s trend over twelve months as a photo with a one-line caption', async () => {
    const [photo, ...more] = await photosFor('/xuhuong');
    expect(more).toEqual([]);
    expect(photo?.fileName).toBe('xu-huong-ubnd-phuong-viet-tri-2026-08.png');
    expect(isPng(photo?.bytes ?? new Uint8Array())).toBe(true);
    const { width, height } = pngSize(photo?.bytes ?? new Uint8Array());
    expect(width).toBeGreaterThan(800);
    expect(height).toBeGreaterThan(600);
    expect(photo?.caption).toMatch(/^UBND Phường Việt Trì, tháng 09\/2025 – tháng 08\/2026: tổng điểm [\d,]+ → [\d,]+\. Tiến bộ nhất: .+ \(↑ [\d,]+\); kém nhất: .+ \(.+\)\.$/);
    expect(photo?.caption.split('\n')).toHaveLength(1);
  });

  it.each(['xu hướng', 'xu huong', 'biểu đồ', 'bieu do'])('answers «%s» with the same chart', async (text) => {
    const [photo] = await photosFor(text);
    expect(photo?.fileName).toBe('xu-huong-ubnd-phuong-viet-tri-2026-08.png');
  });

  it('draws a unit named, in any chat', async () => {
    const [photo] = await photosFor('xu hướng Nông Trang', OTHER_CHAT);
    expect(photo?.caption).toMatch(/^UBND Phường Nông Trang, tháng 09\/2025 – tháng 08\/2026/);
  });

  it('offers another chat asking by name the periods of the unit it named, not of its own', async () => {
    expect(await t.ask('/xuhuong tháng 8/2025')).toContain('Chưa có kết quả tháng 08/2025 của UBND Phường Việt Trì');
    expect(await t.ask('/xuhuong tháng 8/2025 Việt Trì', OTHER_CHAT)).toContain('Chưa có kết quả tháng 08/2025 của UBND Phường Việt Trì');
    expect(t.buttons(OTHER_CHAT)).toEqual(['tháng 09/2025', 'tháng 10/2025', 'tháng 11/2025']);
    const before = t.telegram.sentPhotos(OTHER_CHAT.id).length;
    await t.tap('tháng 11/2025', OTHER_CHAT);
    const [photo] = t.telegram.sentPhotos(OTHER_CHAT.id).slice(before);
    expect(photo?.caption).toMatch(/^UBND Phường Việt Trì, tháng 09\/2025 – tháng 11\/2025: /);
  });

  it('asks which unit when a name fits two, and draws the one chosen', async () => {
    expect(await t.ask('/xuhuong Phú Thọ', OTHER_CHAT)).toContain('khớp với nhiều đơn vị');
    const before = t.telegram.sentPhotos(OTHER_CHAT.id).length;
    await t.tap('UBND Phường Phú Thọ (UBND tỉnh Phú Thọ)', OTHER_CHAT);
    const [photo] = t.telegram.sentPhotos(OTHER_CHAT.id).slice(before);
    expect(photo?.caption).toMatch(/^UBND Phường Phú Thọ, tháng 09\/2025 – tháng 08\/2026/);
  });

  it('says in words when there are fewer than two periods to draw', async () => {
    expect(await t.ask('/xuhuong Mỹ Hào', OTHER_CHAT)).toContain('Chưa đủ dữ liệu để vẽ biểu đồ xu hướng của thị xã Mỹ Hào: mới có kết quả 1 tháng (cần ít nhất 2)');
    expect(await t.ask('/xuhuong quy')).toContain('chưa có kết quả quý nào (cần ít nhất 2)');
  });

  it('draws again after an import, and not before', async () => {
    const [first] = await photosFor('/xuhuong');
    const [again] = await photosFor('/xuhuong');
    expect(again?.bytes.equals(first?.bytes ?? Buffer.alloc(0))).toBe(true);
    expect((await t.upload(portalMonth(0), '2026-09')).status).toBe(201);
    const [after] = await photosFor('/xuhuong');
    expect(after?.fileName).toBe('xu-huong-ubnd-phuong-viet-tri-2026-09.png');
    expect(after?.caption).toMatch(/^UBND Phường Việt Trì, tháng 10\/2025 – tháng 09\/2026/);
  });
});

describe('/xuhuong by quarters', () => {
  it('draws the quarters once two have results, the months unchanged', async () => {
    for (const [back, quarter] of [[5, '2026-Q1'], [2, '2026-Q2']] as const) expect((await t.upload(portalMonth(back), quarter)).status).toBe(201);
    const [quarters] = await photosFor('/xuhuong quý');
    expect(quarters?.fileName).toBe('xu-huong-ubnd-phuong-viet-tri-2026-q2.png');
    expect(quarters?.caption).toMatch(/^UBND Phường Việt Trì, quý I\/2026 – quý II\/2026: tổng điểm/);
    const [months] = await photosFor('xu huong');
    expect(months?.caption).toMatch(/^UBND Phường Việt Trì, tháng 10\/2025 – tháng 09\/2026/);
  });
});

describe('/xephang biểu đồ', () => {
  it('sends the siblings as bars, with the asking unit’s place in the caption', async () => {
    const [photo] = await photosFor('/xephang bieu do tháng 8');
    expect(photo?.fileName).toBe('xep-hang-ubnd-tinh-phu-tho-2026-08.png');
    const pixels = decodePng(photo?.bytes ?? new Uint8Array());
    expect(pixels.width).toBeGreaterThan(700);
    expect(photo?.caption).toMatch(/^Xếp hạng xã, phường – UBND tỉnh Phú Thọ, tháng 08\/2026: Xuất sắc \d+, Tốt \d+, dưới 80 điểm \d+ đơn vị\. UBND Phường Việt Trì đứng thứ \d+\/148 với [\d,]+ điểm\.$/);
  });

  it('answers «biểu đồ xếp hạng» the same way', async () => {
    const [photo] = await photosFor('biểu đồ xếp hạng tháng 8');
    expect(photo?.fileName).toBe('xep-hang-ubnd-tinh-phu-tho-2026-08.png');
  });

  it('is drawn once and then sent from memory, reading no result until the next import', async () => {
    const statementsOf = async (text: string) => {
      const before = t.app.database.statements();
      expect(await photosFor(text)).toHaveLength(1);
      return t.app.database.statements() - before;
    };
    const first = await statementsOf('/xephang biểu đồ tháng 8 Nông Trang');
    // Taking the turn with what the chat's turn reads, and recording the outcome: what any warm question costs.
    expect(await statementsOf('/xephang biểu đồ tháng 8 Nông Trang')).toBeLessThanOrEqual(3);
    expect(first).toBeGreaterThan(3);
  });
});

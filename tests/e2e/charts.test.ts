/**
 * Charts through the real webhook: twelve months of Phú Thọ (the portal's 08/2026 and eleven months made
 * from it) imported as an admin would, then `/xuhuong` and `/xephang biểu đồ` asked in a linked chat; the
 * Telegram stand-in receives a photo (a PNG) with its caption. A chart is drawn again after an import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_FRAMEWORK } from '../../src/domain/framework.js';
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

interface Stored {
  total: string | null;
  rank: number | null;
  rankOf: number | null;
  rankScope: string | null;
  groups: { key: string; name: string; points: string | null }[];
}

/** A unit's latest stored result of a period, read from the tables as imported; the unit by name or id. */
async function stored(unit: string | number, period: string): Promise<Stored> {
  const [result] = await t.app.database.query<{ id: number; total: string | null; rank: number | null; rank_of: number | null; rank_scope: string | null }>(
    `select r.id, r.total::text as total, r.rank, r.rank_of, r.rank_scope from results r join units u on u.id = r.unit_id
     where ${typeof unit === 'number' ? 'u.id = $1' : 'u.name = $1'} and r.period = $2 order by r.revision desc limit 1`,
    [unit, period],
  );
  if (!result) return { total: null, rank: null, rankOf: null, rankScope: null, groups: [] };
  const groups = await t.app.database.query<{ key: string; points: string | null }>('select group_key as key, points::text as points from group_scores where result_id = $1', [result.id]);
  return {
    total: result.total,
    rank: result.rank,
    rankOf: result.rank_of,
    rankScope: result.rank_scope,
    groups: groups.map((g) => ({ ...g, name: CURRENT_FRAMEWORK.groups.find((f) => f.key === g.key)?.name ?? g.key })),
  };
}

/** 91.3 → "91,3": at most two decimals, a decimal comma. */
function vietnamese(value: string | number | null): string {
  return String(Math.round(Number(value) * 100) / 100).replace('.', ',');
}

function arrow(change: number): string {
  if (Math.abs(change) < 0.005) return '= 0';
  return `${change < 0 ? '↓' : '↑'} ${vietnamese(Math.abs(change))}`;
}

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
    const [first, last] = [await stored('UBND Phường Việt Trì', '2025-09'), await stored('UBND Phường Việt Trì', '2026-08')];
    const moves = last.groups
      .flatMap((g) => {
        const before = first.groups.find((f) => f.key === g.key)?.points;
        return g.points !== null && before != null ? [{ name: g.name, change: Number(g.points) - Number(before) }] : [];
      })
      .sort((a, b) => b.change - a.change);
    const [best, weakest] = [moves[0], moves.at(-1)];
    if (!best || !weakest || best.change <= 0 || moves.length < 2) throw new Error('the imported months should have a group that rose');
    expect(photo?.caption).toBe(
      `UBND Phường Việt Trì, tháng 09/2025 – tháng 08/2026: tổng điểm ${vietnamese(first.total)} → ${vietnamese(last.total)}. Tiến bộ nhất: ${best.name} (${arrow(best.change)}); kém nhất: ${weakest.name} (${arrow(weakest.change)}).`,
    );
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
    const siblings = (await t.app.database.query<{ id: number }>("select id from units where parent_id = (select id from units where name = 'UBND tỉnh Phú Thọ')")).map((r) => r.id);
    const month = await Promise.all(siblings.map((id) => stored(id, '2026-08')));
    const ranked = month.filter((r) => r.rankScope === 'xã, phường' && r.rank !== null);
    const totals = ranked.map((r) => (r.total === null ? null : Number(r.total)));
    const count = (inBand: (total: number) => boolean) => totals.filter((x) => x !== null && inBand(x)).length;
    const unscored = totals.filter((x) => x === null).length;
    const own = await stored('UBND Phường Việt Trì', '2026-08');
    expect(ranked).toHaveLength(148);
    expect(photo?.caption).toBe(
      `Xếp hạng xã, phường – UBND tỉnh Phú Thọ, tháng 08/2026: Xuất sắc ${count((x) => x >= 90)}, Tốt ${count((x) => x >= 80 && x < 90)}, dưới 80 điểm ${count((x) => x < 80)}${unscored ? `, chưa có tổng điểm ${unscored}` : ''} đơn vị. UBND Phường Việt Trì đứng thứ ${own.rank}/${own.rankOf} với ${vietnamese(own.total)} điểm.`,
    );
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

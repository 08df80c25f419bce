/**
 * Questions as officials type them, through the real webhook: the figures in the replies come from
 * the portal's responses (samples/portal/2026-08) and from what the import stored. Also: asking which
 * unit when a name fits several (and answering the original question after the tap), offering the
 * nearest names when none fits, offering periods that have data, and speaking in groups only when
 * spoken to.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDecimal } from '../../src/domain/format.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { portalTotal } from '../helpers/samples.js';
import { textUpdate, type TestChat } from '../helpers/telegram-stand-in.js';

const VIET_TRI_OFFICER: TestChat = { id: 5557001, type: 'private' };
const STRANGER: TestChat = { id: 5557002, type: 'private' };
const LINKED_GROUP: TestChat = { id: -100557003, type: 'group', title: 'Tổ một cửa Việt Trì' };
const UNLINKED_GROUP: TestChat = { id: -100557004, type: 'group', title: 'Nhóm chung' };

const VIET_TRI = 'UBND Phường Việt Trì';
const HY_CUONG = 'UBND xã Hy Cương';
const NONG_TRANG = 'UBND Phường Nông Trang';

let t: TestApp;

interface Stored {
  total: string;
  rank: number;
  rank_of: number;
}

async function stored(name: string): Promise<Stored> {
  const [row] = await t.app.database.query<Stored>(
    `select r.total::text as total, r.rank, r.rank_of from units u join results r on r.unit_id = u.id
      where u.name = $1 and r.period = '2026-08' order by r.revision desc limit 1`,
    [name],
  );
  if (!row) throw new Error(`no result of ${name}`);
  return row;
}

/** The card's total line as a user reads it: "Tổng điểm: 62,88/100". */
function totalLine(unit: string): string {
  return `${formatDecimal(portalTotal(unit))}/100`;
}

beforeAll(async () => {
  t = await startTestApp({ mode: 'webhook', now: () => new Date('2026-12-06T03:00:00Z') });
  expect((await t.admin('POST', '/api/demo')).status).toBe(200);
  for (const chat of [VIET_TRI_OFFICER, LINKED_GROUP]) {
    const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'H44.100', role: 'officer' });
    await t.ask(`/start ${invite.body.code}`, chat);
  }
});

afterAll(async () => {
  await t?.stop();
});

describe('a question in any order, with or without diacritics', () => {
  it.each([
    ['Việt Trì tháng 8 được mấy điểm?', VIET_TRI],
    ['diem thang 8 viet tri', VIET_TRI],
    ['diemm thang 8 viet tri', VIET_TRI],
    ['/diem 2026-08 Việt Trì', VIET_TRI],
    ['cho em hỏi điểm t8/26 của phường Việt Trì ạ', VIET_TRI],
    ['Nông Trang', NONG_TRANG],
    ['nongtrang tháng tám', NONG_TRANG],
    ['Tổng điểm tháng 8 xã Hy Cương là bao nhiêu', HY_CUONG],
    ['Hy Cuong bao nhieu diem', HY_CUONG],
    ['Hy Cương, Phú Thọ thg 8', HY_CUONG],
  ])('%s → the card of %s for 08/2026 with the portal total', async (text, unit) => {
    const reply = await t.ask(text, STRANGER);
    expect(reply).toContain(`${unit}, tháng 08/2026`);
    expect(reply).toContain(totalLine(unit));
  });

  it('offers a name read through a slip instead of assuming it, then answers', async () => {
    expect(await t.ask('x. Hy Cuongg 08.2026', STRANGER)).toContain('Có phải anh/chị muốn xem');
    expect(t.buttons(STRANGER)).toEqual(['UBND xã Hy Cương (UBND tỉnh Phú Thọ)']);
    const answer = await t.tap('UBND xã Hy Cương (UBND tỉnh Phú Thọ)', STRANGER);
    expect(answer).toContain(`${HY_CUONG}, tháng 08/2026`);
    expect(answer).toContain(totalLine(HY_CUONG));
  });

  it("reads a question without a unit as the chat's own unit, the filler left aside", async () => {
    const reply = await t.ask('điểm tháng 8 ra sao', VIET_TRI_OFFICER);
    expect(reply).toContain(`${VIET_TRI}, tháng 08/2026`);
    expect(reply).toContain(totalLine(VIET_TRI));
  });

  it('answers a group named alone with its detail', async () => {
    const reply = await t.ask('chi so hai long Nong Trang', STRANGER);
    expect(reply).toContain(NONG_TRANG);
    expect(reply).toContain('Mức độ hài lòng');
    expect(reply).not.toContain('Số hóa hồ sơ');
  });
});

describe('new questions', () => {
  it('gives the rank, the band and the gap to the unit just above', async () => {
    const own = await stored(VIET_TRI);
    const reply = await t.ask('Việt Trì tháng 8 xếp thứ mấy?', STRANGER);
    expect(reply).toContain(`${own.rank}/${own.rank_of}`);
    const [above] = await t.app.database.query<{ name: string; total: string }>(
      `select u.name, r.total::text as total from results r join units u on u.id = r.unit_id
        where r.period = '2026-08' and r.rank = $1 and r.rank_scope = (select rank_scope from results x join units v on v.id = x.unit_id where v.name = $2 and x.period = '2026-08' limit 1)`,
      [own.rank - 1, VIET_TRI],
    );
    expect(above).toBeDefined();
    expect(reply).toContain(above?.name ?? '');
  });

  it("lists the chat's weakest groups with the points each could still gain", async () => {
    const reply = await t.ask('nhóm nào yếu nhất?', VIET_TRI_OFFICER);
    expect(reply).toContain(VIET_TRI);
    expect(reply).toMatch(/còn có thể tăng \d+,\d+ điểm/);
  });

  it('names the top phường of the province, from the stored totals', async () => {
    const [best] = await t.app.database.query<{ name: string; total: string }>(
      `select u.name, r.total::text as total from results r join units u on u.id = r.unit_id
        where r.period = '2026-08' and u.kind = 'phuong' order by r.total desc limit 1`,
    );
    const reply = await t.ask('phường nào cao điểm nhất?', VIET_TRI_OFFICER);
    expect(reply).toContain(`1. ${best?.name ?? '?'}`);
    expect(reply).toContain(formatDecimal(best?.total ?? '?'));
  });

  it('lists as many units as asked ("top 5 xã"), at most 30, saying so', async () => {
    const best = await t.app.database.query<{ name: string }>(
      `select u.name from results r join units u on u.id = r.unit_id
        where r.period = '2026-08' and u.kind = 'xa' order by r.total desc, r.rank, u.name limit 31`,
    );
    const listed = (reply: string) => reply.split('\n').filter((line) => /^\d+\. /.test(line));
    const five = await t.ask('top 5 xã cao nhất tháng 8', VIET_TRI_OFFICER);
    expect(five).toContain('5 xã có tổng điểm cao nhất thuộc UBND tỉnh Phú Thọ, tháng 08/2026');
    expect(listed(five).map((line) => line.replace(/^\d+\. (.+) — .*$/, '$1'))).toEqual(best.slice(0, 5).map((row) => row.name));
    const weakest = await t.ask('5 phường thấp nhất', VIET_TRI_OFFICER);
    expect(weakest).toContain('5 phường có tổng điểm thấp nhất thuộc UBND tỉnh Phú Thọ');
    expect(listed(weakest)).toHaveLength(5);
    const many = await t.ask('top 40 xã', VIET_TRI_OFFICER);
    expect(listed(many)).toHaveLength(30);
    expect(many).toContain('Danh sách chỉ nêu tối đa 30 đơn vị; cả bảng xếp hạng: /xephang.');
  });

  it('reads "tỉnh" with no name as the chat\'s own province, and asks which when the chat has no unit', async () => {
    const province = await stored('UBND tỉnh Phú Thọ');
    const card = await t.ask('UBND tỉnh được bao nhiêu điểm', VIET_TRI_OFFICER);
    expect(card).toContain('Kết quả Bộ chỉ số 766 – UBND tỉnh Phú Thọ, tháng 08/2026');
    expect(card).toContain(`Tổng điểm: ${formatDecimal(province.total)}/100`);
    expect(await t.ask('điểm của tỉnh', STRANGER)).toContain('Chưa rõ tỉnh nào');
  });

  it('ranks the units of the kind asked, in the chat\'s province ("xếp hạng các sở")', async () => {
    const [best] = await t.app.database.query<{ name: string }>(
      `select u.name from results r join units u on u.id = r.unit_id where r.period = '2026-08' and u.kind = 'so-nganh' and r.rank = 1 order by u.name limit 1`,
    );
    const ranking = await t.ask('xếp hạng các sở ngành tháng 8', VIET_TRI_OFFICER);
    expect(ranking).toContain('Xếp hạng sở, ban, ngành – UBND tỉnh Phú Thọ, tháng 08/2026');
    expect(ranking).toContain(`1. ${best?.name ?? '?'}`);
    expect(ranking).not.toContain('UBND Phường Việt Trì');
    const photos = t.telegram.sentPhotos(VIET_TRI_OFFICER.id).length;
    expect(await t.deliver(textUpdate('biểu đồ xếp hạng các sở tháng 8', VIET_TRI_OFFICER))).toBe(200);
    const [chart] = t.telegram.sentPhotos(VIET_TRI_OFFICER.id).slice(photos);
    expect(chart?.caption).toContain('Xếp hạng sở, ban, ngành – UBND tỉnh Phú Thọ, tháng 08/2026');
  });

  it('compares two units side by side', async () => {
    const reply = await t.ask('so sánh Việt Trì với Nông Trang', STRANGER);
    expect(reply).toContain(formatDecimal(portalTotal(VIET_TRI)));
    expect(reply).toContain(formatDecimal(portalTotal(NONG_TRANG)));
    expect(reply).toContain('Tiến độ giải quyết');
  });
});

describe('asking instead of guessing', () => {
  it('asks which Phú Thọ, naming each with its parent, and answers the question once one is chosen', async () => {
    const reply = await t.ask('Phú Thọ tháng 8 được mấy điểm', STRANGER);
    expect(reply).toContain('khớp với nhiều đơn vị');
    expect(t.buttons(STRANGER).sort()).toEqual(['UBND Phường Phú Thọ (UBND tỉnh Phú Thọ)', 'UBND tỉnh Phú Thọ']);
    const answer = await t.tap('UBND Phường Phú Thọ (UBND tỉnh Phú Thọ)', STRANGER);
    expect(answer).toContain('UBND Phường Phú Thọ, tháng 08/2026');
    expect(answer).toContain(totalLine('UBND Phường Phú Thọ'));
  });

  it('offers the units a name of two to four letters may be the initials of, and answers the one chosen', async () => {
    expect(await t.ask('NT tháng 8 xếp thứ mấy', STRANGER)).toContain('Không tìm thấy đơn vị «NT». Có phải anh/chị muốn xem');
    expect(t.buttons(STRANGER)).toEqual(['UBND Phường Nông Trang (UBND tỉnh Phú Thọ)']);
    const own = await stored(NONG_TRANG);
    expect(await t.tap('UBND Phường Nông Trang (UBND tỉnh Phú Thọ)', STRANGER)).toContain(`${own.rank}/${own.rank_of}`);
    await t.ask('điểm HC', STRANGER);
    expect(t.buttons(STRANGER)).toEqual(expect.arrayContaining(['UBND xã Hy Cương (UBND tỉnh Phú Thọ)', 'UBND xã Hoàng Cương (UBND tỉnh Phú Thọ)']));
  });

  it('keeps the question asked through the choice: a rank stays a rank', async () => {
    await t.ask('Phú Thọ xếp thứ mấy', STRANGER);
    const own = await stored('UBND Phường Phú Thọ');
    expect(await t.tap('UBND Phường Phú Thọ (UBND tỉnh Phú Thọ)', STRANGER, 1)).toContain(`${own.rank}/${own.rank_of}`);
  });

  it('asks between communes of one name in two provinces', async () => {
    const sheet = ['Kỳ,Tên đơn vị,Đơn vị cấp trên,Tổng điểm', '2026-08,tỉnh Hưng Yên,,77', '2026-08,UBND xã Hy Cương,tỉnh Hưng Yên,81'].join('\n');
    const upload = await t.upload([{ fileName: 'hung-yen.csv', bytes: Buffer.from(sheet, 'utf8') }]);
    expect(upload.status).toBe(201);
    await t.ask('điểm Hy Cương', STRANGER);
    expect(t.buttons(STRANGER).sort()).toEqual(['UBND xã Hy Cương (UBND tỉnh Phú Thọ)', 'UBND xã Hy Cương (tỉnh Hưng Yên)']);
    expect(await t.tap('UBND xã Hy Cương (tỉnh Hưng Yên)', STRANGER)).toContain('81/100');
    // The parent named after the unit settles it.
    expect(await t.ask('điểm Hy Cương, Phú Thọ', STRANGER)).toContain(totalLine(HY_CUONG));
  });

  it('says when no unit fits, offering the nearest names', async () => {
    const reply = await t.ask('điểm xã Hi Kuong tháng 8', STRANGER);
    expect(reply).toContain('Không tìm thấy đơn vị «Hi Kuong»');
    expect(t.buttons(STRANGER)).toContain('UBND xã Hy Cương (UBND tỉnh Phú Thọ)');
    expect(await t.tap('UBND xã Hy Cương (UBND tỉnh Phú Thọ)', STRANGER, 1)).toContain(totalLine(HY_CUONG));
  });

  it('asks again rather than guess when a message names more units than one question holds', async () => {
    expect(await t.ask('điểm Việt Trì, Nông Trang, Hy Cương tháng 8', STRANGER)).toContain('Tin nhắn nêu 3 đơn vị');
  });

  it('answers the unit it knows and says which name fits none', async () => {
    const reply = await t.ask('điểm tháng 8 của Việt Trì và Hải Lăng', STRANGER);
    expect(reply).toContain(totalLine(VIET_TRI));
    expect(reply).toContain('Không tìm thấy đơn vị «Hải Lăng»');
  });

  it('never answers with another unit when the one named fits none', async () => {
    const reply = await t.ask('điểm phường Thủ Dầu Một tháng 8', VIET_TRI_OFFICER);
    expect(reply).toContain('Không tìm thấy đơn vị «Thủ Dầu Một»');
    expect(reply).not.toContain(VIET_TRI);
  });
});

describe('periods without data', () => {
  it('offers the nearest periods that have data, and answers the one tapped', async () => {
    const reply = await t.ask('điểm tháng chín Việt Trì', STRANGER);
    expect(reply).toContain('Chưa có kết quả tháng 9');
    expect(t.buttons(STRANGER)).toEqual(['tháng 08/2026']);
    const answer = await t.tap('tháng 08/2026', STRANGER, 0);
    expect(answer).toContain(`${VIET_TRI}, tháng 08/2026`);
    expect(answer).toContain(totalLine(VIET_TRI));
  });
});

describe('small talk', () => {
  it('greets back with examples, and answers thanks with a word, in a private chat', async () => {
    const greeted = await t.ask('chào bot', VIET_TRI_OFFICER);
    expect(greeted).toContain('Chào anh/chị!');
    expect(greeted).toContain('/huongdan');
    expect(await t.ask('cảm ơn bot nhé', VIET_TRI_OFFICER)).toBe('Dạ, anh/chị cần xem gì thêm cứ nhắn ạ.');
  });
});

describe('in a group', () => {
  it('keeps quiet on chatter and on questions in a group not linked to a unit, unless spoken to', async () => {
    expect(await t.say('hôm nay họp lúc 8 giờ nhé', UNLINKED_GROUP)).toEqual([]);
    expect(await t.say('Việt Trì tháng 8 được mấy điểm?', UNLINKED_GROUP)).toEqual([]);
    expect((await t.say('@chiso_test_bot Việt Trì tháng 8 được mấy điểm?', UNLINKED_GROUP)).join('\n')).toContain(totalLine(VIET_TRI));
  });

  it('answers a clear question in a linked group, but not a name or chatter said in passing', async () => {
    expect((await t.say('tháng 8 được mấy điểm?', LINKED_GROUP)).join('\n')).toContain(totalLine(VIET_TRI));
    expect(await t.say('Nông Trang', LINKED_GROUP)).toEqual([]);
    expect(await t.say('chiều nay anh em đi Nông Trang nhé', LINKED_GROUP)).toEqual([]);
    for (const chatter of ['Mất điện rồi', 'thấy chưa', 'Địa điểm họp ở đâu?', 'hôm nay mưa nhiều hơn', 'đất đai xã Hy Cương thế nào', 'có việc gì không', 'thôi', 'họp ngày 20/11 nhé', 'cảm ơn anh', 'chào cả nhà', 'đã xong nhiệm vụ 1']) {
      expect(await t.say(chatter, LINKED_GROUP)).toEqual([]);
    }
  });

  it('leaves a command meant for another bot to it', async () => {
    expect(await t.say('/diem@other_bot thang 8', LINKED_GROUP)).toEqual([]);
    expect((await t.say('/diem@chiso_test_bot thang 8', LINKED_GROUP)).join('\n')).toContain(totalLine(VIET_TRI));
  });
});

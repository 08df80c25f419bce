/**
 * Tasks through the chat: who may give them, who may report on them, the guided /giaoviec, the
 * buttons of /nhiemvu with who-and-when, notes, /tiendo, /quahan, a suggestion taken with one tap,
 * and the seed letter's four directives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { PORTAL_FILES } from '../helpers/samples.js';
import { callbackUpdate, type TestChat } from '../helpers/telegram-stand-in.js';

const PROVINCE_LEADER: TestChat = { id: 5554001, type: 'private' };
const VIET_TRI_OFFICER: TestChat = { id: 5554002, type: 'private' };
const VIET_TRI_LEADER: TestChat = { id: 5554003, type: 'private' };
const NONG_TRANG_OFFICER: TestChat = { id: 5554004, type: 'private' };

let t: TestApp;
// Thursday 24/09/2026, 10:00 in Hà Nội.
const clock = new Date('2026-09-24T03:00:00Z');

async function link(unit: string, role: string, chat: TestChat): Promise<void> {
  const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit, role });
  await t.ask(`/start ${invite.body.code}`, chat);
}

/** Every unit's status and note on a task, and how many events it has: what a report changes. */
async function taskState(id: string | undefined): Promise<unknown> {
  const assignees = await t.app.database.query('select unit_id, status, note from task_assignees where task_id = $1 order by unit_id', [Number(id)]);
  const [events] = await t.app.database.query<{ n: number }>('select count(*)::int as n from task_events where task_id = $1', [Number(id)]);
  return { assignees, events: events?.n };
}

/** Taps the button whose label is `label` on the last message to `chat` that has it; returns the answer. */
function tap(chat: TestChat, label: string, nth = 0): Promise<string> {
  return t.tap(label, chat, nth);
}

beforeAll(async () => {
  t = await startTestApp({ mode: 'webhook', now: () => clock });
  expect((await t.upload(PORTAL_FILES, '2026-08')).status).toBe(201);
  await link('UBND tỉnh Phú Thọ', 'leader', PROVINCE_LEADER);
  await link('H44.100', 'officer', VIET_TRI_OFFICER);
  await link('H44.100', 'leader', VIET_TRI_LEADER);
  await link('Nông Trang', 'officer', NONG_TRANG_OFFICER);
});

afterAll(async () => {
  await t?.stop();
});

describe('giving a task', () => {
  it('refuses /giaoviec to an officer, saying why', async () => {
    expect(await t.ask('/giaoviec', VIET_TRI_OFFICER)).toContain('Chỉ lãnh đạo hoặc quản trị của đơn vị giao việc được tạo');
  });

  it('walks a leader through title, units and a Vietnamese deadline', async () => {
    expect(await t.ask('/giaoviec', PROVINCE_LEADER)).toContain('Tên nhiệm vụ là gì?');
    expect(await t.ask('Rà soát hồ sơ quá hạn trên hệ thống một cửa', PROVINCE_LEADER)).toContain('Giao cho đơn vị nào?');
    expect(await t.ask('Việt Trì, Không Có Xã Này', PROVINCE_LEADER)).toContain('Không tìm thấy: Không Có Xã Này');
    expect(await t.ask('Việt Trì, Nông Trang', PROVINCE_LEADER)).toContain('Hạn hoàn thành?');
    expect(await t.ask('hôm qua', PROVINCE_LEADER)).toMatch(/Hạn «hôm qua» đã qua|Chưa hiểu hạn/);
    const done = await t.ask('thứ sáu tuần sau', PROVINCE_LEADER);
    expect(done).toMatch(/Đã giao nhiệm vụ #\d+ «Rà soát hồ sơ quá hạn trên hệ thống một cửa» cho 2 đơn vị \(UBND Phường Việt Trì, UBND Phường Nông Trang\), hạn 02\/10\/2026\./);
  });

  it('lets /huy end a conversation, and a command start another', async () => {
    await t.ask('/giaoviec', PROVINCE_LEADER);
    expect(await t.ask('/huy', PROVINCE_LEADER)).toContain('Đã thôi, không có gì thay đổi.');
    expect(await t.ask('/huy', PROVINCE_LEADER)).toContain('Không có việc gì đang dở để hủy.');
  });

  it('creates tasks through the admin API too, "all" meaning every unit under the giver', async () => {
    const { status, body } = await t.admin<{ id: number; deadline: string; assignees: string[] }>('POST', '/api/tasks', {
      title: 'Đẩy mạnh thanh toán trực tuyến phí, lệ phí',
      from: 'UBND tỉnh Phú Thọ',
      to: 'all',
      deadline: 'cuối tháng',
    });
    expect(status).toBe(201);
    expect(body.deadline).toBe('2026-09-30');
    expect(body.assignees).toHaveLength(163);
  });
});

describe('reporting on a task', () => {
  it('lists the open tasks nearest first, with buttons, and keeps who and when', async () => {
    const list = await t.ask('/nhiemvu', VIET_TRI_OFFICER);
    expect(list).toContain('Nhiệm vụ đang mở của UBND Phường Việt Trì (2)');
    expect(list.indexOf('Đẩy mạnh thanh toán trực tuyến')).toBeLessThan(list.indexOf('Rà soát hồ sơ quá hạn'));
    expect(list).toContain('Giao bởi UBND tỉnh Phú Thọ · hạn 30/09/2026 · chưa làm');
    expect(await tap(VIET_TRI_OFFICER, 'Đang làm', 1)).toMatch(/#\d+: đã ghi «đang làm» cho UBND Phường Việt Trì \(Nguyễn Văn An, 10:00 24\/09\/2026\)\./);
  });

  it("refuses an officer's update of another unit's part", async () => {
    const calls = t.telegram.callsOf('sendMessage').filter((c) => String(c.payload.chat_id) === String(VIET_TRI_OFFICER.id) && c.payload.reply_markup);
    const data = (calls.at(-1)?.payload.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard.flat()[1]?.callback_data ?? '';
    const before = t.telegram.sentTexts(NONG_TRANG_OFFICER.id).length;
    await t.deliver(callbackUpdate(data, 1, NONG_TRANG_OFFICER));
    expect(t.telegram.sentTexts(NONG_TRANG_OFFICER.id).slice(before).join('\n')).toContain('Anh/chị chỉ cập nhật được nhiệm vụ của đơn vị mình');
  });

  it('takes a note, and shows it with each unit’s status on /tiendo to the giver', async () => {
    await t.ask('/nhiemvu', VIET_TRI_OFFICER);
    expect(await tap(VIET_TRI_OFFICER, 'Ghi chú', 1)).toMatch(/Gõ ghi chú cho nhiệm vụ #\d+/);
    expect(await t.ask('Đã rà soát 623 hồ sơ quá hạn, còn 40 hồ sơ chờ bổ sung', VIET_TRI_OFFICER)).toMatch(/Đã lưu ghi chú cho nhiệm vụ #\d+/);
    const id = /#(\d+) Rà soát/.exec(await t.ask('/nhiemvu', VIET_TRI_OFFICER))?.[1];
    const progress = await t.ask(`/tiendo ${id}`, PROVINCE_LEADER);
    expect(progress).toContain('Hạn 02/10/2026: 0/2 đơn vị hoàn thành.');
    expect(progress).toContain('• UBND Phường Việt Trì: đang làm – Đã rà soát 623 hồ sơ quá hạn, còn 40 hồ sơ chờ bổ sung');
    expect(progress).toContain('• UBND Phường Nông Trang: chưa làm');
    const stranger: TestChat = { id: 5554009, type: 'private' };
    await link('Lâm Thao', 'officer', stranger);
    expect(await t.ask(`/tiendo ${id}`, stranger)).toContain(`Không có nhiệm vụ #${id} trong các nhiệm vụ đơn vị anh/chị giao hoặc được giao.`);
  });

  it('takes progress said in words for the chat\'s own unit, and answers a question about it without a change', async () => {
    const HY_CUONG_OFFICER: TestChat = { id: 5554012, type: 'private' };
    await link('Hy Cương', 'officer', HY_CUONG_OFFICER);
    const id = /#(\d+) Đẩy mạnh thanh toán/.exec(await t.ask('/nhiemvu', HY_CUONG_OFFICER))?.[1];
    const said = await t.ask(`nhiệm vụ ${id} đạt 70% rồi`, HY_CUONG_OFFICER);
    expect(said).toContain(`#${id}: đã ghi «đang làm» cho UBND xã Hy Cương`);
    expect(said).toContain(`Ghi chú: nhiệm vụ ${id} đạt 70% rồi`);
    // Asked, not said: the progress is shown and nothing changes.
    const before = await taskState(id);
    expect(await t.ask(`nhiệm vụ ${id} xong chưa?`, HY_CUONG_OFFICER)).toContain(`• UBND xã Hy Cương: đang làm – nhiệm vụ ${id} đạt 70% rồi`);
    expect(await taskState(id)).toEqual(before);
    // A task the chat's unit was not given: refused, nothing changed.
    const giver = /#(\d+) Rà soát/.exec(await t.ask('/nhiemvu', VIET_TRI_OFFICER))?.[1];
    const given = await taskState(giver);
    expect(await t.ask(`đã xong nhiệm vụ ${giver}`, HY_CUONG_OFFICER)).toMatch(/Không có nhiệm vụ|không giao cho đơn vị này/);
    expect(await taskState(giver)).toEqual(given);
    expect(await t.ask(`#${id} đang triển khai`, HY_CUONG_OFFICER)).toContain(`#${id}: đã ghi «đang làm» cho UBND xã Hy Cương`);
    // Done, which stops the reminders, is proposed and taken only with the button.
    const underWay = await taskState(id);
    const proposed = await t.ask(`đã xong nhiệm vụ ${id} anh nhé`, HY_CUONG_OFFICER);
    expect(proposed).toContain(`Ghi «hoàn thành» cho UBND xã Hy Cương ở nhiệm vụ #${id}`);
    expect(await taskState(id)).toEqual(underWay);
    expect(await tap(HY_CUONG_OFFICER, '✅ Hoàn thành')).toContain(`#${id}: đã ghi «hoàn thành» cho UBND xã Hy Cương`);
    expect(await t.ask(`/tiendo ${id}`, HY_CUONG_OFFICER)).toContain('• UBND xã Hy Cương: hoàn thành');
    expect(await t.ask(`nhiệm vụ ${id} xong rồi`, HY_CUONG_OFFICER)).toBe(`#${id}: UBND xã Hy Cương đã ghi «hoàn thành» trước đó.`);
  });

  it('drops a completed task from the list', async () => {
    await t.ask('/nhiemvu', NONG_TRANG_OFFICER);
    expect(await tap(NONG_TRANG_OFFICER, '✅ Hoàn thành', 1)).toContain('«hoàn thành» cho UBND Phường Nông Trang');
    expect(await t.ask('/nhiemvu', NONG_TRANG_OFFICER)).toContain('(1)');
  });
});

describe('changing and closing a task', () => {
  it('lets only the giver’s leaders move a deadline or close a task', async () => {
    const id = /#(\d+) Rà soát/.exec(await t.ask('/nhiemvu', VIET_TRI_OFFICER))?.[1];
    expect(await t.ask(`/doihan ${id} 9/10`, VIET_TRI_OFFICER)).toContain('Chỉ lãnh đạo hoặc quản trị của đơn vị đã giao nhiệm vụ này');
    expect(await t.ask(`/doihan ${id} 9/10`, PROVINCE_LEADER)).toContain(`Nhiệm vụ #${id} có hạn mới 09/10/2026`);
    expect(await t.ask(`/dongviec ${id}`, VIET_TRI_LEADER)).toContain('Chỉ lãnh đạo hoặc quản trị của đơn vị đã giao nhiệm vụ này');
    expect(await t.ask(`/dongviec ${id}`, PROVINCE_LEADER)).toContain(`Đã đóng nhiệm vụ #${id}`);
    expect(await t.ask('/nhiemvu', VIET_TRI_OFFICER)).not.toContain(`#${id} Rà soát hồ sơ quá hạn`);
    expect(await t.ask(`đã xong nhiệm vụ ${id}`, VIET_TRI_OFFICER)).toContain(`Nhiệm vụ #${id} «Rà soát hồ sơ quá hạn trên hệ thống một cửa» đã được đơn vị giao đóng lại`);
  });
});

describe('suggested tasks and letters', () => {
  it('lets a leader of the unit take a suggestion with one tap, not an officer', async () => {
    const [{ id: unitId } = { id: 0 }] = await t.app.database.query<{ id: number }>("select id from units where code = 'H44.100'");
    await t.deliver(callbackUpdate(`pub:tasks:${unitId}:2026-08`, 1, VIET_TRI_OFFICER));
    expect(await tap(VIET_TRI_OFFICER, 'Giao: Số hóa hồ sơ')).toContain('Chỉ lãnh đạo hoặc quản trị');
    await t.deliver(callbackUpdate(`pub:tasks:${unitId}:2026-08`, 1, VIET_TRI_LEADER));
    const accepted = await tap(VIET_TRI_LEADER, 'Giao: Số hóa hồ sơ');
    expect(accepted).toMatch(/Đã giao nhiệm vụ #\d+ «Số hóa đầy đủ thành phần hồ sơ và kết quả giải quyết; tái sử dụng dữ liệu số hóa\.» cho UBND Phường Việt Trì, hạn 31\/10\/2026\./);
    expect(await tap(VIET_TRI_LEADER, 'Giao: Số hóa hồ sơ')).toBe(accepted);
  });

  it('turns the seed letter’s four directives into tasks of thị xã Mỹ Hào, once', async () => {
    await t.admin('POST', '/api/demo');
    await t.admin('POST', '/api/demo');
    const rows = await t.app.database.query<{ title: string; deadline: string }>("select title, deadline from tasks where source = 'letter' order by id");
    expect(rows).toHaveLength(4);
    expect(rows[3]).toEqual({ title: 'Giao Văn phòng HĐND và UBND thị xã công khai kết quả trên Cổng Thông tin điện tử thị xã', deadline: '2025-03-31' });
    const officer: TestChat = { id: 5554010, type: 'private' };
    await link('Mỹ Hào', 'officer', officer);
    const list = await t.ask('/nhiemvu', officer);
    expect(list).toContain('Nhiệm vụ đang mở của thị xã Mỹ Hào (4)');
    expect(list).toContain('⏰ quá hạn từ 31/03/2025');
    const leader: TestChat = { id: 5554011, type: 'private' };
    await link('Mỹ Hào', 'leader', leader);
    expect(await t.ask('/quahan', leader)).toMatch(/• thị xã Mỹ Hào: 4 nhiệm vụ \(#\d+, #\d+, #\d+, #\d+\)/);
  });
});

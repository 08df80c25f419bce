/**
 * Who may give a task to whom, through both doors (chat and admin API), and what a chat is told
 * about a task it has no part in: a district gives only to itself and the units under it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import type { TestChat } from '../helpers/telegram-stand-in.js';
import { plantTree, TREE } from '../helpers/tree.js';

let t: TestApp;
// Thursday 24/09/2026, 10:00 in Hà Nội.
const clock = new Date('2026-09-24T03:00:00Z');

const DISTRICT = 'Z90.1';
const TARGETS = { self: 'Z90.1', child: 'Z90.1.1', sibling: 'Z90.2', parent: 'Z90', 'other tree': 'Z91' } as const;
const ALLOWED = new Set(['self', 'child']);
const CHATS: Record<'officer' | 'leader' | 'admin', TestChat> = {
  officer: { id: 5557001, type: 'private' },
  leader: { id: 5557002, type: 'private' },
  admin: { id: 5557003, type: 'private' },
};
const COMMUNE_OFFICER: TestChat = { id: 5557004, type: 'private' };
const SIBLING_LEADER: TestChat = { id: 5557005, type: 'private' };
const UNREGISTERED: TestChat = { id: 5557006, type: 'private' };

async function link(unit: string, role: string, chat: TestChat): Promise<void> {
  const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit, role });
  expect(await t.ask(`/start ${invite.body.code}`, chat)).toContain('Đã đăng ký');
}

async function tasksGivenBy(code: string): Promise<number> {
  const [row] = await t.app.database.query<{ n: number }>('select count(*)::int as n from tasks where assigning_unit_id = (select id from units where code = $1)', [code]);
  return row?.n ?? -1;
}

beforeAll(async () => {
  t = await startTestApp({ mode: 'webhook', now: () => clock });
  await plantTree(t);
  for (const [role, chat] of Object.entries(CHATS)) await link(DISTRICT, role, chat);
  await link('Z90.1.1', 'officer', COMMUNE_OFFICER);
  await link('Z90.2', 'leader', SIBLING_LEADER);
});

afterAll(async () => {
  await t?.stop();
});

const matrix = (['officer', 'leader', 'admin'] as const).flatMap((role) => Object.entries(TARGETS).map(([target, code]) => [role, target, code] as const));

describe('giving a task in chat (/giaoviec), by role of the district × target', () => {
  it.each(matrix)('%s → %s', async (role, target, code) => {
    const chat = CHATS[role];
    const before = await tasksGivenBy(DISTRICT);
    const start = await t.ask('/giaoviec', chat);
    if (role === 'officer') {
      expect(start).toContain('Chỉ lãnh đạo hoặc quản trị của đơn vị giao việc được tạo');
      expect(await tasksGivenBy(DISTRICT)).toBe(before);
      return;
    }
    expect(start).toContain('Tên nhiệm vụ là gì?');
    await t.ask(`Rà soát hồ sơ (${role} → ${target})`, chat);
    const units = await t.ask(code, chat);
    if (ALLOWED.has(target)) {
      expect(units).toContain('Hạn hoàn thành?');
      expect(await t.ask('cuối tháng', chat)).toContain(`cho 1 đơn vị (${TREE[code]?.[0]}), hạn 30/09/2026`);
      expect(await tasksGivenBy(DISTRICT)).toBe(before + 1);
    } else {
      expect(units).toContain(`UBND huyện Bình Thử chỉ giao nhiệm vụ cho chính đơn vị mình và các đơn vị trực thuộc; không giao được cho: ${TREE[code]?.[0]}.`);
      expect(await t.ask('/huy', chat)).toContain('Đã thôi');
      expect(await tasksGivenBy(DISTRICT)).toBe(before);
    }
  });

  it('refuses a list with one unit outside the tree, naming it, and gives nothing', async () => {
    const before = await tasksGivenBy(DISTRICT);
    await t.ask('/giaoviec', CHATS.leader);
    await t.ask('Báo cáo số hóa', CHATS.leader);
    expect(await t.ask('Z90.1.1, Z90, Z91', CHATS.leader)).toContain('không giao được cho: UBND tỉnh An Thử, UBND tỉnh Ê Thử.');
    await t.ask('/huy', CHATS.leader);
    expect(await tasksGivenBy(DISTRICT)).toBe(before);
  });

  it('takes a name the country has twice as the unit of its own tree', async () => {
    await t.app.database.query(
      "insert into units (code, name, name_key, kind, parent_id) select 'Z91.9', name, name_key, kind, (select id from units where code = 'Z91') from units where code = 'Z90.1.1'",
    );
    try {
      const before = await tasksGivenBy(DISTRICT);
      await t.ask('/giaoviec', CHATS.leader);
      await t.ask('Cập nhật hồ sơ', CHATS.leader);
      expect(await t.ask('Cam Thử', CHATS.leader)).toContain('Hạn hoàn thành?');
      expect(await t.ask('cuối tháng', CHATS.leader)).toContain('cho 1 đơn vị (UBND xã Cam Thử)');
      expect(await tasksGivenBy(DISTRICT)).toBe(before + 1);
    } finally {
      await t.app.database.query("delete from units where code = 'Z91.9'");
    }
  });
});

describe('giving a task through the admin API (POST /api/tasks from the district) × target', () => {
  it.each(Object.entries(TARGETS))('→ %s', async (target, code) => {
    const before = await tasksGivenBy(DISTRICT);
    const { status, body } = await t.admin<{ error?: string; assignees?: string[] }>('POST', '/api/tasks', { title: `API → ${target}`, from: DISTRICT, to: [code], deadline: 'cuối tháng' });
    if (ALLOWED.has(target)) {
      expect(status).toBe(201);
      expect(body.assignees).toEqual([TREE[code]?.[0]]);
      expect(await tasksGivenBy(DISTRICT)).toBe(before + 1);
    } else {
      expect(status).toBe(403);
      expect(body.error).toBe(`UBND huyện Bình Thử chỉ giao nhiệm vụ cho chính đơn vị mình và các đơn vị trực thuộc; không giao được cho: ${TREE[code]?.[0]}.`);
      expect(await tasksGivenBy(DISTRICT)).toBe(before);
    }
  });

  it('lets the province give to a grandchild, and "all" mean its own children', async () => {
    expect((await t.admin('POST', '/api/tasks', { title: 'Xuống hai cấp', from: 'Z90', to: ['Z90.1.1'], deadline: 'cuối tháng' })).status).toBe(201);
    const all = await t.admin<{ assignees: string[] }>('POST', '/api/tasks', { title: 'Cho tất cả', from: 'Z90', to: 'all', deadline: 'cuối tháng' });
    expect(all.body.assignees.sort()).toEqual(['UBND huyện Bình Thử', 'UBND huyện Dung Thử']);
  });
});

describe('what a chat is told about a task it has no part in', () => {
  let id = 0;
  beforeAll(async () => {
    id = (await t.admin<{ id: number }>('POST', '/api/tasks', { title: 'Công khai kết quả', from: DISTRICT, to: ['Z90.1.1'], deadline: 'cuối tháng' })).body.id;
  });

  it('tells an unregistered chat to register, not that only leaders may change the task (item 14)', async () => {
    const answer = await t.ask(`/tiendo ${id}`, UNREGISTERED);
    expect(answer).toContain('Cuộc trò chuyện này chưa gắn với đơn vị nào');
    expect(answer).not.toContain('Chỉ lãnh đạo');
  });

  it('shows the progress to the giver and to the assigned unit', async () => {
    expect(await t.ask(`/tiendo ${id}`, CHATS.officer)).toContain(`Tiến độ nhiệm vụ #${id}: Công khai kết quả`);
    expect(await t.ask(`/tiendo ${id}`, COMMUNE_OFFICER)).toContain('• UBND xã Cam Thử: chưa làm');
  });

  it('answers another unit’s task exactly as a task that does not exist (item 15)', async () => {
    const missing = id + 1000;
    const same = (text: string, n: number) => text.replaceAll(`#${n}`, '#N');
    for (const command of ['/tiendo', '/dongviec']) {
      const other = await t.ask(`${command} ${id}`, SIBLING_LEADER);
      expect(other).toContain(`Không có nhiệm vụ #${id}`);
      expect(same(other, id)).toBe(same(await t.ask(`${command} ${missing}`, SIBLING_LEADER), missing));
    }
    expect(same(await t.ask(`/doihan ${id} 9/10`, SIBLING_LEADER), id)).toBe(same(await t.ask(`/doihan ${missing} 9/10`, SIBLING_LEADER), missing));
    expect(await t.ask(`/tiendo ${id}`, CHATS.officer)).toContain('Hạn 30/09/2026');
  });
});

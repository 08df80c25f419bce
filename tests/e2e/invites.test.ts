/**
 * Invite codes against guessing (item 15): a chat that types wrong codes waits, across a restart
 * (the count is in the database), and is told until when; the invite's text states the rules;
 * zero-width characters pasted into a message do not hide a unit or a code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import type { TestChat } from '../helpers/telegram-stand-in.js';
import { plantTree } from '../helpers/tree.js';

let t: TestApp;
// Thursday 24/09/2026, 10:00 in Hà Nội.
let clock = new Date('2026-09-24T03:00:00Z');
const GUESSER: TestChat = { id: 5559001, type: 'private' };
const NEIGHBOUR: TestChat = { id: 5559002, type: 'private' };
const PASTER: TestChat = { id: 5559003, type: 'private' };

async function invite(role: string): Promise<{ code: string; maxUses: number | null; text: string }> {
  const { status, body } = await t.admin<{ code: string; maxUses: number | null; text: string }>('POST', '/api/invites', { unit: 'Z90.1', role });
  expect(status).toBe(201);
  return body;
}

beforeAll(async () => {
  t = await startTestApp({ mode: 'webhook', now: () => clock });
  await plantTree(t);
});

afterAll(async () => {
  await t?.stop();
});

describe('wrong invite codes from one chat', () => {
  it('are answered as wrong five times, then the chat waits 15 minutes, even with a right code', async () => {
    const leader = await invite('leader');
    for (let i = 0; i < 5; i++) expect(await t.ask(`/start WRONG00${i}`, GUESSER)).toContain(`Mã mời «WRONG00${i}» không đúng`);
    const held = await t.ask(`/start ${leader.code}`, GUESSER);
    expect(held).toContain('Cuộc trò chuyện này đã gõ sai mã mời 5 lần trong 15 phút: anh/chị thử lại từ 10:15 24/09/2026 (giờ Việt Nam)');
    expect(held).not.toContain('Đã đăng ký');

    await t.restart();
    expect(await t.ask(`/dangky ${leader.code}`, GUESSER)).toContain('thử lại từ 10:15 24/09/2026');
    expect(await t.ask('/start WRONG009', NEIGHBOUR)).toContain('Mã mời «WRONG009» không đúng');

    clock = new Date('2026-09-24T03:15:00Z');
    expect(await t.ask(`/start ${leader.code}`, GUESSER)).toContain('Đã đăng ký: cuộc trò chuyện này gắn với UBND huyện Bình Thử, vai trò lãnh đạo.');
  });

  it('count afresh after a code is accepted', async () => {
    expect(await t.ask('/start WRONG010', GUESSER)).toContain('không đúng');
  });
});

describe('the text an admin gets with an invite', () => {
  it('states the length, lifetime and uses, and the defaults by role', async () => {
    const officer = await invite('officer');
    const leader = await invite('leader');
    expect(officer.code).toMatch(/^[A-Z2-9]{8}$/);
    expect([officer.maxUses, leader.maxUses]).toEqual([null, 1]);
    expect(officer.text).toContain('Hiệu lực đến 10:15 24/10/2026, dùng được nhiều lần.');
    expect(leader.text).toContain('dùng được 1 lần.');
    for (const text of [officer.text, leader.text]) {
      expect(text).toContain('Mã mời gồm 8 ký tự');
      expect(text).toContain('mặc định có hiệu lực 30 ngày');
      expect(text).toContain('mã của công chức dùng được nhiều lần');
      expect(text).toContain('mã của lãnh đạo và quản trị chỉ dùng được một lần');
    }
  });
});

describe('zero-width characters in a message', () => {
  it('do not break an invite code', async () => {
    const { code } = await invite('officer');
    const hidden = `${code.slice(0, 3)}\u200B${code.slice(3, 6)}\u2060${code.slice(6)}\uFEFF`;
    expect(await t.ask(`/start ${hidden}`, PASTER)).toContain('gắn với UBND huyện Bình Thử');
  });

  it('do not break a unit’s name or code', async () => {
    for (const name of ['Cam\u200B Th\u200Cử', 'C\u200Dam Thử', 'Z90.\u200B1.1', '\uFEFFxã Cam Thử']) {
      const answer = await t.ask(`/diem ${name}`, PASTER);
      expect(answer).toContain('UBND xã Cam Thử');
      expect(answer).not.toContain('Không tìm thấy đơn vị');
    }
  });
});

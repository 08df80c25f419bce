/**
 * The per-chat rate limit through the webhooks, on Telegram and Zalo alike: 20 updates of a chat in
 * a window are answered, the 21st is told once to wait, the rest are dropped, other chats and group
 * chatter are left alone, and a controlled clock lets the window pass without sleeping.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { METRICS_TOKEN, scrape, value } from '../helpers/metrics.js';
import type { TestChat } from '../helpers/telegram-stand-in.js';
import { ZaloBotStandIn, zaloTextEvent, type ZaloTestChat } from '../helpers/zalo-bot-stand-in.js';

describe('a per-chat rate limit', () => {
  const NOISY: TestChat = { id: -1005557101, type: 'group', title: 'Nhóm ồn ào' };
  const QUIET: TestChat = { id: 5557102, type: 'private' };
  const ZALO_NOISY: ZaloTestChat = { id: '7e4a2b0000000001', type: 'PRIVATE' };
  const ZALO_SECRET = 'zalo-bot-test-secret_01';
  const NOTICE = 'Anh/chị gửi nhanh quá, vui lòng đợi';
  let clock = new Date('2026-09-29T03:00:00Z');
  let zalo: ZaloBotStandIn;
  let t: TestApp;

  beforeAll(async () => {
    zalo = await new ZaloBotStandIn().start();
    t = await startTestApp({
      mode: 'webhook',
      now: () => clock,
      env: { METRICS_TOKEN, CHAT_RATE_LIMIT: '20', CHAT_RATE_WINDOW_SECONDS: '60', ZALO_BOT_TOKEN: '12345689:test-token', ZALO_BOT_API_ROOT: zalo.url, ZALO_BOT_WEBHOOK_SECRET: ZALO_SECRET },
    });
  });
  afterAll(async () => {
    await t?.stop();
    await zalo?.stop();
  });

  const advance = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));

  it('answers 20 updates of a chat in a window, tells the 21st once to wait, drops the 22nd, and leaves other chats alone', async () => {
    // Chatter the bot only reads is not counted: a lively group keeps its 20 commands.
    for (let i = 1; i <= 25; i++) expect(await t.say(`Chào cả nhà, tin nhắn ${i}`, NOISY)).toEqual([]);
    for (let i = 1; i <= 20; i++) expect(await t.say('/huongdan@chiso_test_bot', NOISY), `message ${i}`).not.toHaveLength(0);
    expect(await t.say('/huongdan@chiso_test_bot', NOISY)).toEqual([`${NOTICE} 60 giây rồi thử lại.`]);
    expect(await t.say('/huongdan@chiso_test_bot', NOISY)).toEqual([]);
    expect(await t.ask('/huongdan', QUIET)).toContain('/diem');

    advance(45);
    expect(await t.say('/huongdan@chiso_test_bot', NOISY)).toEqual([]);
    advance(15);
    expect(await t.ask('/huongdan@chiso_test_bot', NOISY)).toContain('/diem');

    const samples = await scrape(t);
    expect(value(samples, 'chiso_rate_limited_total', { channel: 'telegram', action: 'told' })).toBe(1);
    expect(value(samples, 'chiso_rate_limited_total', { channel: 'telegram', action: 'dropped' })).toBe(2);
  });

  it('holds on Zalo as well, with the seconds left in the window', async () => {
    const zsay = async (text: string) => {
      const before = zalo.sentTexts(ZALO_NOISY.id).length;
      const response = await fetch(`${t.app.url}/zalo/bot/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': ZALO_SECRET },
        body: JSON.stringify(zaloTextEvent(text, ZALO_NOISY)),
      });
      expect(response.status).toBe(200);
      return zalo.sentTexts(ZALO_NOISY.id).slice(before);
    };
    for (let i = 1; i <= 20; i++) {
      expect(await zsay('/huongdan'), `message ${i}`).not.toHaveLength(0);
      if (i === 10) advance(20);
    }
    expect(await zsay('/huongdan')).toEqual([`${NOTICE} 40 giây rồi thử lại.`]);
    expect(await zsay('/huongdan')).toEqual([]);
    advance(40);
    expect((await zsay('/huongdan')).join('\n')).toContain('/diem');
    const samples = await scrape(t);
    expect(value(samples, 'chiso_rate_limited_total', { channel: 'zalo-bot', action: 'told' })).toBe(1);
    expect(value(samples, 'chiso_rate_limited_total', { channel: 'zalo-bot', action: 'dropped' })).toBe(1);
  });
});

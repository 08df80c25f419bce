/** The per-chat rate limit on its own: fixed windows, told once, and memory that stays bounded. */
import { describe, expect, it } from 'vitest';
import { ChatRateLimit } from '../../src/channels/chat-rate-limit.js';

function limiter(updates: number, windowSeconds: number, maxChats?: number) {
  let now = 1_000_000;
  const limit = new ChatRateLimit({ updates, windowSeconds }, () => now, maxChats);
  return { limit, advance: (ms: number) => (now += ms) };
}

describe('ChatRateLimit', () => {
  it('lets N updates through in a window, tells the next once with the seconds left, drops the rest until the window ends', () => {
    const { limit, advance } = limiter(3, 60);
    expect([1, 2, 3].map(() => limit.take('telegram:1').kind)).toEqual(['go', 'go', 'go']);
    advance(20_500);
    expect(limit.take('telegram:1')).toEqual({ kind: 'tell', seconds: 40 });
    expect(limit.take('telegram:1')).toEqual({ kind: 'drop' });
    expect(limit.take('telegram:2')).toEqual({ kind: 'go' });
    advance(39_499);
    expect(limit.take('telegram:1')).toEqual({ kind: 'drop' });
    advance(1);
    expect(limit.take('telegram:1')).toEqual({ kind: 'go' });
  });

  it('is off at 0', () => {
    const { limit } = limiter(0, 60);
    for (let i = 0; i < 1000; i++) expect(limit.take('telegram:1').kind).toBe('go');
    expect(limit.size).toBe(0);
  });

  it('forgets chats whose window ended', () => {
    const { limit, advance } = limiter(20, 60);
    for (let i = 0; i < 5000; i++) limit.take(`zalo-bot:${i}`);
    expect(limit.size).toBe(5000);
    advance(30_000);
    limit.take('zalo-bot:late');
    expect(limit.size).toBe(5001);
    advance(30_000);
    limit.take('zalo-bot:later');
    // The 5000 windows opened a minute ago are gone; the one opened 30 s ago stays.
    expect(limit.size).toBe(2);
  });

  it('keeps at most maxChats, the oldest windows going first', () => {
    const { limit, advance } = limiter(1, 60, 100);
    for (let i = 0; i < 1000; i++) {
      limit.take(`telegram:${i}`);
      advance(1);
    }
    expect(limit.size).toBe(100);
    // A chat still held is still limited; a forgotten one starts afresh.
    expect(limit.take('telegram:999').kind).toBe('tell');
    expect(limit.take('telegram:0').kind).toBe('go');
  });
});

/**
 * At most N updates per chat in a window (20 a minute by default), so that one noisy group cannot
 * slow everyone: the first update over the limit is answered once with how long to wait, the rest
 * are dropped until the window ends. Channel-neutral (keyed by channel and chat), applied in the
 * shared update handling before any database work, so Telegram, Zalo Bot and Zalo OA all get it.
 *
 * Fixed windows, counted in memory by each instance: a chat's window opens with its first update and
 * ends `windowSeconds` later. Windows are kept in the order they opened, so those that ended are
 * forgotten from the front as time passes, and at most `maxChats` are kept (the oldest go first):
 * memory stays bounded however many chats write.
 */

export interface ChatRateLimitSettings {
  /** Updates a chat may send in a window; 0 turns the limit off. */
  updates: number;
  windowSeconds: number;
}

export const DEFAULT_CHAT_RATE_LIMIT: ChatRateLimitSettings = { updates: 20, windowSeconds: 60 };

/** go: handle it; tell: the first one over the limit, answered with the seconds left to wait; drop: ignore it. */
export type RateVerdict = { kind: 'go' } | { kind: 'tell'; seconds: number } | { kind: 'drop' };

interface Window {
  opened: number;
  count: number;
}

const GO: RateVerdict = { kind: 'go' };
const DROP: RateVerdict = { kind: 'drop' };

export class ChatRateLimit {
  private readonly windows = new Map<string, Window>();
  private readonly windowMs: number;

  constructor(
    private readonly settings: ChatRateLimitSettings,
    private readonly clock: () => number = Date.now,
    private readonly maxChats = 100_000,
  ) {
    this.windowMs = settings.windowSeconds * 1000;
  }

  /** Counts an update of `chat` and says what to do with it. */
  take(chat: string): RateVerdict {
    if (this.settings.updates <= 0) return GO;
    const now = this.clock();
    this.forgetEnded(now);
    let window = this.windows.get(chat);
    if (!window || now - window.opened >= this.windowMs) {
      // Taken out and put back, so the map stays in the order windows opened.
      this.windows.delete(chat);
      window = { opened: now, count: 0 };
      this.windows.set(chat, window);
      if (this.windows.size > this.maxChats) this.windows.delete(this.windows.keys().next().value as string);
    }
    window.count += 1;
    if (window.count <= this.settings.updates) return GO;
    if (window.count === this.settings.updates + 1) return { kind: 'tell', seconds: Math.max(1, Math.ceil((window.opened + this.windowMs - now) / 1000)) };
    return DROP;
  }

  /** Chats whose window is open (for tests of the memory bound). */
  get size(): number {
    return this.windows.size;
  }

  private forgetEnded(now: number): void {
    for (const [chat, window] of this.windows) {
      if (now - window.opened < this.windowMs) return;
      this.windows.delete(chat);
    }
  }
}

/**
 * Keeps sends under a channel's limits: an even gap between any two messages (30/s on Telegram),
 * a longer one between two to the same chat, and a full stop when the channel says to wait.
 */
export class Pace {
  private nextAny = 0;
  private readonly nextForChat = new Map<string, number>();

  constructor(
    private readonly perSecond: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Resolves when a message to `chat` may go; reserves that moment. */
  async take(chat: string, perChatMs: number): Promise<void> {
    const now = this.clock();
    const at = Math.max(now, this.nextAny, this.nextForChat.get(chat) ?? 0);
    this.nextAny = at + 1000 / this.perSecond;
    this.nextForChat.set(chat, at + perChatMs);
    if (this.nextForChat.size > 50_000) this.forgetPast(now);
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  /** The channel asked for a pause (429 retry_after): nothing goes before it ends. */
  pause(seconds: number): void {
    this.nextAny = Math.max(this.nextAny, this.clock() + seconds * 1000);
  }

  private forgetPast(now: number): void {
    for (const [chat, at] of this.nextForChat) if (at < now) this.nextForChat.delete(chat);
  }
}

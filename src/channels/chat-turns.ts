/**
 * One message of a chat at a time, in the order they came, across instances. Within a process the
 * chat's messages wait in line; across processes a lease row in `chat_turns` says whose turn it is.
 * A lease is renewed while the work goes on, so only a holder that died lets it run out.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { ChatAddress } from '../db/chats.js';
import type { Db } from '../db/client.js';
import { chatTurns } from '../db/schema.js';

export type ChatKey = Pick<ChatAddress, 'channel' | 'externalId'>;

export interface ChatTurnOptions {
  leaseSeconds: number;
  /** The first and the longest wait between two looks at a turn another instance holds. */
  pollMs: { first: number; longest: number };
}

const DEFAULT_OPTIONS: ChatTurnOptions = { leaseSeconds: 30, pollMs: { first: 20, longest: 500 } };

export class ChatTurns {
  private readonly instance = randomUUID();
  private taken = 0;
  private readonly lines = new Map<string, Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly options: ChatTurnOptions = DEFAULT_OPTIONS,
  ) {}

  async run<T>(chat: ChatKey, work: () => Promise<T>): Promise<T> {
    const key = `${chat.channel}:${chat.externalId}`;
    const ahead = this.lines.get(key) ?? Promise.resolve();
    let leave!: () => void;
    const left = new Promise<void>((resolve) => (leave = resolve));
    const mine = ahead.then(() => left);
    this.lines.set(key, mine);
    await ahead;
    try {
      return await this.hold(chat, work);
    } finally {
      leave();
      if (this.lines.get(key) === mine) this.lines.delete(key);
    }
  }

  private async hold<T>(chat: ChatKey, work: () => Promise<T>): Promise<T> {
    const holder = `${this.instance}:${++this.taken}`;
    let wait = this.options.pollMs.first;
    while (!(await this.take(chat, holder))) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(wait * 2, this.options.pollMs.longest);
    }
    const renewal = setInterval(() => void this.renew(chat, holder).catch(() => undefined), (this.options.leaseSeconds * 1000) / 3);
    renewal.unref();
    try {
      return await work();
    } finally {
      clearInterval(renewal);
      // The work is over either way; a turn not given back (the database away) ends with its lease.
      await this.db
        .delete(chatTurns)
        .where(and(this.rowOf(chat), eq(chatTurns.holder, holder)))
        .catch(() => undefined);
    }
  }

  /** Takes the turn if nobody holds it or its holder's lease ran out. */
  private async take(chat: ChatKey, holder: string): Promise<boolean> {
    const rows = await this.db
      .insert(chatTurns)
      .values({ channel: chat.channel, externalId: chat.externalId, holder, leaseUntil: this.leaseEnd() })
      .onConflictDoUpdate({
        target: [chatTurns.channel, chatTurns.externalId],
        set: { holder, leaseUntil: this.leaseEnd() },
        setWhere: sql`${chatTurns.leaseUntil} < now()`,
      })
      .returning({ holder: chatTurns.holder });
    return rows.length > 0;
  }

  private async renew(chat: ChatKey, holder: string): Promise<void> {
    await this.db.update(chatTurns).set({ leaseUntil: this.leaseEnd() }).where(and(this.rowOf(chat), eq(chatTurns.holder, holder)));
  }

  private leaseEnd() {
    return sql`now() + make_interval(secs => ${this.options.leaseSeconds})`;
  }

  private rowOf(chat: ChatKey) {
    return and(eq(chatTurns.channel, chat.channel), eq(chatTurns.externalId, chat.externalId));
  }
}

/**
 * One message of a chat at a time, in the order they came, across instances. Within a process the
 * chat's messages wait in line; across processes a lease row in `chat_turns` says whose turn it is.
 * A lease is renewed while the work goes on, so only a holder that died lets it run out. A turn given
 * back keeps its row, without a holder and its lease ending at the moment it was given back.
 *
 * An update's turn (`runUpdate`) costs two statements around the work: one takes the turn, claims the
 * update and reads what the chat's answer needs first (db/chat-context.ts); one records how the
 * update went and gives the turn back.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { chatContextColumns, chatContextOf, type ChatContext, type ChatContextColumns } from '../db/chat-context.js';
import type { ChatAddress } from '../db/chats.js';
import type { Db } from '../db/client.js';
import { rowsOf } from '../db/json-rows.js';
import { claimFrom, finishing, type UpdateRef } from '../db/processed-updates.js';
import { chatTurns } from '../db/schema.js';

export type ChatKey = Pick<ChatAddress, 'channel' | 'externalId'>;

/** An update to handle in its chat's turn, once. */
export interface TurnUpdate {
  ref: UpdateRef;
  /** Kept until it is done, so that an unfinished update can be handled again. */
  payload: unknown;
}

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
    return this.inLine(chat, async () => {
      const holder = this.nextHolder();
      await this.waitFor(() => this.take(chat, holder));
      return this.holding(chat, holder, async () => {
        try {
          return await work();
        } finally {
          // The work is over either way; a turn not given back (the database away) ends with its lease.
          await this.giveBack(chat, holder).catch(() => undefined);
        }
      });
    });
  }

  /**
   * Handles an update in its chat's turn unless it was handled already (or failed too often): `work` gets
   * what the chat's answer reads first, read as the turn was taken. The update is then recorded done, or
   * failed when `work` throws (and the error goes on), as the turn is given back.
   */
  async runUpdate(chat: ChatKey, update: TurnUpdate, work: (known: ChatContext) => Promise<void>): Promise<void> {
    await this.inLine(chat, async () => {
      const holder = this.nextHolder();
      const opened = await this.waitFor(() => this.takeClaiming(chat, holder, update));
      await this.holding(chat, holder, async () => {
        if (opened.attempt === null) {
          await this.giveBack(chat, holder).catch(() => undefined);
          return;
        }
        try {
          await work(opened.known);
        } catch (error) {
          await this.giveBack(chat, holder, finishing(update.ref, 'failed'));
          throw error;
        }
        await this.giveBack(chat, holder, finishing(update.ref, 'done'));
      });
    });
  }

  /** Waits for the chat's messages ahead of this one in this process. */
  private async inLine<T>(chat: ChatKey, work: () => Promise<T>): Promise<T> {
    const key = `${chat.channel}:${chat.externalId}`;
    const ahead = this.lines.get(key) ?? Promise.resolve();
    let leave!: () => void;
    const left = new Promise<void>((resolve) => (leave = resolve));
    const mine = ahead.then(() => left);
    this.lines.set(key, mine);
    await ahead;
    try {
      return await work();
    } finally {
      leave();
      if (this.lines.get(key) === mine) this.lines.delete(key);
    }
  }

  private nextHolder(): string {
    return `${this.instance}:${++this.taken}`;
  }

  /** Tries until the turn is taken (another instance holds it meanwhile). */
  private async waitFor<R>(attempt: () => Promise<R | null>): Promise<R> {
    let wait = this.options.pollMs.first;
    for (;;) {
      const taken = await attempt();
      if (taken !== null) return taken;
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(wait * 2, this.options.pollMs.longest);
    }
  }

  /** The work, with the lease renewed while it goes on. */
  private async holding<T>(chat: ChatKey, holder: string, work: () => Promise<T>): Promise<T> {
    const renewal = setInterval(() => void this.renew(chat, holder).catch(() => undefined), (this.options.leaseSeconds * 1000) / 3);
    renewal.unref();
    try {
      return await work();
    } finally {
      clearInterval(renewal);
    }
  }

  /**
   * Takes the turn if nobody holds it: no row, or a lease that ended before this statement began. A turn
   * given back at this very moment is not taken yet (its lease ends after `now()`): what its holder
   * wrote may be newer than this statement's snapshot, which `takeClaiming` reads the chat from.
   */
  private takeTurn(chat: ChatKey, holder: string): SQL {
    return sql`insert into ${chatTurns} (channel, external_id, holder, lease_until)
      values (${chat.channel}, ${chat.externalId}, ${holder}, ${this.leaseEnd()})
      on conflict (channel, external_id) do update set holder = excluded.holder, lease_until = excluded.lease_until
      where ${chatTurns.leaseUntil} < now()
      returning 1`;
  }

  private async take(chat: ChatKey, holder: string): Promise<true | null> {
    const [row] = await rowsOf<{ taken: boolean }>(this.db, sql`with turn as (${this.takeTurn(chat, holder)}) select exists (select 1 from turn) as taken`);
    return row?.taken ? true : null;
  }

  /** Takes the turn, claims the update and reads the chat, in one statement; null when another holds the turn. */
  private async takeClaiming(chat: ChatKey, holder: string, update: TurnUpdate): Promise<{ attempt: number | null; known: ChatContext } | null> {
    const [row] = await rowsOf<{ taken: boolean; attempt: number | null } & ChatContextColumns>(
      this.db,
      sql`with turn as (${this.takeTurn(chat, holder)}), claim as (${claimFrom('turn', update.ref, update.payload)})
        select exists (select 1 from turn) as taken, (select attempts from claim) as attempt, ${chatContextColumns(chat)}`,
    );
    if (!row?.taken) return null;
    return { attempt: row.attempt ?? null, known: chatContextOf(row) };
  }

  /**
   * Ends the lease now, and the holder with it (a renewal on its way finds nothing to renew); `also`, a
   * statement to run with it (recording the update's outcome).
   */
  private async giveBack(chat: ChatKey, holder: string, also?: SQL): Promise<void> {
    const release = sql`update ${chatTurns} set holder = '', lease_until = clock_timestamp() where ${and(this.rowOf(chat), eq(chatTurns.holder, holder))}`;
    await this.db.execute(also ? sql`with also as (${also}) ${release}` : release);
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

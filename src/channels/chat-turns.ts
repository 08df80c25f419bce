/**
 * One message of a chat at a time, in the order they came, across instances. Within a process the
 * chat's messages wait in line; across processes a lease row in `chat_turns` says whose turn it is.
 * A lease is renewed while the work goes on, so only a holder that died lets it run out. A turn given
 * back keeps its row, without a holder and its lease ending at the moment it was given back. PGlite is
 * one process's (db/client.ts): there the line in the process is the whole turn, and no lease is written.
 *
 * An update's turn (`runUpdate`) costs two statements around the work: one takes the turn, claims the
 * update and reads what the chat's answer needs first (db/chat-context.ts); one records how the
 * update went and gives the turn back. Both are prepared once (db/prepared.ts).
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { chatContextColumns, chatContextOf, type ChatContext, type ChatContextColumns } from '../db/chat-context.js';
import type { ChatAddress } from '../db/chats.js';
import type { Db } from '../db/client.js';
import { Prepared } from '../db/prepared.js';
import { claimFrom, FINISHING, payloadText, type UpdateRef } from '../db/processed-updates.js';
import { chatTurns } from '../db/schema.js';

export type ChatKey = Pick<ChatAddress, 'channel' | 'externalId'>;

/** An update to handle in its chat's turn, once. */
export interface TurnUpdate {
  ref: UpdateRef;
  /** Kept until it is done, so that an unfinished update can be handled again. */
  payload: unknown;
}

export interface ChatTurnOptions {
  /** False where one process holds the database (PGlite): the line in the process is enough. */
  leases: boolean;
  leaseSeconds: number;
  /** The first and the longest wait between two looks at a turn another instance holds. */
  pollMs: { first: number; longest: number };
}

const DEFAULT_OPTIONS: ChatTurnOptions = { leases: true, leaseSeconds: 30, pollMs: { first: 20, longest: 500 } };

const placeholder = sql.placeholder;
const THIS_TURN = and(eq(chatTurns.channel, placeholder('channel')), eq(chatTurns.externalId, placeholder('externalId')), eq(chatTurns.holder, placeholder('holder')));
const LEASE_END = sql`now() + make_interval(secs => ${placeholder('leaseSeconds')})`;

/**
 * Takes the turn if nobody holds it: no row, or a lease that ended before this statement began. A turn
 * given back at this very moment is not taken yet (its lease ends after `now()`): what its holder
 * wrote may be newer than this statement's snapshot, which `TAKE_CLAIMING` reads the chat from.
 */
const TAKE = sql`insert into ${chatTurns} (channel, external_id, holder, lease_until)
  values (${placeholder('channel')}, ${placeholder('externalId')}, ${placeholder('holder')}, ${LEASE_END})
  on conflict (channel, external_id) do update set holder = excluded.holder, lease_until = excluded.lease_until
  where ${chatTurns.leaseUntil} < now()
  returning 1`;

type TurnValues = { channel: string; externalId: string; holder: string; leaseSeconds: number };
type ClaimValues = { channel: string; externalId: string; updateChannel: string; updateId: string; payload: string | null };
type Opened = { taken: boolean; attempt: number | null } & ChatContextColumns;

const CONTEXT = chatContextColumns({ channel: placeholder('channel'), externalId: placeholder('externalId') });
const TAKE_ONLY = new Prepared<TurnValues, { taken: boolean }>('turn_take', sql`with turn as (${TAKE}) select exists (select 1 from turn) as taken`);
const TAKE_CLAIMING = new Prepared<TurnValues & ClaimValues, Opened>(
  'turn_take_claiming',
  sql`with turn as (${TAKE}), claim as (${claimFrom('turn')})
    select exists (select 1 from turn) as taken, (select attempts from claim) as attempt, ${CONTEXT}`,
);
/** Without leases: the claim and the chat. */
const CLAIMING = new Prepared<ClaimValues, Opened>('turn_claiming', sql`with claim as (${claimFrom(null)}) select true as taken, (select attempts from claim) as attempt, ${CONTEXT}`);
/** Ends the lease now, and the holder with it: a renewal on its way finds nothing to renew. */
const GIVE_BACK = sql`update ${chatTurns} set holder = '', lease_until = clock_timestamp() where ${THIS_TURN}`;
const GIVE_BACK_ONLY = new Prepared<Omit<TurnValues, 'leaseSeconds'>, never>('turn_give_back', GIVE_BACK);
const GIVE_BACK_FINISHING = new Prepared<Omit<TurnValues, 'leaseSeconds'> & FinishValues, never>('turn_give_back_finishing', sql`with finished as (${FINISHING}) ${GIVE_BACK}`);
type FinishValues = { updateChannel: string; updateId: string; status: 'done' | 'failed' };
const FINISH = new Prepared<FinishValues, never>('update_finish', FINISHING);
/** Every turn this instance holds (holders are `<instance>:<n>`). */
const RENEW = new Prepared<{ holders: string; leaseSeconds: number }, never>(
  'turn_renew',
  sql`update ${chatTurns} set lease_until = ${LEASE_END} where ${chatTurns.holder} like ${placeholder('holders')}`,
);

export class ChatTurns {
  private readonly instance = randomUUID();
  private taken = 0;
  private readonly lines = new Map<string, Promise<void>>();
  private readonly options: ChatTurnOptions;
  /** Turns held now, and the one timer that renews them all while any is. */
  private held = 0;
  private renewal: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    options: Partial<ChatTurnOptions> = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
  }

  async run<T>(chat: ChatKey, work: () => Promise<T>): Promise<T> {
    return this.inLine(chat, async () => {
      if (!this.options.leases) return work();
      const turn = this.turnOf(chat);
      await this.waitFor(async () => ((await TAKE_ONLY.rows(this.db, turn))[0]?.taken ? true : null));
      return this.holding(async () => {
        try {
          return await work();
        } finally {
          // The work is over either way; a turn not given back (the database away) ends with its lease.
          await GIVE_BACK_ONLY.rows(this.db, turn).catch(() => undefined);
        }
      });
    });
  }

  /**
   * Handles an update in its chat's turn unless it was handled already (or failed too often): `work` gets
   * what the chat's answer reads first, read as the turn was taken. The update is then recorded done, or
   * failed when `work` throws (and the error goes on), as the turn is given back.
   */
  async runUpdate(chat: ChatKey, update: TurnUpdate, work: (known: ChatContext) => Promise<void>): Promise<'done' | 'duplicate'> {
    let outcome: 'done' | 'duplicate' = 'duplicate';
    const claim: ClaimValues = { channel: chat.channel, externalId: chat.externalId, updateChannel: update.ref.channel, updateId: update.ref.updateId, payload: payloadText(update.payload) };
    const finish = (status: FinishValues['status']): FinishValues => ({ updateChannel: update.ref.channel, updateId: update.ref.updateId, status });
    await this.inLine(chat, async () => {
      if (!this.options.leases) {
        const [opened] = await CLAIMING.rows(this.db, claim);
        if (!opened) throw new Error('the claim returned no row');
        if (opened.attempt === null) return;
        try {
          await work(chatContextOf(opened));
        } catch (error) {
          await FINISH.rows(this.db, finish('failed'));
          throw error;
        }
        await FINISH.rows(this.db, finish('done'));
        outcome = 'done';
        return;
      }
      const turn = this.turnOf(chat);
      const opened = await this.waitFor(async () => {
        const [row] = await TAKE_CLAIMING.rows(this.db, { ...turn, ...claim });
        return row?.taken ? row : null;
      });
      await this.holding(async () => {
        if (opened.attempt === null) {
          await GIVE_BACK_ONLY.rows(this.db, turn).catch(() => undefined);
          return;
        }
        try {
          await work(chatContextOf(opened));
        } catch (error) {
          await GIVE_BACK_FINISHING.rows(this.db, { ...turn, ...finish('failed') });
          throw error;
        }
        await GIVE_BACK_FINISHING.rows(this.db, { ...turn, ...finish('done') });
        outcome = 'done';
      });
    });
    return outcome;
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

  /** A new holder of the chat's turn. */
  private turnOf(chat: ChatKey): TurnValues {
    return { channel: chat.channel, externalId: chat.externalId, holder: `${this.instance}:${++this.taken}`, leaseSeconds: this.options.leaseSeconds };
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

  /** The work, with the leases renewed while it goes on: every third of a lease, all this instance holds, in one statement. */
  private async holding<T>(work: () => Promise<T>): Promise<T> {
    if (this.held++ === 0) {
      const values = { holders: `${this.instance}:%`, leaseSeconds: this.options.leaseSeconds };
      this.renewal = setInterval(() => void RENEW.rows(this.db, values).catch(() => undefined), (this.options.leaseSeconds * 1000) / 3);
      this.renewal.unref();
    }
    try {
      return await work();
    } finally {
      if (--this.held === 0 && this.renewal) {
        clearInterval(this.renewal);
        this.renewal = null;
      }
    }
  }
}

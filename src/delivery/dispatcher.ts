/**
 * The one sender: claims due outbox rows and sends them through their channel, paced to its limits.
 * Every instance runs a dispatcher, but only the holder of an advisory lock sends, so the limits hold
 * across instances. Results are written back row by row, so a crash loses nothing: a row in flight
 * is leased and comes back when the lease ends (and is then sent again: at most the in-flight few).
 * When the database goes away the dispatcher pauses, keeps the outcomes it could not write, and on
 * its return writes them before it takes the lock again; stopping gives back the claims not sent.
 */
import type { Logger } from 'pino';
import type { Database, Lock } from '../db/client.js';
import { isConnectionError } from '../db/health.js';
import { claim, giveBack, markChatUnreachable, markFailed, markOutsideWindow, markRetry, markSent, markWaiting, type ClaimedMessage } from './outbox.js';
import { countSend } from '../observability/metrics.js';
import { Pace } from './pace.js';
import type { Sender } from './sender.js';

export interface DispatcherOptions {
  /** Rows claimed at a time. */
  batch: number;
  /** Messages in flight at once. */
  concurrency: number;
  leaseSeconds: number;
  maxAttempts: number;
  /** How long to sleep when there is nothing to send (a local enqueue wakes it at once). */
  idleMs: number;
}

export const DEFAULT_DISPATCHER_OPTIONS: DispatcherOptions = { batch: 50, concurrency: 4, leaseSeconds: 60, maxAttempts: 8, idleMs: 1000 };

/** Only one instance sends at a time. */
const SENDER_LOCK = 766_0005;

/** 2, 4, 8 … seconds, at most 5 minutes. */
export function backoffSeconds(attempt: number): number {
  return Math.min(300, 2 ** Math.max(1, attempt));
}

export class Dispatcher {
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private readonly paces = new Map<string, Pace>();
  /** Resolves on stop(): a wait for pacing or for the database ends then. */
  private stopping: Promise<false> = new Promise(() => {});
  private signalStop: () => void = () => {};
  /** The database is away: no new sends until it is back and `unwritten` is written. */
  private paused = false;
  /** Outcomes and give-backs the database could not take while it was away, in order. */
  private readonly unwritten: (() => Promise<void>)[] = [];

  constructor(
    private readonly database: Database,
    private readonly senders: ReadonlyMap<string, Sender>,
    private readonly log: Logger,
    private readonly options: DispatcherOptions = DEFAULT_DISPATCHER_OPTIONS,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = new Promise((resolve) => (this.signalStop = () => resolve(false)));
    this.loop = this.run().catch((error: unknown) => this.log.error({ err: error }, 'dispatcher stopped on an error'));
  }

  /** Something was enqueued here: look now rather than after the idle sleep. */
  wake(): void {
    this.wakeUp?.();
  }

  /** Lets the messages in flight finish and gives back the claimed ones not yet sent. */
  async stop(): Promise<void> {
    this.running = false;
    this.signalStop();
    this.wake();
    await this.loop;
  }

  private async sleep(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wakeUp = null;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.writeUnwritten();
        if (this.paused) this.log.info('database reachable again: delivery resumes');
        this.paused = false;
        const lock = await this.database.tryLock(SENDER_LOCK);
        if (lock) {
          try {
            await this.drain(lock);
          } finally {
            await lock.release();
          }
        }
      } catch (error) {
        if (!this.databaseLost(error)) this.log.error({ err: error }, 'dispatcher round failed');
      }
      if (!this.running) break;
      if (this.paused) await this.database.health.untilUp(this.stopping);
      await this.sleep(this.options.idleMs);
    }
    await this.writeUnwritten().catch((error: unknown) =>
      this.log.warn({ err: error, unwritten: this.unwritten.length }, 'stopped with outcomes unwritten: those messages come back when their lease ends'),
    );
  }

  /** A lost connection pauses delivery (reported once); false for any other error. */
  private databaseLost(error: unknown): boolean {
    if (!this.database.health.report(error)) return false;
    if (!this.paused) this.log.warn({ err: error }, 'database unreachable: delivery paused');
    this.paused = true;
    return true;
  }

  /** Throws while the database is still away; a write that fails for another reason is logged and dropped. */
  private async writeUnwritten(): Promise<void> {
    for (let write = this.unwritten[0]; write; write = this.unwritten[0]) {
      await write().catch((error: unknown) => {
        if (isConnectionError(error)) throw error;
        this.log.error({ err: error }, 'an outbox write kept for the database failed');
      });
      this.unwritten.shift();
    }
  }

  /** Writes to the outbox; a write the database cannot take now waits until it is back. */
  private async record(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (!this.databaseLost(error)) throw error;
      this.unwritten.push(write);
    }
  }

  /** Sends until nothing is due, the database goes away, or the lock is lost. */
  private async drain(lock: Lock): Promise<void> {
    const sending = () => this.running && !this.paused && !lock.lost;
    while (sending()) {
      const rows = await claim(this.database, this.options.batch, this.options.leaseSeconds);
      if (rows.length === 0) return;
      const notSent: ClaimedMessage[] = [];
      const inFlight = new Set<Promise<void>>();
      try {
        for (const [i, row] of rows.entries()) {
          if (!sending()) {
            notSent.push(...rows.slice(i));
            break;
          }
          const delivery = this.deliver(row, sending)
            .then((sent) => {
              if (!sent) notSent.push(row);
            })
            .finally(() => inFlight.delete(delivery));
          inFlight.add(delivery);
          if (inFlight.size >= this.options.concurrency) await Promise.race(inFlight);
        }
        await Promise.all(inFlight);
      } finally {
        await this.record(() => giveBack(this.database, notSent));
      }
    }
  }

  private paceFor(sender: Sender): Pace {
    let pace = this.paces.get(sender.channel);
    if (!pace) {
      pace = new Pace(sender.limits.perSecond);
      this.paces.set(sender.channel, pace);
    }
    return pace;
  }

  /** False when the row was not sent after all: the dispatcher stopped or paused while it waited for its turn. */
  private async deliver(row: ClaimedMessage, sending: () => boolean): Promise<boolean> {
    const db = this.database.db;
    const sender = this.senders.get(row.channel);
    if (!sender) {
      await this.record(() => markFailed(db, row.id, 'failed', `no sender for channel ${row.channel}`));
      return true;
    }
    if (!row.chatReachable) {
      await this.record(() => markFailed(db, row.id, 'blocked', 'chat marked unreachable'));
      return true;
    }
    const recipient = { externalId: row.externalId, type: row.chatType };
    const pace = this.paceFor(sender);
    const turn = pace.take(`${row.channel}:${row.externalId}`, sender.limits.perChatMs(recipient)).then(() => true);
    if (!(await Promise.race([turn, this.stopping])) || !sending()) return false;
    const outcome = await sender.send(recipient, row.payload).catch((error: unknown) => ({ kind: 'transient' as const, error: String(error) }));
    countSend(row.channel, outcome, row.attempts >= this.options.maxAttempts);
    switch (outcome.kind) {
      case 'sent':
        await this.record(() => markSent(db, row.id, outcome.messageId));
        return true;
      case 'retry-after':
        pace.pause(outcome.seconds);
        await this.record(() => markWaiting(db, row.id, outcome.seconds, outcome.error));
        return true;
      case 'transient':
        if (row.attempts >= this.options.maxAttempts) await this.record(() => markFailed(db, row.id, 'failed', outcome.error));
        else await this.record(() => markRetry(db, row.id, backoffSeconds(row.attempts), outcome.error));
        this.log.warn({ outbox: row.id, attempt: row.attempts, error: outcome.error }, 'send failed, will retry');
        return true;
      case 'unreachable':
        await this.record(async () => {
          await markFailed(db, row.id, 'blocked', outcome.error);
          await markChatUnreachable(db, row.chatId, outcome.error);
        });
        return true;
      case 'rejected':
        await this.record(() => markFailed(db, row.id, 'failed', outcome.error));
        this.log.error({ outbox: row.id, error: outcome.error }, 'message refused by the channel');
        return true;
      case 'outside-window':
        await this.record(() => markOutsideWindow(db, row.id, sender.outsideWindow === 'wait' ? 'waiting' : 'outside-window', outcome.error));
        return true;
    }
  }
}

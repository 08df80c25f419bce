/**
 * The one sender: claims due outbox rows and sends them through their channel, paced to its limits.
 * Every instance runs a dispatcher, but only the holder of an advisory lock sends, so the limits hold
 * across instances. Results are written back row by row, so a crash loses nothing: a row in flight
 * is leased and comes back when the lease ends (and is then sent again: at most the in-flight few).
 */
import type { Logger } from 'pino';
import type { Database } from '../db/client.js';
import { claim, markChatUnreachable, markFailed, markRetry, markSent, markWaiting, type ClaimedMessage } from './outbox.js';
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

  constructor(
    private readonly database: Database,
    private readonly senders: ReadonlyMap<string, Sender>,
    private readonly log: Logger,
    private readonly options: DispatcherOptions = DEFAULT_DISPATCHER_OPTIONS,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run().catch((error: unknown) => this.log.error({ err: error }, 'dispatcher stopped on an error'));
  }

  /** Something was enqueued here: look now rather than after the idle sleep. */
  wake(): void {
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.running = false;
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
      let release: (() => Promise<void>) | null = null;
      try {
        release = await this.database.tryLock(SENDER_LOCK);
        if (release) await this.drain();
      } catch (error) {
        this.log.error({ err: error }, 'dispatcher round failed');
      } finally {
        await release?.();
      }
      if (this.running) await this.sleep(this.options.idleMs);
    }
  }

  /** Sends until nothing is due. */
  private async drain(): Promise<void> {
    while (this.running) {
      const rows = await claim(this.database, this.options.batch, this.options.leaseSeconds);
      if (rows.length === 0) return;
      const inFlight = new Set<Promise<void>>();
      for (const row of rows) {
        if (!this.running) break;
        const sending = this.deliver(row).finally(() => inFlight.delete(sending));
        inFlight.add(sending);
        if (inFlight.size >= this.options.concurrency) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
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

  private async deliver(row: ClaimedMessage): Promise<void> {
    const db = this.database.db;
    const sender = this.senders.get(row.channel);
    if (!sender) {
      await markFailed(db, row.id, 'failed', `no sender for channel ${row.channel}`);
      return;
    }
    if (!row.chatReachable) {
      await markFailed(db, row.id, 'blocked', 'chat marked unreachable');
      return;
    }
    const recipient = { externalId: row.externalId, type: row.chatType };
    const pace = this.paceFor(sender);
    await pace.take(`${row.channel}:${row.externalId}`, sender.limits.perChatMs(recipient));
    const outcome = await sender.send(recipient, row.payload).catch((error: unknown) => ({ kind: 'transient' as const, error: String(error) }));
    switch (outcome.kind) {
      case 'sent':
        await markSent(db, row.id, outcome.messageId);
        return;
      case 'retry-after':
        pace.pause(outcome.seconds);
        await markWaiting(db, row.id, outcome.seconds, outcome.error);
        return;
      case 'transient':
        if (row.attempts >= this.options.maxAttempts) await markFailed(db, row.id, 'failed', outcome.error);
        else await markRetry(db, row.id, backoffSeconds(row.attempts), outcome.error);
        this.log.warn({ outbox: row.id, attempt: row.attempts, error: outcome.error }, 'send failed, will retry');
        return;
      case 'unreachable':
        await markFailed(db, row.id, 'blocked', outcome.error);
        await markChatUnreachable(db, row.chatId, outcome.error);
        return;
      case 'rejected':
        await markFailed(db, row.id, 'failed', outcome.error);
        this.log.error({ outbox: row.id, error: outcome.error }, 'message refused by the channel');
        return;
    }
  }
}

/**
 * How every update of every channel is handled: in its chat's turn (one at a time, across
 * instances), once (a copy the platform delivers again is dropped once handled), and with its
 * outcome recorded: a handler that failed tells the user, marks the update failed and rethrows, so a
 * webhook answers 500 and the platform's redelivery is handled again; an update acknowledged and then
 * failed (or whose process died) is handled again by `resumeEvery`. Before any of that, a chat over
 * its rate limit is told once to wait and its further updates are dropped (chat-rate-limit.ts).
 */
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { Resuming } from './channel.js';
import type { ChatTurns } from './chat-turns.js';
import type { Db } from '../db/client.js';
import type { Channel } from '../db/schema.js';
import { isConnectionError } from '../db/health.js';
import type { ChatContext } from '../db/chat-context.js';
import { unfinishedUpdates } from '../db/processed-updates.js';
import type { Translate } from '../messages/i18n.js';
import { countRateLimited, countUpdate } from '../observability/metrics.js';
import type { ChatRateLimit, RateVerdict } from './chat-rate-limit.js';
import { withDecision, type Decision } from '../core/intent.js';

export interface UpdateHandling {
  db: Db;
  turns: ChatTurns;
  log: Logger;
  t: Translate;
  /** Updates per chat and window; unset: no limit. */
  rateLimit?: ChatRateLimit;
  /**
   * Long polling has no redelivery: an update met by a database outage waits for the database and
   * is handled then, and polling waits with it. Resolves false when the bot stops first. Unset
   * (webhooks): it fails, and the webhook says 503.
   */
  waitForDatabase?: () => Promise<boolean>;
}

export interface IncomingUpdate {
  channel: Channel;
  /** The platform's id of the update (or of its message), unique within the channel. */
  updateId: string;
  /** Whose turn it takes: the chat's id, or the sender's when there is no chat. */
  turn: string;
  /** Kept until it is done, so that an unfinished update can be handled again. */
  payload: unknown;
  /**
   * A person writing to the bot (in private, or in a group a command, a mention, a reply to it, a file, a
   * button), counted against the chat's rate limit. Group chatter the bot only reads, and the platform's
   * notices (blocked, removed, unfollowed), are not: a lively group never has its commands refused
   * because people talked.
   */
  addressed: boolean;
}

/** How an update's handling ended, as its log line says. */
export type UpdateOutcome = 'done' | 'duplicate' | 'failed' | 'rate-limited';

/**
 * `handle` gets what the turn read about the chat as it was taken (db/chat-context.ts), for the conversation to use
 * instead of reading it again. `tell` writes a text to the update's chat (that its message failed, or came too fast); it must not throw.
 * Each update ends in one log line and one count: its channel, its intent (what the core made of it:
 * core/intent.ts), how long it took from its arrival to its end (waiting for its chat's turn included)
 * and its outcome.
 */
export async function handleInTurnOnce(handling: UpdateHandling, update: IncomingUpdate, handle: (known: ChatContext) => Promise<void>, tell: (text: string) => Promise<void>): Promise<void> {
  const started = performance.now();
  const decision: Decision = { intent: null };
  let outcome: UpdateOutcome = 'failed';
  try {
    outcome = await withDecision(decision, () => handleOnce(handling, update, handle, tell));
  } finally {
    const intent = decision.intent ?? 'none';
    handling.log.info({ channel: update.channel, update: update.updateId, intent, ms: Math.round(performance.now() - started), outcome }, 'update');
    if (outcome === 'done' || outcome === 'failed') countUpdate(update.channel, intent, outcome === 'done' ? 'ok' : 'failed', started);
  }
}

async function handleOnce(handling: UpdateHandling, update: IncomingUpdate, handle: (known: ChatContext) => Promise<void>, tell: (text: string) => Promise<void>): Promise<UpdateOutcome> {
  const { turns, log, t, waitForDatabase } = handling;
  const verdict: RateVerdict = update.addressed && handling.rateLimit ? handling.rateLimit.take(`${update.channel}:${update.turn}`) : { kind: 'go' };
  if (verdict.kind !== 'go') {
    countRateLimited(update.channel, verdict.kind === 'tell' ? 'told' : 'dropped');
    if (verdict.kind === 'tell') await tell(t('chat-rate-limited', { seconds: verdict.seconds }));
    return 'rate-limited';
  }
  const ref = { channel: update.channel, updateId: update.updateId };
  for (;;) {
    try {
      // The turn claims the update and reads the chat in one statement, and records the outcome as it gives the turn back.
      return await turns.runUpdate({ channel: update.channel, externalId: update.turn }, { ref, payload: update.payload }, handle);
    } catch (error) {
      if (waitForDatabase && isConnectionError(error)) {
        log.warn({ err: error, channel: update.channel, update: update.updateId }, 'update waits for the database');
        if (await waitForDatabase()) continue;
      }
      log.error({ err: error, channel: update.channel, update: update.updateId }, 'update failed');
      await tell(t('error'));
      throw error;
    }
  }
}

/**
 * Hands a channel's unfinished updates to `handle` again, oldest first, now and every `everyMs`;
 * the returned function stops it, waiting for a round under way.
 */
export function resumeEvery(channel: Channel, handle: (payload: unknown) => Promise<void>, db: Db, log: Logger, { everyMs, afterSeconds }: Resuming): () => Promise<void> {
  let running = true;
  let timer: NodeJS.Timeout | undefined;
  let wake = () => {};
  const round = async () => {
    for (const payload of await unfinishedUpdates(db, channel, afterSeconds, 100)) {
      await handle(payload).catch((error: unknown) => log.warn({ err: error, channel }, 'unfinished update failed again'));
    }
  };
  const loop = (async () => {
    while (running) {
      await round().catch((error: unknown) => log.warn({ err: error, channel }, 'could not look for unfinished updates'));
      if (!running) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, everyMs);
      });
    }
  })();
  return async () => {
    running = false;
    clearTimeout(timer);
    wake();
    await loop;
  };
}

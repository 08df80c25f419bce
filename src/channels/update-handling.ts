/**
 * How every update of every channel is handled: in its chat's turn (one at a time, across
 * instances), once (a copy the platform delivers again is dropped once handled), and with its
 * outcome recorded: a handler that failed tells the user, marks the update failed and rethrows, so a
 * webhook answers 500 and the platform's redelivery is handled again; an update acknowledged and then
 * failed (or whose process died) is handled again by `resumeEvery`.
 */
import type { Logger } from 'pino';
import type { Resuming } from './channel.js';
import type { ChatTurns } from './chat-turns.js';
import type { Db } from '../db/client.js';
import type { Channel } from '../db/schema.js';
import { isConnectionError } from '../db/health.js';
import type { ChatContext } from '../db/chat-context.js';
import { unfinishedUpdates } from '../db/processed-updates.js';

export interface UpdateHandling {
  db: Db;
  turns: ChatTurns;
  log: Logger;
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
}

/**
 * `handle` gets what the turn read about the chat as it was taken (db/chat-context.ts), for the conversation
 * to use instead of reading it again. `tellFailure` says to the user that their message could not be
 * handled; it must not throw.
 */
export async function handleInTurnOnce(
  handling: UpdateHandling,
  update: IncomingUpdate,
  handle: (known: ChatContext) => Promise<void>,
  tellFailure: () => Promise<void>,
): Promise<void> {
  const { turns, log, waitForDatabase } = handling;
  const ref = { channel: update.channel, updateId: update.updateId };
  for (;;) {
    try {
      await turns.runUpdate({ channel: update.channel, externalId: update.turn }, { ref, payload: update.payload }, handle);
      return;
    } catch (error) {
      if (waitForDatabase && isConnectionError(error)) {
        log.warn({ err: error, channel: update.channel, update: update.updateId }, 'update waits for the database');
        if (await waitForDatabase()) continue;
      }
      log.error({ err: error, channel: update.channel, update: update.updateId }, 'update failed');
      await tellFailure();
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

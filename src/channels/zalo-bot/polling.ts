/**
 * Long polling, for a bot without PUBLIC_URL. Webhook and getUpdates exclude each other, so the
 * webhook is deleted first (at start, with the other calls to the platform). getUpdates answers one event (not an array), or error 408 when the poll
 * ended empty, which is the ordinary case, not a failure. Events are handled one after the other.
 */
import type { Logger } from 'pino';
import { ZaloBotError, type ZaloBotClient } from './client.js';
import { readEvent, type ZaloBotEvent } from './updates.js';

/** Seconds Zalo holds a poll open (its default). */
const POLL_TIMEOUT_SECONDS = 30;
/** After a failed poll (network, 5xx): waits growing to this. */
const MAX_BACKOFF_MS = 30_000;

export interface Polling {
  /** Resolves once the loop has ended, after stop(). */
  done: Promise<void>;
  running(): boolean;
  stop(): Promise<void>;
}

/** Polls until stopped; the webhook must be deleted first (zalo-bot/index.ts does, at start). */
export function startPolling(client: ZaloBotClient, handle: (event: ZaloBotEvent) => Promise<void>, log: Logger): Polling {
  const stopping = new AbortController();
  let running = true;
  const done = (async () => {
    let backoffMs = 500;
    while (!stopping.signal.aborted) {
      let answer: unknown;
      try {
        answer = await client.call('getUpdates', { timeout: POLL_TIMEOUT_SECONDS }, { signal: stopping.signal, timeoutMs: (POLL_TIMEOUT_SECONDS + 15) * 1000 });
        backoffMs = 500;
      } catch (error) {
        if (stopping.signal.aborted) break;
        if (error instanceof ZaloBotError && error.code === 408) continue;
        log.warn({ err: error, retryInMs: backoffMs }, 'zalo bot getUpdates failed');
        await pause(backoffMs, stopping.signal);
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
        continue;
      }
      // One event; an array is taken too, should the platform ever batch them.
      for (const item of Array.isArray(answer) ? answer : [answer]) {
        const event = readEvent(item);
        if (!event) {
          log.warn({ update: item }, 'zalo bot getUpdates gave something that is not an event');
          continue;
        }
        // A failure was logged and told (handleInTurnOnce); polling goes on.
        await handle(event).catch(() => undefined);
      }
    }
    running = false;
  })();
  return {
    done,
    running: () => running,
    async stop() {
      stopping.abort();
      await done;
    },
  };
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

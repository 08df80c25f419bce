/**
 * A channel's calls to its platform at start (Telegram's getMe, setMyCommands, setWebhook; Zalo's
 * setWebhook or deleteWebhook) run after the server listens, in the background: each in turn, each
 * attempt given a time limit, a failure logged in one line and tried again after a wait that grows.
 * Until they are all done the channel says it is not ready (`/readyz`), and says why.
 */
import type { Logger } from 'pino';

export interface Connecting {
  /** The first wait after a failure, doubled after each until `longestMs`. */
  firstMs: number;
  longestMs: number;
  /** One attempt that gets no answer in this time has failed (a platform that accepts and never answers). */
  attemptMs: number;
}

export const DEFAULT_CONNECTING: Connecting = { firstMs: 1000, longestMs: 60_000, attemptMs: 15_000 };

export interface Step {
  /** The platform's method ("getMe"), as the log names it. */
  name: string;
  call(signal: AbortSignal): Promise<void>;
}

export interface Connection {
  /** Resolves true once every step succeeded, false when the channel stopped first. */
  done: Promise<boolean>;
  connected(): boolean;
  /** While not connected: the step waited for and why it last failed, for /readyz. */
  waitingFor(): string | null;
  stop(): Promise<void>;
}

/** What went wrong, in a few words: "ECONNREFUSED", "no answer within 15 s", "401 Unauthorized". Never a URL (it holds the token). */
export function describeFailure(error: unknown, attemptMs: number): string {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    const e = current as { name?: unknown; code?: unknown; error_code?: unknown; description?: unknown; cause?: unknown; error?: unknown };
    if (e.name === 'AbortError' || e.name === 'TimeoutError') return `no answer within ${Math.round(attemptMs / 1000)} s`;
    if (typeof e.error_code === 'number') return `${e.error_code} ${typeof e.description === 'string' ? e.description : ''}`.trim();
    if (typeof e.code === 'number' && typeof e.description === 'string') return `${e.code} ${e.description}`;
    if (typeof e.code === 'string' && /^[A-Z_]+$/.test(e.code)) return e.code;
    current = e.error ?? e.cause;
  }
  return error instanceof Error ? error.name : 'unknown error';
}

/**
 * Runs `steps` in the background until each has succeeded once. `advice` turns a failure into what to
 * do about it, when there is something to say (a refused token: check the setting).
 */
export function connectInBackground(options: {
  channel: string;
  steps: Step[];
  log: Logger;
  timing: Connecting;
  advice?: (step: string, failure: string) => string | null;
}): Connection {
  const { channel, steps, log, timing } = options;
  const stopping = new AbortController();
  let connected = false;
  let waiting: string | null = steps[0] ? `${steps[0].name}: not tried yet` : null;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(end, ms);
      function end() {
        clearTimeout(timer);
        stopping.signal.removeEventListener('abort', end);
        resolve();
      }
      stopping.signal.addEventListener('abort', end);
    });
  const done = (async () => {
    for (const step of steps) {
      let waitMs = timing.firstMs;
      for (let attempt = 1; ; attempt += 1) {
        if (stopping.signal.aborted) return false;
        try {
          await step.call(AbortSignal.any([stopping.signal, AbortSignal.timeout(timing.attemptMs)]));
          break;
        } catch (error) {
          if (stopping.signal.aborted) return false;
          const failure = describeFailure(error, timing.attemptMs);
          const advice = options.advice?.(step.name, failure);
          waiting = `${step.name}: ${failure}`;
          log.warn(
            { channel, step: step.name, attempt, retryInMs: waitMs, failure },
            `${channel}: ${step.name} failed (${failure})${advice ? `: ${advice}` : ''}; trying again in ${Math.round(waitMs / 100) / 10} s`,
          );
          await pause(waitMs);
          waitMs = Math.min(waitMs * 2, timing.longestMs);
        }
      }
    }
    connected = true;
    waiting = null;
    return true;
  })();
  return {
    done,
    connected: () => connected,
    waitingFor: () => waiting,
    async stop() {
      stopping.abort();
      await done;
    },
  };
}

/**
 * A thin client of the Zalo Bot Platform (channels.md A6): `<apiRoot>/bot<TOKEN>/<method>` with a
 * JSON body, answering `{ok, result}` or `{ok: false, error_code, description}`.
 */

/** The platform refused the call (ok: false); `code` is its error_code, or the HTTP status without one. */
export class ZaloBotError extends Error {
  constructor(
    readonly method: string,
    readonly code: number,
    readonly description: string,
  ) {
    super(`Zalo Bot ${method}: ${code} ${description}`);
    this.name = 'ZaloBotError';
  }
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Longer for a long poll. */
  timeoutMs?: number;
}

export interface ZaloBotClient {
  call<T = unknown>(method: string, params?: Record<string, unknown>, options?: CallOptions): Promise<T>;
}

interface Answer {
  ok?: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
}

/** Calls that get no answer in this time fail, so that a hung connection never holds a sender. */
const CALL_TIMEOUT_MS = 30_000;

export function zaloBotClient(apiRoot: string, token: string, timeoutMs = CALL_TIMEOUT_MS): ZaloBotClient {
  return {
    async call<T>(method: string, params: Record<string, unknown> = {}, { signal, timeoutMs: callTimeoutMs }: CallOptions = {}): Promise<T> {
      const limit = AbortSignal.timeout(callTimeoutMs ?? timeoutMs);
      const response = await fetch(`${apiRoot}/bot${token}/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
        signal: signal ? AbortSignal.any([signal, limit]) : limit,
      });
      const text = await response.text();
      let answer: Answer;
      try {
        answer = JSON.parse(text) as Answer;
      } catch {
        throw new ZaloBotError(method, response.status, `not JSON: ${text.slice(0, 200)}`);
      }
      if (answer.ok !== true) throw new ZaloBotError(method, answer.error_code ?? response.status, answer.description ?? 'no description');
      return answer.result as T;
    },
  };
}

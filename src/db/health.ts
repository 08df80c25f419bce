/**
 * Whether the database can be reached. Any part that meets a lost connection reports it; from then
 * on the database counts as down, and a probe pings it until it answers again.
 */

/** Socket errors, postgres.js's own connection codes, and SQLSTATE class 08 / server shutdown. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01',
  '57P02',
  '57P03',
]);

/** A failed call to another service (Telegram, a file download): its socket errors are not the database's. */
function fromElsewhere(error: object): boolean {
  const { name, message } = error as { name?: unknown; message?: unknown };
  return name === 'HttpError' || name === 'GrammyError' || (error instanceof TypeError && message === 'fetch failed');
}

/** True when the error, or what it wraps (drizzle's `cause`, grammY's `error`), is a lost database connection. */
export function isConnectionError(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 5; depth += 1) {
    if (fromElsewhere(current)) return false;
    const { code } = current as { code?: unknown };
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
    const wrapped = current as { cause?: unknown; error?: unknown };
    current = wrapped.cause ?? wrapped.error;
  }
  return false;
}

export interface HealthState {
  up: boolean;
  /** Since when it is down, and why. */
  downSince: Date | null;
  error: string | null;
}

export class DatabaseHealth {
  private downSince: Date | null = null;
  private lastError: string | null = null;
  private probe: NodeJS.Timeout | null = null;
  private readonly waiters = new Set<() => void>();
  /** The ping under way, shared by everyone who asks meanwhile. */
  private pinging: Promise<boolean> | null = null;

  constructor(
    private readonly ping: () => Promise<unknown>,
    private readonly probeMs = 1000,
  ) {}

  get up(): boolean {
    return this.downSince === null;
  }

  state(): HealthState {
    return { up: this.up, downSince: this.downSince, error: this.lastError };
  }

  /** Records a lost connection; returns false (and changes nothing) for any other error. */
  report(error: unknown): boolean {
    if (!isConnectionError(error)) return false;
    this.lastError = error instanceof Error ? error.message : String(error);
    if (this.downSince) return true;
    this.downSince = new Date();
    this.probe = setInterval(() => void this.check(), this.probeMs);
    this.probe.unref();
    // A connection that died with a restarted server fails once; a fresh one may answer at once.
    setImmediate(() => void this.check());
    return true;
  }

  /** Pings now (one ping at a time, shared): true when the database answers. */
  check(): Promise<boolean> {
    this.pinging ??= this.pingOnce().finally(() => (this.pinging = null));
    return this.pinging;
  }

  private async pingOnce(): Promise<boolean> {
    try {
      await this.ping();
    } catch (error) {
      if (!this.report(error)) this.lastError = error instanceof Error ? error.message : String(error);
      return false;
    }
    this.markUp();
    return true;
  }

  /** Resolves when the database is up again (at once if it is), or when `cancel` resolves first. */
  async untilUp(cancel: Promise<unknown>): Promise<void> {
    if (this.up) return;
    let resolve = () => {};
    const back = new Promise<void>((r) => (resolve = r));
    this.waiters.add(resolve);
    await Promise.race([back, cancel]);
    this.waiters.delete(resolve);
  }

  stop(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = null;
    for (const wake of this.waiters) wake();
  }

  private markUp(): void {
    this.lastError = null;
    if (!this.downSince) return;
    this.stop();
    this.downSince = null;
  }
}

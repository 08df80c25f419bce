/** How the collector talks to the portal: where, as whom, how slowly, and how long it waits for an answer. */
export interface CollectorSettings {
  /** PORTAL_API_ROOT without a trailing slash. */
  apiRoot: string;
  userAgent: string;
  /** The pause between two requests: `pauseMs` plus a random part up to `jitterMs`. */
  pauseMs: number;
  jitterMs: number;
  timeoutMs: number;
}

/** `chiso-bot/0.1.0 (+contact)`: who is asking, and how to reach them. */
export function userAgentOf(version: string, contact: string | null): string {
  return `chiso-bot/${version}${contact ? ` (+${contact})` : ''}`;
}

export function collectorSettingsOf(config: { apiRoot: string; contact: string | null; pauseMs: number; jitterMs: number; timeoutMs: number }, version: string): CollectorSettings {
  return { apiRoot: config.apiRoot, userAgent: userAgentOf(version, config.contact), pauseMs: config.pauseMs, jitterMs: config.jitterMs, timeoutMs: config.timeoutMs };
}

/** Requests a run makes at most: the six tables of a tree (the national list is one). */
const MOST_REQUESTS_A_RUN = 6;
/** The import after the requests, waiting its turn behind others (imports are serialised): generous. */
const IMPORT_MARGIN_MS = 30 * 60 * 1000;

/** Longer than any run can last with these settings: a run still marked running after it was cut short by a crash or a kill. */
export function longestRunMs(settings: CollectorSettings): number {
  return MOST_REQUESTS_A_RUN * (settings.timeoutMs + settings.pauseMs + settings.jitterMs) + IMPORT_MARGIN_MS;
}

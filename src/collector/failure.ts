import type { ImportProblem } from '../imports/problems.js';

/** Why a collection stopped at one of the portal's endpoints: the first bad answer ends the run, nothing is retried. */
export type PortalAnswer =
  | { kind: 'status'; status: number; excerpt: string; retryAfter: string | null }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'not-json'; status: number; contentType: string; excerpt: string }
  | { kind: 'portal-error'; code: string; excerpt: string }
  /** The portal pages its list and this answer holds only part of it: stored, it would drop the other units. */
  | { kind: 'partial'; shown: number; total: number }
  /** An OK answer without a single unit: the portal has not computed the period yet, or answers for nobody. */
  | { kind: 'empty' }
  | { kind: 'network'; detail: string };

export class CollectionFailed extends Error {
  constructor(
    /** The endpoint's name (transparency, dvc-progress-tree…). */
    readonly endpoint: string,
    readonly url: string,
    readonly answer: PortalAnswer,
  ) {
    super(`${endpoint}: ${answer.kind}`);
    this.name = 'CollectionFailed';
  }
}

/**
 * The portal turning requests away, or out of reach: asking it for anything more the same day would not be
 * polite. An answer about one request only (404 or 400 for one endpoint, an empty list) is not.
 */
export function portalRefuses(answer: PortalAnswer): boolean {
  if (answer.kind === 'status') return answer.status === 403 || answer.status === 429 || answer.status >= 500;
  return answer.kind === 'not-json' || answer.kind === 'timeout' || answer.kind === 'network';
}

/** Why a recorded run stopped, kept with it (collection_runs.failure) for /baocao and the next day's round. */
export type RunFailure =
  | { kind: 'portal'; endpoint: string; url: string; answer: PortalAnswer }
  /** The portal answered, the importer refused what it said. */
  | { kind: 'rejected'; count: number; problems: ImportProblem[] }
  | { kind: 'refused'; key: string; args: Record<string, string | number> }
  | { kind: 'error'; message: string }
  /** Still running long after any run could last: its process stopped in the middle (collector/settings.ts longestRunMs). */
  | { kind: 'interrupted' };

/** A collection refused before any request: the period is not over, the province is unknown. */
export class CollectionRefused extends Error {
  constructor(
    readonly key: string,
    readonly args: Record<string, string | number> = {},
  ) {
    super(key);
    this.name = 'CollectionRefused';
  }
}

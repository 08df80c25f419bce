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

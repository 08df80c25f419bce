/**
 * The six responses of one province tree for one period, asked one at a time in a fixed order with a
 * pause (and a random part) between requests. The first bad answer stops the run (CollectionFailed).
 */
import { setTimeout as wait } from 'node:timers/promises';
import { EVALUATION_PATH, PORTAL_ENDPOINTS, payloadOf, type CollectablePeriod, type PortalEndpoint } from '../domain/portal-requests.js';
import { requestEndpoint } from './request-endpoint.js';
import type { CollectorSettings } from './settings.js';

export interface CollectedResponse {
  endpoint: PortalEndpoint;
  /** `<endpoint>.json`: the name the importer reads it under, as if uploaded. */
  fileName: string;
  bytes: Uint8Array;
}

export interface CollectHooks {
  /** Before each request (done = requests finished so far) and once after the last. */
  onStep?: (done: number, total: number, endpoint: PortalEndpoint | null) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** The pause before a request that follows another: `pauseMs` plus a random part up to `jitterMs`. */
export async function pauseBetweenRequests(settings: CollectorSettings, hooks: Pick<CollectHooks, 'sleep' | 'random'> = {}): Promise<void> {
  const pause = settings.pauseMs + Math.floor((hooks.random ?? Math.random)() * settings.jitterMs);
  if (pause > 0) await (hooks.sleep ?? wait)(pause);
}

export async function collectResponses(settings: CollectorSettings, rootDepartmentId: string, period: CollectablePeriod, hooks: CollectHooks = {}): Promise<CollectedResponse[]> {
  const responses: CollectedResponse[] = [];
  for (const [i, endpoint] of PORTAL_ENDPOINTS.entries()) {
    if (i > 0) await pauseBetweenRequests(settings, hooks);
    hooks.onStep?.(i, PORTAL_ENDPOINTS.length, endpoint);
    const url = `${settings.apiRoot}${EVALUATION_PATH}${endpoint.name}`;
    const bytes = await requestEndpoint(settings, endpoint.name, url, payloadOf(endpoint, rootDepartmentId, period));
    responses.push({ endpoint, fileName: `${endpoint.name}.json`, bytes });
  }
  hooks.onStep?.(PORTAL_ENDPOINTS.length, PORTAL_ENDPOINTS.length, null);
  return responses;
}

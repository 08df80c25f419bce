/**
 * What the collector asks the portal for, one request at a time with a pause (and a random part)
 * between two: a province tree's six responses in a fixed order, or the national list of provinces in
 * one request. The first bad answer stops the run (CollectionFailed).
 */
import { setTimeout as wait } from 'node:timers/promises';
import {
  EVALUATION_PATH,
  NATIONAL_LIST_ENDPOINT,
  nationalListPayload,
  PORTAL_ENDPOINTS,
  payloadOf,
  type CollectablePeriod,
} from '../domain/portal-requests.js';
import { requestEndpoint } from './request-endpoint.js';
import type { CollectorSettings } from './settings.js';

export interface CollectedResponse {
  /** `<endpoint>.json`: the name the importer reads it under, as if uploaded. */
  fileName: string;
  bytes: Uint8Array;
}

export interface CollectHooks {
  /** Before each request (done = requests finished so far, endpoint its name) and once after the last (endpoint null). */
  onStep?: (done: number, total: number, endpoint: string | null) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** The pause before a request that follows another: `pauseMs` plus a random part up to `jitterMs`. */
export async function pauseBetweenRequests(settings: CollectorSettings, hooks: Pick<CollectHooks, 'sleep' | 'random'> = {}): Promise<void> {
  const pause = settings.pauseMs + Math.floor((hooks.random ?? Math.random)() * settings.jitterMs);
  if (pause > 0) await (hooks.sleep ?? wait)(pause);
}

interface PlannedRequest {
  endpoint: string;
  payload: Record<string, string | number>;
}

async function askInTurn(settings: CollectorSettings, requests: readonly PlannedRequest[], hooks: CollectHooks): Promise<CollectedResponse[]> {
  const responses: CollectedResponse[] = [];
  for (const [i, request] of requests.entries()) {
    if (i > 0) await pauseBetweenRequests(settings, hooks);
    hooks.onStep?.(i, requests.length, request.endpoint);
    const url = `${settings.apiRoot}${EVALUATION_PATH}${request.endpoint}`;
    const bytes = await requestEndpoint(settings, request.endpoint, url, request.payload);
    responses.push({ fileName: `${request.endpoint}.json`, bytes });
  }
  hooks.onStep?.(requests.length, requests.length, null);
  return responses;
}

export function collectResponses(settings: CollectorSettings, rootDepartmentId: string, period: CollectablePeriod, hooks: CollectHooks = {}): Promise<CollectedResponse[]> {
  return askInTurn(settings, PORTAL_ENDPOINTS.map((endpoint) => ({ endpoint: endpoint.name, payload: payloadOf(endpoint, rootDepartmentId, period) })), hooks);
}

export function collectNationalList(settings: CollectorSettings, period: CollectablePeriod, hooks: CollectHooks = {}): Promise<CollectedResponse[]> {
  return askInTurn(settings, [{ endpoint: NATIONAL_LIST_ENDPOINT, payload: nationalListPayload(period) }], hooks);
}

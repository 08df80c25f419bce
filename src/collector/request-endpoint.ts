/**
 * One request to one evaluation endpoint: POST with the JSON payload, under a time limit. The answer is
 * taken only when it is 2xx, JSON, and the portal's envelope says OK; anything else is a CollectionFailed.
 */
import { CollectionFailed, type PortalAnswer } from './failure.js';
import { excerptOf } from './excerpt.js';
import type { CollectorSettings } from './settings.js';

type AnswerData = { pagination?: { total?: unknown; totalPages?: unknown }; children?: unknown; evaluation?: unknown } | undefined;

/** The answer's units: `children` of a tree, `evaluation` of a list. */
function unitsOf(data: AnswerData): unknown[] {
  return Array.isArray(data?.children) ? data.children : Array.isArray(data?.evaluation) ? data.evaluation : [];
}

/**
 * The answer's list against the `pagination` the portal sends with it: more pages, or fewer rows than its total,
 * means units left out. Null when the list is whole or nothing says otherwise.
 */
export function pageShortfall(body: unknown): { shown: number; total: number } | null {
  const data = (body as { data?: AnswerData }).data;
  const pagination = data?.pagination;
  if (!pagination) return null;
  const list = unitsOf(data);
  const total = Number(pagination.total);
  const pages = Number(pagination.totalPages);
  if ((Number.isFinite(pages) && pages > 1) || (Number.isFinite(total) && list.length < total)) return { shown: list.length, total: Number.isFinite(total) ? total : list.length };
  return null;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || (error.cause instanceof Error && error.cause.name === 'TimeoutError'));
}

async function answerOf(settings: CollectorSettings, url: string, payload: unknown): Promise<{ bytes: Uint8Array } | PortalAnswer> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'user-agent': settings.userAgent },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(settings.timeoutMs),
      redirect: 'error',
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    if (!response.ok) return { kind: 'status', status: response.status, excerpt: excerptOf(text), retryAfter: response.headers.get('retry-after') };
    const contentType = response.headers.get('content-type') ?? '';
    let body: unknown;
    try {
      body = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return { kind: 'not-json', status: response.status, contentType, excerpt: excerptOf(text) };
    }
    const code = typeof body === 'object' && body !== null && 'code' in body ? String(body.code) : '';
    if (code !== 'OK') return { kind: 'portal-error', code: code || '?', excerpt: excerptOf(text) };
    if (unitsOf((body as { data?: AnswerData }).data).length === 0) return { kind: 'empty' };
    const shortfall = pageShortfall(body);
    if (shortfall) return { kind: 'partial', ...shortfall };
    return { bytes };
  } catch (error) {
    if (isTimeout(error)) return { kind: 'timeout', seconds: settings.timeoutMs / 1000 };
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : null;
    return { kind: 'network', detail: cause ?? (error instanceof Error ? error.message : String(error)) };
  }
}

export async function requestEndpoint(settings: CollectorSettings, endpoint: string, url: string, payload: unknown): Promise<Uint8Array> {
  const answer = await answerOf(settings, url, payload);
  if ('bytes' in answer) return answer.bytes;
  throw new CollectionFailed(endpoint, url, answer);
}

/** A collection in words: how far it is, why it stopped, and where the figures came from. */
import { CollectionFailed, CollectionRefused, type PortalAnswer, type RunFailure } from '../collector/failure.js';
import { FRAMEWORK_2024 } from '../domain/framework.js';
import { NATIONAL_LIST, NATIONAL_LIST_ENDPOINT, PORTAL_ENDPOINTS } from '../domain/portal-requests.js';
import { formatDateTime } from '../domain/format.js';
import { isStable } from '../domain/collection-due.js';
import type { CollectionRun } from '../services/collections.js';
import type { Translate } from './i18n.js';
import type { Reply } from './reply.js';

/** What an endpoint holds, as an official names it: a group's table, or the national list of provinces. */
export function tableNameOf(t: Translate, endpoint: string): string {
  const group = PORTAL_ENDPOINTS.find((e) => e.name === endpoint)?.group;
  if (group) return FRAMEWORK_2024.groups.find((g) => g.key === group)?.name ?? endpoint;
  return endpoint === NATIONAL_LIST_ENDPOINT ? t('collect-national-table') : endpoint;
}

/** A collection's target as shown: the province's code, or the national list. */
export function targetLabel(t: Translate, province: string): string {
  return province === NATIONAL_LIST ? t('collect-national') : province;
}

function answerText(t: Translate, answer: PortalAnswer): string {
  const excerpt = 'excerpt' in answer && answer.excerpt ? t('collect-excerpt', { text: answer.excerpt }) : '';
  switch (answer.kind) {
    case 'status':
      if (answer.status === 429) return t('collect-answer-429', { excerpt, wait: answer.retryAfter ? t('collect-retry-after', { after: /^\d+$/.test(answer.retryAfter) ? t('collect-seconds', { seconds: Number(answer.retryAfter) }) : answer.retryAfter }) : '' });
      if (answer.status === 403) return t('collect-answer-403', { excerpt });
      return t('collect-answer-status', { status: answer.status, excerpt });
    case 'timeout':
      return t('collect-answer-timeout', { seconds: answer.seconds });
    case 'not-json':
      return t('collect-answer-not-json', { status: answer.status, contentType: answer.contentType || '?', excerpt });
    case 'portal-error':
      return t('collect-answer-portal-error', { code: answer.code, excerpt });
    case 'network':
      return t('collect-answer-network', { detail: answer.detail });
    case 'empty':
      return t('collect-answer-empty');
    case 'partial':
      return t('collect-answer-partial', { shown: answer.shown, total: answer.total });
  }
}

/** The Vietnamese message of a collection that stopped or was refused; null for any other error. */
export function collectionErrorText(t: Translate, error: unknown): string | null {
  if (error instanceof CollectionRefused) return t(error.key, error.args);
  if (!(error instanceof CollectionFailed)) return null;
  return t('collect-failed', { group: tableNameOf(t, error.endpoint), url: error.url, answer: answerText(t, error.answer) });
}

function failureText(t: Translate, failure: RunFailure | null): string {
  switch (failure?.kind) {
    case 'portal':
      return t('collect-run-stopped-at', { group: tableNameOf(t, failure.endpoint), answer: answerText(t, failure.answer) });
    case 'rejected':
      return t('collect-run-rejected', { count: failure.count });
    case 'refused':
      return t(failure.key, failure.args);
    case 'error':
      return t('collect-run-error');
    case 'interrupted':
      return t('collect-run-interrupted');
    case undefined:
      return '?';
  }
}

function runOutcome(t: Translate, run: CollectionRun): string {
  if (run.status === 'running') return t('collect-run-running');
  if (run.status === 'failed') return t('collect-run-failed', { reason: failureText(t, run.failure) });
  return t(run.importId === null ? 'collect-run-unchanged' : 'collect-run-imported');
}

/** A period's collections, the latest first: when, which province, from where, and whether it changed anything. */
export function renderCollectionRuns(t: Translate, runs: readonly CollectionRun[]): Reply | null {
  if (runs.length === 0) return null;
  const lines = runs.slice(0, SHOWN_RUNS).map((run) =>
    t('collect-run', { when: formatDateTime(run.createdAt), province: targetLabel(t, run.province), source: run.sourceUrl, outcome: runOutcome(t, run) }),
  );
  if (runs.length > SHOWN_RUNS) lines.push(t('collect-runs-more', { count: runs.length - SHOWN_RUNS }));
  const provinces = [...new Set(runs.map((r) => r.province))];
  const stable = provinces.filter((p) => isStable(runs.filter((r) => r.province === p)));
  if (stable.length > 0) lines.push(t('collect-stable', { provinces: stable.map((p) => targetLabel(t, p)).join(', ') }));
  return { title: t('collect-runs-title'), lines };
}

const SHOWN_RUNS = 5;

export function collectStepText(t: Translate, done: number, total: number, endpoint: string | null): string {
  return endpoint ? t('collect-step', { step: done + 1, total, group: tableNameOf(t, endpoint) }) : t('collect-steps-done', { total });
}

/**
 * Prometheus metrics (GET /metrics): the one registry and every metric the bot keeps, defined here
 * and recorded in one line from the place that knows. Labels come only from small fixed sets (a
 * channel, an intent, an outcome, a kind): never a chat, a user, a unit or a period, so the number
 * of series stays bounded whatever happens. A metric is a side effect: nothing reads it back.
 */
import { performance } from 'node:perf_hooks';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client.js';
import type { Channel, ImportSource, OutboxKind, OutboxStatus } from '../db/schema.js';
import type { SendOutcome } from '../delivery/sender.js';

export const registry = new Registry();
// Memory, CPU, event-loop lag, GC, handles: Node's own, under their usual names.
collectDefaultMetrics({ register: registry });

/** Updates by channel, intent and outcome (ok, or failed: the user was told and it is handled again). */
const updates = new Counter({
  name: 'chiso_updates_total',
  help: 'Updates handled, by channel, the kind of answer the core chose (intent) and outcome (ok | failed)',
  labelNames: ['channel', 'intent', 'outcome'] as const,
  registers: [registry],
});

/** From the moment an update reaches the shared handling until its answer is sent (or queued). */
const answerSeconds = new Histogram({
  name: 'chiso_answer_duration_seconds',
  help: 'Time from an update reaching the bot until its answer was sent or queued, by channel',
  labelNames: ['channel'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

const rateLimited = new Counter({
  name: 'chiso_rate_limited_total',
  help: "Updates over a chat's rate limit, by channel and action (told: the one answered with the notice; dropped: the rest)",
  labelNames: ['channel', 'action'] as const,
  registers: [registry],
});

const outboxMessages = new Gauge({
  name: 'chiso_outbox_messages',
  help: 'Rows in the outbox by kind and status, counted when scraped (sent rows are kept, so that status only grows)',
  labelNames: ['kind', 'status'] as const,
  registers: [registry],
});

export type SendResult = 'ok' | 'retry' | 'failed' | 'blocked' | 'outside-window';

const sends = new Counter({
  name: 'chiso_sends_total',
  help: 'Messages handed to a channel, by channel and outcome (ok | retry | failed | blocked | outside-window)',
  labelNames: ['channel', 'outcome'] as const,
  registers: [registry],
});

const platform429s = new Counter({
  name: 'chiso_platform_429_total',
  help: "Calls a platform refused for going too fast (HTTP 429, Zalo OA's rate-limit code), by channel",
  labelNames: ['channel'] as const,
  registers: [registry],
});

const importSeconds = new Histogram({
  name: 'chiso_import_duration_seconds',
  help: 'Time to read files into an import (step=read, in a worker thread) and to store it (step=save), by source',
  labelNames: ['source', 'step'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 180],
  registers: [registry],
});

const publicationSeconds = new Histogram({
  name: 'chiso_publication_duration_seconds',
  help: 'Time to publish a period: plan every linked chat\'s message and write them to the outbox',
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [registry],
});

const reminderRuns = new Counter({
  name: 'chiso_reminder_runs_total',
  help: 'Runs of the reminder job (each scheduler tick), by outcome (enqueued | nothing | failed)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

// Every kind and status, so that a state with no rows reads 0 rather than missing (the type check holds them complete).
const OUTBOX_KINDS = Object.keys({ result: 0, summary: 0, reminder: 0, answer: 0 } satisfies Record<OutboxKind, 0>);
const OUTBOX_STATUSES = Object.keys({ pending: 0, sending: 0, sent: 0, failed: 0, blocked: 0, cancelled: 0, 'outside-window': 0, waiting: 0 } satisfies Record<OutboxStatus, 0>);

const secondsSince = (start: number) => (performance.now() - start) / 1000;


/** An update handled, with the intent the core noted (core/intent.ts) and the time since it reached the bot (performance.now()). */
export function countUpdate(channel: Channel, intent: string, outcome: 'ok' | 'failed', since: number): void {
  updates.inc({ channel, intent, outcome });
  answerSeconds.observe({ channel }, secondsSince(since));
}

export function countRateLimited(channel: Channel, action: 'told' | 'dropped'): void {
  rateLimited.inc({ channel, action });
}

/** A send and how it went; `lastAttempt`: a transient failure is final (the dispatcher gives up). */
export function countSend(channel: string, outcome: SendOutcome, lastAttempt = false): void {
  if (outcome.kind === 'retry-after') platform429s.inc({ channel });
  sends.inc({ channel, outcome: sendResult(outcome, lastAttempt) });
}

function sendResult(outcome: SendOutcome, lastAttempt: boolean): SendResult {
  switch (outcome.kind) {
    case 'sent':
      return 'ok';
    case 'retry-after':
      return 'retry';
    case 'transient':
      return lastAttempt ? 'failed' : 'retry';
    case 'unreachable':
      return 'blocked';
    case 'rejected':
      return 'failed';
    case 'outside-window':
      return 'outside-window';
  }
}

/** A 429 met on a call other than a send (an edit, a callback answer, setWebhook). */
export function countPlatform429(channel: Channel): void {
  platform429s.inc({ channel });
}

export function observeImport(source: ImportSource, step: 'read' | 'save', since: number): void {
  importSeconds.observe({ source, step }, secondsSince(since));
}

export function observePublication(since: number): void {
  publicationSeconds.observe(secondsSince(since));
}

export function countReminderRun(outcome: 'enqueued' | 'nothing' | 'failed'): void {
  reminderRuns.inc({ outcome });
}

/** Counts the outbox by kind and status (one grouped query); left out of the scrape while the database is away. */
async function countOutbox(database: Database): Promise<void> {
  outboxMessages.reset();
  if (!database.health.up) return;
  const rows = await database.query<{ kind: string; status: string; n: number }>('select kind, status, count(*)::int as n from outbox group by kind, status');
  for (const kind of OUTBOX_KINDS) for (const status of OUTBOX_STATUSES) outboxMessages.set({ kind, status }, 0);
  for (const row of rows) outboxMessages.set({ kind: row.kind, status: row.status }, row.n);
}

/** The text a scrape gets; the outbox is counted now. */
export async function scrape(database: Database, onOutboxError: (error: unknown) => void): Promise<string> {
  await countOutbox(database).catch(onOutboxError);
  return registry.metrics();
}

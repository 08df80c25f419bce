/**
 * Publishing a period: from then on every linked chat gets its unit's own result, or, for the leaders
 * of a parent unit, a summary of its units. Publishing only writes the outbox (deterministic keys,
 * ON CONFLICT DO NOTHING); the dispatcher sends. Publishing again enqueues only what is missing
 * (a chat linked since), so a second tap, a second instance or the schedule never send twice.
 *
 * Whether a period may be published is decided here once, for every door (chat /congbo, CLI publish,
 * POST /api/publications, the schedule): it needs results, not recipients. A period published before
 * anyone is linked is still released: the delivery report exists, a later import may not silently leave
 * its results incomplete, and publishing it again sends to the chats linked since. Each door says so.
 */
import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { latestResults, type StoredResult } from '../db/results.js';
import { chats, publications, results, units } from '../db/schema.js';
import { reachableOn, type ChatRow } from '../db/chats.js';
import { childrenOf, type UnitRow } from '../db/units.js';
import { exactPeriodKey, parsePeriodKey, previousPeriodKey } from '../domain/period.js';
import { summarise, type SummaryEntry } from '../domain/summary.js';
import { enqueue, type NewMessage } from '../delivery/outbox.js';
import { localDate, type IsoDate } from '../domain/working-days.js';
import { PUSH_CHANNELS } from '../delivery/sender.js';
import type { Translate } from '../messages/i18n.js';
import { renderPublishedCard, renderSummary, type ScopedSummary } from '../messages/publication.js';
import type { Reply } from '../messages/reply.js';
import { observePublication } from '../observability/metrics.js';
import { leaderReportMessages, type ReportDrawer } from './leader-report-delivery.js';
import { scoreCardsForPeriod } from './scores.js';

export class PublicationError extends Error {
  constructor(readonly key: 'publication-bad-period' | 'publication-no-results', readonly period: string) {
    super(`${key}: ${period}`);
  }
}

export type PublicationRow = typeof publications.$inferSelect;

export interface Planned {
  chat: ChatRow;
  unit: UnitRow;
  kind: 'result' | 'summary';
  reply: Reply;
}

export interface Plan {
  period: string;
  /** Empty when no linked chat has anything to receive: publishing is still allowed. */
  messages: Planned[];
  /** Linked chats whose unit has no result for the period (nothing to send them). */
  withoutResult: number;
}

export function checkedPeriod(text: string): string {
  const period = exactPeriodKey(text);
  if (!period) throw new PublicationError('publication-bad-period', text);
  return period;
}

const LEADS = new Set(['leader', 'admin']);

/** One summary per kind of sibling ranked together (xã/phường apart from sở/ngành), largest first. */
async function summaryOf(db: Db, parent: UnitRow, period: string): Promise<ScopedSummary[] | null> {
  const children = await childrenOf(db, parent.id);
  if (children.length === 0) return null;
  const ids = children.map((c) => c.id);
  const current = await latestResults(db, ids, period);
  if (current.size === 0) return null;
  const previousKey = previousPeriodKey(period);
  const previous = previousKey ? await latestResults(db, ids, previousKey) : new Map<number, StoredResult>();
  const byScope = new Map<string | null, SummaryEntry[]>();
  for (const c of children) {
    const r = current.get(c.id);
    if (!r) continue;
    byScope.set(r.rankScope, [...(byScope.get(r.rankScope) ?? []), { unit: c.name, total: r.total, rank: r.rank, previousTotal: previous.get(c.id)?.total ?? null }]);
  }
  return [...byScope]
    .map(([scope, entries]) => ({ scope, summary: summarise(entries) }))
    .sort((a, b) => b.summary.units - a.summary.units);
}

async function checkHasResults(db: Db, period: string): Promise<void> {
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(results).where(eq(results.period, period));
  if (!count?.n) throw new PublicationError('publication-no-results', period);
}

/** What each linked chat would receive for a period; nothing is written. */
export async function planPublication(db: Db, t: Translate, period: string): Promise<Plan> {
  const parsed = parsePeriodKey(period);
  if (!parsed) throw new PublicationError('publication-bad-period', period);
  await checkHasResults(db, period);

  const recipients = await db
    .select({ chat: chats, unit: units })
    .from(chats)
    .innerJoin(units, eq(units.id, chats.unitId))
    .where(reachableOn(PUSH_CHANNELS))
    .orderBy(chats.id);
  const unitRows = [...new Map(recipients.map((r) => [r.unit.id, r.unit])).values()];
  const scoreCards = await scoreCardsForPeriod(db, unitRows, period);
  const cards = new Map<number, Reply | null>();
  const summaries = new Map<number, Reply | null>();
  const messages: Planned[] = [];
  let withoutResult = 0;
  for (const { chat, unit } of recipients) {
    if (LEADS.has(chat.role ?? '')) {
      if (!summaries.has(unit.id)) {
        const summary = await summaryOf(db, unit, period);
        summaries.set(unit.id, summary ? renderSummary(t, unit, period, summary) : null);
      }
      const reply = summaries.get(unit.id);
      if (reply) {
        messages.push({ chat, unit, kind: 'summary', reply });
        continue;
      }
    }
    if (!cards.has(unit.id)) {
      const card = scoreCards.get(unit.id);
      cards.set(unit.id, card ? renderPublishedCard(t, card) : null);
    }
    const reply = cards.get(unit.id);
    if (reply) messages.push({ chat, unit, kind: 'result', reply });
    else withoutResult += 1;
  }
  return { period, messages, withoutResult };
}

export function dedupeKey(period: string, unit: UnitRow, chat: ChatRow): string {
  return `result:${period}:unit:${unit.code ?? unit.id}:chat:${chat.channel}:${chat.externalId}`;
}

export interface PublishOutcome {
  publication: PublicationRow;
  /** It had been published before: only what was missing is enqueued now. */
  again: boolean;
  planned: number;
  enqueued: number;
  summaries: number;
  /** One-page reports (PDF) enqueued now, one after each new summary. */
  reports: number;
  /** Units whose report could not be drawn: their summaries went without it. */
  unmadeReports: number;
  withoutResult: number;
}

async function publicationRow(db: Db, period: string, requestedBy: string): Promise<{ row: PublicationRow; again: boolean }> {
  const [existing] = await db.select().from(publications).where(eq(publications.period, period));
  if (existing?.status === 'published') return { row: existing, again: true };
  const [row] = await db
    .insert(publications)
    .values({ period, status: 'published', publishedAt: sql`now()`, requestedBy })
    .onConflictDoUpdate({ target: publications.period, set: { status: 'published', publishedAt: sql`coalesce(${publications.publishedAt}, now())` } })
    .returning();
  if (!row) throw new Error('publication upsert returned nothing');
  return { row, again: false };
}

export interface PublishOptions {
  /** A report's date (its overdue tasks): the day of publication in Vietnam unless the door knows it. */
  today?: IsoDate;
  /** Where a report that could not be drawn is told of. */
  log?: Pick<Logger, 'error'> | null;
  drawReport?: ReportDrawer;
}

export async function publishPeriod(db: Db, t: Translate, periodText: string, requestedBy: string, { today, log, drawReport }: PublishOptions = {}): Promise<PublishOutcome> {
  const started = performance.now();
  const period = checkedPeriod(periodText);
  // Planned first, so a period without results is refused before it counts as published.
  const plan = await planPublication(db, t, period);
  const { row, again } = await publicationRow(db, period, requestedBy);
  const messages: NewMessage[] = plan.messages.map((m) => ({
    dedupeKey: dedupeKey(period, m.unit, m.chat),
    kind: m.kind,
    chatId: m.chat.id,
    unitId: m.unit.id,
    publicationId: row.id,
    payload: m.reply,
  }));
  const enqueued = await enqueue(db, messages);
  const made = today ?? localDate(row.publishedAt ?? row.createdAt, 'Asia/Ho_Chi_Minh');
  const summaries = plan.messages.flatMap((m, i) => (m.kind === 'summary' ? [{ ...m, dedupeKey: messages[i]?.dedupeKey ?? '' }] : []));
  const drawn = await leaderReportMessages(db, t, summaries, period, made, drawReport);
  for (const { unit, error } of drawn.unmade) log?.error({ err: error, period, unit: unit.id }, 'leader report could not be drawn: the summary goes without it');
  const reports = await enqueue(db, drawn.messages);
  observePublication(started);
  return {
    publication: row,
    again,
    planned: messages.length,
    enqueued,
    summaries: plan.messages.filter((m) => m.kind === 'summary').length,
    reports,
    unmadeReports: drawn.unmade.length,
    withoutResult: plan.withoutResult,
  };
}

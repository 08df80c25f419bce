/**
 * A published month's leader summaries come with the one-page report: for each chat that gets a
 * summary, the PDF follows as its own outbox row (a Telegram caption holds 1,024 characters, less than
 * a summary of two scopes), keyed like the summary so publishing again sends it once. Reports already
 * enqueued are not drawn again.
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { UnitRow } from '../db/units.js';
import { outbox } from '../db/schema.js';
import type { NewMessage } from '../delivery/outbox.js';
import { parsePeriodKey } from '../domain/period.js';
import type { IsoDate } from '../domain/working-days.js';
import type { Translate } from '../messages/i18n.js';
import type { Reply, ReplyFile } from '../messages/reply.js';
import type { LeaderReportFacts } from '../domain/leader-report.js';
import { leaderReportPdf, pdfCaption } from '../reports/leader-report.js';
import { leaderReport } from './leader-report.js';
import type { Planned } from './publication.js';

/** Draws a unit's report as a file: the PDF, unless a caller draws otherwise. */
export type ReportDrawer = (t: Translate, facts: LeaderReportFacts, made: IsoDate) => Promise<ReplyFile>;

/** A unit whose report could not be drawn: its summary goes without it. */
export interface UnmadeReport {
  unit: UnitRow;
  error: unknown;
}

export interface ReportMessages {
  messages: NewMessage[];
  unmade: UnmadeReport[];
}

async function drawn(t: Translate, facts: LeaderReportFacts, made: IsoDate, draw: ReportDrawer, failed: (error: unknown) => void): Promise<Reply | null> {
  try {
    return { lines: [pdfCaption(t, facts)], file: await draw(t, facts, made) };
  } catch (error) {
    failed(error);
    return null;
  }
}

export function reportKey(summaryKey: string): string {
  return `report:${summaryKey}`;
}

/** The report rows still missing for these summaries, each unit's PDF drawn once; a report that cannot be drawn is left out and named. */
export async function leaderReportMessages(
  db: Db,
  t: Translate,
  summaries: readonly (Planned & { dedupeKey: string })[],
  period: string,
  made: IsoDate,
  draw: ReportDrawer = leaderReportPdf,
): Promise<ReportMessages> {
  const parsed = parsePeriodKey(period);
  if (summaries.length === 0 || parsed?.kind !== 'month') return { messages: [], unmade: [] };
  const keys = summaries.map((s) => reportKey(s.dedupeKey));
  const present = new Set((await db.select({ key: outbox.dedupeKey }).from(outbox).where(inArray(outbox.dedupeKey, keys))).map((r) => r.key));
  const replies = new Map<number, Reply | null>();
  const messages: NewMessage[] = [];
  const unmade: UnmadeReport[] = [];
  for (const summary of summaries) {
    const dedupeKey = reportKey(summary.dedupeKey);
    if (present.has(dedupeKey)) continue;
    if (!replies.has(summary.unit.id)) {
      const answer = await leaderReport(db, summary.unit, { kind: 'month', month: parsed.month, year: parsed.year }, made);
      replies.set(summary.unit.id, answer.kind === 'report' && answer.facts.period === period ? await drawn(t, answer.facts, made, draw, (error) => unmade.push({ unit: summary.unit, error })) : null);
    }
    const reply = replies.get(summary.unit.id);
    if (reply) messages.push({ dedupeKey, kind: 'summary', chatId: summary.chat.id, unitId: summary.unit.id, publicationId: null, payload: reply });
  }
  return { messages, unmade };
}

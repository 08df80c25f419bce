/** What a published period looks like in a chat: a unit's own card with what to do, or a parent's summary. */
import { encodeAction } from '../domain/actions.js';
import { formatChange, formatDateTime, formatDecimal } from '../domain/format.js';
import { formatPeriodKey } from '../domain/period.js';
import type { Summary, SummaryEntry } from '../domain/summary.js';
import type { UnitRow } from '../db/units.js';
import type { PublishOutcome } from '../services/publication.js';
import type { ScoreCard } from '../services/scores.js';
import { renderCard } from './card.js';
import type { Translate } from './i18n.js';
import type { Reply } from './reply.js';
import { suggestedTasks } from './suggestions.js';

export function publicationButtons(t: Translate, unitId: number, period: string): Reply['buttons'] {
  return [
    [
      { label: t('button-detail'), action: encodeAction({ kind: 'card', view: 'detail', unitId, period }) },
      { label: t('button-ranking'), action: encodeAction({ kind: 'card', view: 'rank', unitId, period }) },
    ],
    [
      { label: t('button-tasks'), action: encodeAction({ kind: 'card', view: 'tasks', unitId, period }) },
      { label: t('button-ack'), action: encodeAction({ kind: 'card-ack', period }) },
    ],
  ];
}

export function renderPublishedCard(t: Translate, card: ScoreCard): Reply {
  const base = renderCard(t, card, { markWeak: true });
  const tasks = suggestedTasks(t, card);
  return {
    title: t('publication-card-title', { unit: card.unit.name, period: formatPeriodKey(card.result.period) }),
    lines: [...base.lines, ...(tasks.length > 0 ? ['', t('publication-tasks-title'), ...tasks] : [])],
    buttons: publicationButtons(t, card.unit.id, card.result.period),
  };
}

function entryLine(t: Translate, e: SummaryEntry): string {
  return t('summary-entry', { unit: e.unit, total: formatDecimal(e.total ?? '0') });
}

export interface ScopedSummary {
  /** Whom these units are ranked among ("xã, phường"); null when the source says nothing. */
  scope: string | null;
  summary: Summary;
}

function summaryLines(t: Translate, summary: Summary): string[] {
  const lines = [t('summary-count', { scored: summary.scored, units: summary.units })];
  if (summary.average) lines.push(t('summary-average', { average: formatDecimal(summary.average) }));
  lines.push(t('summary-best', { n: summary.best.length }), ...summary.best.map((e) => entryLine(t, e)));
  lines.push(t('summary-weakest', { n: summary.weakest.length }), ...summary.weakest.map((e) => entryLine(t, e)));
  lines.push(t('summary-under-80', { count: summary.under80.length }));
  if (summary.gains.length > 0) lines.push(t('summary-gains'), ...summary.gains.map((c) => t('summary-change', { unit: c.unit, change: formatChange(c.delta) })));
  if (summary.falls.length > 0) lines.push(t('summary-falls'), ...summary.falls.map((c) => t('summary-change', { unit: c.unit, change: formatChange(c.delta) })));
  if (summary.gains.length === 0 && summary.falls.length === 0) lines.push(t('summary-no-previous'));
  return lines;
}

/** Communes and departments are summed up apart: an average across both would describe neither. */
export function renderSummary(t: Translate, parent: UnitRow, period: string, sections: readonly ScopedSummary[]): Reply {
  const lines = sections.flatMap((section, i) => [
    ...(i > 0 ? [''] : []),
    ...(sections.length > 1 ? [t('summary-section', { scope: section.scope ?? t('ranking-scope-default') })] : []),
    ...summaryLines(t, section.summary),
  ]);
  return { title: t('summary-title', { unit: parent.name, period: formatPeriodKey(period) }), lines };
}

/** The answer to whoever published: what went into the queue. */
export function publicationText(t: Translate, outcome: PublishOutcome): string {
  const period = formatPeriodKey(outcome.publication.period);
  const lines = outcome.again
    ? [t('publication-again', { period, at: formatDateTime(outcome.publication.publishedAt ?? new Date()), enqueued: outcome.enqueued })]
    : [t('publication-done', { period, enqueued: outcome.enqueued, planned: outcome.planned, summaries: outcome.summaries, withoutResult: outcome.withoutResult })];
  if (outcome.unmadeReports > 0) lines.push(t('publication-reports-unmade', { count: outcome.unmadeReports }));
  if (!outcome.again && outcome.planned === 0) lines.push(t('publication-nobody', { period }));
  return lines.join('\n');
}

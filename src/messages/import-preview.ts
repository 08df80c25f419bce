/** What the bot read from an admin's files, shown before anything is stored, with Xác nhận / Hủy. */
import { encodeAction } from '../domain/actions.js';
import { formatDecimal } from '../domain/format.js';
import { frameworkByVersion, CURRENT_FRAMEWORK } from '../domain/framework.js';
import { formatPeriodKey } from '../domain/period.js';
import type { ImportBatch, ImportReport } from '../imports/save.js';
import type { DraftState } from '../services/import-drafts.js';
import { groupLines } from './card.js';
import type { Translate } from './i18n.js';
import { renderProblems } from './import-problems.js';
import { renderImportReport, someOf } from './import-report.js';
import type { Reply } from './reply.js';

/**
 * Xác nhận stores what the preview showed: when it warned of results losing their completeness, the
 * button says so (`force`); without that word a loss found only when it is tapped is refused.
 */
export function confirmButtons(t: Translate, draftId: number, acceptsLoss: boolean): Reply['buttons'] {
  return [[
    { label: t('import-confirm-button'), action: encodeAction({ kind: 'import', choice: acceptsLoss ? 'force' : 'ok', draftId }) },
    { label: t('import-cancel-button'), action: encodeAction({ kind: 'import', choice: 'no', draftId }) },
  ]];
}

export function renderDraft(t: Translate, state: DraftState): Reply {
  const files = state.draft.files.map((f) => f.fileName).join(', ');
  if (state.kind === 'needs-period') return { lines: t('import-ask-period', { files }).split('\n') };
  if (state.kind === 'rejected') return { lines: [...renderProblems(t, state.error.problems), t('import-send-again')] };
  const { batch } = state;
  const lines: string[] = [t(`import-preview-${batch.source}`, { files, period: formatPeriodKey(batch.period), units: batch.rows.length })];
  if (batch.source === 'letter') {
    if (batch.letter) lines.push(t('import-preview-period-source', { period: formatPeriodKey(batch.period), source: batch.letter.periodSource }));
    lines.push(...letterRows(t, batch));
    for (const other of batch.also ?? []) lines.push('', t('import-preview-other-period', { period: formatPeriodKey(other.period) }), ...letterRows(t, other));
  } else {
    const sample = batch.rows.find((r) => r.unit.parent) ?? batch.rows[0];
    if (sample) lines.push(t('import-preview-sample', { unit: sample.unit.name, total: sample.result.total === null ? '—' : formatDecimal(sample.result.total) }));
    const missing = batch.groupsPresent ? CURRENT_FRAMEWORK.groups.filter((g) => !batch.groupsPresent?.includes(g.key)) : [];
    if (missing.length > 0) lines.push(t('import-preview-missing-groups', { groups: missing.map((g) => g.name).join(', ') }));
  }
  const unread = batch.letter?.unread ?? [];
  if (unread.length > 0) {
    lines.push('', t('import-preview-unread'));
    for (const u of unread.slice(0, 10)) lines.push(t('import-preview-unread-item', { printed: u.printed, sentence: u.sentence.length > 200 ? `${u.sentence.slice(0, 200)}…` : u.sentence }));
  }
  // Each period the batch saves (a letter's second period too) may leave complete results incomplete.
  const outcomes = [state.outcome, ...(state.outcome.also ?? [])];
  for (const outcome of outcomes.filter((o) => o.lostComplete.length > 0)) {
    const lost = outcome.lostComplete;
    lines.push('', t('import-preview-loss', { count: lost.length, names: someOf(lost), published: outcome.periodPublished ? 'yes' : 'no', period: formatPeriodKey(outcome.period) }));
  }
  lines.push('', t('import-preview-confirm'));
  return { lines, buttons: confirmButtons(t, state.draft.id, outcomes.some((o) => o.lostComplete.length > 0)) };
}

/** Each unit a letter gives a result: total, rank, classification, the change it prints, groups. */
function letterRows(t: Translate, batch: ImportBatch): string[] {
  const lines: string[] = [];
  batch.rows.forEach((row, i) => {
    const r = row.result;
    lines.push('', t('import-preview-unit', { unit: row.unit.name, total: r.total === null ? '—' : formatDecimal(r.total) }));
    if (r.rank !== null && r.rankOf !== null) lines.push(t('card-rank-scope', { rank: r.rank, rankOf: r.rankOf, scope: r.rankScope ?? '' }).trim());
    else if (r.rank !== null) lines.push(t('import-preview-rank', { rank: String(r.rank) }));
    if (r.classification) lines.push(t('card-classification', { label: r.classification }));
    const change = batch.letter?.changes?.[i];
    if (change && (change.printedDelta !== null || change.rankChange !== null)) {
      const parts = [
        ...(change.printedDelta === null ? [] : [change.printedDelta.endsWith('%') ? change.printedDelta : t('import-preview-points', { points: change.printedDelta })]),
        ...(change.rankChange === null ? [] : [change.rankChange === 0 ? t('card-rank-same') : t(change.rankChange > 0 ? 'card-rank-up' : 'card-rank-down', { n: String(Math.abs(change.rankChange)) })]),
      ];
      lines.push(t('import-preview-change', { change: parts.join(', ') }));
    }
    lines.push(...groupLines(t, frameworkByVersion(r.frameworkVersion), r.groups));
  });
  return lines;
}

export function renderImported(t: Translate, report: ImportReport): Reply {
  return { title: t('import-done-title'), lines: renderImportReport(t, report) };
}

/** An import's report in words, for the CLI and the admin chat. */
import { CURRENT_FRAMEWORK } from '../domain/framework.js';
import { formatPeriodKey } from '../domain/period.js';
import type { ImportReport } from '../imports/save.js';
import type { Translate } from './i18n.js';

/** A report names at most this many units in a list; the rest are counted. */
const SHOWN = 10;

export function someOf(names: readonly string[]): string {
  return names.length > SHOWN ? `${names.slice(0, SHOWN).join(', ')}, …` : names.join(', ');
}

export function renderImportReport(t: Translate, report: ImportReport): string[] {
  const lines = [
    t('import-summary', {
      source: t(`import-source-${report.source}`),
      period: formatPeriodKey(report.period),
      added: report.resultsAdded.length,
      updated: report.resultsUpdated.length,
      unchanged: report.resultsUnchanged,
      matched: report.unitsMatched,
      created: report.unitsCreated.length,
    }),
  ];
  if (report.importId === null) lines.push(t('import-nothing-changed'));
  const missing = report.groupsPresent ? CURRENT_FRAMEWORK.groups.filter((g) => !report.groupsPresent?.includes(g.key)) : [];
  if (missing.length > 0) lines.push(t('import-groups-missing', { groups: missing.map((g) => g.name).join(', ') }));
  const incomplete = report.incompleteUnits ?? [];
  if (incomplete.length > 0) {
    lines.push(t('import-incomplete', { count: incomplete.length, names: someOf(incomplete) }));
  }
  const lost = report.lostComplete ?? [];
  if (lost.length > 0) lines.push(t('import-lost-complete', { count: lost.length, names: someOf(lost) }));
  if (report.unitsCreated.length > 0) lines.push(t('import-created-units', { count: report.unitsCreated.length, names: someOf(report.unitsCreated) }));
  for (const u of report.resultsUpdated.slice(0, SHOWN)) lines.push(t('import-updated', { unit: u.unit, changes: u.changes.join('; ') }));
  if (report.resultsUpdated.length > SHOWN) lines.push(t('import-updated-more', { count: report.resultsUpdated.length - SHOWN }));
  for (const other of report.also ?? []) lines.push('', ...renderImportReport(t, other));
  return lines;
}

/** An import's report in words, for the CLI and the admin chat. */
import { formatPeriodKey } from '../domain/period.js';
import type { ImportReport } from '../imports/save.js';
import type { Translate } from './i18n.js';

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
  if (report.unitsCreated.length > 0) lines.push(t('import-created-units', { names: report.unitsCreated.join(', ') }));
  for (const u of report.resultsUpdated) lines.push(t('import-updated', { unit: u.unit, changes: u.changes.join('; ') }));
  return lines;
}

/**
 * /baocaothang: the one-page report of the chat's parent unit for a month, as an A4 PDF and a PNG
 * preview for phones that cannot open a PDF.
 */
import { describeQuery, formatPeriodKey } from '../domain/period.js';
import { localDate } from '../domain/working-days.js';
import { textReply, type Reply } from '../messages/reply.js';
import { leaderReportFiles, pdfCaption } from '../reports/leader-report.js';
import { heldUnit } from '../services/gazetteer.js';
import { leaderReport, type LeaderReportAnswer } from '../services/leader-report.js';
import type { Translate } from '../messages/i18n.js';
import type { Answers } from './feature.js';

function refusal(t: Translate, answer: Exclude<LeaderReportAnswer, { kind: 'report' }>): Reply {
  switch (answer.kind) {
    case 'no-children':
      return textReply(t('leader-report-no-children', { unit: answer.unit.name }));
    case 'not-month':
      return textReply(t('leader-report-not-month'));
    case 'no-data':
      return textReply(
        answer.available.length === 0 || answer.query.kind === 'latest'
          ? t('leader-report-no-data', { unit: answer.unit.name })
          : t('leader-report-no-period', { unit: answer.unit.name, requested: describeQuery(answer.query), available: answer.available.map(formatPeriodKey).join(', ') }),
      );
  }
}

export const leaderReportFeature = {
  answers: {
    async 'monthly-report'({ deps, chat }, request) {
      const { db, t } = deps;
      const unit = chat?.unitId ? await heldUnit(db, chat.unitId) : undefined;
      if (!unit) return [textReply(t('task-no-unit'))];
      const today = localDate(deps.now(), deps.timeZone);
      const answer = await leaderReport(db, unit, request.period, today);
      if (answer.kind !== 'report') return [refusal(t, answer)];
      const files = await leaderReportFiles(t, answer.facts, today);
      return [
        { lines: [pdfCaption(t, answer.facts)], file: files.pdf },
        { lines: [t('leader-report-png-caption')], file: files.png },
      ];
    },
  } satisfies Answers<'monthly-report'>,
};

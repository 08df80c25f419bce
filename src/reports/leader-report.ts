/** The leader report as files: the A4 PDF and its PNG preview, drawn from one layout. */
import type { LeaderReportFacts } from '../domain/leader-report.js';
import { formatPeriodKey } from '../domain/period.js';
import type { IsoDate } from '../domain/working-days.js';
import type { Translate } from '../messages/i18n.js';
import type { ReplyFile } from '../messages/reply.js';
import { leaderReportPage } from './leader-layout.js';
import { renderPdf } from './pdf.js';
import { svgToPng } from '../rendering/png.js';
import { renderSvg } from './svg.js';

/** A4 at 150 dpi: sharp on a phone, a few hundred kilobytes. */
export const PREVIEW_WIDTH = 1240;

export interface LeaderReportFiles {
  pdf: ReplyFile;
  png: ReplyFile;
}

function fileName(facts: LeaderReportFacts, extension: string): string {
  return `bao-cao-${facts.period}.${extension}`;
}

export async function leaderReportPdf(t: Translate, facts: LeaderReportFacts, made: IsoDate): Promise<ReplyFile> {
  return { fileName: fileName(facts, 'pdf'), bytes: await renderPdf(leaderReportPage(t, facts, made)) };
}

export async function leaderReportFiles(t: Translate, facts: LeaderReportFacts, made: IsoDate): Promise<LeaderReportFiles> {
  const page = leaderReportPage(t, facts, made);
  const [pdf, png] = await Promise.all([renderPdf(page), svgToPng(renderSvg(page), PREVIEW_WIDTH)]);
  return { pdf: { fileName: fileName(facts, 'pdf'), bytes: pdf }, png: { fileName: fileName(facts, 'png'), bytes: png } };
}

export function pdfCaption(t: Translate, facts: LeaderReportFacts): string {
  return t('leader-report-pdf-caption', { period: formatPeriodKey(facts.period), unit: facts.unit });
}

/** The delivery report of a published period in words (/baocao, CLI). */
import { formatPeriodKey } from '../domain/period.js';
import type { DeliveryReport } from '../services/delivery-report.js';
import type { Translate } from './i18n.js';
import type { Reply } from './reply.js';

const SHOWN = 30;

export function renderDeliveryReport(t: Translate, period: string, report: DeliveryReport | null): Reply {
  if (!report) return { lines: [t('report-none', { period: formatPeriodKey(period) })] };
  const { totals } = report;
  const lines = [t('report-totals', { ...totals })];
  // Units with a problem first: those are the ones to call.
  const ordered = [...report.units].sort((a, b) => b.failed + b.blocked - (a.failed + a.blocked) || a.unit.localeCompare(b.unit, 'vi'));
  for (const u of ordered.slice(0, SHOWN)) {
    const problems = u.failed + u.blocked > 0 ? t('report-unit-problems', { failed: u.failed, blocked: u.blocked }) : '';
    lines.push(t('report-unit', { unit: u.unit, sent: u.sent, chats: u.chats, acknowledged: u.acknowledged, problems }));
  }
  if (ordered.length > SHOWN) lines.push(t('report-more', { count: ordered.length - SHOWN }));
  if (report.outsideWindow.length > 0) {
    lines.push('', t('report-outside-window', { count: report.outsideWindow.length }));
    for (const c of report.outsideWindow.slice(0, SHOWN)) {
      const chat = c.title ?? t('report-outside-window-user', { channel: c.channel, id: c.externalId });
      lines.push(t(c.waiting ? 'report-outside-window-waiting' : 'report-outside-window-chat', { unit: c.unit, chat }));
    }
    if (report.outsideWindow.length > SHOWN) lines.push(t('report-outside-window-more', { count: report.outsideWindow.length - SHOWN }));
  }
  return { title: t('report-title', { period: formatPeriodKey(period) }), lines };
}

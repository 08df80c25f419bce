/** Two units side by side: totals, ranks, then each group of the framework, "A | B" with who leads by how much. */
import { compareDecimals } from '../domain/decimal.js';
import { formatDecimal } from '../domain/format.js';
import { describeQuery, formatPeriodKey } from '../domain/period.js';
import type { GroupScore } from '../domain/result.js';
import type { ComparisonAnswer, UnitPeriods } from '../services/comparison.js';
import type { ScoreCard } from '../services/scores.js';
import type { Translate } from './i18n.js';
import { withNearestPeriods, type PeriodAction } from './period-buttons.js';
import type { Reply } from './reply.js';

/** " (A +0,21)" for a − b; nothing when either side has no figure. */
function lead(t: Translate, difference: string | null): string {
  if (difference === null) return '';
  const sign = compareDecimals(difference, '0');
  if (sign === 0) return ` (${t('compare-equal')})`;
  return ` (${t('compare-lead', { side: sign > 0 ? 'A' : 'B', points: formatDecimal(sign > 0 ? difference : difference.slice(1)) })})`;
}

function groupSide(t: Translate, g: GroupScore | null): string {
  return g?.points == null ? t('detail-no-data') : `${formatDecimal(g.points)}/${formatDecimal(g.max)}`;
}

function rankSide(card: ScoreCard): string {
  const { rank, rankOf } = card.result;
  if (rank === null) return '—';
  return rankOf === null ? String(rank) : `${rank}/${rankOf}`;
}

function availableLine(t: Translate, side: UnitPeriods): string {
  return side.available.length === 0
    ? t('compare-available-none', { unit: side.unit.name })
    : t('compare-available', { unit: side.unit.name, available: side.available.map(formatPeriodKey).join(', ') });
}

export function renderComparison(t: Translate, answer: ComparisonAnswer, periodAction?: PeriodAction): Reply {
  if (answer.kind === 'no-data') {
    const names = { a: answer.a.unit.name, b: answer.b.unit.name };
    const first = answer.query.kind === 'latest' ? t('compare-no-shared', names) : t('compare-no-period', { ...names, requested: describeQuery(answer.query) });
    const sharedPeriods = answer.a.available.filter((p) => answer.b.available.includes(p));
    return withNearestPeriods({ lines: [first, availableLine(t, answer.a), availableLine(t, answer.b)] }, sharedPeriods, answer.query, periodAction);
  }
  const { a, b, totalDifference, groups, period } = answer.comparison;
  const lines = [
    t('compare-legend', { a: a.unit.name, b: b.unit.name }),
    t('compare-total', { a: a.result.total === null ? '—' : formatDecimal(a.result.total), b: b.result.total === null ? '—' : formatDecimal(b.result.total) }) + lead(t, totalDifference),
    t('compare-rank', { a: rankSide(a), b: rankSide(b) }),
    '',
  ];
  if (groups === null) {
    lines.push(t('compare-frameworks-differ', { a: a.framework.title, b: b.framework.title }));
  } else {
    lines.push(t('compare-groups'));
    for (const g of groups) lines.push(t('compare-group', { name: g.name, a: groupSide(t, g.a), b: groupSide(t, g.b) }) + lead(t, g.difference));
  }
  return { title: t('compare-title', { a: a.unit.name, b: b.unit.name, period: formatPeriodKey(period) }), lines };
}

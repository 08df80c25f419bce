/** `/chitiet`: a group's sub-criteria with their counts, rates and points, and what moves the score. */
import { formatCount, formatDecimal, formatPercent } from '../domain/format.js';
import type { GroupKey } from '../domain/framework.js';
import { formatPeriodKey } from '../domain/period.js';
import type { CriterionScore } from '../domain/result.js';
import type { ScoreAnswer } from '../services/scores.js';
import { renderScoreAnswer } from './card.js';
import type { Translate } from './i18n.js';
import type { PeriodAction } from './period-buttons.js';
import type { Reply } from './reply.js';

function criterionLine(t: Translate, c: CriterionScore): string {
  const parts: string[] = [];
  if (c.numerator !== null && c.denominator !== null) {
    const counted = `${formatCount(c.numerator)}/${formatCount(c.denominator)}`;
    parts.push(t.has(`count-${c.code}`) ? `${counted} ${t(`count-${c.code}`)}` : counted);
  } else if (c.numerator !== null) parts.push(formatCount(c.numerator));
  if (c.rate !== null) parts.push(formatPercent(c.rate));
  if (c.max !== null && c.max !== '0') parts.push(t('detail-points', { points: c.points === null ? '—' : formatDecimal(c.points), max: formatDecimal(c.max) }));
  if (c.max === '0') parts.push(t('detail-tracked'));
  return t('detail-criterion', { name: c.name, value: parts.length > 0 ? parts.join(' · ') : t('detail-no-data') });
}

export function renderDetail(t: Translate, answer: ScoreAnswer, only: GroupKey | null, periodAction?: PeriodAction): Reply {
  if (answer.kind !== 'card') return renderScoreAnswer(t, answer, periodAction);
  const { card } = answer;
  const lines: string[] = [];
  const groups = card.framework.groups.filter((g) => only === null || g.key === only || (only === 'CCDVTT' && (g.key === 'CLGQ' || g.key === 'TTTT')));
  if (groups.length === 0) lines.push(t('detail-group-not-in-framework', { framework: card.framework.title }));
  for (const group of groups) {
    const score = card.groups.find((g) => g.key === group.key);
    if (lines.length > 0) lines.push('');
    if (!score || score.points === null) {
      lines.push(t('card-group-missing', { name: group.name }));
      continue;
    }
    lines.push(
      t(score.rate === null ? 'detail-group-no-rate' : 'detail-group', {
        name: group.name,
        points: formatDecimal(score.points),
        max: formatDecimal(score.max),
        rate: score.rate === null ? '' : formatPercent(score.rate),
      }),
    );
    if (score.criteria.length === 0) lines.push(t('detail-no-criteria'));
    for (const c of score.criteria) lines.push(criterionLine(t, c));
    lines.push(t('detail-advice', { advice: t(`advice-${group.key}`) }));
  }
  const title = only && groups.length === 1 ? `${groups[0]?.name} – ${card.unit.name}` : card.unit.name;
  return { title: t('detail-title', { title, period: formatPeriodKey(card.result.period) }), lines };
}

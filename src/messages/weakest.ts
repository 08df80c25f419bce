/** "Nhóm nào yếu nhất?": the groups that lose the most, with the points each could still gain. */
import { compareDecimals, subtractDecimal } from '../domain/decimal.js';
import { formatDecimal, formatPercent } from '../domain/format.js';
import { groupOf } from '../domain/framework.js';
import { formatPeriodKey } from '../domain/period.js';
import { groupsWithoutData, weakestGroups, type GroupScore } from '../domain/result.js';
import type { ScoreAnswer, ScoreCard } from '../services/scores.js';
import { renderScoreAnswer } from './card.js';
import type { Translate } from './i18n.js';
import type { PeriodAction } from './period-buttons.js';
import type { Reply } from './reply.js';

function gainLine(t: Translate, card: ScoreCard, g: GroupScore): string {
  const args = {
    name: groupOf(card.framework, g.key)?.name ?? g.key,
    points: formatDecimal(g.points ?? '0'),
    max: formatDecimal(g.max),
    gain: formatDecimal(subtractDecimal(g.max, g.points ?? '0')),
  };
  return g.rate === null ? t('weakest-line-no-rate', args) : t('weakest-line', { ...args, rate: formatPercent(g.rate) });
}

/** The group with the most points left to gain; the first in the framework's order among equals. */
function mostToGain(groups: readonly GroupScore[]): GroupScore | undefined {
  return groups.reduce<GroupScore | undefined>((best, g) => {
    if (!best) return g;
    return compareDecimals(subtractDecimal(g.max, g.points ?? '0'), subtractDecimal(best.max, best.points ?? '0')) > 0 ? g : best;
  }, undefined);
}

export function renderWeakest(t: Translate, answer: ScoreAnswer, periodAction?: PeriodAction): Reply {
  if (answer.kind === 'no-data') return renderScoreAnswer(t, answer, periodAction);
  const { card } = answer;
  const scored = card.groups.filter((g) => g.points !== null && compareDecimals(g.max, '0') > 0);
  const weak = weakestGroups(scored);
  const missing = groupsWithoutData(card.framework, card.groups).map((g) => g.name);
  const lines: string[] = [];
  if (scored.length === 0) {
    lines.push(t('card-no-group-data'));
  } else if (weak.length > 0) {
    lines.push(t('weakest-intro'), ...weak.map((g) => gainLine(t, card, g)));
  } else {
    const best = mostToGain(scored);
    lines.push(t(missing.length > 0 ? 'weakest-none-of-scored' : 'weakest-none'));
    if (best) lines.push(t('weakest-most-to-gain'), gainLine(t, card, best));
  }
  if (missing.length > 0 && scored.length > 0) lines.push(t('weakest-missing', { missing: missing.join(', ') }));
  return { title: t('weakest-title', { unit: card.unit.name, period: formatPeriodKey(card.result.period) }), lines };
}

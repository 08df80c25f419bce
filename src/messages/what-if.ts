/** `/uoctinh` in words: the group, the total and the rank as they would be, each labelled an estimate, with the formula used. */
import { formatDecimal } from '../domain/format.js';
import type { Range, Rank } from '../domain/estimate.js';
import { groupRule } from '../domain/formulas.js';
import { formatPeriodKey } from '../domain/period.js';
import { peerGroupOf } from '../domain/units.js';
import type { WhatIfAnswer } from '../services/what-if.js';
import { renderScoreAnswer } from './card.js';
import { criterionName, groupFormula } from './formula.js';
import type { Translate } from './i18n.js';
import type { PeriodAction } from './period-buttons.js';
import type { Reply } from './reply.js';

function range(values: Range<string>): string {
  return values.low === values.high ? formatDecimal(values.low) : `${formatDecimal(values.low)}–${formatDecimal(values.high)}`;
}

function rankRange(r: Range<Rank>): string {
  // The higher total has the better (smaller) rank.
  const best = r.high.rank;
  const worst = r.low.rank;
  return best === worst ? `${best}/${r.low.rankOf}` : `${best}–${worst}/${r.low.rankOf}`;
}

export function renderWhatIf(t: Translate, answer: WhatIfAnswer, periodAction?: PeriodAction): Reply {
  if (answer.kind === 'no-data') return renderScoreAnswer(t, answer, periodAction);
  const { card } = answer;
  const title = t('whatif-title', { unit: card.unit.name, period: formatPeriodKey(card.result.period) });
  const groupName = (key: string) => card.framework.groups.find((g) => g.key === key)?.name ?? key;
  if (answer.kind === 'refused') return { title, lines: [t(`whatif-refused-${answer.reason}`, { group: groupName(answer.group) })] };
  const e = answer.estimate;
  const rule = groupRule(e.group);
  const max = card.framework.groups.find((g) => g.key === e.group)?.max ?? '0';
  const lines = [
    t('whatif-if', { criterion: criterionName(t, card.framework, e.code), group: groupName(e.group), rate: formatDecimal(e.rate), now: e.rateNow === null ? '' : t('whatif-rate-now', { rate: formatDecimal(e.rateNow) }) }),
    t('whatif-group', { group: groupName(e.group), now: formatDecimal(e.pointsNow), points: range(e.points), max: formatDecimal(max) }),
  ];
  if (e.total && e.totalNow !== null) lines.push(t('whatif-total', { now: formatDecimal(e.totalNow), total: range(e.total), max: card.framework.total }));
  if (e.rank && e.rankNow && card.parent && e.rank.low.rankOf > 1) {
    const now = `${e.rankNow.rank}/${e.rankNow.rankOf}`;
    lines.push(t('whatif-rank', { rank: rankRange(e.rank), now, peers: t(`peers-group-${peerGroupOf(card.unit.kind)}`), parent: card.parent.name }));
  }
  if (rule) lines.push(t('whatif-formula', { formula: groupFormula(t, card.framework, rule, e.code) }));
  if (e.uncertain) lines.push(t('whatif-uncertain'));
  lines.push(t('whatif-note'));
  return { title, lines };
}

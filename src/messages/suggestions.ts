/**
 * Suggested tasks for a unit's weak groups (domain-766.md §5, `task-<group>` in the catalogue), the one
 * that could bring the most points first: "• Số hóa hồ sơ: +3,31 điểm nếu «…» đạt 90% (ước tính). Số hóa …".
 */
import { groupName } from '../domain/framework.js';
import { encodeAction } from '../domain/actions.js';
import { formatDecimal } from '../domain/format.js';
import { orderByGain, type TaskGain } from '../domain/gains.js';
import { groupRule } from '../domain/formulas.js';
import { formatPeriodKey } from '../domain/period.js';
import type { ScoreCard } from '../services/scores.js';
import { criterionName } from './formula.js';
import type { Translate } from './i18n.js';
import type { Reply } from './reply.js';

/** The weak groups, the one whose task could bring the most points first. */
export function suggestedGroups(card: ScoreCard): TaskGain[] {
  return orderByGain(
    card.result,
    card.weakest.map((g) => g.key),
  );
}

function suggestionLine(t: Translate, card: ScoreCard, g: TaskGain): string {
  const group = groupName(card.framework, g.group);
  const task = t(`task-${g.group}`);
  const main = groupRule(g.group)?.main;
  if (g.gain === null || !main) return t('publication-task', { group, task });
  const criterion = criterionName(t, card.framework, main);
  if (g.gain.high === '0') return t('task-gain-reached', { group, criterion, rate: formatDecimal(g.rate), task });
  const gain = g.gain.low === g.gain.high ? formatDecimal(g.gain.low) : `${formatDecimal(g.gain.low)}–${formatDecimal(g.gain.high)}`;
  return t(g.uncertain ? 'task-gain-uncertain' : 'task-gain', { group, gain, criterion, rate: formatDecimal(g.rate), task });
}

export function suggestedTasks(t: Translate, card: ScoreCard): string[] {
  return suggestedGroups(card).map((g) => suggestionLine(t, card, g));
}

/** The suggestions as one reply; `accept`: each with a button to take it on (leaders take it, others are told why not). Null when no group is weak. */
export function renderSuggestions(t: Translate, card: ScoreCard, accept: boolean): Reply | null {
  const groups = suggestedGroups(card);
  if (groups.length === 0) return null;
  const { unit, result } = card;
  return {
    lines: [t('tasks-suggested-title', { unit: unit.name, period: formatPeriodKey(result.period) }), ...suggestedTasks(t, card)],
    ...(accept
      ? { buttons: groups.map((g) => [{ label: t('suggestion-accept', { group: groupName(card.framework, g.group) }), action: encodeAction({ kind: 'suggestion', unitId: unit.id, period: result.period, group: g.group }) }]) }
      : {}),
  };
}

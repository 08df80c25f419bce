/** A result card in words: the same facts on every channel. */
import { formatChange, formatCount, formatDateTime, formatDecimal, formatPercent } from '../domain/format.js';
import { groupName, type Framework } from '../domain/framework.js';
import { TOP } from '../domain/peers.js';
import { formatPeriodKey, describeQuery, matchesQuery, type PeriodQuery } from '../domain/period.js';
import { groupsWithoutData, type Change, type CriterionScore, type GroupScore } from '../domain/result.js';
import type { ScoreAnswer, ScoreCard } from '../services/scores.js';
import type { Translate } from './i18n.js';
import { withNearestPeriods, type PeriodAction } from './period-buttons.js';
import type { Reply } from './reply.js';

function groupLine(t: Translate, framework: Framework, g: GroupScore, weak: boolean): string {
  const name = groupName(framework, g.key);
  if (g.points === null) return t('card-group-missing', { name });
  const base = { name, points: formatDecimal(g.points), max: formatDecimal(g.max), mark: weak ? t('card-weak-mark') : '•' };
  return g.rate === null ? t('card-group-no-rate', base) : t('card-group', { ...base, rate: formatPercent(g.rate) });
}

function criterionValue(t: Translate, c: CriterionScore): string {
  if (c.rate !== null && c.numerator !== null && c.denominator === null) {
    return t('card-count-rate', { count: formatCount(c.numerator), rate: formatPercent(c.rate) });
  }
  if (c.rate !== null) return formatPercent(c.rate);
  return c.points !== null ? formatDecimal(c.points) : '—';
}

/** Every group of the framework, in its order: points/max (rate), or "chưa có dữ liệu"; headline sub-rates below. */
export function groupLines(t: Translate, framework: Framework, groups: readonly GroupScore[], weak: readonly GroupScore[] = []): string[] {
  return framework.groups.flatMap((group) => {
    const score = groups.find((g) => g.key === group.key);
    if (!score) return [t('card-group-missing', { name: group.name })];
    return [groupLine(t, framework, score, weak.some((w) => w.key === group.key)), ...score.criteria.filter((x) => x.headline).map((c) => t('card-criterion', { name: c.name, value: criterionValue(t, c) }))];
  });
}

function changeLine(t: Translate, period: string, change: Change): string | null {
  if (change.points === null) return null;
  const base = { period: formatPeriodKey(period), points: formatChange(change.points) };
  if (change.ranks === null) return t('card-change', base);
  const ranks =
    change.ranks > 0 ? t('card-rank-up', { n: change.ranks }) : change.ranks < 0 ? t('card-rank-down', { n: -change.ranks }) : t('card-rank-same');
  return t('card-change-rank', { ...base, ranks });
}

/** Places gained as the source prints them: "tăng 3 bậc", "giảm 2 bậc", "giữ nguyên thứ hạng". */
function printedPlaces(t: Translate, places: number): string {
  if (places > 0) return t('card-printed-rank-up', { n: places });
  if (places < 0) return t('card-printed-rank-down', { n: -places });
  return t('card-rank-same');
}

/** "So với kỳ trước: ↓ 0,96%, tăng 3 bậc (theo …)." — every change the source printed, in one line; null when it printed none. */
function printedChangeLine(t: Translate, card: ScoreCard): string | null {
  const { scoreDelta, scoreDeltaPercent, rankChange } = card.result;
  const changes = [
    ...(scoreDelta === null ? [] : [t('card-printed-points', { points: formatChange(scoreDelta) })]),
    ...(scoreDeltaPercent == null ? [] : [t('card-printed-percent', { percent: formatChange(scoreDeltaPercent) })]),
    ...(rankChange === null ? [] : [printedPlaces(t, rankChange)]),
  ];
  return changes.length === 0 ? null : t('card-change-printed', { changes: changes.join(', '), source: sourceText(t, card) });
}

function sourceText(t: Translate, card: ScoreCard): string {
  const file = card.source.fileName ?? '';
  switch (card.source.kind) {
    case 'letter':
      return t('source-letter', { file });
    case 'sheet':
      return t('source-sheet', { file });
    default:
      return t('source-portal');
  }
}

/** No group is weak: "all groups" only when every group of the framework has data. */
function strongLine(t: Translate, card: ScoreCard): string {
  const missing = groupsWithoutData(card.framework, card.groups).map((g) => g.name);
  if (missing.length === 0) return t('card-all-strong');
  if (missing.length === card.framework.groups.length) return t('card-no-group-data');
  return t('card-strong-with-missing', { missing: missing.join(', ') });
}

/** "Trong nhóm xã, phường của UBND tỉnh Phú Thọ (148 đơn vị): trên 40% đơn vị; trung vị 63,655 điểm; cần +2,54 điểm để vào top 10." */
function peersLine(t: Translate, card: ScoreCard): string | null {
  if (!card.peers) return null;
  const { group, parent, standing } = card.peers;
  const top = standing.top === null ? '' : standing.top.gap === null ? t('peers-in-top', { n: TOP }) : t('peers-to-top', { gap: formatDecimal(standing.top.gap), n: TOP });
  return t('card-peers', { group: t(`peers-group-${group}`), parent: parent.name, count: standing.count, percent: standing.abovePercent, median: formatDecimal(standing.median), top });
}

/** `markWeak`: the weakest groups carry a mark in the list (the published card). */
export function renderCard(t: Translate, card: ScoreCard, options: { markWeak?: boolean } = {}): Reply {
  const { result, framework } = card;
  const lines: string[] = [];
  lines.push(result.total === null ? t('card-total-missing') : t('card-total', { total: formatDecimal(result.total), max: framework.total }));
  if (result.rank !== null && result.rankOf !== null) {
    lines.push(
      result.rankScope
        ? t('card-rank-scope', { rank: result.rank, rankOf: result.rankOf, scope: result.rankScope })
        : t('card-rank', { rank: result.rank, rankOf: result.rankOf }),
    );
  } else if (result.rank !== null) {
    // A rank printed without its base ("hạng 3") is shown as printed.
    lines.push(t('card-rank-alone', { rank: result.rank }));
  }
  const peers = peersLine(t, card);
  if (peers) lines.push(peers);
  if (card.classification) {
    lines.push(t(card.classification.computed ? 'card-classification-computed' : 'card-classification', { label: card.classification.label }));
  }
  if (card.previous) {
    const change = card.previous.change ? changeLine(t, card.previous.period, card.previous.change) : null;
    // The change computed from the stored period before wins; without it, the change the source printed, said to be the source's.
    lines.push(change ?? printedChangeLine(t, card) ?? t('card-no-previous', { period: formatPeriodKey(card.previous.period) }));
  }
  lines.push('');
  lines.push(t('card-groups'));
  const present = new Set(card.groups.map((g) => g.key));
  lines.push(...groupLines(t, framework, card.groups, options.markWeak ? card.weakest : []));
  lines.push('');
  const weakest = card.weakest.filter((g) => present.has(g.key));
  lines.push(
    weakest.length > 0
      ? t('card-weakest', {
          groups: weakest.map((g) => `${groupName(framework, g.key)} (${formatDecimal(g.points ?? '0')}/${formatDecimal(g.max)})`).join(', '),
        })
      : strongLine(t, card),
  );
  lines.push(t('card-source', { source: sourceText(t, card), at: formatDateTime(card.source.importedAt) }));
  return {
    title: t('card-title', { unit: card.unit.name, period: formatPeriodKey(result.period) }),
    lines,
  };
}

/** `periodAction`: the same question for another period, for the buttons of a "no data" answer. */
function withChangeBase(t: Translate, reply: Reply, card: ScoreCard, against: PeriodQuery | undefined): Reply {
  const before = card.previous?.period;
  // Compared with its own period ("so với tháng trước" when that is the latest), or with no period before: nothing to say.
  if (!against || !before || matchesQuery(before, against) || matchesQuery(card.result.period, against)) return reply;
  return { ...reply, lines: [...reply.lines, t('card-change-other-base', { asked: describeQuery(against), shown: formatPeriodKey(before) })] };
}

/** `against`: the period the question compared with ("so với tháng 5"); the card's change is from the one before, said so when they differ. */
export function renderScoreAnswer(t: Translate, answer: ScoreAnswer, periodAction?: PeriodAction, against?: PeriodQuery): Reply {
  if (answer.kind === 'card') return withChangeBase(t, renderCard(t, answer.card), answer.card, against);
  if (answer.available.length === 0) return { lines: [t('no-data-none', { unit: answer.unit.name })] };
  const reply = {
    lines: [
      t('no-data', {
        requested: describeQuery(answer.query),
        unit: answer.unit.name,
        available: answer.available.map(formatPeriodKey).join(', '),
      }),
    ],
  };
  return withNearestPeriods(reply, answer.available, answer.query, periodAction);
}

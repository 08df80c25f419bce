/** `/xephang`: the top and the bottom of a ranking, and the asking unit's own place. */
import { formatDecimal } from '../domain/format.js';
import { describeQuery, formatPeriodKey } from '../domain/period.js';
import type { UnitRow } from '../db/units.js';
import type { RankingAnswer, RankingEntry } from '../services/ranking.js';
import type { Translate } from './i18n.js';
import { withNearestPeriods, type PeriodAction } from './period-buttons.js';
import type { Reply } from './reply.js';

/** Up to this many units a ranking is shown whole; above it, the top and the bottom. */
const WHOLE = 12;
const EDGE = 5;

/** Whose units are ranked: the parent's name, or the whole country's provinces. */
export function rankingPlace(t: Translate, parent: UnitRow | null): string {
  return parent?.name ?? t('ranking-national');
}

function entryLine(t: Translate, e: RankingEntry, rankOf: number): string {
  return t('ranking-line', { rank: e.result.rank ?? '—', rankOf, unit: e.unit.name, total: formatDecimal(e.result.total ?? '0') });
}

export function renderRanking(t: Translate, answer: RankingAnswer, periodAction?: PeriodAction): Reply {
  if (answer.kind === 'no-parent') return { lines: t('ranking-no-unit').split('\n') };
  if (answer.kind === 'no-data') {
    if (answer.parent === null && answer.available.length === 0) return { lines: [t('ranking-national-none', { requested: describeQuery(answer.query) })] };
    if (answer.available.length === 0) return { lines: [t('ranking-none', { parent: rankingPlace(t, answer.parent) })] };
    const args = { requested: describeQuery(answer.query), parent: rankingPlace(t, answer.parent), available: answer.available.map(formatPeriodKey).join(', ') };
    const reply = { lines: [t(answer.parent === null ? 'ranking-national-no-period' : 'ranking-no-period', args)] };
    return withNearestPeriods(reply, answer.available, answer.query, periodAction);
  }
  const { ranking } = answer;
  if (ranking.parent === null && ranking.ranked.length === 0) return { lines: [t('ranking-national-none', { requested: formatPeriodKey(ranking.period) })] };
  const rankOf = ranking.ranked[0]?.result.rankOf ?? ranking.ranked.length;
  const lines: string[] = [];
  if (ranking.ranked.length <= WHOLE) {
    lines.push(...ranking.ranked.map((e) => entryLine(t, e, rankOf)));
  } else {
    lines.push(t('ranking-top', { n: EDGE }), ...ranking.ranked.slice(0, EDGE).map((e) => entryLine(t, e, rankOf)));
    lines.push('', t('ranking-bottom', { n: EDGE }), ...ranking.ranked.slice(-EDGE).map((e) => entryLine(t, e, rankOf)));
  }
  if (ranking.ranked.length < rankOf) lines.push('', t('ranking-partial', { shown: ranking.ranked.length, rankOf }));
  if (ranking.own) {
    lines.push('');
    lines.push(
      ranking.own.result.rank === null
        ? t('ranking-own-unranked', { unit: ranking.own.unit.name })
        : t('ranking-own', { unit: ranking.own.unit.name, rank: ranking.own.result.rank, rankOf: ranking.own.result.rankOf ?? rankOf, total: formatDecimal(ranking.own.result.total ?? '0') }),
    );
  }
  if (ranking.unranked.length > 0) lines.push(t('ranking-unranked', { count: ranking.unranked.length }));
  const scope = ranking.scope ?? t('ranking-scope-default');
  return { title: t('ranking-title', { scope, parent: rankingPlace(t, ranking.parent), period: formatPeriodKey(ranking.period) }), lines };
}

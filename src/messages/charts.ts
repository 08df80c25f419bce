/** The replies that carry a chart: the PNG with its one-line caption, or the text said instead of one. */
import type { StoredResult } from '../db/results.js';
import { formatChange, formatDecimal } from '../domain/format.js';
import { frameworkByVersion, groupName } from '../domain/framework.js';
import { describeQuery, formatPeriodKey } from '../domain/period.js';
import { countBands, type BandCount } from '../domain/bands.js';
import { fold } from '../domain/text.js';
import { groupMoves } from '../domain/trend.js';
import { rankOf, type Ranking } from '../services/ranking.js';
import type { TrendAnswer } from '../services/trend.js';
import type { Translate } from './i18n.js';
import { withNearestPeriods, type PeriodAction } from './period-buttons.js';
import { rankingPlace } from './ranking.js';
import type { Reply } from './reply.js';

/** "UBND Phường Việt Trì", "2026-08" → "xu-huong-ubnd-phuong-viet-tri-2026-08.png". */
export function chartFileName(kind: string, unitName: string, period: string): string {
  const slug = fold(unitName).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${kind}-${slug}-${period.toLowerCase()}.png`;
}

export function trendCaption(t: Translate, unitName: string, results: readonly StoredResult[]): string {
  const first = results[0];
  const last = results[results.length - 1];
  if (!first || !last) return '';
  const span = {
    unit: unitName,
    from: formatPeriodKey(first.period),
    to: formatPeriodKey(last.period),
    first: first.total === null ? '—' : formatDecimal(first.total),
    last: last.total === null ? '—' : formatDecimal(last.total),
  };
  const moves = groupMoves(first, last);
  const name = (key: string) => groupName(frameworkByVersion(last.frameworkVersion), key);
  switch (moves?.kind) {
    case undefined:
      return t('chart-trend-caption-total', span);
    case 'one':
      return t('chart-trend-caption-one', { ...span, group: name(moves.move.key), change: formatChange(moves.move.change) });
    case 'unchanged':
      return t('chart-trend-caption-unchanged', span);
    case 'none-rose':
      return t('chart-trend-caption-none-rose', { ...span, weakest: name(moves.weakest.key), weakestChange: formatChange(moves.weakest.change) });
    case 'moved':
      return t('chart-trend-caption', { ...span, best: name(moves.best.key), bestChange: formatChange(moves.best.change), weakest: name(moves.weakest.key), weakestChange: formatChange(moves.weakest.change) });
  }
}

export function trendReply(t: Translate, unitName: string, results: readonly StoredResult[], png: Uint8Array): Reply {
  const last = results[results.length - 1];
  return { lines: [trendCaption(t, unitName, results)], file: { fileName: chartFileName('xu-huong', unitName, last?.period ?? ''), bytes: png } };
}

/** What is said instead of a trend: too few periods to draw a line, or none matching the one asked. */
export function trendUndrawn(t: Translate, answer: Exclude<TrendAnswer, { kind: 'trend' }>, periodAction?: PeriodAction): Reply {
  if (answer.kind === 'too-few') return { lines: [t('chart-trend-too-few', { unit: answer.unit.name, count: answer.results.length, scale: t(`chart-scale-${answer.scale}`) })] };
  if (answer.available.length === 0) return { lines: [t('no-data-none', { unit: answer.unit.name })] };
  const reply = { lines: [t('no-data', { requested: describeQuery(answer.query), unit: answer.unit.name, available: answer.available.map(formatPeriodKey).join(', ') })] };
  return withNearestPeriods(reply, answer.available, answer.query, periodAction);
}

function bandCount(t: Translate, { band, count }: BandCount): string | null {
  if (band.kind === 'band') return t('chart-ranking-caption-band', { label: band.label, count });
  if (band.kind === 'under') return t('chart-ranking-caption-under', { below: formatDecimal(band.below), count });
  return count === 0 ? null : t('chart-ranking-caption-none', { count });
}

export function rankingCaption(t: Translate, ranking: Ranking): string {
  const bands = countBands(ranking.ranked.map((e) => e.result.total)).flatMap((count) => bandCount(t, count) ?? []);
  const line = t('chart-ranking-caption', {
    scope: ranking.scope ?? t('ranking-scope-default'),
    parent: rankingPlace(t, ranking.parent),
    period: formatPeriodKey(ranking.period),
    bands: bands.join(', '),
  });
  const own = ranking.own;
  if (!own || own.result.rank === null) return line;
  const place = { unit: own.unit.name, rank: own.result.rank, rankOf: rankOf(ranking) };
  const said = own.result.total === null ? t('chart-ranking-caption-own-untotalled', place) : t('chart-ranking-caption-own', { ...place, total: formatDecimal(own.result.total) });
  return `${line} ${said}`;
}

/** A ranking with no unit ranked yet (every one missing a group): nothing to draw. */
export function rankingUndrawn(t: Translate, ranking: Ranking): Reply {
  return { lines: [t('chart-ranking-empty', { period: formatPeriodKey(ranking.period) })] };
}

export function rankingChartReply(t: Translate, ranking: Ranking, png: Uint8Array): Reply {
  return { lines: [rankingCaption(t, ranking)], file: { fileName: chartFileName('xep-hang', rankingPlace(t, ranking.parent), ranking.period), bytes: png } };
}

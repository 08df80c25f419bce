/** "Việt Trì xếp thứ mấy?": the unit's rank, band, and the gap to the unit just above. */
import { compareDecimals } from '../domain/decimal.js';
import { formatDecimal } from '../domain/format.js';
import { formatPeriodKey } from '../domain/period.js';
import type { RankStanding, RankStandingAnswer } from '../services/standing.js';
import { renderScoreAnswer } from './card.js';
import type { Translate } from './i18n.js';
import type { PeriodAction } from './period-buttons.js';
import type { Reply } from './reply.js';

function rankLine(t: Translate, s: RankStanding): string {
  const { result } = s;
  const total = result.total === null ? t('standing-total-missing') : formatDecimal(result.total);
  if (result.rank === null) return t('standing-no-rank', { total });
  const place = result.rankOf === null ? String(result.rank) : `${result.rank}/${result.rankOf}`;
  return t('standing-rank', { place: result.rankScope ? `${place} ${result.rankScope}` : place, total });
}

function bandLine(t: Translate, s: RankStanding): string | null {
  if (s.result.total === null) return null;
  return s.band ? t('standing-band', { band: s.band }) : t('standing-below-bands');
}

function aboveLine(t: Translate, s: RankStanding): string | null {
  const { result, above } = s;
  if (result.rank === null) return null;
  if (result.rank === 1) return t('standing-leads', { scope: result.rankScope ?? t('ranking-scope-default') });
  if (!above) return t('standing-above-unknown');
  const base = { unit: above.unit.name, rank: above.result.rank ?? '—' };
  if (above.gap === null || above.result.total === null) return t('standing-above-no-gap', base);
  const total = formatDecimal(above.result.total);
  return compareDecimals(above.gap, '0') === 0 ? t('standing-above-equal', { ...base, total }) : t('standing-above', { ...base, total, gap: formatDecimal(above.gap) });
}

export function renderStanding(t: Translate, answer: RankStandingAnswer, periodAction?: PeriodAction): Reply {
  if (answer.kind === 'no-data') return renderScoreAnswer(t, answer, periodAction);
  const { standing } = answer;
  const lines = [rankLine(t, standing), bandLine(t, standing), aboveLine(t, standing)].filter((line): line is string => line !== null);
  return { title: t('standing-title', { unit: standing.unit.name, period: formatPeriodKey(standing.result.period) }), lines };
}

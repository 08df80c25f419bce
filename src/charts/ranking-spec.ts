/**
 * The ranking drawn as a Vega-Lite spec: the siblings' totals as bars in rank order, the asking unit's
 * bar highlighted, the bands' lines across. Up to `NAMED_BARS` units each bar is named (horizontal bars);
 * more (a province's 148 communes) stand as thin vertical bars, the asking unit's named above its own.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatDecimal } from '../domain/format.js';
import { formatPeriodKey } from '../domain/period.js';
import type { Translate } from '../messages/i18n.js';
import { rankingPlace } from '../messages/ranking.js';
import { rankOf, type Ranking } from '../services/ranking.js';
import { bandLayers } from './bands.js';
import { BAR_COLOR, CHART_CONFIG, HIGHLIGHT_COLOR, PLOT_WIDTH } from './theme.js';

export const NAMED_BARS = 40;
const BAR_STEP = 20;
const COLUMNS_HEIGHT = 380;

/** Two tied units of one name stay two bars: the second's label ends with an invisible mark. */
function unique(seen: Set<string>, label: string): string {
  let key = label;
  while (seen.has(key)) key += '\u200b';
  seen.add(key);
  return key;
}

export function rankingSpec(ranking: Ranking, t: Translate): TopLevelSpec {
  const seen = new Set<string>();
  const bars = ranking.ranked.map((e) => {
    const own = e.unit.id === ranking.own?.unit.id;
    const total = e.result.total === null ? null : formatDecimal(e.result.total);
    return {
      key: unique(seen, `${e.result.rank ?? '–'}. ${e.unit.name}`),
      name: e.unit.name,
      total: e.result.total === null ? null : Number(e.result.total),
      /** Where the value's label stands: at the bar's end, or at the axis for a unit without a total. */
      at: Number(e.result.total ?? 0),
      value: total ?? t('chart-no-total'),
      own: own ? 'own' : 'other',
      note: own ? t('chart-ranking-own', { unit: e.unit.name, rank: e.result.rank ?? '?', rankOf: rankOf(ranking), total: total ?? t('chart-no-total') }) : '',
    };
  });
  const drawn = bars.filter((b) => b.total !== null);
  const order = bars.map((b) => b.key);
  const color = { field: 'own', type: 'nominal' as const, scale: { domain: ['own', 'other'], range: [HIGHLIGHT_COLOR, BAR_COLOR] }, legend: null } as const;
  const scale = { domain: [0, 100] };
  const named = bars.length <= NAMED_BARS;
  const title = {
    text: t('chart-ranking-title', { scope: ranking.scope ?? t('ranking-scope-default'), parent: rankingPlace(t, ranking.parent) }),
    subtitle: t('chart-ranking-subtitle', { period: formatPeriodKey(ranking.period), count: bars.length }),
  };
  if (named) {
    const y = { field: 'key', type: 'nominal' as const, sort: order, title: null, axis: { labelLimit: 320, labelFontSize: 12 } } as const;
    return {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      config: CHART_CONFIG,
      padding: 16,
      title,
      width: PLOT_WIDTH - 220,
      height: { step: BAR_STEP },
      layer: [
        { data: { values: drawn }, mark: { type: 'bar' as const, cornerRadiusEnd: 2 }, encoding: { y, x: { field: 'total', type: 'quantitative' as const, scale, title: t('chart-total-axis') }, color } },
        { data: { values: bars }, mark: { type: 'text' as const, align: 'left', dx: 4, fontSize: 11 }, encoding: { y, x: { field: 'at', type: 'quantitative' as const, scale }, text: { field: 'value' } } },
        ...bandLayers('x', scale, t),
      ],
    } satisfies TopLevelSpec;
  }
  const x = { field: 'key', type: 'nominal' as const, sort: order, axis: null } as const;
  const ownBar = bars.filter((b) => b.own === 'own');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    padding: 16,
    title,
    width: PLOT_WIDTH,
    height: COLUMNS_HEIGHT,
    layer: [
      { data: { values: drawn }, mark: { type: 'bar' as const }, encoding: { x, y: { field: 'total', type: 'quantitative' as const, scale, title: t('chart-total-axis') }, color } },
      ...bandLayers('y', scale, t),
      {
        data: { values: ownBar },
        mark: { type: 'text' as const, color: HIGHLIGHT_COLOR, fontWeight: 'bold', fontSize: 12, dy: -8, baseline: 'bottom' },
        encoding: { x, y: { field: 'at', type: 'quantitative' as const, scale }, text: { field: 'note' } },
      },
    ],
  } satisfies TopLevelSpec;
}

/**
 * The trend chart as a Vega-Lite spec (plain data, nothing drawn here): above, the total with the
 * bands' lines, its value over each point and the rank under it along the axis; below, each group as a share of its
 * maximum, so that groups of 10 and of 22 points read on one scale.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { StoredResult } from '../db/results.js';
import type { UnitRow } from '../db/units.js';
import { LOWEST_BAND_FROM } from '../domain/bands.js';
import { ratio } from '../domain/decimal.js';
import { formatDecimal } from '../domain/format.js';
import { frameworkByVersion, type GroupKey } from '../domain/framework.js';
import { formatPeriodKey } from '../domain/period.js';
import type { Translate } from '../messages/i18n.js';
import { axisPeriod } from './period-labels.js';
import { bandLayers } from './bands.js';
import { CHART_CONFIG, GROUP_PALETTE, MUTED_TEXT_COLOR, PLOT_WIDTH, TOTAL_COLOR } from './theme.js';

export interface TrendChart {
  unit: UnitRow;
  /** Oldest first. */
  results: readonly StoredResult[];
}

const TOTAL_HEIGHT = 260;
const GROUPS_HEIGHT = 200;

/** The lowest the total's scale starts: low enough for the bands and every point, in tens. */
function totalFloor(totals: readonly number[]): number {
  return Math.max(0, Math.floor((Math.min(Number(LOWEST_BAND_FROM), ...totals) - 8) / 10) * 10);
}

function groupNames(results: readonly StoredResult[]): Map<GroupKey, string> {
  const names = new Map<GroupKey, string>();
  for (const result of results) {
    for (const group of frameworkByVersion(result.frameworkVersion).groups) {
      if (result.groups.some((g) => g.key === group.key)) names.set(group.key, group.name);
    }
  }
  return names;
}

export function trendSpec(chart: TrendChart, t: Translate): TopLevelSpec {
  const { results } = chart;
  const periods = results.map((r) => axisPeriod(r.period));
  const scored = results.filter((r) => r.total !== null);
  const points = scored.map((r) => ({
    period: axisPeriod(r.period),
    total: Number(r.total),
    value: formatDecimal(r.total ?? '0'),
    rank: r.rank === null ? '' : t('chart-rank', { rank: r.rank, rankOf: r.rankOf ?? '?' }),
  }));
  const names = groupNames(results);
  const groups = results.flatMap((r) =>
    r.groups.flatMap((g) => (g.points === null || Number(g.max) === 0 ? [] : [{ period: axisPeriod(r.period), group: names.get(g.key) ?? g.key, share: Math.round(ratio(g.points, g.max) * 1000) / 10 }])),
  );
  const x = { field: 'period', type: 'ordinal' as const, sort: periods, title: null, axis: { labelAngle: 0, labelPadding: 8 } } as const;
  const totalScale = { domain: [totalFloor(points.map((p) => p.total)), 100], nice: false, zero: false };
  const first = results[0];
  const last = results[results.length - 1];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    padding: 16,
    title: {
      text: t('chart-trend-title', { unit: chart.unit.name }),
      subtitle: first && last ? t('chart-trend-subtitle', { from: formatPeriodKey(first.period), to: formatPeriodKey(last.period), count: results.length }) : '',
    },
    spacing: 28,
    vconcat: [
      {
        width: PLOT_WIDTH,
        height: TOTAL_HEIGHT,
        layer: [
          ...bandLayers('y', totalScale, t),
          {
            data: { values: points },
            layer: [
              {
                mark: { type: 'line' as const, color: TOTAL_COLOR, strokeWidth: 3, point: { filled: true, size: 70, color: TOTAL_COLOR } },
                encoding: { x, y: { field: 'total', type: 'quantitative' as const, scale: totalScale, title: t('chart-total-axis') } },
              },
              { mark: { type: 'text' as const, color: TOTAL_COLOR, dy: -13, fontWeight: 'bold', fontSize: 12 }, encoding: { x, y: { field: 'total', type: 'quantitative' as const }, text: { field: 'value' } } },
              // The ranks in a row along the axis, each under its point: clear of the line wherever it goes.
              { mark: { type: 'text' as const, color: MUTED_TEXT_COLOR, fontSize: 11, baseline: 'bottom' as const }, encoding: { x, y: { value: TOTAL_HEIGHT - 4 }, text: { field: 'rank' } } },
            ],
          },
          {
            data: { values: [{}] },
            mark: { type: 'text' as const, color: MUTED_TEXT_COLOR, fontSize: 11, fontWeight: 'bold', align: 'left' as const, baseline: 'bottom' as const, dx: 6 },
            encoding: { x: { value: PLOT_WIDTH }, y: { value: TOTAL_HEIGHT - 4 }, text: { value: t('chart-rank-row') } },
          },
        ],
      },
      {
        width: PLOT_WIDTH,
        height: GROUPS_HEIGHT,
        data: { values: groups },
        mark: { type: 'line' as const, strokeWidth: 2, point: { filled: true, size: 30 } },
        encoding: {
          x,
          y: { field: 'share', type: 'quantitative' as const, scale: { domain: [0, 100] }, title: t('chart-groups-axis') },
          color: {
            field: 'group',
            type: 'nominal' as const,
            scale: { domain: [...names.values()], range: GROUP_PALETTE },
            legend: { title: null, orient: 'bottom', direction: 'horizontal', columns: 3, labelLimit: 260, symbolStrokeWidth: 3 },
          },
        },
      },
    ],
  } satisfies TopLevelSpec;
}

/** The official bands drawn across a chart: a dashed line at each one's threshold, named in its colour. */
import type { TopLevelSpec } from 'vega-lite';
import { formatDecimal } from '../domain/format.js';
import type { Translate } from '../messages/i18n.js';
import { BAND_LINES, PLOT_WIDTH } from './theme.js';

export type ChartLayer = Extract<TopLevelSpec, { layer: unknown }>['layer'][number];

/** The data of a mark drawn once. */
const ONE_ROW = { values: [{}] };

/**
 * `axis`: the axis the scores run along. Across a vertical score axis each name stands right of the
 * plot; along a horizontal one, above it, the lowest left of its line and the others right of their own.
 */
export function bandLayers(axis: 'x' | 'y', scale: { domain: number[] }, t: Translate): ChartLayer[] {
  return BAND_LINES.flatMap((band, i): ChartLayer[] => {
    const at = { datum: band.value, type: 'quantitative' as const, scale };
    const text = { value: t('chart-band', { label: band.label, value: formatDecimal(String(band.value)) }) };
    const label: ChartLayer =
      axis === 'y'
        ? {
            data: ONE_ROW,
            mark: { type: 'text', color: band.color, fontWeight: 'bold', fontSize: 12, align: 'left', baseline: 'middle', dx: 6 },
            encoding: { y: at, x: { value: PLOT_WIDTH }, text },
          }
        : {
            data: ONE_ROW,
            mark: { type: 'text', color: band.color, fontWeight: 'bold', fontSize: 12, baseline: 'bottom', dy: -4, align: i === 0 ? 'right' : 'left', dx: i === 0 ? -4 : 4 },
            encoding: { x: at, y: { value: 0 }, text },
          };
    const line: ChartLayer = { data: ONE_ROW, mark: { type: 'rule', color: band.color, strokeWidth: 2, strokeDash: [7, 4] }, encoding: axis === 'y' ? { y: at } : { x: at } };
    return [line, label];
  });
}

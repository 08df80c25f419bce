/**
 * A spec drawn to a PNG in this process: Vega-Lite compiles it, Vega lays it out to SVG (no canvas, no
 * browser), rendering/png.ts rasterises it. The libraries are loaded on the first chart asked, so a bot
 * nobody asks for a chart never holds them.
 */
import type * as Vega from 'vega';
import type * as VegaLite from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { svgToPng } from '../rendering/png.js';
import { textWidth } from './text-width.js';

type Libraries = [typeof Vega, typeof VegaLite];

let loading: Promise<Libraries> | null = null;

/** A text mark as Vega hands it to its measure. */
interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
}

/** Vega's text measure (exported by vega-scenegraph, untyped by vega): the bundled fonts' widths instead of a guess. */
function measureWithFonts(vega: Libraries[0]): void {
  const metrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text: string | number | undefined) => number } }).textMetrics;
  metrics.width = (item, text) => {
    const weight = item.fontWeight;
    return textWidth(String(text ?? '').trim(), item.fontSize != null ? Number(item.fontSize) || 0 : 11, weight === 'bold' || Number(weight) >= 600);
  };
}

function libraries(): Promise<Libraries> {
  if (loading) return loading;
  const attempt = Promise.all([import('vega'), import('vega-lite')]).then((loaded) => {
    measureWithFonts(loaded[0]);
    return loaded;
  });
  // A failed load is tried again by the next chart.
  attempt.catch(() => {
    if (loading === attempt) loading = null;
  });
  loading = attempt;
  return attempt;
}

/** The spec as SVG, text left as text. */
export async function chartSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, vegaLite] = await libraries();
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function renderChart(spec: TopLevelSpec): Promise<Uint8Array> {
  return svgToPng(await chartSvg(spec));
}

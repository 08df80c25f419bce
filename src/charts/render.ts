/**
 * A spec drawn to a PNG in this process: Vega-Lite compiles it, Vega lays it out to SVG (no canvas, no
 * browser), resvg rasterises it with the bundled fonts only. The three libraries are loaded on the first
 * chart asked, so a bot nobody asks for a chart never holds them.
 */
import type * as Resvg from '@resvg/resvg-js';
import type * as Vega from 'vega';
import type * as VegaLite from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { CHART_FONT_FAMILY, CHART_FONT_FILES } from './fonts.js';
import { textWidth } from './text-width.js';

type Libraries = [typeof Vega, typeof VegaLite, typeof Resvg];

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
  const attempt = Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]).then((loaded) => {
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

/**
 * SVG to PNG with the bundled fonts; `loadSystemFonts` stays off so every machine draws the same.
 * resvg's pixels (some 3 MB a chart) live outside V8's heap until the objects holding them are collected
 * and their finalizers run, which takes a turn of the event loop: one is given before returning, so that
 * charts drawn one after another (or between PGlite statements, all microtasks) do not pile them up.
 */
export async function svgToPng(svg: string): Promise<Uint8Array> {
  const [, , { Resvg }] = await libraries();
  const png = new Resvg(svg, { font: { fontFiles: [...CHART_FONT_FILES], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY }, background: 'white' }).render().asPng();
  await new Promise((resolve) => setImmediate(resolve));
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

export async function renderChart(spec: TopLevelSpec): Promise<Uint8Array> {
  return svgToPng(await chartSvg(spec));
}

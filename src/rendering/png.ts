/**
 * SVG to PNG with resvg, on libuv's thread pool (`renderAsync`), with the bundled fonts only: charts and
 * the leader report's preview alike. resvg is loaded on the first picture asked for.
 */
import { FONT_FAMILY, FONT_FILES } from './fonts.js';

/** `width`: scaled to this many pixels wide; the SVG's own size otherwise. */
export async function svgToPng(svg: string, width?: number): Promise<Uint8Array> {
  const { renderAsync } = await import('@resvg/resvg-js');
  const image = await renderAsync(svg, {
    ...(width === undefined ? {} : { fitTo: { mode: 'width' as const, value: width } }),
    background: '#ffffff',
    font: { fontFiles: [FONT_FILES.regular, FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  const png = image.asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

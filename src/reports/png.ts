/** An SVG page as PNG with resvg, in a worker thread, loaded on the first preview; only the bundled fonts are used. */
import { FONT_FAMILY, FONT_FILES } from './fonts.js';

/** A4 at 150 dpi: sharp on a phone, a few hundred kilobytes. */
export const PREVIEW_WIDTH = 1240;

export async function renderPng(svg: string, width = PREVIEW_WIDTH): Promise<Uint8Array> {
  const { renderAsync } = await import('@resvg/resvg-js');
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: { fontFiles: [FONT_FILES.regular, FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
  });
  return image.asPng();
}

/** A page as SVG, text in the bundled font: the PNG preview is drawn from it (rendering/png.ts). */
import { FONT_FAMILY } from '../rendering/fonts.js';
import type { Page, Shape } from './page.js';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const n = (value: number) => String(Math.round(value * 100) / 100);

function element(shape: Shape): string {
  switch (shape.kind) {
    case 'rect':
      return `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.width)}" height="${n(shape.height)}" fill="${shape.color}"/>`;
    case 'line':
      return `<line x1="${n(shape.x1)}" y1="${n(shape.y1)}" x2="${n(shape.x2)}" y2="${n(shape.y2)}" stroke="${shape.color}" stroke-width="${n(shape.width)}"/>`;
    case 'text':
      return `<text x="${n(shape.x)}" y="${n(shape.y)}" font-size="${n(shape.size)}"${shape.bold ? ' font-weight="700"' : ''} fill="${shape.color}"${shape.anchor === 'start' ? '' : ` text-anchor="${shape.anchor}"`}>${escapeXml(shape.text)}</text>`;
  }
}

export function renderSvg(page: Page): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(page.width)}" height="${n(page.height)}" viewBox="0 0 ${n(page.width)} ${n(page.height)}" font-family="${FONT_FAMILY}">`,
    `<title>${escapeXml(page.title)}</title>`,
    `<rect width="${n(page.width)}" height="${n(page.height)}" fill="#ffffff"/>`,
    ...page.shapes.map(element),
    '</svg>',
  ].join('\n');
}

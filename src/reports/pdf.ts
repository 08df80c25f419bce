/** A page drawn as a one-page PDF with pdfkit, loaded on the first report so the bot does not carry it otherwise. */
import { FONT_FILES } from '../rendering/fonts.js';
import type { Page } from './page.js';

type Features = NonNullable<PDFKit.Mixins.TextOptions['features']>;

/**
 * pdfkit maps a glyph to the text of its first use, and NotoSans' ccmp splits "ị" into "i" and a mark:
 * with it on, every "i" after a "ị" would copy and search as "ị". fontkit takes an object of switches
 * (and fills it in, hence a new one each time), which @types/pdfkit does not know.
 */
const features = (): Features => ({ ccmp: false }) as unknown as Features;

export async function renderPdf(page: Page): Promise<Uint8Array> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: [page.width, page.height], margin: 0, info: { Title: page.title, Creator: 'chiso-bot', Producer: 'chiso-bot' } });
  doc.registerFont('regular', FONT_FILES.regular);
  doc.registerFont('bold', FONT_FILES.bold);
  const chunks: Buffer[] = [];
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  for (const shape of page.shapes) {
    if (shape.kind === 'rect') doc.rect(shape.x, shape.y, shape.width, shape.height).fill(shape.color);
    else if (shape.kind === 'line') doc.moveTo(shape.x1, shape.y1).lineTo(shape.x2, shape.y2).lineWidth(shape.width).stroke(shape.color);
    else {
      doc.font(shape.bold ? 'bold' : 'regular').fontSize(shape.size).fillColor(shape.color);
      const width = shape.anchor === 'start' ? 0 : doc.widthOfString(shape.text, { features: features() });
      const x = shape.anchor === 'end' ? shape.x - width : shape.anchor === 'middle' ? shape.x - width / 2 : shape.x;
      doc.text(shape.text, x, shape.y, { lineBreak: false, baseline: 'alphabetic', features: features() });
    }
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

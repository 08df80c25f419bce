/**
 * A letter as a file (.txt, .docx, .pdf) → its plain text, line breaks kept, for extractLetter.
 * Nothing is interpreted here: a file that cannot be read is rejected with the reason.
 */
import { checkLetterLength, checkZipBounds, MAX_PDF_PAGES } from './limits.js';
import { checkFileSize, ImportRejected } from './problems.js';
import { htmlText } from './html-text.js';

export const LETTER_EXTENSIONS = '.txt, .docx, .pdf';

function extension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot).toLowerCase();
}

function unreadable(fileName: string, kind: 'docx' | 'pdf', error: unknown): ImportRejected {
  const reason = error instanceof Error ? error.message || error.name : String(error);
  return new ImportRejected([{ code: 'unsupported-format', file: fileName, value: kind, detail: { reason: reason.slice(0, 200) } }]);
}

/** UTF-8 (BOM stripped), UTF-16 with its BOM, otherwise windows-1258 as Vietnamese Word and Notepad save it. */
function decodeText(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes);
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // windows-1258 writes tones as combining marks: NFC makes "ả" one character again.
      text = new TextDecoder('windows-1258').decode(bytes);
    }
  }
  return text.replace(/^\uFEFF/, '').normalize('NFC');
}

async function docxText(fileName: string, bytes: Uint8Array): Promise<string> {
  try {
    await checkZipBounds(fileName, bytes);
    // Loaded when a .docx comes, not with the server: a question never needs it (about 12 MB).
    const { default: mammoth } = await import('mammoth');
    // As HTML, so that a table's rows stay rows (htmlText); the raw text gives one cell a paragraph.
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      // Pictures carry no text: not read, not inlined as base64.
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    return htmlText(result.value).normalize('NFC');
  } catch (error) {
    if (error instanceof ImportRejected) throw error;
    throw unreadable(fileName, 'docx', error);
  }
}

/** A gap between two pieces of text on one line wider than this many times the font's size is a gap between columns. */
const COLUMN_GAP_EM = 1.5;

async function pdfText(fileName: string, bytes: Uint8Array): Promise<string> {
  // Loaded on first use: pdf.js is large and most letters arrive as text or Word.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js may transfer (detach) the buffer it is given: hand it a copy, never the caller's bytes.
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: true, isEvalSupported: false, verbosity: 0 });
  try {
    const doc = await task.promise;
    if (doc.numPages > MAX_PDF_PAGES) {
      throw new ImportRejected([{ code: 'too-many-pages', file: fileName, value: String(doc.numPages), detail: { max: MAX_PDF_PAGES } }]);
    }
    const pages: string[] = [];
    let length = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      let lineEnd: { x: number; y: number } | null = null;
      let space = false;
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const [size = 0, , , , x = 0, y = 0] = item.transform as number[];
        if (item.str.trim() === '') {
          // pdf.js gives a gap as a space of its own: whether it is a word's space or a column's is known at the next word.
          space = !item.hasEOL;
        } else {
          // A wide gap on one line parts a table's cells: a tab, as a Word table's row comes out (domain/letter/tables.ts).
          const wide = lineEnd !== null && Math.abs(y - lineEnd.y) < 1 && x - lineEnd.x > COLUMN_GAP_EM * Math.abs(size);
          text += wide ? '\t' : space ? ' ' : '';
          text += item.str;
          space = false;
          lineEnd = { x: x + item.width, y };
        }
        if (item.hasEOL) {
          text += '\n';
          lineEnd = null;
        }
      }
      pages.push(text.trimEnd());
      page.cleanup();
      length += text.length;
      checkLetterLength(fileName, { length });
    }
    return pages.join('\n\n').normalize('NFC');
  } catch (error) {
    if (error instanceof ImportRejected) throw error;
    throw unreadable(fileName, 'pdf', error);
  } finally {
    await task.destroy();
  }
}

/** The plain text of a letter file; rejects other formats and files that cannot be read. */
export async function letterText(fileName: string, bytes: Uint8Array): Promise<string> {
  checkFileSize(fileName, bytes.byteLength);
  const ext = extension(fileName);
  switch (ext) {
    case '.txt':
      return checkLetterLength(fileName, decodeText(bytes));
    case '.docx':
      return checkLetterLength(fileName, await docxText(fileName, bytes));
    case '.pdf':
      return checkLetterLength(fileName, await pdfText(fileName, bytes));
    default:
      throw new ImportRejected([{ code: 'unsupported-format', file: fileName, value: ext, detail: { expected: LETTER_EXTENSIONS } }]);
  }
}

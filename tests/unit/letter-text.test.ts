import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { extractLetter } from '../../src/domain/letter.js';
import { htmlText } from '../../src/imports/html-text.js';
import { letterText } from '../../src/imports/letter-text.js';
import { ImportRejected } from '../../src/imports/problems.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function rejection(promise: Promise<unknown>): Promise<ImportRejected> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportRejected) return error;
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

/** The least a Word document needs: the content types, the package relationship and the body; a block is a paragraph or a table's rows. */
async function minimalDocx(blocks: (string | string[][])[]): Promise<Uint8Array> {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paragraph = (p: string) => `<w:p><w:r><w:t xml:space="preserve">${escape(p)}</w:t></w:r></w:p>`;
  const block = (b: string | string[][]) =>
    typeof b === 'string' ? paragraph(b) : `<w:tbl>${b.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${paragraph(cell)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
      blocks.map(block).join('') +
      '</w:body></w:document>',
  );
  return zip.generateAsync({ type: 'uint8array' });
}

/** A one-page PDF written by hand: Helvetica, one line of ASCII per text line (a line of cells: each 100 points right of the one before), a correct xref table. */
function minimalPdf(lines: (string | string[])[]): Uint8Array {
  const shown = (text: string) => `(${text.replace(/[\\()]/g, '\\$&')}) Tj`;
  const lineOf = (l: string | string[]) => (typeof l === 'string' ? `${shown(l)} T*` : `${l.map((cell, i) => (i === 0 ? shown(cell) : `100 0 Td ${shown(cell)}`)).join(' ')} ${-100 * (l.length - 1)} -14 Td`);
  const stream = ['BT', '/F1 12 Tf', '14 TL', '72 720 Td', ...lines.map(lineOf), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

describe('letterText: .txt', () => {
  it('reads UTF-8 and drops the byte order mark', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Tháng 02/2025 đạt 91,34 điểm')]);
    expect(await letterText('cong-van.TXT', bytes)).toBe('Tháng 02/2025 đạt 91,34 điểm');
  });

  it('falls back to windows-1258 and composes the tones (NFC)', async () => {
    // "Mỹ Hào" in windows-1258: y + combining tilde (0xDE), a + combining grave (0xCC).
    const bytes = new Uint8Array([0x4d, 0x79, 0xde, 0x20, 0x48, 0x61, 0xcc, 0x6f]);
    const text = await letterText('myhao.txt', bytes);
    expect(text).toBe('Mỹ Hào');
    expect(text).toBe(text.normalize('NFC'));
    expect(text.length).toBe(6);
  });
});

describe('htmlText: a Word document as mammoth writes it in HTML', () => {
  it('keeps paragraphs, list items (nested ones too) and table rows apart, and drops footnotes', () => {
    const html =
      '<h1>KẾT QUẢ</h1><p>Xã A đạt 88,5<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup> điểm &amp; xếp thứ 2.</p>' +
      '<ul><li>Xã B đạt 80 điểm<ul><li>Công khai 17 điểm</li></ul></li></ul>' +
      '<table><tr><td><p>STT</p></td><td><p>Đơn vị</p></td><td><p>Tổng điểm</p></td></tr><tr><td><p>1</p></td><td><p>Xã C</p></td><td><p>90</p></td></tr></table>' +
      '<ol><li id="footnote-1"><p>Theo Cổng DVCQG, 95 điểm. <a href="#footnote-ref-1">↑</a></p></li></ol>';
    const text = htmlText(html);
    expect(text).toContain('Xã A đạt 88,5 điểm & xếp thứ 2.');
    expect(text).toMatch(/Xã B đạt 80 điểm\s*\n\s*Công khai 17 điểm/);
    expect(text).toContain('STT\tĐơn vị\tTổng điểm\n1\tXã C\t90');
    expect(text).not.toContain('95 điểm');
  });
});

describe('letterText: .docx', () => {
  it("keeps a table's rows as rows, its cells apart by tabs, so a phụ lục is read row by row", async () => {
    const docx = await minimalDocx([
      'Kết quả Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 02/2025 của các xã, phường như sau:',
      [
        ['STT', 'Đơn vị', 'Tổng điểm', 'Xếp hạng'],
        ['1', 'Phường Bần Yên Nhân', '91,6', '1/13'],
        ['2', 'Xã Hòa Phong & Dị Sử', '87', '2/13'],
      ],
      'Đề nghị các xã, phường tiếp tục đẩy mạnh số hóa hồ sơ.',
    ]);
    const text = await letterText('phu-luc.docx', docx);
    expect(text).toContain('STT\tĐơn vị\tTổng điểm\tXếp hạng\n1\tPhường Bần Yên Nhân\t91,6\t1/13');
    expect(text).toContain('Đề nghị các xã, phường tiếp tục đẩy mạnh số hóa hồ sơ.');
    const extraction = extractLetter(text);
    expect(extraction.ok && extraction.results.map((r) => [r.unitName, r.total, r.rank, r.rankOf])).toEqual([
      ['Phường Bần Yên Nhân', '91.6', 1, 13],
      ['Xã Hòa Phong & Dị Sử', '87', 2, 13],
    ]);
  });

  it('returns the paragraphs of a Word document, one a line', async () => {
    const docx = await minimalDocx([
      'Tháng 3/2025, Ủy ban nhân dân xã Hùng Sơn đạt 88,75/100 điểm, xếp thứ 2/12 xã, thị trấn.',
      'Chỉ số Công khai, minh bạch: 17,5/18 điểm.',
    ]);
    const text = await letterText('ket-qua.docx', docx);
    expect(text).toContain('Ủy ban nhân dân xã Hùng Sơn đạt 88,75/100 điểm');
    expect(text).toContain('Chỉ số Công khai, minh bạch: 17,5/18 điểm.');
    const extraction = extractLetter(text);
    expect(extraction.ok && extraction.results[0]).toMatchObject({ unitName: 'xã Hùng Sơn', total: '88.75', rank: 2, rankOf: 12 });
  });

  it('rejects a file that is not a Word document with the reason', async () => {
    const problem = (await rejection(letterText('hong.docx', utf8('not a zip file')))).problems[0];
    expect(problem).toMatchObject({ code: 'unsupported-format', file: 'hong.docx', value: 'docx' });
    expect(problem?.detail?.reason).toEqual(expect.any(String));
  });
});

describe('letterText: .pdf', () => {
  it('returns the text of a PDF page, lines kept', async () => {
    const pdf = minimalPdf(['UBND xa Hung Son', 'Thang 02/2025 dat 91,34 diem']);
    const text = await letterText('cong-van.pdf', pdf);
    expect(text.split('\n').map((l) => l.trim())).toEqual(['UBND xa Hung Son', 'Thang 02/2025 dat 91,34 diem']);
  });

  it("parts the cells of a table's row with tabs, so a phụ lục printed to PDF is read row by row", async () => {
    const pdf = minimalPdf(['Ket qua Bo chi so thang 02/2025', ['STT', 'Don vi', 'Tong diem', 'Xep hang'], ['1', 'Xa Hung Son', '91,34', '1/12'], 'De nghi cac xa tiep tuc day manh so hoa.']);
    const text = await letterText('phu-luc.pdf', pdf);
    expect(text).toContain('1\tXa Hung Son\t91,34\t1/12');
    expect(text).toContain('De nghi cac xa tiep tuc day manh so hoa.');
    const extraction = extractLetter(text);
    expect(extraction.ok && extraction.results.map((r) => [r.unitName, r.total, r.rank, r.rankOf])).toEqual([['Xa Hung Son', '91.34', 1, 12]]);
  });

  it('rejects a broken PDF with the reason', async () => {
    const problem = (await rejection(letterText('hong.pdf', utf8('%PDF-1.4 nothing else')))).problems[0];
    expect(problem).toMatchObject({ code: 'unsupported-format', file: 'hong.pdf', value: 'pdf' });
    expect(problem?.detail?.reason).toEqual(expect.any(String));
  });
});

describe('letterText: other files', () => {
  it('rejects other extensions, naming the extension', async () => {
    const problems = (await rejection(letterText('cong-van.doc', utf8('x')))).problems;
    expect(problems).toEqual([{ code: 'unsupported-format', file: 'cong-van.doc', value: '.doc', detail: { expected: '.txt, .docx, .pdf' } }]);
  });

  it('rejects an empty file', async () => {
    expect((await rejection(letterText('trong.txt', new Uint8Array()))).problems[0]?.code).toBe('empty-file');
  });
});

describe('a letter read as an import', () => {
  it('applies --period before extraction, for a text that names none, and says where the period came from', async () => {
    const { readImportHere } = await import('../../src/imports/read.js');
    const batch = await readImportHere([{ fileName: 'a.txt', bytes: utf8('Kết quả Bộ chỉ số: xã An Bình đạt 92,1 điểm, hạng 3.') }], { period: '2025-06' });
    expect(batch).toMatchObject({ period: '2025-06', letter: { periodSource: 'given', unread: [] } });
    expect(batch.rows[0]?.result).toMatchObject({ total: '92.1', rank: 3, rankOf: null });
  });

  it('refuses the same unit twice with different totals, naming both sentences', async () => {
    const { readImportHere } = await import('../../src/imports/read.js');
    const error = await rejection(readImportHere([{ fileName: 'b.txt', bytes: utf8('Tháng 5/2025, xã An Bình đạt 92,1 điểm. Sau đó xã An Bình đạt 90,4 điểm.') }]));
    expect(error.problems).toEqual([
      { code: 'letter-conflict', file: 'b.txt', value: 'xã An Bình', detail: { first: 'Tháng 5/2025, xã An Bình đạt 92,1 điểm.', second: 'Sau đó xã An Bình đạt 90,4 điểm.' } },
    ]);
  });
});

describe('a letter whose figures name no unit', () => {
  it('is refused, each figure named with its sentence', async () => {
    const { readImportHere } = await import('../../src/imports/read.js');
    const error = await rejection(readImportHere([{ fileName: 'c.txt', bytes: utf8('Tháng 5/2025, điểm cao nhất của cấp xã là 97,12 điểm.') }]));
    expect(error.problems).toEqual([
      { code: 'letter-unbound', file: 'c.txt', value: '97,12 điểm', detail: { sentence: 'Tháng 5/2025, điểm cao nhất của cấp xã là 97,12 điểm.' } },
    ]);
  });
});

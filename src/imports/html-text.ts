/**
 * The HTML mammoth makes of a Word document → plain text as its raw text would be (a paragraph a line, a
 * blank line after each), except that a table keeps its rows: a row a line, its cells apart by tabs, so a
 * phụ lục's rows reach the letter reader as rows (domain/letter/tables.ts), not as one cell a paragraph.
 */
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return NAMED[name.toLowerCase()] ?? entity;
  });
}

/** A cell's text on one line: its paragraphs joined by a space. */
function cellText(html: string): string {
  return decode(html.replace(/<\/(p|h[1-6]|li)>|<br\s*\/?>/gi, ' ').replace(/<[^>]+>/g, ''))
    .replace(/[\t\s]+/g, ' ')
    .trim();
}

function tableText(html: string): string {
  const rows = [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)].map((row) => [...(row[1] ?? '').matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((cell) => cellText(cell[1] ?? '')));
  return rows.map((cells) => cells.join('\t')).join('\n');
}

function proseText(html: string): string {
  // Opening tags too: a nested list comes before its item's closing tag, and must not glue two items' words.
  return decode(html.replace(/<\/?(p|h[1-6]|li|ul|ol)(\s[^>]*)?>/gi, '\n\n').replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, ''));
}

/** Footnote and endnote markers ("88,5[1] điểm") and their texts: not the letter's sentences. */
function withoutNotes(html: string): string {
  return html
    .replace(/<sup>\s*<a href="#(?:footnote|endnote)-[^"]*"[^>]*>[\s\S]*?<\/a>\s*<\/sup>/gi, '')
    .replace(/<li id="(?:footnote|endnote)-[^"]*">[\s\S]*?<\/li>/gi, '');
}

export function htmlText(html: string): string {
  return withoutNotes(html)
    .split(/(<table[\s\S]*?<\/table>)/i)
    .map((part) => (/^<table/i.test(part) ? `\n${tableText(part)}\n\n` : proseText(part)))
    .join('')
    .replace(/\n{3,}/g, '\n\n');
}

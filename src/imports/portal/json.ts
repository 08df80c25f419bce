/** A JSON file's text parsed, or a problem naming the line and column where it breaks. */
import type { ProblemList } from '../problems.js';

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  return { line, column: position - before.lastIndexOf('\n') };
}

/**
 * Where JSON.parse stopped. Node 20 says "at position N" for some errors and only quotes the text around
 * the bad token for others ("Unexpected token '}', ...": }..." is not valid JSON"): find that quote.
 */
function errorPosition(message: string, text: string): number {
  const stated = /position (\d+)/.exec(message);
  if (stated) return Number(stated[1]);
  const quoted = /Unexpected token '(.)', (\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON/.exec(message);
  if (quoted) {
    const [, token = '', cut, context = ''] = quoted;
    const start = text.indexOf(context);
    if (start >= 0) return start + (cut ? Math.min(10, context.length) : context.indexOf(token));
  }
  return text.length;
}

/** Returns undefined (and records the problem) when the file is not JSON. */
export function parseJsonFile(problems: ProblemList, file: { fileName: string; bytes: Uint8Array }): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes).replace(/^\uFEFF/, '');
  } catch {
    problems.add({ code: 'bad-encoding', file: file.fileName });
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = errorPosition(message, text);
    const { line, column } = lineAndColumn(text, position);
    problems.add({ code: 'bad-json', file: file.fileName, row: line, column: String(column), value: text.slice(position, position + 20) });
    return undefined;
  }
}

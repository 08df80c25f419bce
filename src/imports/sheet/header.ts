/** Row 1 of a results sheet → which column holds what, every header problem reported. */
import type { ProblemList } from '../problems.js';
import { recogniseHeader, REQUIRED_COLUMNS, type SheetColumn } from './columns.js';
import type { Grid } from './grid.js';

export interface HeaderColumn {
  index: number;
  /** As written in the file: what a problem names. */
  text: string;
  column: SheetColumn;
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const hasData = (grid: Grid, index: number): boolean => grid.slice(1).some((row) => (row[index] ?? '') !== '');

/** Null when a required column is missing: the rows cannot be read then. */
export function readHeader(file: string, grid: Grid, problems: ProblemList): HeaderColumn[] | null {
  const cells = grid[0] ?? [];
  const found: HeaderColumn[] = [];
  cells.forEach((text, index) => {
    if (text === '') {
      if (hasData(grid, index)) problems.add({ code: 'unknown-column', file, row: 1, column: columnLetter(index), value: '' });
      return;
    }
    const match = recogniseHeader(text);
    if (match.kind !== 'column') {
      problems.add({ code: match.kind === 'unknown-group' ? 'unknown-group' : 'unknown-column', file, row: 1, column: text, value: text });
      return;
    }
    const first = found.find((h) => h.column === match.column);
    if (first) {
      problems.add({ code: 'duplicate-column', file, row: 1, column: text, value: text, detail: { firstColumn: columnLetter(first.index) } });
      return;
    }
    found.push({ index, text, column: match.column });
  });
  const missing = REQUIRED_COLUMNS.filter((required) => !found.some((h) => h.column === required));
  for (const column of missing) problems.add({ code: 'missing-column', file, row: 1, column: column.header });
  return missing.length > 0 ? null : found;
}

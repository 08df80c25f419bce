/**
 * The tables a letter's phụ lục prints, one row a line with its cells apart ("1 | UBND phường Việt Trì |
 * 91,34 | 1", or tab-separated as a Word table comes out): a header names the columns — the unit, the total,
 * the rank, the groups by their names — and every row under it with as many cells is a unit's result,
 * except a row that sums or averages the others.
 * A row whose cells do not line up with the header, or a header without a unit column, is not read:
 * it stays in the text, for the sentences around it.
 */
import { compareDecimals, parseDecimal } from '../decimal.js';
import type { GroupKey } from '../framework.js';
import type { Period } from '../period.js';
import { GROUP_BY_COMPACT } from '../question-words.js';
import { foldWords } from '../text.js';
import { checkGroups, frameworkFor } from './groups.js';
import type { GroupFound } from './scores.js';
import type { LetterResult, SkippedFigure } from './types.js';

type Column = { kind: 'unit' } | { kind: 'total' } | { kind: 'rank' } | { kind: 'group'; key: GroupKey; max: string | null } | { kind: 'other' };

export interface LetterTable {
  columns: Column[];
  rows: { cells: string[]; line: string }[];
}

/** Cells of a line that is a table's row: split at tabs or at "|", three or more of them. */
function cellsOf(line: string): string[] | null {
  const separator = line.includes('\t') ? '\t' : line.includes('|') ? '|' : null;
  if (!separator) return null;
  const cells = line.split(separator).map((c) => c.trim());
  // "| a | b |": the bars at the ends open and close the row.
  if (separator === '|' && cells[0] === '') cells.shift();
  if (separator === '|' && cells.at(-1) === '') cells.pop();
  return cells.length >= 3 ? cells : null;
}

/** "Công khai, minh bạch (18 điểm)" → the group and the maximum the header states. */
function groupColumn(header: string): Column | null {
  const max = /\((?:tối đa\s*)?(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)?\)/i.exec(header)?.[1];
  const words = foldWords(header.replace(/\([^)]*\)/g, ' '))
    .replace(/\b(chi so|nhom|nhom chi so|diem)\b/g, ' ')
    .replace(/\s+/g, '');
  const key = GROUP_BY_COMPACT.get(words);
  return key ? { kind: 'group', key, max: max ? parseDecimal(max) : null } : null;
}

function columnOf(header: string): Column {
  const words = foldWords(header);
  if (/^(ten )?(don vi|co quan|co quan don vi|dia phuong|xa phuong|so nganh|ten xa phuong|ten don vi)$/.test(words)) return { kind: 'unit' };
  if (/^(tong diem|tong so diem|tong cong|tong|diem|diem so|tong diem dat duoc|ket qua)( 100 diem| 100)?$/.test(words)) return { kind: 'total' };
  if (/^(xep hang|thu hang|hang|vi tri xep hang)$/.test(words)) return { kind: 'rank' };
  return groupColumn(header) ?? { kind: 'other' };
}

/** A header has a unit column and something to read beside it. */
function isHeader(columns: readonly Column[]): boolean {
  return columns.filter((c) => c.kind === 'unit').length === 1 && columns.some((c) => c.kind === 'total' || c.kind === 'rank' || c.kind === 'group');
}

/** The tables of a text, and the text without their lines (the header and the rows read). */
export function splitTables(raw: string): { prose: string; tables: LetterTable[] } {
  const lines = raw.split(/\r?\n/);
  const kept: string[] = [];
  const tables: LetterTable[] = [];
  let table: LetterTable | null = null;
  for (const line of lines) {
    const cells = cellsOf(line);
    if (cells && table && cells.length === table.columns.length) {
      table.rows.push({ cells, line: line.trim() });
      continue;
    }
    const columns = cells?.map(columnOf) ?? null;
    if (columns && isHeader(columns)) {
      table = { columns, rows: [] };
      tables.push(table);
      continue;
    }
    // A row that does not line up (merged cells) is left to the sentences, and the table goes on; a blank line
    // may part its rows (paragraphs of a Word document); any other line ends it.
    if (!cells && line.trim() !== '') table = null;
    kept.push(line);
  }
  return { prose: kept.join('\n'), tables: tables.filter((t) => t.rows.length > 0) };
}

/** A row that sums or averages the others ("Tổng cộng", "Trung bình toàn tỉnh", "Cả nước"): no unit's result. */
const NOT_A_UNIT = /^(?:(?:tong cong|tong so|tong|cong)$|(?:trung binh|binh quan|trung vi|toan tinh|toan huyen|toan thi xa|toan quoc|ca nuoc|diem trung binh)(?![a-z]))/;

/** "91,34" → "91.34"; "1/148" → 1 of 148; anything else in a number's cell is no figure. */
function numberIn(cell: string): string | null {
  return /^\d+(?:[.,]\d+)?$/.test(cell) ? parseDecimal(cell.replace(',', '.')) : null;
}

function rankIn(cell: string): { rank: number; rankOf: number | null } | null {
  const m = /^(\d{1,4})(?:\s*\/\s*(\d{1,4}))?$/.exec(cell);
  if (!m) return null;
  const rank = Number(m[1]);
  const rankOf = m[2] ? Number(m[2]) : null;
  return rank >= 1 && (rankOf === null || rank <= rankOf) ? { rank, rankOf } : null;
}

/** Each row as a unit's result for the period (its total at most 100, rank, groups at most their maximum), with the row as printed. */
export function tableResults(table: LetterTable, period: Period): { result: LetterResult; line: string }[] {
  return table.rows.flatMap(({ cells, line }) => {
    const unitName = cells[table.columns.findIndex((c) => c.kind === 'unit')]?.trim() ?? '';
    if (unitName === '' || /^\d/.test(unitName) || NOT_A_UNIT.test(foldWords(unitName))) return [];
    const skipped: SkippedFigure[] = [];
    let total: string | null = null;
    let rank = null as { rank: number; rankOf: number | null } | null;
    const found: GroupFound[] = [];
    table.columns.forEach((column, i) => {
      const cell = cells[i] ?? '';
      if (column.kind === 'total') {
        const value = numberIn(cell);
        if (value !== null && compareDecimals(value, '100') > 0) skipped.push({ what: 'total', printed: cell, reason: 'above-max' });
        else total ??= value;
      }
      if (column.kind === 'rank') rank ??= rankIn(cell);
      if (column.kind === 'group') {
        const points = numberIn(cell);
        if (points !== null) found.push({ key: column.key, points, max: column.max, rate: null, printed: cell, start: i, end: i, anchor: i });
      }
    });
    const framework = frameworkFor(found);
    const groups = checkGroups(framework, found, [], cells.length, skipped);
    if (total === null && groups.length === 0 && rank === null) return [];
    const result: LetterResult = {
      unitName,
      parentName: null,
      period,
      frameworkVersion: framework.version,
      total,
      rank: rank?.rank ?? null,
      rankOf: rank?.rankOf ?? null,
      rankScope: null,
      classification: null,
      scoreDelta: null,
      printedDelta: null,
      scoreDeltaPercent: null,
      rankChange: null,
      groups,
      skipped,
    };
    return [{ result, line }];
  });
}

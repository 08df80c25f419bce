/**
 * The tables a letter's phụ lục prints, one row a line with its cells apart ("1 | UBND phường Việt Trì |
 * 91,34 | 1", or tab-separated as a Word table comes out): a header names the columns — the unit, the total,
 * the rank, the groups by their names — and every row under it with as many cells is a unit's result.
 * Read only when nothing is in doubt, for a wrong figure is worse than a missing one: a header with two
 * columns of one kind (two months side by side), a bracket that is not a maximum ("(%)"), a bare "Điểm"
 * beside no group (one group's table), a caption naming another period, make the table unread; a row that
 * sums or averages the others, or whose cells do not line up, is no unit's result. A table ends at a
 * blank line or a line that is no row. Only its rows leave the text: the header and the caption stay for
 * the sentences around (the period in "Tổng điểm tháng 3/2025").
 */
import { compareDecimals, parseDecimal } from '../decimal.js';
import type { GroupKey } from '../framework.js';
import { periodKey, type Period } from '../period.js';
import { GROUP_BY_COMPACT } from '../question-words.js';
import { foldAligned, foldWords } from '../text.js';
import { emptyResult } from './empty-result.js';
import { checkGroups, frameworkFor } from './groups.js';
import { findLetterPeriod } from './periods.js';
import type { GroupFound } from './scores.js';
import type { LetterResult, SkippedFigure } from './types.js';

type Column =
  | { kind: 'index' }
  | { kind: 'unit' }
  | { kind: 'total'; bare: boolean }
  | { kind: 'rank' }
  | { kind: 'group'; key: GroupKey; max: string | null }
  | { kind: 'other' };

export interface LetterTable {
  columns: Column[];
  /** The header, then the two lines before it, nearest first: where the table says its period, if it does. */
  caption: string[];
  rows: { cells: string[]; line: string }[];
}

/** Cells of a line that is a table's row: split at tabs or at "|", three or more of them. */
function cellsOf(line: string): string[] | null {
  const separator = line.includes('\t') ? '\t' : line.includes('|') ? '|' : null;
  if (!separator) return null;
  const cells = line.split(separator).map((c) => c.trim());
  // "| a | b |": the bars at both ends open and close the row.
  if (separator === '|' && cells[0] === '' && cells.at(-1) === '') {
    cells.shift();
    cells.pop();
  }
  return cells.length >= 3 ? cells : null;
}

/** "Công khai, minh bạch (18 điểm)" → the group and the maximum the header states; any other bracket ("(%)") is no group's points. */
function groupColumn(header: string): Column | null {
  const brackets = [...header.matchAll(/\(([^)]*)\)/g)].map((m) => m[1] ?? '');
  const max = brackets.length === 1 ? /^\s*(?:tối đa\s*)?(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)?\s*$/i.exec(brackets[0] ?? '')?.[1] : undefined;
  if (brackets.length > 0 && max === undefined) return null;
  const words = foldWords(header.replace(/\([^)]*\)/g, ' '))
    .replace(/\b(chi so|nhom|nhom chi so|diem)\b/g, ' ')
    .replace(/\s+/g, '');
  const key = GROUP_BY_COMPACT.get(words);
  return key ? { kind: 'group', key, max: max ? parseDecimal(max.replace(',', '.')) : null } : null;
}

function columnOf(header: string): Column {
  // A rate or a share is never points: "Tổng điểm (%)", "Tỷ lệ".
  if (/%|tỷ lệ|tỉ lệ/i.test(header)) return { kind: 'other' };
  const words = foldWords(header);
  if (/^(stt|tt|so tt)$/.test(words)) return { kind: 'index' };
  if (/^(ten )?(don vi|co quan|co quan don vi|dia phuong|xa phuong|so nganh|ten xa phuong|ten don vi)$/.test(words)) return { kind: 'unit' };
  if (/^(tong diem|tong so diem|tong cong|tong diem dat duoc)( 100 diem| 100)?$/.test(words)) return { kind: 'total', bare: false };
  if (/^(diem|diem so|ket qua|tong)$/.test(words)) return { kind: 'total', bare: true };
  if (/^(xep hang|thu hang|hang|vi tri xep hang)$/.test(words)) return { kind: 'rank' };
  return groupColumn(header) ?? { kind: 'other' };
}

/** What would be read from a column of this kind: two such columns are two months or two things, never read. */
const sameKind = (a: Column, b: Column) => a.kind === b.kind && (a.kind !== 'group' || (b.kind === 'group' && a.key === b.key));

/**
 * The header's columns, or null when it is none: one unit column and something to read beside it. Columns
 * in doubt are set to be left alone — a kind given twice, a bare "Điểm" with no group beside it.
 */
function headerOf(cells: readonly string[]): Column[] | null {
  const columns = cells.map(columnOf);
  if (columns.filter((c) => c.kind === 'unit').length !== 1) return null;
  const groups = columns.some((c) => c.kind === 'group');
  const read = columns.map((c): Column => {
    if (c.kind === 'other' || c.kind === 'unit' || c.kind === 'index') return c;
    if (columns.filter((o) => sameKind(o, c)).length > 1) return { kind: 'other' };
    return c.kind === 'total' && c.bare && !groups ? { kind: 'other' } : c;
  });
  return read.some((c) => c.kind === 'total' || c.kind === 'rank' || c.kind === 'group') ? read : null;
}

/** The tables of a text, and the text without their rows. */
export function splitTables(raw: string): { prose: string; tables: LetterTable[] } {
  const lines = raw.split(/\r?\n/);
  const kept: string[] = [];
  const tables: LetterTable[] = [];
  let table: LetterTable | null = null;
  for (const line of lines) {
    const cells = cellsOf(line);
    const columns = cells ? headerOf(cells) : null;
    if (columns) {
      const before = kept.filter((l) => l.trim() !== '').slice(-2);
      table = { columns, caption: [line, ...before.reverse()], rows: [] };
      tables.push(table);
      kept.push(line);
      continue;
    }
    if (cells && table && cells.length === table.columns.length) {
      table.rows.push({ cells, line: line.trim() });
      continue;
    }
    // A row that does not line up (merged cells) is left to the sentences and the table goes on; anything else ends it.
    if (!cells) table = null;
    kept.push(line);
  }
  return { prose: kept.join('\n'), tables: tables.filter((t) => t.rows.length > 0) };
}

/** A row that sums, averages or heads the others ("Tổng cộng", "Trung bình toàn thị xã", "Cao nhất", "Khối phường"): no unit's result. */
const NOT_A_UNIT =
  /^(?:(?:tong|cong|tb)$|(?:tong cong|tong so|trung binh|binh quan|trung vi|diem trung binh|diem binh quan|toan tinh|toan huyen|toan thi xa|toan thanh pho|toan quoc|ca nuoc|cao nhat|thap nhat|khoi|nhom)(?![a-z]))/;

/** "91,34" → "91.34"; anything else in a number's cell is no figure. */
function numberIn(cell: string): string | null {
  return /^\d+(?:[.,]\d+)?$/.test(cell) ? parseDecimal(cell.replace(',', '.')) : null;
}

/** "3" or "3/13" (3 of 13). */
function rankIn(cell: string): { rank: number; rankOf: number | null } | null {
  const m = /^(\d{1,4})(?:\s*\/\s*(\d{1,4}))?$/.exec(cell);
  if (!m) return null;
  const rank = Number(m[1]);
  const rankOf = m[2] ? Number(m[2]) : null;
  return rank >= 1 && (rankOf === null || rank <= rankOf) ? { rank, rankOf } : null;
}

/** The period the header or the nearest line above it names, when one does. */
function captionPeriod(table: LetterTable): Period | null {
  for (const line of table.caption) {
    const named = findLetterPeriod(foldAligned(line));
    if (named) return named;
  }
  return null;
}

/**
 * Each row as a unit's result for the period (its total at most 100, rank, groups at most their maximum), with the row
 * as printed; none for a table whose caption names another period than the letter's.
 */
export function tableResults(table: LetterTable, period: Period): { result: LetterResult; line: string }[] {
  const own = captionPeriod(table);
  if (own && periodKey(own) !== periodKey(period)) return [];
  const unitAt = table.columns.findIndex((c) => c.kind === 'unit');
  const indexAt = table.columns.findIndex((c) => c.kind === 'index');
  return table.rows.flatMap(({ cells, line }) => {
    const unitName = cells[unitAt]?.trim() ?? '';
    if (unitName === '' || /^\d/.test(unitName) || NOT_A_UNIT.test(foldWords(unitName))) return [];
    // Under a numbered header, a row without its number ("I", "", "*") is a heading or a sum.
    if (indexAt >= 0 && !/^\d+\.?$/.test(cells[indexAt] ?? '')) return [];
    const skipped: SkippedFigure[] = [];
    let total: string | null = null;
    let rank = null as { rank: number; rankOf: number | null } | null;
    const found: GroupFound[] = [];
    table.columns.forEach((column, i) => {
      const cell = cells[i] ?? '';
      if (column.kind === 'total') {
        const value = numberIn(cell);
        if (value !== null && compareDecimals(value, '100') > 0) skipped.push({ what: 'total', printed: cell, reason: 'above-max' });
        else total = value;
      }
      if (column.kind === 'rank') rank = rankIn(cell);
      if (column.kind === 'group') {
        const points = numberIn(cell);
        if (points !== null) found.push({ key: column.key, points, max: column.max, rate: null, printed: cell, start: i, end: i, anchor: i });
      }
    });
    const framework = frameworkFor(found);
    const groups = checkGroups(framework, found, [], cells.length, skipped);
    if (total === null && groups.length === 0 && rank === null) return [];
    const result: LetterResult = {
      ...emptyResult(unitName, null, period),
      frameworkVersion: framework.version,
      total,
      rank: rank?.rank ?? null,
      rankOf: rank?.rankOf ?? null,
      groups,
      skipped,
    };
    return [{ result, line }];
  });
}

/** One data row of a results sheet → the unit as written and its result, every bad cell reported. */
import { compareDecimals, parseDecimal } from '../../domain/decimal.js';
import type { Criterion, Group } from '../../domain/framework.js';
import { parseExactPeriod, periodKey } from '../../domain/period.js';
import type { CriterionScore, GroupScore, UnitResult } from '../../domain/result.js';
import type { ImportProblem, ProblemList } from '../problems.js';
import { criterionColumnOf, groupColumnOf, MEASURE_LIST, SHEET_FRAMEWORK, unitColumnOf, type SheetColumn } from './columns.js';
import type { HeaderColumn } from './header.js';

export interface SheetRow {
  /** As Excel numbers it. */
  row: number;
  name: string;
  code: string | null;
  parent: string | null;
  result: UnitResult;
}

interface Cell {
  /** The header as written, or the expected one when the file has no such column. */
  header: string;
  text: string;
}

/**
 * Reads the data rows of one sheet. The period is the one asked for (--period), which every `Kỳ` cell
 * must match; without it, the `Kỳ` cells name it and must all agree.
 */
export class RowReader {
  private readonly byColumn: Map<SheetColumn, HeaderColumn>;
  private readonly rowsRead: SheetRow[] = [];
  private firstPeriod: { period: string; row: number; text: string } | null = null;

  constructor(
    private readonly file: string,
    private readonly asked: string | null,
    columns: readonly HeaderColumn[],
    private readonly problems: ProblemList,
  ) {
    this.byColumn = new Map(columns.map((h) => [h.column, h]));
  }

  /** After the last row: the sheet's period, set on every row read; '' (a problem reported) when none is known. */
  period(): string {
    const period = this.asked ?? this.firstPeriod?.period ?? null;
    if (period === null) {
      this.problems.add({ code: 'missing-period', file: this.file });
      return '';
    }
    for (const row of this.rowsRead) row.result.period = period;
    return period;
  }

  /** Null when the row has no unit name (reported). */
  read(row: number, cells: readonly string[]): SheetRow | null {
    const at = (column: SheetColumn): Cell => {
      const h = this.byColumn.get(column);
      return { header: h?.text ?? column.header, text: h ? (cells[h.index] ?? '') : '' };
    };
    const ctx = new CellChecks(this.file, row, this.problems);
    const name = at(unitColumnOf('name'));
    if (name.text === '') ctx.report('missing-value', name);
    this.checkPeriod(ctx, row, at(unitColumnOf('period')));
    const totalCell = at(unitColumnOf('total'));
    if (totalCell.text === '') ctx.report('missing-value', totalCell);
    const total = ctx.decimal(totalCell, SHEET_FRAMEWORK.total);
    const rankCell = at(unitColumnOf('rank'));
    const rank = ctx.rank(rankCell);
    const rankOf = ctx.rank(at(unitColumnOf('rankOf')));
    if (rank !== null && rankOf !== null && rank > rankOf) ctx.report('bad-rank', rankCell, { rankOf });
    const groups = SHEET_FRAMEWORK.groups.flatMap((g) => readGroup(ctx, g, at));
    if (name.text === '') return null;
    const read: SheetRow = {
      row,
      name: name.text,
      code: at(unitColumnOf('code')).text.toUpperCase() || null,
      parent: at(unitColumnOf('parent')).text || null,
      result: {
        period: this.asked ?? '',
        frameworkVersion: SHEET_FRAMEWORK.version,
        total,
        rank,
        rankOf,
        rankScope: null,
        classification: at(unitColumnOf('classification')).text || null,
        scoreDelta: null,
        scoreDeltaPercent: null,
        rankChange: null,
        groups,
      },
    };
    this.rowsRead.push(read);
    return read;
  }

  private checkPeriod(ctx: CellChecks, row: number, cell: Cell): void {
    if (cell.text === '') return;
    const parsed = parseExactPeriod(cell.text);
    if (!parsed) return ctx.report('bad-period', cell);
    const period = periodKey(parsed);
    if (this.asked !== null) {
      if (period !== this.asked) ctx.report('period-mismatch', cell, { expected: this.asked });
      return;
    }
    this.firstPeriod ??= { period, row, text: cell.text };
    if (period !== this.firstPeriod.period) ctx.report('period-disagrees', cell, { expected: this.firstPeriod.text, firstRow: this.firstPeriod.row });
  }
}

/** A group whose points cell is empty is left out; its rate or sub-criteria alone are a missing value. */
function readGroup(ctx: CellChecks, group: Group, at: (column: SheetColumn) => Cell): GroupScore[] {
  const pointsCell = at(groupColumnOf(group, 'points'));
  const rateCell = at(groupColumnOf(group, 'rate'));
  const points = ctx.decimal(pointsCell, group.max);
  const rate = ctx.decimal(rateCell, '100', { percent: true });
  const criteria = group.criteria.flatMap((c) => readCriterion(ctx, c, at));
  if (pointsCell.text === '' && (rateCell.text !== '' || criteria.length > 0)) ctx.report('missing-value', pointsCell);
  return points === null ? [] : [{ key: group.key, points, max: group.max, rate, criteria }];
}

function readCriterion(ctx: CellChecks, criterion: Criterion, at: (column: SheetColumn) => Cell): CriterionScore[] {
  const [numerator, denominator, rate, points] = MEASURE_LIST.map((m) => at(criterionColumnOf(criterion, m))) as [Cell, Cell, Cell, Cell];
  if ([numerator, denominator, rate, points].every((c) => c.text === '')) return [];
  return [
    {
      code: criterion.code,
      name: criterion.name,
      numerator: ctx.count(numerator),
      denominator: ctx.count(denominator),
      rate: ctx.decimal(rate, '100', { percent: true }),
      points: ctx.decimal(points, criterion.max),
      max: criterion.max,
      headline: false,
    },
  ];
}

/** Reads cells of one row; a bad one is reported and read as empty. */
class CellChecks {
  constructor(
    private readonly file: string,
    private readonly row: number,
    private readonly problems: ProblemList,
  ) {}

  report(code: ImportProblem['code'], cell: Cell, detail?: ImportProblem['detail']): void {
    this.problems.add({ code, file: this.file, row: this.row, column: cell.header, ...(cell.text !== '' && { value: cell.text }), ...(detail && { detail }) });
  }

  /** Between 0 and max (no upper bound when max is null); a rate may end with "%". */
  decimal(cell: Cell, max: string | null, options: { percent?: boolean } = {}): string | null {
    if (cell.text === '') return null;
    const value = parseDecimal(options.percent ? cell.text.replace(/\s*%$/, '') : cell.text);
    if (value === null) {
      this.report('bad-number', cell);
      return null;
    }
    if (compareDecimals(value, '0') < 0 || (max !== null && compareDecimals(value, max) > 0)) {
      this.report('out-of-range', cell, max === null ? { min: 0 } : { max: Number(max) });
      return null;
    }
    return value;
  }

  /** A whole count, kept as written ("03"); thousands may be grouped with "." or ",". */
  count(cell: Cell): string | null {
    if (cell.text === '') return null;
    const digits = cell.text.replace(/[\s.,](?=\d{3}(?!\d))/g, '');
    if (/^\d+$/.test(digits)) return digits;
    this.report('bad-number', cell);
    return null;
  }

  rank(cell: Cell): number | null {
    if (cell.text === '') return null;
    if (/^\d+$/.test(cell.text) && Number(cell.text) > 0) return Number(cell.text);
    this.report('bad-rank', cell);
    return null;
  }
}

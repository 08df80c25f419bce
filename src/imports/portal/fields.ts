/**
 * Reading one entry of a portal response field by field. A wrong field becomes a problem that names
 * the file, the entry's position, the field and the value; reading goes on so all problems are seen.
 */
import { compareDecimals, isDecimal, parseDecimal } from '../../domain/decimal.js';
import type { ProblemList } from '../problems.js';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON number as the portal printed it: 15.81 → "15.81" (the shortest form that reads back the same). */
function decimalOf(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  return isDecimal(text) ? text : parseDecimal(value.toFixed(12).replace(/0+$/, '').replace(/\.$/, ''));
}

export class EntryReader {
  constructor(
    private readonly problems: ProblemList,
    private readonly file: string,
    private readonly path: string,
    readonly position: number,
    readonly entry: Json,
  ) {}

  private report(code: 'missing-field' | 'bad-number' | 'out-of-range' | 'unexpected-max', field: string, value: unknown, detail?: Record<string, string | number>) {
    this.problems.add({
      code,
      file: this.file,
      row: this.position,
      column: `${this.path}.${field}`,
      value: value === undefined ? undefined : JSON.stringify(value),
      detail: { unit: typeof this.entry.departmentName === 'string' ? this.entry.departmentName : '', ...detail },
    });
  }

  text(field: string): string | null {
    const value = this.entry[field];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    this.report('missing-field', field, value);
    return null;
  }

  optionalText(field: string): string | null {
    const value = this.entry[field];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  }

  /** A number, or null when the field is absent or null (no data); anything else is a problem. */
  number(field: string, range?: { min?: string; max?: string | null }): string | null {
    return this.numberOf(this.entry, field, field, range);
  }

  numberOf(source: Json, field: string, label: string, range?: { min?: string; max?: string | null }): string | null {
    const value = source[field];
    if (value === undefined || value === null) return null;
    const decimal = typeof value === 'number' ? decimalOf(value) : typeof value === 'string' ? parseDecimal(value) : null;
    if (decimal === null) {
      this.report('bad-number', label, value);
      return null;
    }
    const min = range?.min ?? '0';
    if (compareDecimals(decimal, min) < 0 || (range?.max != null && compareDecimals(decimal, range.max) > 0)) {
      this.report('out-of-range', label, value, { min, max: range?.max ?? '' });
      return null;
    }
    return decimal;
  }

  /** A count kept as digits ("2348"); null when absent. */
  countOf(source: Json, field: string, label: string): string | null {
    const value = source[field];
    if (value === undefined || value === null) return null;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return String(value);
    this.report('bad-number', label, value);
    return null;
  }

  requireNumber(field: string, range?: { min?: string; max?: string | null }): string | null {
    if (this.entry[field] === undefined || this.entry[field] === null) {
      this.report('missing-field', field, this.entry[field]);
      return null;
    }
    return this.number(field, range);
  }

  /** The group maximum the response states must be the framework's, or the data is of another scheme. */
  expectMax(field: string, max: string): void {
    const stated = this.number(field);
    if (stated !== null && compareDecimals(stated, max) !== 0) this.report('unexpected-max', field, this.entry[field], { max });
  }
}

/** The same departmentId twice in one response: the later entry is a problem naming the first one's row. */
export function addDuplicateUnits(problems: ProblemList, file: string, entries: readonly { departmentId: string; name: string; position: number }[]): void {
  const seen = new Map<string, number>();
  for (const entry of entries) {
    const first = seen.get(entry.departmentId);
    if (first !== undefined) problems.add({ code: 'duplicate-unit', file, row: entry.position, column: 'departmentId', value: entry.name, detail: { firstRow: first } });
    seen.set(entry.departmentId, entry.position);
  }
}

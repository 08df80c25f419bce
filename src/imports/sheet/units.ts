/**
 * The units of a sheet's rows: each row's parent resolved (to another row when the sheet has it) and
 * each unit listed once. Names are compared as the database matches units, by kind and name key, so
 * "UBND Phường Việt Trì" and "phuong viet tri" are one unit. A parent given by code must be a row of
 * the sheet: a code alone names no unit.
 */
import { pushTo } from '../../domain/collections.js';
import { inferUnitKind, unitNameKey } from '../../domain/units.js';
import type { ProblemList } from '../problems.js';
import type { SheetRow } from './row.js';
import type { ImportRow, UnitRef } from '../save.js';

const PORTAL_CODE = /^[A-Z]\d+(\.\d+)*$/i;

export interface UnitHeaders {
  code: string;
  name: string;
  parent: string;
}

type Parent = { row: number } | { ref: UnitRef } | null;

const identity = (name: string): string => `${inferUnitKind(name)} ${unitNameKey(name)}`;

/** Rows by code and by identity, so each parent is found without scanning the sheet (3,321 rows nationally). */
interface RowIndex {
  byCode: Map<string, number>;
  byIdentity: Map<string, number[]>;
}

function indexRows(rows: readonly SheetRow[]): RowIndex {
  const byCode = new Map<string, number>();
  const byIdentity = new Map<string, number[]>();
  rows.forEach((r, j) => {
    if (r.code !== null && !byCode.has(r.code)) byCode.set(r.code, j);
    pushTo(byIdentity, identity(r.name), j);
  });
  return { byCode, byIdentity };
}

function findParent(rows: readonly SheetRow[], index: RowIndex, i: number): Parent | 'unknown' {
  const text = rows[i]?.parent;
  if (!text) return null;
  const byCode = index.byCode.get(text.toUpperCase());
  if (byCode !== undefined) return byCode === i ? 'unknown' : { row: byCode };
  const byName = index.byIdentity.get(identity(text)) ?? [];
  const [only] = byName;
  if (byName.length === 1 && only !== undefined && only !== i) return { row: only };
  if (byName.length > 0 || PORTAL_CODE.test(text)) return 'unknown';
  return { ref: { name: text, kind: inferUnitKind(text) } };
}

function inCycle(parents: readonly Parent[], start: number): boolean {
  let at = parents[start];
  for (let steps = 0; at && 'row' in at && steps < parents.length; steps++) {
    if (at.row === start) return true;
    at = parents[at.row];
  }
  return false;
}

export function importRows(file: string, rows: readonly SheetRow[], headers: UnitHeaders, problems: ProblemList): ImportRow[] {
  const index = indexRows(rows);
  const parents: Parent[] = rows.map((row, i) => {
    const parent = findParent(rows, index, i);
    if (parent !== 'unknown') return parent;
    problems.add({ code: 'unknown-parent', file, row: row.row, column: headers.parent, value: row.parent ?? '' });
    return null;
  });
  rows.forEach((row, i) => {
    if (!inCycle(parents, i)) return;
    problems.add({ code: 'unknown-parent', file, row: row.row, column: headers.parent, value: row.parent ?? '' });
    parents[i] = null;
  });
  reportDuplicates(file, rows, parents, headers, problems);
  const imported: ImportRow[] = rows.map((row) => ({ unit: { name: row.name, kind: inferUnitKind(row.name), code: row.code }, result: row.result }));
  imported.forEach(({ unit }, i) => {
    const parent = parents[i];
    unit.parent = !parent ? null : 'row' in parent ? (imported[parent.row]?.unit ?? null) : parent.ref;
  });
  return imported;
}

function reportDuplicates(file: string, rows: readonly SheetRow[], parents: readonly Parent[], headers: UnitHeaders, problems: ProblemList): void {
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const parent = parents[i];
    const under = !parent ? '' : 'row' in parent ? `row ${parent.row}` : identity(parent.ref.name);
    const keys: [string, string, string][] = [[`name ${identity(row.name)} under ${under}`, headers.name, row.name]];
    if (row.code) keys.unshift([`code ${row.code}`, headers.code, row.code]);
    const duplicate = keys.find(([key]) => seen.has(key));
    if (duplicate) {
      const [key, column, value] = duplicate;
      problems.add({ code: 'duplicate-unit', file, row: row.row, column, value, detail: { firstRow: seen.get(key) ?? 0 } });
      return;
    }
    for (const [key] of keys) seen.set(key, row.row);
  });
}

/**
 * Rows of several tables in one statement: a table's row as a JSON object built in SQL, and read back
 * into the very row drizzle's `select()` gives (numerics as exact text, timestamps as Dates). What
 * lets a message be answered in a few statements instead of one per table.
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

const AS_IS = new Set(['PgJson', 'PgJsonb']);

/** `json_build_object('id', "t"."id", …)` over every column, keyed by drizzle's property names. */
export function jsonRow(table: PgTable): SQL {
  const pairs = Object.entries(getTableColumns(table)).map(([key, column]) => {
    // A numeric through JSON would become a float: its text keeps it as drizzle reads it ("62.880").
    const value = column.columnType === 'PgNumeric' ? sql`${column}::text` : sql`${column}`;
    return sql`${sql.raw(`'${key}'`)}, ${value}`;
  });
  return sql`json_build_object(${sql.join(pairs, sql`, `)})`;
}

/** The row `jsonRow` built, as drizzle would have read it. */
export function fromJsonRow<T extends PgTable>(table: T, json: Record<string, unknown>): T['$inferSelect'] {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = json[key];
    row[key] = value === null || value === undefined ? null : AS_IS.has(column.columnType) ? value : column.mapFromDriverValue(value);
  }
  return row;
}

/**
 * A statement run on every message, built once. drizzle otherwise builds a statement's SQL text anew on
 * each call, and both databases parse and plan it anew: here the text is made when the module loads,
 * each call fills its placeholders (`sql.placeholder('name')`), and the database prepares it once (on
 * PostgreSQL postgres.js, once per connection; on PGlite `runPrepared`, db/client.ts), so it is not
 * parsed or planned again.
 */
import { fillPlaceholders, type Query, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db, NamedStatements } from './client.js';

const dialect = new PgDialect();

export class Prepared<V extends Record<string, unknown>, R> {
  private readonly query: Query;

  /** `name` names it for drizzle; postgres.js prepares it (by its text) once it has one. */
  constructor(
    private readonly name: string,
    statement: SQL,
  ) {
    this.query = dialect.sqlToQuery(statement);
  }

  /** Its rows, whichever driver is under `db` (a transaction's too, unprepared). Values go as they are: no mapping of drizzle's. */
  async rows(db: Db, values: V): Promise<R[]> {
    const client = (db as { $client?: Partial<NamedStatements> }).$client;
    if (client?.runPrepared) return client.runPrepared<R>(this.name, this.query.sql, fillPlaceholders(this.query.params, values));
    const result: unknown = await db._.session.prepareQuery(this.query, undefined, this.name, false).execute(values);
    return Array.isArray(result) ? (result as R[]) : (result as { rows: R[] }).rows;
  }
}

/** Queries on units. */
import { eq } from 'drizzle-orm';
import type { Db } from './client.js';
import { units } from './schema.js';

export type UnitRow = typeof units.$inferSelect;

export async function unitById(db: Db, id: number): Promise<UnitRow | undefined> {
  return (await db.select().from(units).where(eq(units.id, id)))[0];
}

export async function unitByCode(db: Db, code: string): Promise<UnitRow | undefined> {
  return (await db.select().from(units).where(eq(units.code, code)))[0];
}

export async function allUnits(db: Db): Promise<UnitRow[]> {
  return db.select().from(units);
}


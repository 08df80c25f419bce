/** Queries on units. */
import { eq, isNull, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { units } from './schema.js';

export type UnitRow = typeof units.$inferSelect;

export async function unitById(db: Db, id: number): Promise<UnitRow | undefined> {
  return (await db.select().from(units).where(eq(units.id, id)))[0];
}

export async function unitByCode(db: Db, code: string): Promise<UnitRow | undefined> {
  return (await db.select().from(units).where(eq(units.code, code)))[0];
}

/** The units under a parent; under null, the top level (the provinces, nationwide). */
export async function childrenOf(db: Db, parentId: number | null): Promise<UnitRow[]> {
  return db.select().from(units).where(parentId === null ? isNull(units.parentId) : eq(units.parentId, parentId));
}

export async function allUnits(db: Db): Promise<UnitRow[]> {
  return db.select().from(units);
}

/** How many units there are and the newest id: changes when any instance makes a unit. */
export async function unitsStamp(db: Db): Promise<{ count: number; newest: number }> {
  const [row] = await db.select({ count: sql<number>`count(*)::int`, newest: sql<number>`coalesce(max(${units.id}), 0)::int` }).from(units);
  return { count: row?.count ?? 0, newest: row?.newest ?? 0 };
}


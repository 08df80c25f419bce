/** Queries on units. */
import { and, eq, isNull } from 'drizzle-orm';
import { unitNameKey, type UnitKind } from '../domain/units.js';
import type { Db } from './client.js';
import { units } from './schema.js';

export type UnitRow = typeof units.$inferSelect;

export async function unitById(db: Db, id: number): Promise<UnitRow | undefined> {
  return (await db.select().from(units).where(eq(units.id, id)))[0];
}

export async function unitByCode(db: Db, code: string): Promise<UnitRow | undefined> {
  return (await db.select().from(units).where(eq(units.code, code)))[0];
}

export async function unitByPortalId(db: Db, portalId: string): Promise<UnitRow | undefined> {
  return (await db.select().from(units).where(eq(units.portalId, portalId)))[0];
}

export async function unitsByNameKey(db: Db, nameKey: string): Promise<UnitRow[]> {
  return db.select().from(units).where(eq(units.nameKey, nameKey));
}

export async function allUnits(db: Db): Promise<UnitRow[]> {
  return db.select().from(units);
}

export async function unitByNameUnder(db: Db, name: string, kind: UnitKind, parentId: number | null): Promise<UnitRow | undefined> {
  const rows = await db
    .select()
    .from(units)
    .where(and(eq(units.nameKey, unitNameKey(name)), eq(units.kind, kind), parentId === null ? isNull(units.parentId) : eq(units.parentId, parentId)));
  return rows[0];
}

export async function insertUnit(
  db: Db,
  unit: { name: string; kind: UnitKind; parentId: number | null; code?: string | null; portalId?: string | null },
): Promise<UnitRow> {
  const [row] = await db
    .insert(units)
    .values({ name: unit.name, nameKey: unitNameKey(unit.name), kind: unit.kind, parentId: unit.parentId, code: unit.code ?? null, portalId: unit.portalId ?? null })
    .returning();
  if (!row) throw new Error('insert unit returned nothing');
  return row;
}

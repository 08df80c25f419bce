/**
 * Matching an import's units to the stored ones, in memory and in bulk: by portal code, then portal id,
 * then name under the same parent. Units not found are created, parents before children.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { units } from '../db/schema.js';
import type { UnitRow } from '../db/units.js';
import { unitNameKey, type UnitKind } from '../domain/units.js';

export interface UnitRef {
  name: string;
  kind: UnitKind;
  code?: string | null;
  portalId?: string | null;
  parent?: UnitRef | null;
}

function nameUnderKey(name: string, kind: string, parentId: number | null): string {
  return `${unitNameKey(name)}|${kind}|${parentId ?? ''}`;
}

function depthOf(ref: UnitRef): number {
  return ref.parent ? 1 + depthOf(ref.parent) : 0;
}

class UnitDirectory {
  private readonly byCode = new Map<string, UnitRow>();
  private readonly byPortalId = new Map<string, UnitRow>();
  private readonly byNameUnder = new Map<string, UnitRow>();

  constructor(rows: readonly UnitRow[]) {
    for (const row of rows) this.add(row);
  }

  add(row: UnitRow): void {
    if (row.code) this.byCode.set(row.code, row);
    if (row.portalId) this.byPortalId.set(row.portalId, row);
    this.byNameUnder.set(nameUnderKey(row.name, row.kind, row.parentId), row);
  }

  find(ref: UnitRef, parentId: number | null): UnitRow | undefined {
    return (
      (ref.code ? this.byCode.get(ref.code) : undefined) ??
      (ref.portalId ? this.byPortalId.get(ref.portalId) : undefined) ??
      this.byNameUnder.get(nameUnderKey(ref.name, ref.kind, parentId))
    );
  }
}

export interface ResolvedUnits {
  unitOf(ref: UnitRef): UnitRow;
  /** Names of the units this import created, parents included. */
  created: string[];
  createdIds: Set<number>;
}

const CHUNK = 1000;

export async function resolveUnits(db: Db, refs: readonly UnitRef[]): Promise<ResolvedUnits> {
  const directory = new UnitDirectory(await db.select().from(units));
  const resolved = new Map<UnitRef, UnitRow>();
  const created: string[] = [];
  const createdIds = new Set<number>();
  const all = new Set<UnitRef>();
  const collect = (ref: UnitRef) => {
    all.add(ref);
    if (ref.parent) collect(ref.parent);
  };
  refs.forEach(collect);
  const byDepth = new Map<number, UnitRef[]>();
  for (const ref of all) byDepth.set(depthOf(ref), [...(byDepth.get(depthOf(ref)) ?? []), ref]);

  for (const depth of [...byDepth.keys()].sort((a, b) => a - b)) {
    const toCreate = new Map<string, { ref: UnitRef; parentId: number | null; waiting: UnitRef[] }>();
    for (const ref of byDepth.get(depth) ?? []) {
      const parentId = ref.parent ? (resolved.get(ref.parent)?.id ?? null) : null;
      const found = directory.find(ref, parentId);
      if (found) {
        resolved.set(ref, await fillIdentifiers(db, directory, found, ref));
        continue;
      }
      const key = ref.code ?? ref.portalId ?? nameUnderKey(ref.name, ref.kind, parentId);
      const pending = toCreate.get(key);
      if (pending) pending.waiting.push(ref);
      else toCreate.set(key, { ref, parentId, waiting: [ref] });
    }
    const pending = [...toCreate.values()];
    for (let i = 0; i < pending.length; i += CHUNK) {
      const slice = pending.slice(i, i + CHUNK);
      const rows = await db
        .insert(units)
        .values(slice.map(({ ref, parentId }) => ({ name: ref.name, nameKey: unitNameKey(ref.name), kind: ref.kind, parentId, code: ref.code ?? null, portalId: ref.portalId ?? null })))
        .returning();
      for (const row of rows) {
        // Matched back by key, not by position: RETURNING promises no order.
        const entry = toCreate.get(row.code ?? row.portalId ?? nameUnderKey(row.name, row.kind, row.parentId));
        if (!entry) throw new Error(`created unit ${row.name} matches no pending one`);
        directory.add(row);
        created.push(row.name);
        createdIds.add(row.id);
        for (const ref of entry.waiting) resolved.set(ref, row);
      }
    }
  }
  return {
    created,
    createdIds,
    unitOf(ref) {
      const row = resolved.get(ref);
      if (!row) throw new Error(`unit ${ref.name} was not resolved`);
      return row;
    },
  };
}

/** A unit first met in a letter learns its portal code when the portal's data arrives. */
async function fillIdentifiers(db: Db, directory: UnitDirectory, row: UnitRow, ref: UnitRef): Promise<UnitRow> {
  const code = row.code ?? ref.code ?? null;
  const portalId = row.portalId ?? ref.portalId ?? null;
  if (code === row.code && portalId === row.portalId) return row;
  const [updated] = await db.update(units).set({ code, portalId }).where(eq(units.id, row.id)).returning();
  if (updated) directory.add(updated);
  return updated ?? row;
}

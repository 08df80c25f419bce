/**
 * Matching an import's units to the stored ones, in memory and in bulk: by portal code, then portal id,
 * then by name key (the folded name without "UBND", "phường"…) under the parent when the row names one,
 * anywhere otherwise. A name that fits several stored units is ambiguous and resolves to none; a unit
 * is created, parents before children, only when nothing matches.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { units } from '../db/schema.js';
import type { UnitRow } from '../db/units.js';
import { pushTo } from '../domain/collections.js';
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

/** A name that says nothing of its kind ("Hy Cương") fits a unit of any kind. */
function kindFits(ref: UnitRef, row: UnitRow): boolean {
  return ref.kind === 'khac' || row.kind === 'khac' || row.kind === ref.kind;
}

function depthOf(ref: UnitRef): number {
  return ref.parent ? 1 + depthOf(ref.parent) : 0;
}

type Found = { kind: 'one'; row: UnitRow } | { kind: 'none' } | { kind: 'several'; rows: UnitRow[] };

class UnitDirectory {
  private readonly byCode = new Map<string, UnitRow>();
  private readonly byPortalId = new Map<string, UnitRow>();
  private readonly byName = new Map<string, UnitRow[]>();
  private readonly byNameUnder = new Map<string, UnitRow[]>();

  constructor(rows: readonly UnitRow[]) {
    for (const row of rows) this.add(row);
  }

  add(row: UnitRow): void {
    if (row.code) this.byCode.set(row.code, row);
    if (row.portalId) this.byPortalId.set(row.portalId, row);
    const key = unitNameKey(row.name);
    pushTo(this.byName, key, row);
    pushTo(this.byNameUnder, `${key}|${row.parentId ?? ''}`, row);
  }

  /** Identifiers refreshed on a row already listed (a letter's unit learning its portal code). */
  update(row: UnitRow): void {
    if (row.code) this.byCode.set(row.code, row);
    if (row.portalId) this.byPortalId.set(row.portalId, row);
    const key = unitNameKey(row.name);
    for (const list of [this.byName.get(key), this.byNameUnder.get(`${key}|${row.parentId ?? ''}`)]) {
      const at = list?.findIndex((r) => r.id === row.id) ?? -1;
      if (list && at >= 0) list[at] = row;
    }
  }

  /** `parentId` undefined: the ref names no parent, so the name is looked up everywhere. */
  find(ref: UnitRef, parentId: number | null | undefined): Found {
    const byId = (ref.code ? this.byCode.get(ref.code) : undefined) ?? (ref.portalId ? this.byPortalId.get(ref.portalId) : undefined);
    if (byId) return { kind: 'one', row: byId };
    const key = unitNameKey(ref.name);
    const named = parentId === undefined ? this.byName.get(key) : this.byNameUnder.get(`${key}|${parentId ?? ''}`);
    const fits = (named ?? []).filter((row) => kindFits(ref, row));
    const [only] = fits;
    if (!only) return { kind: 'none' };
    return fits.length === 1 ? { kind: 'one', row: only } : { kind: 'several', rows: fits };
  }
}

export interface ResolvedUnits {
  unitOf(ref: UnitRef): UnitRow;
  /** Names of the units this import created, parents included. */
  created: string[];
  createdIds: Set<number>;
  /** Refs whose name fits several stored units: the import must be refused, naming them. */
  ambiguous: { ref: UnitRef; candidates: UnitRow[] }[];
}

const CHUNK = 1000;

export async function resolveUnits(db: Db, refs: readonly UnitRef[]): Promise<ResolvedUnits> {
  const directory = new UnitDirectory(await db.select().from(units));
  const resolved = new Map<UnitRef, UnitRow>();
  const created: string[] = [];
  const createdIds = new Set<number>();
  const ambiguous: ResolvedUnits['ambiguous'] = [];
  const byDepth = new Map<number, UnitRef[]>();
  const seen = new Set<UnitRef>();
  for (const first of refs) {
    for (let ref: UnitRef | null | undefined = first; ref && !seen.has(ref); ref = ref.parent) {
      seen.add(ref);
      pushTo(byDepth, depthOf(ref), ref);
    }
  }

  for (const depth of [...byDepth.keys()].sort((a, b) => a - b)) {
    const toCreate = new Map<string, { ref: UnitRef; parentId: number | null; waiting: UnitRef[] }>();
    for (const ref of byDepth.get(depth) ?? []) {
      const parentId = ref.parent ? (resolved.get(ref.parent)?.id ?? null) : undefined;
      const found = directory.find(ref, parentId);
      if (found.kind === 'one') {
        resolved.set(ref, await fillIdentifiers(db, directory, found.row, ref));
        continue;
      }
      if (found.kind === 'several') {
        ambiguous.push({ ref, candidates: found.rows });
        continue;
      }
      const key = ref.code ?? ref.portalId ?? nameUnderKey(ref.name, ref.kind, parentId ?? null);
      const pending = toCreate.get(key);
      if (pending) pending.waiting.push(ref);
      else toCreate.set(key, { ref, parentId: parentId ?? null, waiting: [ref] });
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
    ambiguous,
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
  if (updated) directory.update(updated);
  return updated ?? row;
}

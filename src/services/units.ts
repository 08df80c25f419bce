/** Finding a unit from what a person typed: a portal code, or a loose name. */
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { units } from '../db/schema.js';
import { allUnits, unitByCode, type UnitRow } from '../db/units.js';
import { cleanText } from '../domain/text.js';
import { unitKindHint, unitNameKey, unitNameMatches, type UnitPlace } from '../domain/units.js';

export type UnitLookup =
  | { kind: 'found'; unit: UnitRow }
  | { kind: 'ambiguous'; candidates: UnitRow[] }
  | { kind: 'none'; query: string };

/**
 * `within`: names matching units of that unit's tree (itself and below) win over the same names
 * elsewhere, as a giver of tasks means its own; with none there, the national answer stands.
 */
export async function findUnit(db: Db, query: string, options: { within?: number } = {}): Promise<UnitLookup> {
  const trimmed = cleanText(query);
  const byCode = /^[A-Z]\d+(\.\d+)*$/i.test(trimmed) ? await unitByCode(db, trimmed.toUpperCase()) : undefined;
  if (byCode) return { kind: 'found', unit: byCode };
  const key = unitNameKey(trimmed);
  const hint = unitKindHint(trimmed);
  if (!key) return { kind: 'none', query: trimmed };
  const everyone = await allUnits(db);
  const scored = everyone
    .map((unit) => ({ unit, match: unitNameMatches(unit.nameKey, key) }))
    .filter((s) => s.match !== null && (hint === null || s.unit.kind === hint));
  const inTree = options.within === undefined ? null : treeOf(everyone, options.within);
  const preferred = inTree ? scored.filter((s) => inTree.has(s.unit.id)) : [];
  const candidates = preferred.length > 0 ? preferred : scored;
  const exact = candidates.filter((s) => s.match === 'exact');
  const pool = exact.length > 0 ? exact : candidates;
  if (pool.length === 1 && pool[0]) return { kind: 'found', unit: pool[0].unit };
  if (pool.length > 1) return { kind: 'ambiguous', candidates: pool.map((s) => s.unit).slice(0, 10) };
  return { kind: 'none', query: trimmed };
}

/** The ids of a unit and every unit below it. */
function treeOf(everyone: readonly UnitRow[], rootId: number): Set<number> {
  const tree = new Set([rootId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const unit of everyone) {
      if (unit.parentId !== null && tree.has(unit.parentId) && !tree.has(unit.id)) {
        tree.add(unit.id);
        grew = true;
      }
    }
  }
  return tree;
}

/** Each unit's place in the tree, read one level up at a time (the tree is a few levels deep). */
export async function unitPlaces(db: Db, ids: readonly number[]): Promise<UnitPlace[]> {
  const parentOf = new Map<number, number | null>();
  let frontier = [...new Set(ids)];
  while (frontier.length > 0) {
    const rows = await db.select({ id: units.id, parentId: units.parentId }).from(units).where(inArray(units.id, frontier));
    for (const row of rows) parentOf.set(row.id, row.parentId);
    frontier = [...new Set(rows.flatMap((row) => (row.parentId !== null && !parentOf.has(row.parentId) ? [row.parentId] : [])))];
  }
  return ids.map((id) => {
    const ancestors: number[] = [];
    for (let up = parentOf.get(id) ?? null; up !== null && !ancestors.includes(up); up = parentOf.get(up) ?? null) ancestors.push(up);
    return { id, ancestors };
  });
}

/** Finding a unit from what a person typed: a portal code, or a loose name. */
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { units } from '../db/schema.js';
import type { UnitRow } from '../db/units.js';
import { slipsAllowed, type Gazetteer, type GazetteerUnit } from '../domain/gazetteer.js';
import { cleanText } from '../domain/text.js';
import { unitKindHint, unitNameKey, type UnitPlace } from '../domain/units.js';
import { recheckedGazetteer, unitGazetteer } from './gazetteer.js';

export type UnitLookup =
  | { kind: 'found'; unit: UnitRow }
  | { kind: 'ambiguous'; candidates: UnitRow[] }
  | { kind: 'none'; query: string };

/**
 * A name typed on its own (an admin's `--unit`, a task's assignee), read by the gazetteer's one rule
 * for names: a code, a known form of a name (a kind word preferred when said: "phường Phú Thọ"), a
 * part of one ("Nông nghiệp"), then a slip of a letter. `within`: names matching units of that unit's
 * tree (itself and below) win over the same names elsewhere, as a giver of tasks means its own.
 */
export async function findUnit(db: Db, query: string, options: { within?: number } = {}): Promise<UnitLookup> {
  const held = await unitGazetteer(db);
  const found = await findIn(db, held, query, options);
  if (found.kind !== 'none') return found;
  // Made a moment ago by another instance, perhaps.
  const fresh = await recheckedGazetteer(db);
  return fresh === held ? found : findIn(db, fresh, query, options);
}

async function findIn(db: Db, gazetteer: Gazetteer, query: string, options: { within?: number }): Promise<UnitLookup> {
  const trimmed = cleanText(query);
  const hint = unitKindHint(trimmed);
  const ofKind = (found: GazetteerUnit[]) => (hint === null ? found : found.filter((u) => u.kind === hint));
  const key = unitNameKey(trimmed);
  const passes = [() => gazetteer.lookup(trimmed), () => gazetteer.containing(key), () => gazetteer.near(key, slipsAllowed(key)).map((n) => n.unit)];
  for (const pass of passes) {
    const found = ofKind(pass());
    if (found.length === 0) continue;
    const inTree = options.within === undefined ? [] : found.filter((u) => u.id === options.within || gazetteer.isUnder(u, options.within as number));
    const pool = inTree.length > 0 ? inTree : found;
    const rows = await db.select().from(units).where(inArray(units.id, pool.slice(0, 10).map((u) => u.id)));
    if (rows.length === 1 && rows[0]) return { kind: 'found', unit: rows[0] };
    if (rows.length > 1) return { kind: 'ambiguous', candidates: rows };
  }
  return { kind: 'none', query: trimmed };
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

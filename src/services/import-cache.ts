/**
 * What changes only when an import is stored, kept in memory so that a question reads nothing but what
 * tells whether an import was stored since: the units (the gazetteer, services/gazetteer.ts); per unit,
 * the periods it has results for, whether each is complete, and the latest result of each; the totals
 * of the units under a parent in a period (a card's peers), with the stamp they were asked under; and the results last shown, which never
 * change once stored (a change is a new revision). The frameworks are code (domain/framework.ts).
 *
 * An import stored in this process forgets it all (`importStored`). Another instance's import shows in
 * `IMPORTS_STAMP`, which the statement that takes a chat's turn reads as well (db/chat-context.ts): a
 * unit's periods, or the totals under a parent, kept under another stamp are read again.
 */
import type { Db } from '../db/client.js';
import { childTotals, importsStamp, periodsOfUnit, resultsById, type ChildTotal, type ResultWithSource, type UnitPeriods } from '../db/results.js';
import { forgetGazetteer } from './gazetteer.js';

/** Results kept (about 10 KB each with their sub-criteria); the least recently shown go first. */
const RESULTS_KEPT = 1000;

interface Held {
  periods: Map<number, Promise<UnitPeriods>>;
  /** By result id, least recently used first. */
  results: Map<number, ResultWithSource>;
  /** The totals under a parent in a period, by "parentId:period", with the stamp they were asked under. */
  childTotals: Map<string, { stamp: string; totals: Promise<ChildTotal[]> }>;
}

const held = new WeakMap<Db, Held>();

function heldFor(db: Db): Held {
  let entry = held.get(db);
  if (!entry) held.set(db, (entry = { periods: new Map(), results: new Map(), childTotals: new Map() }));
  return entry;
}

/**
 * A unit's periods with data, newest first, with the latest result of each, as of `stamp` (`IMPORTS_STAMP`
 * as the caller read it; read here when not given): what was kept is read again when it was read with another.
 */
export async function unitPeriods(db: Db, unitId: number, stamp?: string): Promise<UnitPeriods> {
  const kept = heldFor(db).periods.get(unitId);
  if (kept) {
    const periods = await kept.catch(() => null);
    if (periods && periods.stamp === (stamp ?? (await importsStamp(db)))) return periods;
    // Stale: another instance stored an import. Everything kept may be.
    if (periods) importStored(db);
  }
  const { periods } = heldFor(db);
  const reading = periodsOfUnit(db, unitId);
  periods.set(unitId, reading);
  // A failed read is not kept: the next question tries again.
  reading.catch(() => {
    if (periods.get(unitId) === reading) periods.delete(unitId);
  });
  return reading;
}

/** Results by id (two at most), from memory or read in one statement. */
export async function heldResults(db: Db, ids: readonly number[]): Promise<Map<number, ResultWithSource>> {
  const { results } = heldFor(db);
  const found = new Map<number, ResultWithSource>();
  for (const id of ids) {
    const result = results.get(id);
    if (!result) continue;
    // Shown again: the most recently used.
    results.delete(id);
    results.set(id, result);
    found.set(id, result);
  }
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length === 0) return found;
  for (const result of await resultsById(db, missing)) {
    found.set(result.id, result);
    results.set(result.id, result);
  }
  for (const id of results.keys()) {
    if (results.size <= RESULTS_KEPT) break;
    results.delete(id);
  }
  return found;
}

/**
 * The latest total of every unit under a parent in a period, as of `stamp` (`IMPORTS_STAMP` as the caller
 * read it): from memory, or read in one statement when what was kept was asked under another stamp.
 */
export function heldChildTotals(db: Db, parentId: number, period: string, stamp: string): Promise<ChildTotal[]> {
  const kept = heldFor(db).childTotals;
  const key = `${parentId}:${period}`;
  const found = kept.get(key);
  if (found && found.stamp === stamp) return found.totals;
  const entry = { stamp, totals: childTotals(db, parentId, period) };
  kept.set(key, entry);
  entry.totals.catch(() => {
    if (kept.get(key) === entry) kept.delete(key);
  });
  return entry.totals;
}

/**
 * An import was stored (here, or by another instance as a stamp showed): the units, periods and totals
 * kept are read again when next needed. Results kept stay: a result never changes.
 */
export function importStored(db: Db): void {
  held.get(db)?.periods.clear();
  held.get(db)?.childTotals.clear();
  forgetGazetteer(db);
}

/**
 * What changes only when an import is stored, kept in memory so that a question reads little more
 * than the figures it shows: the units (the gazetteer, services/gazetteer.ts) and, per unit, the
 * periods it has results for, whether each is complete, and the latest result of each. (The frameworks
 * are code: domain/framework.ts.)
 *
 * An import stored in this process forgets it all (`importStored`). Another instance's import is seen
 * by the statement that reads the figures, which reads `IMPORTS_STAMP` too: a stamp other than the one
 * these were read with means they are stale, and the question is answered again from fresh ones.
 */
import type { Db } from '../db/client.js';
import { periodsOfUnit, type UnitPeriods } from '../db/results.js';
import { forgetGazetteer } from './gazetteer.js';

const held = new WeakMap<Db, Map<number, Promise<UnitPeriods>>>();

/** A unit's periods with data, newest first, with the latest result of each and the stamp they were read with. */
export function unitPeriods(db: Db, unitId: number): Promise<UnitPeriods> {
  let units = held.get(db);
  if (!units) held.set(db, (units = new Map<number, Promise<UnitPeriods>>()));
  const kept = units.get(unitId);
  if (kept) return kept;
  const reading = periodsOfUnit(db, unitId);
  units.set(unitId, reading);
  // A failed read is not kept: the next question tries again.
  reading.catch(() => {
    if (held.get(db)?.get(unitId) === reading) held.get(db)?.delete(unitId);
  });
  return reading;
}

/** An import was stored (here, or by another instance as a stamp showed): what was kept is read again when next needed. */
export function importStored(db: Db): void {
  held.delete(db);
  forgetGazetteer(db);
}

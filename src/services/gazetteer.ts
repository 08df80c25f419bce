/**
 * The gazetteer of the units in the database, kept in memory so that reading a message does not
 * scan the units table. An import that adds or renames units forgets it in this process; another
 * instance's import reaches it within a minute, or at once when a name fits nothing we hold.
 */
import type { Db } from '../db/client.js';
import { allUnits } from '../db/units.js';
import { Gazetteer } from '../domain/gazetteer.js';

/** How long a gazetteer serves before it is read again. */
const FRESH_MS = 60_000;
/** A name that fits nothing may be a unit made a moment ago by another instance: read again, but not more often than this. */
const RECHECK_MS = 5_000;

interface Held {
  gazetteer: Promise<Gazetteer>;
  readAt: number;
}

const held = new WeakMap<Db, Held>();

function read(db: Db, now: number): Held {
  const entry: Held = {
    gazetteer: allUnits(db).then((rows) => new Gazetteer(rows)),
    readAt: now,
  };
  // A failed read is not kept: the next message tries again.
  entry.gazetteer.catch(() => {
    if (held.get(db) === entry) held.delete(db);
  });
  held.set(db, entry);
  return entry;
}

export function unitGazetteer(db: Db, now = Date.now()): Promise<Gazetteer> {
  const entry = held.get(db);
  return (entry && now - entry.readAt < FRESH_MS ? entry : read(db, now)).gazetteer;
}

/** The gazetteer again when the one held is older than a few seconds; the same one otherwise. */
export function recheckedGazetteer(db: Db, now = Date.now()): Promise<Gazetteer> {
  const entry = held.get(db);
  return (entry && now - entry.readAt < RECHECK_MS ? entry : read(db, now)).gazetteer;
}

/** Units were added or renamed in this process. */
export function forgetGazetteer(db: Db): void {
  held.delete(db);
}

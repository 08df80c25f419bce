/**
 * The gazetteer of the units in the database, kept in memory so that reading a message does not
 * scan the units table. An import that adds or renames units forgets it in this process; another
 * instance's import reaches it within a minute, or at once when a name fits nothing we hold and the units
 * table has grown since it was read.
 */
import type { Db } from '../db/client.js';
import { allUnits, unitsStamp } from '../db/units.js';
import { Gazetteer } from '../domain/gazetteer.js';

/** How long a gazetteer serves before it is read again. */
const FRESH_MS = 60_000;
/** Another instance may have renamed a unit (a count does not show that): past this age, a miss reads again anyway. */
const RECHECK_MS = 5_000;

interface Held {
  gazetteer: Promise<Gazetteer>;
  /** How many units, and the newest id, when it was read. */
  stamp: Promise<string>;
  readAt: number;
}

const held = new WeakMap<Db, Held>();

function read(db: Db, now: number): Held {
  const rows = allUnits(db);
  const entry: Held = {
    gazetteer: rows.then((all) => new Gazetteer(all)),
    stamp: rows.then((all) => stampOf(all.length, all.reduce((newest, u) => Math.max(newest, u.id), 0))),
    readAt: now,
  };
  entry.stamp.catch(() => undefined);
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

const stampOf = (count: number, newest: number) => `${count}:${newest}`;

/**
 * A name fits nothing held: the gazetteer again when it is a few seconds old, or younger but another instance has made
 * units since it was read (one small count).
 */
export async function recheckedGazetteer(db: Db, now = Date.now()): Promise<Gazetteer> {
  const entry = held.get(db);
  if (!entry || now - entry.readAt >= RECHECK_MS) return read(db, now).gazetteer;
  const [was, is] = await Promise.all([entry.stamp, unitsStamp(db)]);
  return (was === stampOf(is.count, is.newest) ? entry : read(db, now)).gazetteer;
}

/** Units were added or renamed in this process. */
export function forgetGazetteer(db: Db): void {
  held.delete(db);
}

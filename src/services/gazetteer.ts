/**
 * The gazetteer of the units in the database, kept in memory so that reading a message does not
 * scan the units table. An import that adds or renames units forgets it in this process; another
 * instance's import reaches it within a minute, or at once when a name fits nothing we hold and the units
 * table has grown since it was read.
 */
import type { Db } from '../db/client.js';
import { allUnits, unitById, unitsStamp, type UnitRow } from '../db/units.js';
import { Gazetteer } from '../domain/gazetteer.js';

/** How long a gazetteer serves before it is read again. */
const FRESH_MS = 60_000;
/** Another instance may have renamed a unit (a count does not show that): past this age, a miss reads again anyway. */
const RECHECK_MS = 5_000;

interface Held {
  gazetteer: Promise<Gazetteer>;
  /** The rows it was made from, by id. */
  rows: Promise<ReadonlyMap<number, UnitRow>>;
  /** How many units, and the newest id, when it was read. */
  stamp: Promise<string>;
  readAt: number;
}

const held = new WeakMap<Db, Held>();

function read(db: Db, now: number): Held {
  const rows = allUnits(db);
  const entry: Held = {
    gazetteer: rows.then((all) => new Gazetteer(all)),
    rows: rows.then((all) => new Map(all.map((u) => [u.id, u]))),
    stamp: rows.then((all) => stampOf(all.length, all.reduce((newest, u) => Math.max(newest, u.id), 0))),
    readAt: now,
  };
  entry.stamp.catch(() => undefined);
  entry.rows.catch(() => undefined);
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

/**
 * A unit's row as the gazetteer holds it (units change only by imports, which forget it), read from the
 * database when it holds none of that id.
 */
export async function heldUnit(db: Db, id: number, now = Date.now()): Promise<UnitRow | undefined> {
  const entry = held.get(db);
  const rows = await (entry && now - entry.readAt < FRESH_MS ? entry : read(db, now)).rows;
  return rows.get(id) ?? (await unitById(db, id));
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

/**
 * Charts drawn, kept per database until the next import: an entry holds the `IMPORTS_STAMP` it was drawn
 * under, and a question asked under another stamp draws again. The key names the chart kind, the unit and
 * the period asked. A failed drawing is not kept.
 */
import type { Db } from '../db/client.js';

/** Charts kept (a PNG is some 50–150 KB); the least recently asked go first. */
const CHARTS_KEPT = 64;

interface Kept<T> {
  stamp: string;
  value: Promise<T>;
}

const kept = new WeakMap<Db, Map<string, Kept<unknown>>>();

export function keptChart<T>(db: Db, key: string, stamp: string, draw: () => Promise<T>): Promise<T> {
  let charts = kept.get(db);
  if (!charts) kept.set(db, (charts = new Map<string, Kept<unknown>>()));
  const found = charts.get(key) as Kept<T> | undefined;
  charts.delete(key);
  if (found && found.stamp === stamp) {
    charts.set(key, found);
    return found.value;
  }
  const value = draw();
  const entry: Kept<T> = { stamp, value };
  charts.set(key, entry);
  value.catch(() => {
    if (charts.get(key) === entry) charts.delete(key);
  });
  for (const oldest of charts.keys()) {
    if (charts.size <= CHARTS_KEPT) break;
    charts.delete(oldest);
  }
  return value;
}

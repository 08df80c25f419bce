/** A card's peers: the units of the same kind group under the same parent, with a total in the same period. */
import type { Db } from '../db/client.js';
import { childTotals, type ChildTotal } from '../db/results.js';
import type { UnitRow } from '../db/units.js';
import { peerStanding, type PeerStanding } from '../domain/peers.js';
import { peerGroupOf, type PeerGroup } from '../domain/units.js';
import { heldChildTotals } from './import-cache.js';

export interface CardPeers {
  group: PeerGroup;
  parent: UnitRow;
  standing: PeerStanding;
}

/** Where the totals under a parent come from: memory (a question, its stamp checked first), or the database. */
export type TotalsUnder = (db: Db, parentId: number, period: string) => Promise<ChildTotal[]>;

/** The latest totals under each parent read from the database once for a batch of cards (a publication), not from memory. */
export function freshTotals(): TotalsUnder {
  const read = new Map<string, Promise<ChildTotal[]>>();
  return (db, parentId, period) => {
    const key = `${parentId}:${period}`;
    const found = read.get(key) ?? childTotals(db, parentId, period);
    read.set(key, found);
    return found;
  };
}

/** The totals under each parent from memory, as of `stamp` (`IMPORTS_STAMP` as the question's turn read it). */
export function heldTotals(stamp: string): TotalsUnder {
  return (db, parentId, period) => heldChildTotals(db, parentId, period, stamp);
}

/** The totals of the unit's peers in the period, the unit's own included; empty without a parent. */
export async function peerTotals(db: Db, unit: UnitRow, period: string, totalsUnder: TotalsUnder): Promise<ChildTotal[]> {
  if (unit.parentId === null) return [];
  const group = peerGroupOf(unit.kind);
  return (await totalsUnder(db, unit.parentId, period)).filter((c) => peerGroupOf(c.kind) === group);
}

export async function cardPeers(db: Db, card: { unit: UnitRow; parent: UnitRow | null; result: { period: string; total: string | null } }, totalsUnder: TotalsUnder): Promise<CardPeers | null> {
  if (!card.parent) return null;
  const standing = peerStanding(card.result.total, (await peerTotals(db, card.unit, card.result.period, totalsUnder)).map((p) => p.total));
  return standing && { group: peerGroupOf(card.unit.kind), parent: card.parent, standing };
}

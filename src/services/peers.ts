/** A card's peers: the units of the same kind group under the same parent, with a total in the same period. */
import type { Db } from '../db/client.js';
import type { UnitRow } from '../db/units.js';
import { peerStanding, type PeerStanding } from '../domain/peers.js';
import { peerGroupOf, type PeerGroup } from '../domain/units.js';
import { heldChildTotals } from './import-cache.js';

export interface CardPeers {
  group: PeerGroup;
  parent: UnitRow;
  standing: PeerStanding;
}

/** The totals of the unit's peers in the period, the unit's own included; empty without a parent. */
export async function peerTotals(db: Db, unit: UnitRow, period: string): Promise<{ unitId: number; total: string | null }[]> {
  if (unit.parentId === null) return [];
  const group = peerGroupOf(unit.kind);
  return (await heldChildTotals(db, unit.parentId, period)).filter((c) => peerGroupOf(c.kind) === group);
}

export async function cardPeers(db: Db, unit: UnitRow, parent: UnitRow | null, period: string, total: string | null): Promise<CardPeers | null> {
  if (!parent) return null;
  const standing = peerStanding(total, (await peerTotals(db, unit, period)).map((p) => p.total));
  return standing && { group: peerGroupOf(unit.kind), parent, standing };
}

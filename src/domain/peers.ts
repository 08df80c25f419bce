/**
 * Where a unit stands among its peers (the units of its kind group under the same parent, in the same
 * period): the share of the others it is above, the median, and the points it lacks for the top ten.
 * Exact on the stored totals; with too few peers, nothing is said rather than a share of three.
 */
import { addDecimals, compareDecimals, halfOf, subtractDecimal } from './decimal.js';

/** Fewer peers with a total (the unit included) say nothing worth a percentage. */
export const FEWEST_PEERS = 5;
export const TOP = 10;

export interface PeerStanding {
  /** Peers with a total, the unit included. */
  count: number;
  /** Of the others, the share (whole percent, rounded down) whose total is below the unit's. */
  abovePercent: number;
  median: string;
  /** The top ten, when the group has more than ten: points short of the tenth (null: already in it). */
  top: { gap: string | null } | null;
}

export function peerStanding(total: string | null, peerTotals: readonly (string | null)[]): PeerStanding | null {
  if (total === null) return null;
  const totals = peerTotals.filter((t): t is string => t !== null).sort((a, b) => compareDecimals(b, a));
  const count = totals.length;
  if (count < FEWEST_PEERS) return null;
  const below = totals.filter((t) => compareDecimals(t, total) < 0).length;
  const tenth = totals[TOP - 1];
  return {
    count,
    abovePercent: Math.floor((100 * below) / (count - 1)),
    median: median(totals),
    top: count > TOP && tenth !== undefined ? { gap: compareDecimals(total, tenth) >= 0 ? null : subtractDecimal(tenth, total) } : null,
  };
}

/** The middle of totals sorted from the highest, or the mean of the two middle ones. */
function median(sorted: readonly string[]): string {
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? '0';
  return sorted.length % 2 === 1 ? upper : halfOf(addDecimals([sorted[middle - 1] ?? '0', upper]));
}

/** Competition rank of a total among the others' (1 + how many are higher), and the group's size. */
export function rankAmong(total: string, otherTotals: readonly (string | null)[]): { rank: number; rankOf: number } {
  const others = otherTotals.filter((t): t is string => t !== null);
  return { rank: 1 + others.filter((t) => compareDecimals(t, total) > 0).length, rankOf: others.length + 1 };
}

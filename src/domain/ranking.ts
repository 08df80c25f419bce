/** Ranks computed among siblings when the source prints none: competition ranking (1, 2, 2, 4). */
import { compareDecimals } from './decimal.js';

export interface Ranked {
  rank: number;
  rankOf: number;
}

/** Ranks every entry that has a total; entries without one are left out and do not count. */
export function competitionRanks<K>(entries: readonly { key: K; total: string | null }[]): Map<K, Ranked> {
  const scored = entries.filter((e): e is { key: K; total: string } => e.total !== null);
  const sorted = [...scored].sort((a, b) => compareDecimals(b.total, a.total));
  const ranks = new Map<K, Ranked>();
  sorted.forEach((entry, index) => {
    const previous = index > 0 ? sorted[index - 1] : undefined;
    const tiedRank = previous && compareDecimals(previous.total, entry.total) === 0 ? ranks.get(previous.key)?.rank : undefined;
    ranks.set(entry.key, { rank: tiedRank ?? index + 1, rankOf: sorted.length });
  });
  return ranks;
}

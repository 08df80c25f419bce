/** Totals counted by the official bands (domain/result.ts), then those under the lowest, then those without a total. */
import { BANDS, classify } from './result.js';

/** A band of totals: an official one by its label, "under" below the lowest, "none" without a total. */
export type BandKey = { kind: 'band'; label: string; from: string; below: string | null } | { kind: 'under'; below: string } | { kind: 'none' };

export interface BandCount {
  band: BandKey;
  count: number;
}

/** The lowest official band's threshold: under it a total is in no band. */
export const LOWEST_BAND_FROM: string = BANDS.at(-1)?.from ?? '0';

export function countBands(totals: readonly (string | null)[]): BandCount[] {
  const scored = totals.filter((total): total is string => total !== null);
  const official: BandCount[] = BANDS.map((band, i) => ({
    band: { kind: 'band', label: band.label, from: band.from, below: BANDS[i - 1]?.from ?? null },
    count: scored.filter((total) => classify(total) === band.label).length,
  }));
  return [
    ...official,
    { band: { kind: 'under', below: LOWEST_BAND_FROM }, count: scored.filter((total) => classify(total) === null).length },
    { band: { kind: 'none' }, count: totals.length - scored.length },
  ];
}

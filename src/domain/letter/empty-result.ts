import type { Period } from '../period.js';
import { frameworkFor } from './groups.js';
import type { LetterResult } from './types.js';

/** A unit's result with no figure yet. */
export function emptyResult(unitName: string, parentName: string | null, period: Period): LetterResult {
  return {
    unitName,
    parentName,
    period,
    frameworkVersion: frameworkFor([]).version,
    total: null,
    rank: null,
    rankOf: null,
    rankScope: null,
    classification: null,
    scoreDelta: null,
    printedDelta: null,
    scoreDeltaPercent: null,
    rankChange: null,
    groups: [],
    skipped: [],
  };
}

/** A letter's text → an import batch, once a person has confirmed what was read from it. */
import { parseDecimal } from '../domain/decimal.js';
import { extractLetter, type LetterExtraction, type LetterResult } from '../domain/letter.js';
import { periodKey } from '../domain/period.js';
import { inferUnitKind } from '../domain/units.js';
import type { ImportBatch, UnitRef } from './save.js';

/** "-0,96%" → "-0.96", "+0,5%" → "0.5"; a change in points ("+2,15") → null. */
function percentOf(printedDelta: string | null): string | null {
  if (!printedDelta?.endsWith('%')) return null;
  return parseDecimal(printedDelta.slice(0, -1).replace(/^\+/, ''));
}

export function letterResultToRow(letter: LetterResult): ImportBatch['rows'][number] {
  const parent: UnitRef | null = letter.parentName ? { name: letter.parentName, kind: inferUnitKind(letter.parentName) } : null;
  return {
    unit: { name: letter.unitName, kind: inferUnitKind(letter.unitName), parent },
    result: {
      period: periodKey(letter.period),
      frameworkVersion: letter.frameworkVersion,
      total: letter.total,
      rank: letter.rank,
      rankOf: letter.rankOf,
      rankScope: letter.rankScope,
      classification: letter.classification,
      // A change printed in points is already `scoreDelta`; only a percentage is kept from `printedDelta`.
      scoreDelta: letter.scoreDelta,
      scoreDeltaPercent: percentOf(letter.printedDelta),
      rankChange: letter.rankChange,
      groups: letter.groups,
    },
  };
}

/**
 * The period given by the person importing (`--period`, the chat's answer) is read before extraction: it is the
 * letter's period when the text names none, neither in its words nor in its date line.
 */
export function letterBatch(text: string, fileName: string | null, period: string | null = null): { extraction: LetterExtraction; batch: ImportBatch | null } {
  const extraction = extractLetter(text, { period });
  if (!extraction.ok) return { extraction, batch: null };
  const first = extraction.results[0];
  if (!first) return { extraction, batch: null };
  return {
    extraction,
    batch: {
      source: 'letter',
      fileName,
      period: periodKey(first.period),
      rows: extraction.results.map(letterResultToRow),
      letter: {
        periodSource: extraction.periodSource,
        unread: extraction.unread,
        changes: extraction.results.map((r) => ({ printedDelta: r.printedDelta, rankChange: r.rankChange })),
      },
    },
  };
}

/** A letter's text → an import batch, once a person has confirmed what was read from it. */
import { extractLetter, type LetterExtraction, type LetterResult } from '../domain/letter.js';
import { periodKey } from '../domain/period.js';
import { inferUnitKind } from '../domain/units.js';
import type { ImportBatch, UnitRef } from './save.js';

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
      scoreDelta: letter.scoreDelta,
      scoreDeltaPercent: letter.scoreDeltaPercent,
      rankChange: letter.rankChange,
      groups: letter.groups,
    },
  };
}

/**
 * The period given by the person importing (`--period`, the chat's answer) is read before extraction: it is the
 * letter's period when the text names none, neither in its words nor in its date line. Figures the letter prints for
 * another period ("(tháng 9 đạt 88,1 điểm)") go into a batch of their own for that period, saved with the letter's.
 */
export function letterBatch(text: string, fileName: string | null, period: string | null = null): { extraction: LetterExtraction; batch: ImportBatch | null } {
  const extraction = extractLetter(text, { period });
  if (!extraction.ok) return { extraction, batch: null };
  const byPeriod = new Map<string, LetterResult[]>();
  for (const r of extraction.results) byPeriod.set(periodKey(r.period), [...(byPeriod.get(periodKey(r.period)) ?? []), r]);
  const [main, ...others] = [...byPeriod].map(([key, results], i): ImportBatch => ({
    source: 'letter',
    fileName,
    period: key,
    rows: results.map(letterResultToRow),
    letter: {
      periodSource: i === 0 ? extraction.periodSource : 'text',
      unread: i === 0 ? extraction.unread : [],
      changes: results.map((r) => ({ printedDelta: r.printedDelta, rankChange: r.rankChange })),
    },
  }));
  if (!main) return { extraction, batch: null };
  return { extraction, batch: others.length > 0 ? { ...main, also: others } : main };
}

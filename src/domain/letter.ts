/**
 * Reads results out of the text of a công văn or a news item: the extractor lives in `./letter/`
 * (how it reads is told in `./letter/extract.ts`); this file is its public API.
 */
export { extractLetter } from './letter/extract.js';
export type { PeriodSource } from './letter/periods.js';
export type { LetterExtraction, LetterResult, SkippedFigure, UnreadFigure } from './letter/types.js';

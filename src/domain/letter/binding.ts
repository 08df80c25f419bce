import type { Period } from '../period.js';
import { foldWords } from '../text.js';
import { around, type Doc, lowerBound, mentionsIn } from './document.js';
import { allRanks } from './ranks.js';
import { nearestMentionBefore } from './scores.js';
import type { Subject } from './subjects.js';
import { chained, chainStart, type Mention, parentOf } from './units.js';

// ---------------------------------------------------------------------------------------------------
// Binding: which result a rank, a change or a classification belongs to, by the sentence it stands in.

/** Where a subject stands in the text: its total, else its unit's name. */
export const home = (s: Subject) => s.total?.start ?? s.skippedTotal?.start ?? s.unit.start;

/**
 * "Năm 2025, tỉnh Gia Lai xếp thứ 2/34 tỉnh, thành phố về Chỉ số phục vụ người dân": a unit ranked without a score is a
 * result when the rank follows its name directly and the sentence names the index (a rank on another measure is not).
 */
export function rankOnlySubjects(doc: Doc, period: Period, breaks: readonly number[], list: Subject[]): void {
  const known = new Set(list.map((s) => foldWords(s.unit.name)));
  const homes = list.map(home).sort((a, b) => a - b);
  for (const { index, value } of allRanks(doc, period, [])) {
    // Only a rank with its base ("2/34"): "dẫn đầu" in a headline is too little to make a unit's result of.
    if (value.rankOf === null) continue;
    const sentence = around(breaks, index, doc.t.length);
    if ((homes[lowerBound(homes, sentence.start, (h) => h)] ?? Infinity) < sentence.end) continue;
    const unit = nearestMentionBefore(doc, index, Math.max(sentence.start, index - 60));
    if (!unit || !/^\s*(?:(?:da|van|tiep tuc|duoc|dang)\s+)*$/.test(doc.f.slice(unit.end, index))) continue;
    if (!/(?<![a-z])(?:chi so|766)(?![a-z])/.test(doc.f.slice(sentence.start, sentence.end))) continue;
    const u = chainStart(doc, unit);
    // "Sở Y tế Gia Lai" beside a result of "Sở Y tế": one unit printed two ways, not a second result.
    const key = foldWords(u.name);
    if ([...known].some((k) => k === key || k.startsWith(`${key} `) || key.startsWith(`${k} `))) continue;
    known.add(key);
    list.push({ rankOnly: true, unit: u, parentName: parentOf(doc, u), anchor: u.start, total: null, skippedTotal: null });
  }
  list.sort((a, b) => a.anchor - b.anchor);
}

/**
 * The subject a figure at `pos` belongs to, or null when the text does not say:
 *   - a sentence that holds results: the result of its clause (between semicolons), the one whose name is last
 *     before the figure, else the first ("xếp hạng thứ 2 là UBND huyện Bắc Hà đạt …"); a clause without a result
 *     of its own belongs to the result before it in the sentence, unless it names another unit;
 *   - a sentence without a result: the text's only result, unless the sentence names another unit.
 */
export function ownerOf(
  doc: Doc,
  breaks: readonly number[],
  list: readonly Subject[],
  homes: readonly { home: number; i: number }[],
  pos: number,
  /** False for a second period: its sentences are often about other units, so "the only result" says nothing. */
  lone = true,
): number | null {
  const sentence = around(breaks, pos, doc.t.length);
  const names = (from: number, to: number, except: Subject | null) =>
    mentionsIn(doc, from, to).some((m) => m.end <= to && (except === null || !ownName(m, except)));
  const inSentence: { s: Subject; i: number }[] = [];
  for (let k = lowerBound(homes, sentence.start, (h) => h.home); k < homes.length && (homes[k]?.home ?? Infinity) < sentence.end; k++) {
    const i = homes[k]?.i ?? 0;
    inSentence.push({ s: list[i] as Subject, i });
  }
  inSentence.sort((a, b) => a.i - b.i);
  if (inSentence.length === 0) {
    const only = lone && list.length === 1 ? list[0] : undefined;
    return only && !names(sentence.start, sentence.end, only) ? 0 : null;
  }
  const clauseBreaks = [...doc.t.slice(sentence.start, sentence.end).matchAll(/;/g)].map((m) => sentence.start + m.index + 1);
  const clause = around(clauseBreaks, pos, sentence.end);
  clause.start = Math.max(clause.start, sentence.start);
  const inClause = inSentence.filter(({ s }) => home(s) >= clause.start && home(s) < clause.end);
  if (inClause.length > 0) {
    // "huyện Phù Ninh đạt 91,4 điểm (tỉnh Phú Thọ đạt 88,2 điểm), xếp thứ 3/13": what a closed bracket says is not the clause's subject.
    const bracketedBefore = (s: Subject) => /\(\s*$/.test(doc.f.slice(Math.max(0, s.unit.start - 3), s.unit.start)) && doc.f.slice(s.unit.end, pos).includes(')');
    const chosen = inClause.filter(({ s }) => s.unit.start <= pos && !bracketedBefore(s)).at(-1) ?? inClause[0];
    if (!chosen) return null;
    // In a list ("A (85 điểm), B (84 điểm) và 6 huyện xếp loại khá") a figure past an item's score and a "và" is not the item's.
    const totalEnd = chosen.s.total?.end ?? chosen.s.unit.end;
    if (inClause.length > 1 && totalEnd < pos && /\s(?:va|hoac)\s/.test(doc.f.slice(totalEnd, pos))) return null;
    return chosen.i;
  }
  const before = inSentence.filter(({ s }) => home(s) < pos).at(-1);
  return before && !names(clause.start, clause.end, before.s) ? before.i : null;
}

/**
 * The subject's own name, or its parent's: naming them does not make a sentence about another unit. With `doc`, the parent
 * counts only right after a name of the subject ("xã X, tỉnh Y"): "tỉnh Quảng Ninh đạt: …" alone is the province's sentence.
 */
export function ownName(m: Mention, s: Subject, doc?: Doc): boolean {
  const name = foldWords(m.name);
  if (name === foldWords(s.unit.name)) return true;
  if (s.parentName === null || name !== foldWords(s.parentName)) return false;
  if (!doc) return true;
  const before = doc.mentions[(doc.order.get(m) ?? 0) - 1];
  return before !== undefined && foldWords(before.name) === foldWords(s.unit.name) && chained(doc, before, m);
}

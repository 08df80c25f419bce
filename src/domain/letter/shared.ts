import type { Period } from '../period.js';
import { around, type Doc, lowerBound } from './document.js';
import { elsewhere } from './scores.js';
import type { Subject } from './subjects.js';
import type { Mention } from './units.js';

// ---------------------------------------------------------------------------------------------------
// Figures one phrase gives several units: "có 2 đơn vị bị giảm 6 bậc …, lần lượt xếp hạng thứ 8 và thứ 9 là A (…) và B (…)",
// "A đạt 90 điểm, B đạt 85 điểm, lần lượt xếp thứ 1 và thứ 2".

const COUNT_WORDS: Record<string, number> = { hai: 2, ba: 3, bon: 4, nam: 5 };
const UNITS = String.raw`(?:don vi|dia phuong|huyen|xa|phuong|so|tinh|nganh)`;
/** "xếp hạng thứ 8 và thứ 9", "đứng thứ 2, 3 và 4": two ranks or more in one phrase. */
const RANK_LIST_RE = /(?<![a-z])(?:xep hang|xep|dung|o vi tri|vi tri)\s+thu\s+(\d{1,3})((?:\s*(?:,|va)\s*(?:thu\s+)?\d{1,3})+)(?![\d/])/g;
/** "có 2 đơn vị bị giảm 6 bậc", "3 huyện tăng 2 hạng". */
const COUNTED_CHANGE_RE = new RegExp(String.raw`(?<![a-z])(\d|hai|ba|bon|nam)\s+${UNITS}\s+(?:(?:deu|cung|bi|duoc)\s+)*(tang|giam)\s+(\d{1,3})\s+(?:bac|hang)(?![a-z])`, 'g');
/** Between two names of a list: a bracketed figure, then "," or "và". */
const JOINER = /^\s*(?:\([^()]*\))?\s*(?:,\s*(?:va\s+)?|va\s+)(?:ubnd\s+|uy ban nhan dan\s+)?$/;
/** Between two names of a list whose figures come first: "đạt 90 điểm, …". */
const JOINER_WITH_FIGURE = /^\s*(?:(?:dat|voi)\s+\d+(?:[.,]\d+)?\s*diem\s*)?(?:\([^()]*\))?\s*(?:,\s*(?:va\s+)?|va\s+)(?:ubnd\s+|uy ban nhan dan\s+)?$/;

export interface SharedFigures {
  ranks: Map<number, number>;
  rankChanges: Map<number, number>;
  /** Where the phrases stand: a rank or a change inside one is no single unit's by the ordinary binding. */
  phrases: { start: number; end: number }[];
}

/** The names listed one after another from `first`, joined only by "," / "và" (and their bracketed figures). */
function runFrom(doc: Doc, first: number, joiner: RegExp): Mention[] {
  const run: Mention[] = [];
  for (let i = first; i < doc.mentions.length; i++) {
    const m = doc.mentions[i] as Mention;
    const previous = run.at(-1);
    if (previous && !joiner.test(doc.f.slice(previous.end, m.start))) break;
    run.push(m);
  }
  return run;
}

/**
 * Each unit of the list the phrase goes with, in order, when the list holds exactly as many names as the phrase has
 * figures (two ranks for two names, "có 2 đơn vị" for two names); any other count gives nobody anything.
 */
export function sharedFigures(doc: Doc, period: Period, breaks: readonly number[], list: readonly Subject[]): SharedFigures {
  const out: SharedFigures = { ranks: new Map(), rankChanges: new Map(), phrases: [] };
  const subjectOf = (m: Mention) => list.findIndex((s) => s.unit.start === m.start);
  /** The names listed right after "là" / "gồm" / ":" that follows the phrase in its sentence. */
  const listedAfter = (end: number): Mention[] => {
    const sentence = around(breaks, end, doc.t.length);
    const lead = /^[^.;]*?(?:\sla|\sgom|:)(?![a-z])\s*/.exec(doc.f.slice(end, sentence.end));
    if (!lead) return [];
    const at = end + lead[0].length;
    // "là UBND huyện Mường Khương": the name starts at "huyện", after the committee's word.
    const committee = /^(?:ubnd|uy ban nhan dan)\s+/.exec(doc.f.slice(at, at + 20))?.[0].length ?? 0;
    const first = lowerBound(doc.mentions, at, (m) => m.start);
    const start = doc.mentions[first]?.start;
    return start === at || start === at + committee ? runFrom(doc, first, JOINER) : [];
  };
  const give = (names: readonly Mention[], values: readonly number[], into: Map<number, number>) => {
    if (names.length !== values.length) return;
    names.forEach((m, k) => {
      const i = subjectOf(m);
      if (i >= 0) into.set(i, values[k] ?? 0);
    });
  };

  for (const m of doc.f.matchAll(RANK_LIST_RE)) {
    const end = m.index + m[0].length;
    out.phrases.push({ start: m.index, end });
    if (elsewhere(doc, m.index, period)) continue;
    const ranks = [Number(m[1]), ...[...(m[2] ?? '').matchAll(/\d{1,3}/g)].map((x) => Number(x[0]))];
    const after = listedAfter(end);
    if (after.length > 0) give(after, ranks, out.ranks);
    else if (/lan luot\s*$/.test(doc.f.slice(Math.max(0, m.index - 12), m.index))) {
      // "A đạt 90 điểm, B đạt 85 điểm, lần lượt xếp thứ 1 và thứ 2": the names of the sentence before, all of them.
      const sentence = around(breaks, m.index, doc.t.length);
      const names = doc.mentions.filter((x) => x.start >= sentence.start && x.end <= m.index);
      const run = names.length > 0 ? runFrom(doc, doc.mentions.indexOf(names[0] as Mention), JOINER_WITH_FIGURE) : [];
      if (run.length === names.length) give(run, ranks, out.ranks);
    }
  }
  for (const m of doc.f.matchAll(COUNTED_CHANGE_RE)) {
    const end = m.index + m[0].length;
    out.phrases.push({ start: m.index, end });
    if (elsewhere(doc, m.index, period)) continue;
    const count = COUNT_WORDS[m[1] ?? ''] ?? Number(m[1]);
    const change = Number(m[3]) * (m[2] === 'giam' ? -1 : 1);
    give(listedAfter(end), Array<number>(count).fill(change), out.rankChanges);
  }
  return out;
}

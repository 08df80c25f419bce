import type { Period } from '../period.js';
import { home } from './binding.js';
import { around, type Doc } from './document.js';
import { elsewhere } from './scores.js';
import type { Subject } from './subjects.js';

// ---------------------------------------------------------------------------------------------------
// Figures one phrase gives several units: "có 2 đơn vị bị giảm 6 bậc …, lần lượt xếp hạng thứ 8 và thứ 9 là A (…) và B (…)".

const COUNT_WORDS: Record<string, number> = { hai: 2, ba: 3, bon: 4, nam: 5 };
const UNITS = String.raw`(?:don vi|dia phuong|huyen|xa|phuong|so|tinh|nganh)`;
/** "xếp hạng thứ 8 và thứ 9 là", "đứng thứ 2, 3 và 4 lần lượt là". */
const RANK_LIST_RE = /(?<![a-z])(?:xep hang|xep|dung|o vi tri|vi tri)\s+thu\s+(\d{1,3})((?:\s*(?:,|va)\s*(?:thu\s+)?\d{1,3})+)\s+(?:lan luot\s+)?la(?![a-z])/g;
/** "có 2 đơn vị bị giảm 6 bậc", "3 huyện tăng 2 hạng". */
const COUNTED_CHANGE_RE = new RegExp(String.raw`(?<![a-z])(\d|hai|ba|bon|nam)\s+${UNITS}\s+(?:(?:deu|cung|bi|duoc)\s+)*(tang|giam)\s+(\d{1,3})\s+(?:bac|hang)(?![a-z])`, 'g');

export interface SharedFigures {
  ranks: Map<number, number>;
  rankChanges: Map<number, number>;
}

/**
 * Each unit of the list the phrase is followed by, in order, when their number is the phrase's: two ranks for two units,
 * "có 2 đơn vị" for two units. Any other count is left to the ordinary binding.
 */
export function sharedFigures(doc: Doc, period: Period, breaks: readonly number[], list: readonly Subject[]): SharedFigures {
  const out: SharedFigures = { ranks: new Map(), rankChanges: new Map() };
  const after = (pos: number) => {
    const sentence = around(breaks, pos, doc.t.length);
    return list.map((s, i) => ({ s, i })).filter(({ s }) => home(s) > pos && home(s) < sentence.end);
  };
  for (const m of doc.f.matchAll(RANK_LIST_RE)) {
    if (elsewhere(doc, m.index, period)) continue;
    const ranks = [Number(m[1]), ...[...(m[2] ?? '').matchAll(/\d{1,3}/g)].map((x) => Number(x[0]))];
    const units = after(m.index + m[0].length);
    if (units.length !== ranks.length) continue;
    units.forEach(({ i }, k) => out.ranks.set(i, ranks[k] ?? 0));
  }
  for (const m of doc.f.matchAll(COUNTED_CHANGE_RE)) {
    if (elsewhere(doc, m.index, period)) continue;
    const count = COUNT_WORDS[m[1] ?? ''] ?? Number(m[1]);
    const units = after(m.index + m[0].length);
    if (units.length !== count) continue;
    const change = Number(m[3]) * (m[2] === 'giam' ? -1 : 1);
    for (const { i } of units) out.rankChanges.set(i, change);
  }
  return out;
}

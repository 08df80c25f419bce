import type { Period } from '../period.js';
import { cleanText } from '../text.js';
import type { Doc } from './document.js';
import { elsewhere } from './scores.js';
import type { SkippedFigure } from './types.js';

// ---------------------------------------------------------------------------------------------------
// Ranks: "xếp thứ a/b", "hạng 3", "hạng nhất", "dẫn đầu".

interface Rank {
  rank: number;
  rankOf: number | null;
  scope: string | null;
  printed: string;
}

const RANK_RE =
  /(?<![a-z])(?:xep hang|xep thu|xep vi tri|dung vi tri|dung o vi tri|dung thu|dung hang|giu vi tri|vuon len vi tri|vuon len thu|tut xuong vi tri|tut xuong thu|o vi tri|vi tri(?= thu))(?: thu)?\s+(?:(\d{1,4})|(?<=thu )nhat(?![a-z]))(?!\d)(?:\s*(?:\/|tren(?: tong so)?|trong(?: tong so| so)?)\s*(\d{1,4})(?!\d))?(?![.,]\d)(?!\s*(?:bac|hang|diem|%)(?![a-z]))/g;
const SCOPE_END =
  /[.;:()!?]|,(?!\s*(?:thanh pho|tinh|thi xa|thi tran|huyen|quan|xa|phuong|dac khu|thanh|thi|so|ban|nganh|don vi|dia phuong)(?![a-z]))|\s(?:tang|giam|so voi|voi|dat|xep|trong do|nhung|cao|thap|diem|ve|sau|truoc|tu|nam|thang|quy|va tang|va giam)(?![a-z])/;

/** "từ vị trí thứ 15 lên vị trí thứ 8", "vươn từ hạng 15": the rank it came from is not its rank. */
function fromRank(doc: Doc, index: number): boolean {
  return /(?<![a-z])tu\s+$/.test(doc.f.slice(Math.max(0, index - 6), index));
}

export function* allRanks(doc: Doc, period: Period, skipped: SkippedFigure[]): Generator<{ index: number; value: Rank }> {
  for (const m of doc.f.matchAll(RANK_RE)) {
    const index = m.index;
    if (elsewhere(doc, index, period) || fromRank(doc, index)) continue;
    const end = index + m[0].length;
    const rank = m[1] === undefined ? 1 : Number(m[1]);
    const rankOf = m[2] === undefined ? null : Number(m[2]);
    const printed = doc.t.slice(index, end);
    if (rank < 1 || (rankOf !== null && rank > rankOf)) {
      skipped.push({ what: 'rank', printed, reason: 'rank-out-of-range' });
      continue;
    }
    const rest = doc.f.slice(end, end + 80);
    const cut = SCOPE_END.exec(rest)?.index ?? rest.length;
    const scope = cleanText(doc.t.slice(end, end + cut)).replace(/\s+Trong đó$/iu, '');
    yield { index, value: { rank, rankOf, scope: scope || null, printed } };
  }
  for (const m of doc.f.matchAll(RANK_IN_WORDS_RE)) {
    if (elsewhere(doc, m.index, period) || fromRank(doc, m.index)) continue;
    // "Ba đơn vị dẫn đầu", "các địa phương đứng đầu": several units, no one's rank.
    if (/(?<![a-z])(?:\d+|hai|ba|bon|nam|cac|nhung|nhom)\s+(?:don vi|dia phuong|tinh|so|huyen|xa|phuong|bo|nganh)[^,.;]{0,20}$/.test(doc.f.slice(Math.max(0, m.index - 40), m.index))) continue;
    const word = m[1] ?? m[2] ?? m[3] ?? '';
    const rank = /^\d+$/.test(word) ? Number(word) : (RANK_WORDS_VALUE[word] ?? 1);
    if (rank < 1) continue;
    yield { index: m.index, value: { rank, rankOf: null, scope: null, printed: doc.t.slice(m.index, m.index + m[0].length) } };
  }
}

/** Ranks in words: "hạng nhất", "xếp hạng nhì", "đứng thứ hai", "vị trí thứ ba", "hạng 3", "dẫn đầu", "đứng đầu". */
const RANK_IN_WORDS_RE =
  /(?<![a-z])(?:(?:hang|vi tri|xep|dung)\s+thu\s+(nhat|nhi|hai|ba|tu|nam)|(?:hang|vi tri)\s+(nhat|nhi|ba|dau tien)|(?:xep |dung |o |giu )?hang\s+(\d{1,3})(?![\d/]|[.,]\d|\s*(?:diem|%|tren|trong))|(?:dan dau|dung dau|vi tri so 1|vi tri dan dau))(?![a-z])/g;
const RANK_WORDS_VALUE: Record<string, number> = { nhat: 1, 'dau tien': 1, nhi: 2, hai: 2, ba: 3, tu: 4, nam: 5 };

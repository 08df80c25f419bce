/**
 * The units a message names, read against the gazetteer: exact names left to right (the longer of a
 * kind-named or plain reading first), then names with a slip, then the province named after a unit
 * to say which one it is. What is read is marked on the words (domain/words.ts).
 */
import { slipsAllowed, type Gazetteer, type GazetteerUnit } from './gazetteer.js';
import { BELONGS, CUE_WORDS, FILLER_SET, KIND_PHRASES, KIND_WORDS, PARTICLES, PREFIX_PHRASES } from './question-words.js';
import { foldWords } from './text.js';
import type { UnitKind } from './units.js';
import { mark, wordsAt, type Token } from './words.js';

export interface UnitSlot {
  /** The user's own words for the unit, to echo back. */
  text: string;
  /** The units that fit, best first: one is an answer, several are a question back. */
  candidates: GazetteerUnit[];
  /** Fitted by a near spelling rather than exactly: offered, not assumed. */
  loose: boolean;
}

export interface Mention {
  start: number;
  end: number;
  slot: UnitSlot;
}

/** Units of one near spelling kept for a province named after them to choose from. */
const NEAR_KEPT = 100;

/** A name read at a place: where it starts (with its kind word) and ends, and the units it fits. */
interface NameAt {
  start: number;
  end: number;
  words: string;
  units: GazetteerUnit[];
}

/** The words of a message as the user typed them, for a folded phrase of it: the folded words when they cannot be found. */
export function spelled(original: string, folded: string): string {
  const target = folded.split(' ');
  const words = original.split(/\s+/).filter(Boolean);
  const foldedWords = words.map((w) => foldWords(w));
  for (let start = 0; start < words.length; start++) {
    let i = start;
    let matched = 0;
    while (i < words.length && matched < target.length) {
      const parts = (foldedWords[i] ?? '').split(' ').filter(Boolean);
      if (parts.length === 0) {
        i++;
        continue;
      }
      if (parts.some((p, k) => p !== target[matched + k])) break;
      matched += parts.length;
      i++;
    }
    if (matched === target.length) return words.slice(start, i).join(' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  }
  return folded;
}

/** The kind a kind word at `i` says ("xã", "UBND phường"), and where the name after it starts; null when none stands there. */
export function kindWordAt(tokens: readonly Token[], i: number): { kind: UnitKind | null; nameStart: number } | null {
  const kind = KIND_PHRASES.at(tokens, i);
  if (!kind) return null;
  // "UBND xã Hy Cương": the kind word after UBND is the one that tells.
  const next = kind.value === null ? PREFIX_PHRASES.at(tokens, i + kind.length) : null;
  return { kind: next?.value ?? kind.value, nameStart: i + kind.length + (next?.length ?? 0) };
}

function ofKind(kind: UnitKind | null): (unit: GazetteerUnit) => boolean {
  return (unit) => kind === null || unit.kind === kind;
}

/** "xã Hy Cương", "tỉnh Phú Thọ", "UBND P. Nông Trang": a kind word, then a name of a unit of that kind. */
export function kindNamedAt(tokens: readonly Token[], i: number, gazetteer: Gazetteer): NameAt | null {
  const kindWord = kindWordAt(tokens, i);
  if (!kindWord) return null;
  const span = longestNameAt(tokens, kindWord.nameStart, gazetteer, ofKind(kindWord.kind));
  return span ? { start: i, end: kindWord.nameStart + span.length, words: span.words, units: span.units } : null;
}

export function asksOrFills(word: string): boolean {
  return FILLER_SET.has(word) || CUE_WORDS.has(word);
}

/** A name as we know it, without a kind word; one word that asks ("đạt") or is short is not taken for one, two that spell one are ("Bao La"). */
function plainNameAt(tokens: readonly Token[], i: number, gazetteer: Gazetteer): NameAt | null {
  const span = longestNameAt(tokens, i, gazetteer, () => true);
  if (!span || (span.length === 1 && (asksOrFills(span.words) || span.words.length < 3))) return null;
  return { start: i, end: i + span.length, words: span.words, units: span.units };
}

function longestNameAt(tokens: readonly Token[], start: number, gazetteer: Gazetteer, fits: (unit: GazetteerUnit) => boolean): { length: number; words: string; units: GazetteerUnit[] } | null {
  for (let length = Math.min(gazetteer.longestForm, tokens.length - start); length >= 1; length--) {
    const words = wordsAt(tokens, start, length);
    if (words === null) continue;
    const units = gazetteer.exact(words).filter(fits);
    if (units.length > 0) return { length, words, units };
  }
  return null;
}

/**
 * Names as we know them, left to right, the longer reading first at each place: "Văn phòng UBND tỉnh,
 * Cà Mau" is a department and its province, not "UBND tỉnh Cà Mau"; "Đào Xá, Phú Thọ" a commune and its
 * province, not "xã Phú Thọ".
 */
export function readExactNames(tokens: Token[], gazetteer: Gazetteer, original: string, mentions: Mention[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const kinded = kindNamedAt(tokens, i, gazetteer);
    const plain = plainNameAt(tokens, i, gazetteer);
    const name = kinded && (!plain || kinded.end >= plain.end) ? kinded : plain;
    if (!name) continue;
    mentions.push({ start: name.start, end: name.end, slot: { text: spelled(original, name.words), candidates: name.units, loose: false } });
    mark(tokens, name.start, name.end - name.start);
    i = name.end - 1;
  }
}

/**
 * A name with a slip ("Nong Trag", "vietri", "Lam Thap"), read before the cue words so that a slip
 * into one ("thấp") does not hide the name. A span of only question words is never a name, nor one
 * that starts with a kind word or starts or ends with a particle; a kind word just before it says
 * which kind of unit it must be ("phường Hồng Hà" is no "xã Thượng Long").
 */
export function readNearNames(tokens: Token[], gazetteer: Gazetteer, original: string, mentions: Mention[]): void {
  for (const run of unreadRuns(tokens)) {
    for (let length = Math.min(run.length, gazetteer.longestForm + 1); length >= 1; length--) {
      for (let start = run.start; start + length <= run.start + run.length; start++) {
        const words = wordsAt(tokens, start, length);
        const edge = (i: number) => tokens[i]?.word ?? '';
        if (words === null || words.split(' ').every(asksOrFills) || PARTICLES.has(edge(start)) || PARTICLES.has(edge(start + length - 1))) continue;
        // A number is no slip of a letter: "hướng 6 tháng" is not "Mường Thàng" (a name with a number is read exactly).
        if (kindWordAt(tokens, start) || /\d/.test(words)) continue;
        const kindBefore = kindBeforeAt(tokens, start);
        // Every unit of the nearest spelling: a province named after it may settle which (34 "Sở Tư pháp").
        const near = gazetteer.near(words, slipsAllowed(words), NEAR_KEPT).filter((n) => ofKind(kindBefore)(n.unit));
        const best = near[0];
        if (!best) continue;
        const tied = near.filter((n) => n.distance === best.distance).map((n) => n.unit);
        mentions.push({ start, end: start + length, slot: { text: spelled(original, words), candidates: tied, loose: true } });
        mark(tokens, start, length);
      }
    }
  }
}

/** The kind said by a kind word that ends right before `start`, if one does. */
function kindBeforeAt(tokens: readonly Token[], start: number): UnitKind | null {
  for (let i = Math.max(0, start - 3); i < start; i++) {
    const kindWord = kindWordAt(tokens, i);
    if (kindWord?.nameStart === start) return kindWord.kind;
  }
  return null;
}

/**
 * A name read next to words read as nothing may be part of a longer name with a slip in it ("Văn phòng
 * UBBND tỉnh" holds "Vân Phong"): when the whole is near another unit's name, that unit is offered too,
 * and the chat is asked rather than answered about the shorter one.
 */
export function widenBySlips(tokens: readonly Token[], gazetteer: Gazetteer, mentions: readonly Mention[]): void {
  const unread = (i: number) => tokens[i] !== undefined && !tokens[i].used;
  for (const mention of mentions) {
    let start = mention.start;
    let end = mention.end;
    while (unread(start - 1)) start--;
    while (unread(end)) end++;
    if (start === mention.start && end === mention.end) continue;
    const words = tokens.slice(start, end).map((t) => t.word).join(' ');
    const near = gazetteer.near(words, slipsAllowed(words), NEAR_KEPT).map((n) => n.unit);
    const others = near.filter((u) => !mention.slot.candidates.includes(u));
    if (others.length === 0) continue;
    mention.slot = { ...mention.slot, candidates: [...mention.slot.candidates, ...others], loose: true };
    mention.start = start;
    mention.end = end;
  }
}

function unreadRuns(tokens: readonly Token[]): { start: number; length: number }[] {
  const runs: { start: number; length: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.used) continue;
    let j = i;
    while (j < tokens.length && !tokens[j]?.used) j++;
    runs.push({ start: i, length: j - i });
    i = j;
  }
  return runs;
}

/**
 * "Hy Cương, Phú Thọ": a unit named right after another, joined by nothing but a comma or "thuộc",
 * and above one of its candidates, says where that one is, not a second unit.
 */
export function settleByParents(mentions: readonly Mention[], tokens: readonly Token[], gazetteer: Gazetteer): UnitSlot[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  const slots: UnitSlot[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const mention = sorted[i] as Mention;
    const next = sorted[i + 1];
    if (next && joinedByBelonging(tokens, mention.end, next.start)) {
      const under = mention.slot.candidates.filter((u) => next.slot.candidates.some((p) => gazetteer.isUnder(u, p.id)));
      if (under.length > 0) {
        slots.push({ ...mention.slot, candidates: under });
        i++;
        continue;
      }
    }
    slots.push(mention.slot);
  }
  return slots;
}

function joinedByBelonging(tokens: readonly Token[], from: number, to: number): boolean {
  return tokens.slice(from, to).every((t) => BELONGS.has(t.word) || KIND_WORDS.some(([w]) => w === t.word));
}

/** "xã nào cao nhất Phú Thọ": of two Phú Thọ, the one with units under it is the one meant. */
export function parentsFirst(slot: UnitSlot, gazetteer: Gazetteer): UnitSlot {
  const parents = slot.candidates.filter((u) => gazetteer.hasChildren(u));
  return parents.length > 0 && parents.length < slot.candidates.length ? { ...slot, candidates: parents } : slot;
}

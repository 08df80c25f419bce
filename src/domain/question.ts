/**
 * A question about results, read as officials write it: an intent and slots found anywhere in the
 * message, in any order — the period, the group, the units (matched against the names we know, not
 * guessed from leftover words), the kind of unit asked about — and everything else as filler.
 * "Việt Trì tháng 8 được mấy điểm?" = "diem t8 viet tri" = "/diem thang 8 Việt Trì".
 */
import { distance } from 'fastest-levenshtein';
import { CURRENT_FRAMEWORK, FRAMEWORK_2022, type GroupKey } from './framework.js';
import type { Gazetteer, GazetteerUnit } from './gazetteer.js';
import { findPeriod, periodWords, type PeriodQuery } from './period.js';
import { foldWords } from './text.js';
import { KIND_PREFIXES, type UnitKind } from './units.js';
import { mark, Phrases, wordsAt, type Token } from './words.js';

export type QuestionIntent = 'score' | 'detail' | 'rank' | 'ranking' | 'weakest' | 'top' | 'bottom' | 'compare';

export interface UnitSlot {
  /** The user's own words for the unit, to echo back. */
  text: string;
  /** The units that fit, best first: one is an answer, several are a question back. */
  candidates: GazetteerUnit[];
  /** Fitted by a near spelling rather than exactly. */
  loose: boolean;
}

export interface Question {
  intent: QuestionIntent;
  period: PeriodQuery;
  group: GroupKey | null;
  /** The units named, in the order named. */
  units: UnitSlot[];
  /** Words that read as a unit's name but fit none, as the user wrote them. */
  unknownName: string | null;
  /** "phường nào cao điểm nhất", "đơn vị nào…": units are asked about, of this kind when one is said. */
  unitsAsked: { kind: UnitKind | null } | null;
  /** Something was asked (điểm, xếp thứ mấy, so sánh, phường nào…), not just a name or a month said. */
  asked: boolean;
  /** A word asking about results was there: "nhiệm vụ" in a message without one is about tasks. */
  cued: boolean;
}

type Cue = QuestionIntent | 'low' | 'groups';

/** Words that ask, anywhere in the message; folded, matched longest first. */
const CUES: readonly [string, Cue][] = [
  ['so sanh', 'compare'],
  ['so voi', 'compare'],
  ['cao hon', 'compare'],
  ['thap hon', 'compare'],
  ['hon', 'compare'],
  ['doi chieu', 'compare'],
  ['cao nhat', 'top'],
  ['cao diem nhat', 'top'],
  ['nhieu diem nhat', 'top'],
  ['dan dau', 'top'],
  ['dung dau', 'top'],
  ['tot nhat', 'top'],
  ['top', 'top'],
  ['dung cuoi', 'bottom'],
  ['cuoi bang', 'bottom'],
  ['bet', 'bottom'],
  ['xep cuoi', 'bottom'],
  ['xep bet', 'bottom'],
  ['cuoi cung', 'bottom'],
  ['thap nhat', 'low'],
  ['thap diem nhat', 'low'],
  ['it diem nhat', 'low'],
  ['kem nhat', 'low'],
  ['yeu nhat', 'low'],
  ['yeu', 'low'],
  ['kem', 'low'],
  ['thap', 'low'],
  ['nhom nao', 'groups'],
  ['chi so nao', 'groups'],
  ['tieu chi nao', 'groups'],
  ['mat diem', 'weakest'],
  ['cai thien', 'weakest'],
  ['diem yeu', 'weakest'],
  ['tru diem', 'weakest'],
  ['bi tru', 'weakest'],
  ['xep thu', 'rank'],
  ['thu may', 'rank'],
  ['thu bao nhieu', 'rank'],
  ['thu hang', 'rank'],
  ['hang may', 'rank'],
  ['hang bao nhieu', 'rank'],
  ['hang thu', 'rank'],
  ['hang', 'rank'],
  ['tut hang', 'rank'],
  ['len hang', 'rank'],
  ['dung thu', 'rank'],
  ['vi tri', 'rank'],
  ['xep hang may', 'rank'],
  ['xep hang bao nhieu', 'rank'],
  ['xep hang thu', 'rank'],
  ['xep hang', 'ranking'],
  ['xephang', 'ranking'],
  ['bang xep hang', 'ranking'],
  ['bxh', 'ranking'],
  ['chi tiet', 'detail'],
  ['chitiet', 'detail'],
  ['cu the', 'detail'],
  ['tieu chi', 'detail'],
  ['thanh phan', 'detail'],
  ['diem', 'score'],
  ['tong diem', 'score'],
  ['ket qua', 'score'],
  ['dat', 'score'],
  ['chi so', 'score'],
  ['xep loai', 'score'],
  ['danh gia', 'score'],
];

/** Cue words of one word, that a slip of a key may misspell ("diemm"). */
const MISSPELLABLE_CUES = CUES.filter(([phrase]) => phrase.length >= 4).map(([phrase, cue]) => ({ written: phrase.replace(/ /g, ''), cue }));

/** Politeness, question words and particles: they ask nothing and name nothing. */
const FILLER = [
  'cho em hoi', 'cho minh hoi', 'cho toi hoi', 'cho hoi', 'xin hoi', 'hoi', 'cho xem', 'cho biet', 'xem giup', 'xem gium', 'gium', 'giup', 'xem', 'coi',
  'cho', 'em', 'anh', 'chi', 'minh', 'toi', 'ban', 'bot', 'oi', 'a', 'ah', 'ha', 'nhe', 'nha', 'nhi', 'vay', 'the', 'thi', 'khong', 'ko', 'k', 'hong',
  'chua', 'roi', 'duoc', 'dc', 'bao nhieu', 'bn', 'may', 'la', 'ra sao', 'the nao', 'nhu the nao', 'nhu nao', 'sao', 'gi', 'nao', 'hay', 'di', 'vui long',
  'xin', 'chao', 'xin chao', 'cam on', 'ok', 'oke', 'uh', 'um', 'va', 'voi', 'cua', 'tai', 'o', 'thuoc', 'trong', 've', 'don vi', 'dang', 'hien', 'hien tai',
  'hien nay', 'hom nay', 'luc nay', 'bay gio', 'nay', 'kia', 'do', 'day', 'ne', 'qua', 'tinh hinh', 'thong tin', 'so lieu', 'cap nhat', 'moi nhat',
  'gan nhat', 'ky', 'ky nay', 'muc', 'bao', 'nhieu', 'nhat', 'co', 'duoc khong', 'giup em', 'giup toi', 'giup minh', 'ah', 'u', 'ne', 'nhen', 'hen', 'ta',
  'cac', 'nhung', 'nhom', 'diem so', 'thang', 'quy', 'nam', 'ubnd', 'uy ban', 'nho', 'lam on', 'da', 'dau', 'o dau', 'can', 'vang', 'alo', 'bi',
  'con', 'ai', 'muon', 'biet', 'them', 'ngay', 'lai', 'ne', 'nua', 'giua', 've viec', 'nhu', 'cung', 'nhe', 'luon',
];

/** The words before "nào" that ask about units rather than groups: "phường nào", "đơn vị nào". */
const UNIT_ASKED: readonly [string, UnitKind | null][] = [
  ['xa phuong', null],
  ['don vi', null],
  ['dia phuong', null],
  ['co quan', null],
  ['so nganh', 'so-nganh'],
  ['thi tran', 'xa'],
  ['phuong', 'phuong'],
  ['xa', 'xa'],
  ['so', 'so-nganh'],
  ['nganh', 'so-nganh'],
  ['huyen', 'huyen'],
];

/** Words that join a unit to the one it belongs to: "Hy Cương, tỉnh Phú Thọ", "Hy Cương thuộc Phú Thọ". */
const BELONGS = new Set(['thuoc', 'o', 'tai', 'cua', 'tinh', 'thanh pho', 'tp']);

const KIND_WORDS: readonly [string, UnitKind | null][] = [['uy ban nhan dan', null], ['ubnd', null], ['uy ban', null], ...KIND_PREFIXES];

/** Names people use that the framework's own aliases lack. */
const EXTRA_GROUP_ALIASES: Partial<Record<GroupKey, string[]>> = {
  CLGQ: ['dvc', 'dvc tt', 'cung cap dvc'],
  TTTT: ['thanh toan online', 'tt truc tuyen'],
  MDSH: ['so hoa hs'],
};

const GROUP_ALIASES = [CURRENT_FRAMEWORK, FRAMEWORK_2022]
  .flatMap((f) => f.groups.flatMap((g) => [...g.aliases, ...(EXTRA_GROUP_ALIASES[g.key] ?? [])].map((alias) => ({ key: g.key, alias }))))
  .sort((a, b) => b.alias.length - a.alias.length);

const GROUP_BY_COMPACT = new Map(GROUP_ALIASES.map(({ key, alias }) => [alias.replace(/ /g, ''), key]));

const FILLER_SET = new Set(FILLER);
/** Filler that no unit's name begins or ends with, unlike "bản", "anh" or "la". */
const PARTICLES = new Set(['oi', 'a', 'ah', 'ha', 'nhe', 'nha', 'nhi', 'vay', 'khong', 'ko', 'k', 'xem', 'giup', 'gium', 'cho', 'bot', 'dc', 'duoc', 'roi', 'chua', 'the', 'thi', 'hoi', 'nao', 'gi', 'sao', 'ne', 'di', 'nhen', 'hen', 'u', 'um', 'uh', 'ok', 'oke', 'alo', 'em', 'minh', 'toi']);
const CUE_WORDS = new Set(CUES.flatMap(([phrase]) => phrase.split(' ')));

const KIND_PHRASES = new Phrases(KIND_WORDS);
const PREFIX_PHRASES = new Phrases(KIND_PREFIXES);
const CUE_PHRASES = new Phrases(CUES);
const UNIT_ASKED_PHRASES = new Phrases(UNIT_ASKED);
const FILLER_PHRASES = new Phrases<'filler' | 'kind'>([...FILLER.map((f) => [f, 'filler'] as const), ...KIND_WORDS.map(([w]) => [w, 'kind'] as const)]);

interface Mention {
  start: number;
  end: number;
  slot: UnitSlot;
  hint: UnitKind | null;
}

/**
 * Reads `original` (the text after a command word, or the whole message). `intent`: the command's,
 * which the words cannot override except to say which of its kin is meant.
 */
export function readQuestion(original: string, today: { year: number; month: number }, gazetteer: Gazetteer, commanded?: QuestionIntent): Question {
  const codeUnits: UnitSlot[] = [];
  // Portal codes ("H44.100") are read before folding splits them at the dot.
  const withoutCodes = original.replace(/\b[A-Za-z]\d{2,}(?:\.\d+)+\b/g, (code) => {
    const unit = gazetteer.unitByCode(code);
    if (!unit) return code;
    codeUnits.push({ text: code, candidates: [unit], loose: false });
    return ' ';
  });
  const found = findPeriod(withoutCodes, today);
  const words = found ? found.rest : periodWords(withoutCodes);
  const tokens: Token[] = words ? words.split(' ').map((word) => ({ word, used: false })) : [];

  const mentions: Mention[] = [];
  const group = takeGroup(tokens, gazetteer);
  markNamedUnits(tokens, gazetteer, original, mentions);
  markNearUnits(tokens, gazetteer, original, mentions);
  const cues = takeCues(tokens);
  const unitsAsked = takeUnitsAsked(tokens) ?? bareKind(tokens, cues);
  markFiller(tokens);
  takeMisspelledCues(tokens, cues);
  const unknownName = unknownWords(tokens, original);
  widenBySlips(tokens, gazetteer, mentions);

  mentions.sort((a, b) => a.start - b.start);
  const units = [...codeUnits, ...withoutQualifiers(mentions, tokens, gazetteer)];
  const intent = intentOf(commanded, cues, group, unitsAsked !== null, units.length);
  return {
    intent,
    period: found ? found.query : { kind: 'latest' },
    group,
    units: intent === 'top' || intent === 'bottom' ? units.map((slot) => parentsFirst(slot, gazetteer)) : units,
    unknownName: units.length === 0 || (intent === 'compare' && units.length < 2) ? unknownName : null,
    unitsAsked,
    asked: commanded !== undefined || cues.size > 0 || unitsAsked !== null,
    cued: cues.size > 0,
  };
}

/** "xã nào cao nhất Phú Thọ": of two Phú Thọ, the one with units under it is the one meant. */
function parentsFirst(slot: UnitSlot, gazetteer: Gazetteer): UnitSlot {
  const parents = slot.candidates.filter((u) => gazetteer.hasChildren(u));
  return parents.length > 0 && parents.length < slot.candidates.length ? { ...slot, candidates: parents } : slot;
}

/** Whether a message names a unit, a group or a period: without a word that asks, only such a message is a question ("Nông Trang", "t8"). */
export function namesSomething(q: Question): boolean {
  return q.units.length > 0 || q.group !== null || q.period.kind !== 'latest';
}

/** The strongest ask wins: comparing over leaders over weak groups over a rank over a list over detail over the card. */
function intentOf(commanded: QuestionIntent | undefined, cues: Set<Cue>, group: GroupKey | null, unitsAsked: boolean, unitCount: number): QuestionIntent {
  // A command says the family; its words may narrow it ("/xephang Việt Trì thứ mấy" is the rank).
  if (commanded === 'ranking') return cues.has('rank') ? 'rank' : 'ranking';
  if (commanded === 'detail') return 'detail';
  if (commanded && commanded !== 'score') return commanded;
  if (cues.has('compare')) return 'compare';
  if (cues.has('top')) return cues.has('groups') && !unitsAsked ? 'score' : 'top';
  if (cues.has('bottom')) return 'bottom';
  if (cues.has('low')) return unitsAsked && !cues.has('groups') ? 'bottom' : 'weakest';
  if (cues.has('weakest') || cues.has('groups')) return 'weakest';
  if (cues.has('rank')) return 'rank';
  if (cues.has('ranking')) return 'ranking';
  if (cues.has('detail') || group !== null) return 'detail';
  // Two units and nothing more asked: "Hy Cương với Hoàng Cương".
  return unitCount >= 2 && !commanded ? 'compare' : 'score';
}

/** The user's spelling of the words from `start`, for echoing: the folded words when it cannot be found. */
function spelled(original: string, folded: string): string {
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

/** A name read at a place: where it starts (with its kind word) and ends, and the units it fits. */
interface NameAt {
  start: number;
  end: number;
  words: string;
  hint: UnitKind | null;
  units: GazetteerUnit[];
}

/** "xã Hy Cương", "tỉnh Phú Thọ", "UBND P. Nông Trang": a kind word, then a name of a unit of that kind. */
function kindNamedAt(tokens: readonly Token[], i: number, gazetteer: Gazetteer): NameAt | null {
  const kind = KIND_PHRASES.at(tokens, i);
  if (!kind) return null;
  // "UBND xã Hy Cương": the kind word after UBND is the one that tells.
  const next = kind.value === null ? PREFIX_PHRASES.at(tokens, i + kind.length) : null;
  const nameStart = i + kind.length + (next?.length ?? 0);
  const hint = next?.value ?? kind.value;
  const span = longestNameAt(tokens, nameStart, gazetteer, (u) => hint === null || u.kind === hint);
  return span ? { start: i, end: nameStart + span.length, words: span.words, hint, units: span.units } : null;
}

/** A name as we know it, without a kind word; one word that asks ("đạt") or is short is not taken for one, two that spell one are ("Bao La"). */
function plainNameAt(tokens: readonly Token[], i: number, gazetteer: Gazetteer): NameAt | null {
  const span = longestNameAt(tokens, i, gazetteer, () => true);
  if (!span || (span.length === 1 && (asksOrFills(span.words) || span.words.length < 3))) return null;
  return { start: i, end: i + span.length, words: span.words, hint: null, units: span.units };
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
 * A group's name, its words run together or not ("so hoa", "sohoa"), the longest first at each place;
 * not when a kind word makes it a unit's name ("xã Hải Long").
 */
function takeGroup(tokens: Token[], gazetteer: Gazetteer): GroupKey | null {
  const longest = Math.max(...GROUP_ALIASES.map(({ alias }) => alias.split(' ').length));
  for (let i = 0; i < tokens.length; i++) {
    for (let length = Math.min(longest, tokens.length - i); length >= 1; length--) {
      const words = wordsAt(tokens, i, length);
      const key = words === null ? undefined : GROUP_BY_COMPACT.get(words.replace(/ /g, ''));
      if (!key || (i > 0 && kindNamedAt(tokens, i - 1, gazetteer))) continue;
      mark(tokens, i, length);
      return key;
    }
  }
  return null;
}

function asksOrFills(word: string): boolean {
  return FILLER_SET.has(word) || CUE_WORDS.has(word);
}

/**
 * Names as we know them, left to right, the longer reading first at each place: "Văn phòng UBND tỉnh,
 * Cà Mau" is a department and its province, not "UBND tỉnh Cà Mau"; "Đào Xá, Phú Thọ" a commune and its
 * province, not "xã Phú Thọ".
 */
function markNamedUnits(tokens: Token[], gazetteer: Gazetteer, original: string, mentions: Mention[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const kinded = kindNamedAt(tokens, i, gazetteer);
    const plain = plainNameAt(tokens, i, gazetteer);
    const name = kinded && (!plain || kinded.end >= plain.end) ? kinded : plain;
    if (!name) continue;
    mentions.push({ start: name.start, end: name.end, hint: name.hint, slot: { text: spelled(original, name.words), candidates: name.units, loose: false } });
    mark(tokens, name.start, name.end - name.start);
    i = name.end - 1;
  }
}

function takeCues(tokens: Token[]): Set<Cue> {
  const cues = new Set<Cue>();
  for (let i = 0; i < tokens.length; i++) {
    const cue = CUE_PHRASES.at(tokens, i);
    if (!cue) continue;
    cues.add(cue.value);
    mark(tokens, i, cue.length);
    i += cue.length - 1;
  }
  return cues;
}

function takeUnitsAsked(tokens: Token[]): { kind: UnitKind | null } | null {
  for (let i = 0; i < tokens.length; i++) {
    const asked = UNIT_ASKED_PHRASES.at(tokens, i);
    if (asked && wordsAt(tokens, i + asked.length, 1) === 'nao') {
      mark(tokens, i, asked.length + 1);
      return { kind: asked.value };
    }
  }
  return null;
}

/** "top 5 xã", "phường cao nhất": a kind word standing alone, when leaders are asked. */
function bareKind(tokens: readonly Token[], cues: ReadonlySet<Cue>): { kind: UnitKind | null } | null {
  if (!cues.has('top') && !cues.has('bottom')) return null;
  for (let i = 0; i < tokens.length; i++) {
    const asked = UNIT_ASKED_PHRASES.at(tokens, i);
    if (asked) return { kind: asked.value };
  }
  return null;
}

function markFiller(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const filler = FILLER_PHRASES.at(tokens, i);
    if (!filler) continue;
    for (let k = i; k < i + filler.length; k++) {
      const token = tokens[k];
      if (token) token.loose = filler.value;
    }
    mark(tokens, i, filler.length);
    i += filler.length - 1;
  }
}

/** "diemm", "xếp hangj", "so sanhh": a word or two that miss a cue by a slip. */
function takeMisspelledCues(tokens: Token[], cues: Set<Cue>): void {
  for (const length of [2, 1]) {
    for (let i = 0; i + length <= tokens.length; i++) {
      const words = wordsAt(tokens, i, length);
      if (words === null) continue;
      const typed = words.replace(/ /g, '');
      // Four letters are too few to call one a slip of another ("hann" is not "hang").
      if (typed.length < 5) continue;
      // A slip keeps the first letter: "kiem" is a name's word, not "diem".
      const near = MISSPELLABLE_CUES.find(({ written }) => written[0] === typed[0] && distance(written, typed) <= (typed.length < 8 ? 1 : 2));
      if (near) {
        cues.add(near.cue);
        mark(tokens, i, length);
      }
    }
  }
}

/** Units of one near spelling kept for a province named after them to choose from. */
const NEAR_KEPT = 100;

/** Edits allowed between a typed name and a known one: one in a short name, two in a long one. */
function allowedEdits(words: string): number {
  const letters = words.replace(/ /g, '').length;
  return letters < 5 ? 0 : letters < 10 ? 1 : 2;
}

/**
 * A name with a slip ("Nong Trag", "vietri", "Lam Thap"), read before the cue words so that a slip
 * into one ("thấp") does not hide the name; a span of only question words is never a name.
 */
function markNearUnits(tokens: Token[], gazetteer: Gazetteer, original: string, mentions: Mention[]): void {
  for (const run of unusedRuns(tokens)) {
    for (let length = Math.min(run.length, gazetteer.longestForm + 1); length >= 1; length--) {
      for (let start = run.start; start + length <= run.start + run.length; start++) {
        const words = wordsAt(tokens, start, length);
        // A name neither starts nor ends with a particle ("bot ơi Xuân U" is not "Hội Xuân").
        if (words === null || words.split(' ').every(asksOrFills) || PARTICLES.has(tokens[start]?.word ?? '') || PARTICLES.has(tokens[start + length - 1]?.word ?? '')) continue;
        const edits = allowedEdits(words);
        // Every unit of the nearest spelling: a province named after it may settle which (34 "Sở Tư pháp").
        const near = edits > 0 ? gazetteer.near(words, edits, NEAR_KEPT) : [];
        const best = near[0];
        if (!best) continue;
        const tied = near.filter((n) => n.distance === best.distance).map((n) => n.unit);
        mentions.push({ start, end: start + length, hint: null, slot: { text: spelled(original, words), candidates: tied, loose: true } });
        mark(tokens, start, length);
      }
    }
  }
}

/**
 * A name read next to words read as nothing may be part of a longer name with a slip in it ("Văn phòng
 * UBBND tỉnh" holds "Vân Phong"): when the whole is near another unit's name, that unit is offered too,
 * and the chat is asked rather than answered about the shorter one.
 */
function widenBySlips(tokens: readonly Token[], gazetteer: Gazetteer, mentions: Mention[]): void {
  const unread = (i: number) => tokens[i] !== undefined && !tokens[i].used;
  for (const mention of mentions) {
    let start = mention.start;
    let end = mention.end;
    while (unread(start - 1)) start--;
    while (unread(end)) end++;
    if (start === mention.start && end === mention.end) continue;
    const words = tokens.slice(start, end).map((t) => t.word).join(' ');
    const near = gazetteer.near(words, allowedEdits(words), NEAR_KEPT).map((n) => n.unit);
    const others = near.filter((u) => !mention.slot.candidates.includes(u));
    if (others.length === 0) continue;
    mention.slot = { ...mention.slot, candidates: [...mention.slot.candidates, ...others], loose: true };
    mention.start = start;
    mention.end = end;
  }
}

/**
 * Words read as nothing, from the first to the last with the filler between ("Thủ Dầu Một"): a name
 * that fits no unit, when the message names one.
 */
function unknownWords(tokens: readonly Token[], original: string): string | null {
  // A number ("top 5") names no unit.
  const unknown = tokens.flatMap((t, i) => (t.used || /^\d+$/.test(t.word) ? [] : [i]));
  let first = unknown[0];
  const last = unknown[unknown.length - 1];
  if (first === undefined || last === undefined) return null;
  // "phường Bần Yên Nhân": back over filler ("bần" reads as "bạn") to the kind word that opened the name, when one did.
  let start = first;
  while (start > 0 && tokens[start - 1]?.loose !== undefined) {
    start--;
    if (tokens[start]?.loose === 'kind') {
      first = start + 1;
      break;
    }
  }
  const words = tokens.slice(first, last + 1).map((t) => t.word).join(' ');
  return words.replace(/ /g, '').length >= 2 ? spelled(original, words) : null;
}

function unusedRuns(tokens: readonly Token[]): { start: number; length: number; words: string }[] {
  const runs: { start: number; length: number; words: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.used) continue;
    let j = i;
    while (j < tokens.length && !tokens[j]?.used) j++;
    runs.push({ start: i, length: j - i, words: tokens.slice(i, j).map((t) => t.word).join(' ') });
    i = j;
  }
  return runs;
}

/**
 * "Hy Cương, Phú Thọ": a unit named right after another, joined by nothing but a comma or "thuộc",
 * and above one of its candidates, says where that one is, not a second unit.
 */
function withoutQualifiers(mentions: readonly Mention[], tokens: readonly Token[], gazetteer: Gazetteer): UnitSlot[] {
  const slots: UnitSlot[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const mention = mentions[i] as Mention;
    const next = mentions[i + 1];
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

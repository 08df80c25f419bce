/**
 * A question about results, read as officials write it: an intent and slots found anywhere in the
 * message, in any order — the period, the group, the units (matched against the names we know, not
 * guessed from leftover words), the kind of unit asked about — and everything else as filler.
 * "Việt Trì tháng 8 được mấy điểm?" = "diem t8 viet tri" = "/diem thang 8 Việt Trì".
 */
import { distance } from 'fastest-levenshtein';
import type { GroupKey } from './framework.js';
import type { Gazetteer } from './gazetteer.js';
import type { CalendarDay } from './iso-week.js';
import { findPeriod, periodWords, type PeriodMatch, type PeriodQuery } from './period.js';
import {
  BELONGS,
  COUNTED_GROUPS,
  COUNTED_PROVINCES,
  CUE_PHRASES,
  CUE_WORDS,
  CUES,
  FILLER_PHRASES,
  FILLER_SET,
  GROUP_BY_COMPACT,
  LONGEST_GROUP_NAME,
  NATIONAL_PHRASES,
  PARTICLES,
  PROVINCES_WORD,
  UNIT_ASKED_PHRASES,
  vocabularySlips,
  WEAK_CUES,
  type Cue,
} from './question-words.js';
import { kindNamedAt, parentsFirst, readExactNames, readNearNames, settleByParents, spelled, widenBySlips, type Mention, type UnitSlot } from './unit-mentions.js';
import type { UnitKind } from './units.js';
import { foldAligned } from './text.js';
import { mark, wordsAt, type Token } from './words.js';

export type { UnitSlot } from './unit-mentions.js';

/** `ranking-chart`: the ranking of the siblings drawn as bars. */
export type QuestionIntent = Exclude<Cue, 'low' | 'groups' | 'versus' | 'chart'> | 'ranking-chart';

/** The periods a trend is drawn over: months, unless quarters are asked ("/xuhuong quý"). */
export type TrendScale = 'month' | 'quarter';

export interface Question {
  intent: QuestionIntent;
  period: PeriodQuery;
  group: GroupKey | null;
  /** The units named, in the order named. */
  units: UnitSlot[];
  /** Words that read as a unit's name but fit none, as the user wrote them. */
  unknownName: string | null;
  /** Those words follow a kind word ("sở TN&MT", "phường Bần Yên Nhân"): surely a unit's name, said alone or not. */
  unknownIsName?: true;
  /** "phường nào cao điểm nhất", "đơn vị nào…": units are asked about, of this kind when one is said. */
  unitsAsked: { kind: UnitKind | null } | null;
  /** "toàn quốc", "các tỉnh", "tỉnh nào": asked among the provinces nationwide. */
  national: boolean;
  /** "quý" said without a number ("xu hướng theo quý"): quarters asked, for a trend. */
  scale?: TrendScale;
  /** "top 5", "10 xã thấp nhất": how many units are asked for. */
  count?: number;
  /** "UBND tỉnh", "điểm của tỉnh" with no name: the province the chat's unit is in is meant. */
  ownProvince?: true;
  /** "… so với tháng 5": the period the asked one is compared with. */
  against?: PeriodQuery;
  /** Something was asked (điểm, xếp thứ mấy, so sánh, phường nào…), not just a name or a month said. */
  asked: boolean;
  /** A word asking about results was there: "nhiệm vụ" in a message without one is about tasks. */
  cued: boolean;
  /**
   * Plainly a question about results, even in a group's chatter: a cue that chatter seldom holds
   * ("điểm", "xếp thứ mấy", not "đạt" or "hơn"), written as it is, about a unit, period or group we know.
   */
  clear: boolean;
}

/** Multi-word cues with a slip in them ("xếp hangj") and one-word cues of five letters or more ("diemm"). */
const MISSPELLABLE_CUES = CUES.filter(([phrase]) => phrase.length >= 4).map(([phrase, cue]) => ({ written: phrase.replace(/ /g, ''), cue }));

/** Reads the text after a command word, or a whole message; `commanded` is the command's intent, which words may only narrow. */
export function readQuestion(original: string, today: CalendarDay, gazetteer: Gazetteer, commanded?: QuestionIntent): Question {
  const codeUnits: UnitSlot[] = [];
  // Portal codes ("H44.100") are read before folding splits them at the dot.
  const withoutCodes = original.replace(/\b[A-Za-z]\d{2,}(?:\.\d+)+\b/g, (code) => {
    const unit = gazetteer.unitByCode(code);
    if (!unit) return code;
    codeUnits.push({ text: code, candidates: [unit], loose: false });
    return ' ';
  });
  const found = askedPeriod(withoutCodes, today);
  const words = found ? found.rest : periodWords(withoutCodes);
  const tokens: Token[] = words ? words.split(' ').map((word) => ({ word, used: false })) : [];

  const mentions: Mention[] = [];
  const group = takeGroup(tokens, gazetteer, original);
  readExactNames(tokens, gazetteer, original, mentions);
  const counted = takeCount(tokens);
  // After the exact names ("tỉnh Thanh Hóa" is a name), before the near ones ("tỉnh thành" is not "Vĩnh Thành").
  const national = takeNational(tokens);
  readNearNames(tokens, gazetteer, original, mentions);
  const cues = takeCues(tokens);
  // "top 3 nhóm": groups are counted, not units.
  if (counted?.groups) cues.add({ cue: 'groups', strong: false });
  // "top 5" asks for the best five, unless the weakest are asked ("top 3 thấp nhất").
  else if (counted?.top && ![...cues].some((c) => c.cue === 'bottom' || c.cue === 'low' || c.cue === 'weakest')) cues.add({ cue: 'top', strong: false });
  const quarters = tokens.some((t) => !t.used && t.word === 'quy');
  const unitsAsked = takeUnitsAsked(tokens) ?? national ?? counted?.units ?? bareKind(tokens, cues) ?? (counted && !counted.groups ? { kind: null } : null);
  const province = provinceSaid(tokens, original);
  markFiller(tokens);
  const slipped = takeMisspelledCues(tokens);
  const unknown = unknownWords(tokens, original);
  widenBySlips(tokens, gazetteer, mentions);

  const named = [...codeUnits, ...settleByParents(mentions, tokens, gazetteer)];
  const intent = intentOf(commanded, new Set([...cues, ...slipped]), group, { unitsAsked: unitsAsked !== null, unitCount: named.length, national: national !== null, periodSaid: found !== null, periodCompared: found?.against !== undefined });
  const leveled = intent === 'top' || intent === 'bottom' ? named.map((slot) => parentsFirst(slot, gazetteer)) : named;
  // "Phú Thọ xếp thứ mấy toàn quốc": said nationwide, a name the province shares with a ward is the province.
  const units = national ? leveled.map((slot) => narrowToKind(slot, 'tinh')) : leveled;
  // An unknown name beside a known one is said only when it looks like a name ("Việt Trì và Hải Lăng").
  const unknownName = unknown && (units.length === 0 || (intent === 'compare' && units.length < 2) || unknown.capitalised) ? unknown.text : null;
  const period = found ? found.query : ({ kind: 'latest' } as const);
  const ownProvince = province !== null && (province === 'subject' || intent !== 'rank') && units.length === 0 && unknownName === null && !national && ABOUT_ONE_UNIT.has(intent);
  const namesKnown = units.length > 0 || found !== null || group !== null || unitsAsked !== null || ownProvince;
  return {
    intent,
    period,
    group,
    units,
    unknownName,
    ...(unknownName !== null && unknown?.afterKind ? { unknownIsName: true as const } : {}),
    unitsAsked,
    national: national !== null,
    ...(quarters ? { scale: 'quarter' as const } : {}),
    ...(counted ? { count: counted.count } : {}),
    ...(ownProvince ? { ownProvince } : {}),
    ...(found?.against ? { against: found.against } : {}),
    asked: commanded !== undefined || cues.size > 0 || slipped.size > 0 || unitsAsked !== null,
    cued: cues.size > 0 || slipped.size > 0,
    clear: [...cues].some((cue) => cue.strong) && namesKnown && unknownName === null,
  };
}

/** Words of a unit below a province: "xã mình … trong tỉnh" asks about the xã. */
const BELOW_PROVINCE = new Set(['xa', 'phuong', 'huyen', 'nganh', 'don', 'tran']);

/**
 * A "tỉnh" no name follows (a name would have taken it): the province itself ("UBND tỉnh được mấy
 * điểm", "điểm của tỉnh"), or the province as a scope ("điểm toàn tỉnh", which a rank reads as "among
 * the province's units"); none when it is the scope of a lower unit ("xã mình xếp thứ mấy trong tỉnh").
 */
function provinceSaid(tokens: readonly Token[], original: string): 'subject' | 'whole' | null {
  const at = tokens.findIndex((token) => !token.used && token.word === 'tinh');
  if (at < 0 || tokens.some((token) => !token.used && BELOW_PROVINCE.has(token.word))) return null;
  const before = tokens[at - 1]?.word;
  // Folded, "tinh" is also "tình hình", "cách tính": typed with tones it must be "tỉnh"; without, not in such a phrase.
  const text = original.normalize('NFC').toLowerCase();
  const typedWithTones = foldAligned(text) !== text;
  if (typedWithTones ? !text.includes('tỉnh') : (FILLER_PHRASES.at(tokens, at)?.length ?? 1) > 1 || before === 'cach') return null;
  if (before === 'trong') return null;
  return before === 'toan' || before === 'ca' ? 'whole' : 'subject';
}

/** What is asked about one unit, which "tỉnh" alone can be. */
const ABOUT_ONE_UNIT: ReadonlySet<QuestionIntent> = new Set(['score', 'detail', 'weakest', 'rank', 'trend']);

/** Words after which a period is the one compared with: "so với tháng 7", "cao hơn tháng 7", "kém tháng 7". */
const COMPARED = /(?:^| )(?:so (?:voi|vs)|hon|kem)$/;

/**
 * The period asked about. One said after "so với" is what the asked one is compared with ("hạng của mình
 * so với tháng trước"): the other period said, or the latest; the answer gives the change from the period before.
 */
function askedPeriod(text: string, today: CalendarDay): (PeriodMatch & { against?: PeriodQuery }) | null {
  const first = findPeriod(text, today);
  if (!first) return null;
  const second = findPeriod(first.rest, today);
  // "điểm tháng 8 so với tháng 5": the other period, after "so với".
  if (!COMPARED.test(first.before)) return second && COMPARED.test(second.before) ? { ...first, rest: second.rest, against: second.query } : first;
  const asked = second ?? { query: { kind: 'latest' } as const, rest: first.rest, before: first.before };
  return { ...asked, against: first.query };
}

/** Whether a message names a unit, a group or a period: without a word that asks, only such a message is a question ("Nông Trang", "t8"). */
export function namesSomething(q: Question): boolean {
  return q.units.length > 0 || q.group !== null || q.period.kind !== 'latest' || q.unknownIsName === true;
}

/** The strongest ask wins: comparing over leaders over weak groups over a rank over a list over detail over the card. */
function intentOf(
  commanded: QuestionIntent | undefined,
  found: Set<ReadCue>,
  group: GroupKey | null,
  asked: { unitsAsked: boolean; unitCount: number; national: boolean; periodSaid: boolean; periodCompared: boolean },
): QuestionIntent {
  const { unitsAsked, unitCount, national, periodSaid, periodCompared } = asked;
  const cues = new Set([...found].map((c) => c.cue));
  // A command says the family; its words may narrow it ("/xephang Việt Trì thứ mấy" is the rank, "/xephang biểu đồ" the bars).
  if (commanded === 'ranking') return cues.has('chart') ? 'ranking-chart' : cues.has('rank') ? 'rank' : 'ranking';
  if (commanded === 'detail') return 'detail';
  if (commanded && commanded !== 'score') return commanded;
  // Two units compared, in a chart or not: there is no chart of two units, their table says it.
  if (cues.has('compare') && unitCount >= 2) return 'compare';
  // A chart asked: of the ranking when a ranking is asked ("biểu đồ xếp hạng"), the unit's trend otherwise.
  if (cues.has('chart') || cues.has('trend')) return cues.has('ranking') ? 'ranking-chart' : 'trend';
  // "so sánh tháng 8 với tháng 7": periods compared, no unit: the card says the change.
  if (cues.has('compare') && unitCount === 0 && periodSaid) return 'score';
  if (cues.has('compare') || (cues.has('versus') && unitCount >= 2)) return 'compare';
  // "Việt Trì kém Nông Trang bao nhiêu", "Nông Trang hơn mình không" (the chat's own unit the other): a
  // comparison, unless the "hơn" is between periods ("tháng 8 cao hơn tháng 7").
  if (!unitsAsked && !cues.has('groups') && ((unitCount >= 2 && cues.has('low')) || (unitCount === 1 && cues.has('versus') && !periodCompared))) return 'compare';
  if (cues.has('top')) return cues.has('groups') && !unitsAsked ? 'score' : 'top';
  if (cues.has('bottom')) return 'bottom';
  // A group named and how to raise it ("DVCTT thấp quá, làm sao cải thiện"): its detail, with what raises it.
  if (group !== null && !cues.has('groups') && (cues.has('low') || cues.has('weakest')) && !unitsAsked) return 'detail';
  if (cues.has('low')) return unitsAsked && !cues.has('groups') ? 'bottom' : 'weakest';
  if (cues.has('weakest') || cues.has('groups')) return 'weakest';
  if (cues.has('rank')) return 'rank';
  if (cues.has('ranking')) return 'ranking';
  if (cues.has('detail') || group !== null) return 'detail';
  // Two units and nothing more asked: "Hy Cương với Hoàng Cương", "điểm Việt Trì và Nông Trang".
  if (unitCount === 2 && !commanded) return 'compare';
  // "điểm các tỉnh tháng 8": the provinces' scores are their list.
  return national && unitCount === 0 ? 'ranking' : 'score';
}

/**
 * A group's name, its words run together or not ("so hoa", "sohoa"), the longest first at each place;
 * not when it is a unit's name by a kind word before it ("xã Hải Long") or by the tone marks typed
 * ("Hải Long" is the commune, "hài lòng" the group).
 */
function takeGroup(tokens: Token[], gazetteer: Gazetteer, original: string): GroupKey | null {
  for (let i = 0; i < tokens.length; i++) {
    for (let length = Math.min(LONGEST_GROUP_NAME, tokens.length - i); length >= 1; length--) {
      const words = wordsAt(tokens, i, length);
      const key = words === null ? undefined : GROUP_BY_COMPACT.get(words.replace(/ /g, ''));
      // After a kind word naming a unit it is that unit's name ("xã Hải Long"); after "sở" typed so, a department's, known or not ("Sở TT&TT").
      if (!key || words === null || (i > 0 && kindNamedAt(tokens, i - 1, gazetteer)) || afterDepartmentWord(original, words) || spelledAsUnit(original, words, gazetteer)) continue;
      mark(tokens, i, length);
      return key;
    }
  }
  return null;
}

/** The words come right after "sở" written with its tone ("Sở TT&TT"), which "số" ("chỉ số hài lòng") is not. */
function afterDepartmentWord(original: string, words: string): boolean {
  const text = original.normalize('NFC').toLowerCase();
  const at = text.indexOf(spelled(original, words).normalize('NFC').toLowerCase());
  return at > 0 && /(?:^|[^\p{L}])sở\s*$/u.test(text.slice(0, at));
}

function spelledAsUnit(original: string, words: string, gazetteer: Gazetteer): boolean {
  const typed = spelled(original, words).normalize('NFC').toLowerCase();
  if (typed === words) return false;
  return gazetteer.exact(words).some((unit) => ` ${unit.name.normalize('NFC').toLowerCase()} `.includes(` ${typed} `));
}

/** A cue read in the message, and whether it is one that chatter seldom holds. */
interface ReadCue {
  cue: Cue;
  strong: boolean;
}

function takeCues(tokens: Token[]): Set<ReadCue> {
  const cues = new Set<ReadCue>();
  for (let i = 0; i < tokens.length; i++) {
    const cue = CUE_PHRASES.at(tokens, i);
    if (!cue) continue;
    cues.add({ cue: cue.value, strong: !WEAK_CUES.has(wordsAt(tokens, i, cue.length) ?? '') });
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

/** The slot's candidates of that kind, when it has any; else the slot as it is. */
function narrowToKind(slot: UnitSlot, kind: UnitKind): UnitSlot {
  const fitting = slot.candidates.filter((unit) => unit.kind === kind);
  return fitting.length > 0 ? { ...slot, candidates: fitting } : slot;
}

const COUNT = /^\d{1,3}$/;
/** More than a button carries (actions.ts `nN`); a list is cut at 30 anyway (services/leaders.ts). */
const MOST_COUNT = 99;
const countOf = (digits: string) => Math.min(Number(digits), MOST_COUNT);
/** "thứ 2", "hạng 3": an ordinal, not a count. */
const ORDINAL_BEFORE = new Set(['thu', 'hang']);

/**
 * How many units are asked for: a number after "top" ("top 5", "top5") or before what is counted
 * ("10 xã": those units are asked about, "5 tỉnh").
 */
function takeCount(tokens: Token[]): { count: number; top: boolean; units?: { kind: UnitKind | null }; groups?: true } | null {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token || token.used) continue;
    const glued = /^top(\d{1,3})$/.exec(token.word);
    if (glued?.[1] && Number(glued[1]) > 0) {
      token.used = true;
      return { count: countOf(glued[1]), top: true };
    }
    if (!COUNT.test(token.word) || Number(token.word) === 0 || ORDINAL_BEFORE.has(tokens[i - 1]?.word ?? '')) continue;
    const before = tokens[i - 1];
    const top = before !== undefined && !before.used && before.word === 'top';
    const units = UNIT_ASKED_PHRASES.at(tokens, i + 1);
    const groups = COUNTED_GROUPS.at(tokens, i + 1);
    if (!top && !units && !groups && !COUNTED_PROVINCES.at(tokens, i + 1)) continue;
    mark(tokens, top ? i - 1 : i, top ? 2 : 1);
    if (groups) {
      mark(tokens, i + 1, groups.length);
      return { count: countOf(token.word), top, groups: true };
    }
    if (units) mark(tokens, i + 1, units.length);
    return { count: countOf(token.word), top, ...(units ? { units: { kind: units.value } } : {}) };
  }
  return null;
}

/** "toàn quốc", "các tỉnh", "top 5 tỉnh", "tỉnh thành": the provinces of the whole country are asked about. */
function takeNational(tokens: Token[]): { kind: UnitKind } | null {
  let found: { kind: UnitKind } | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const length = nationalAt(tokens, i);
    if (length === 0) continue;
    // Every one is taken: "tỉnh nào thấp nhất cả nước" says it twice.
    mark(tokens, i, length);
    found = { kind: 'tinh' };
  }
  return found;
}

/** The length in words of the words asking nationwide at `i`, 0 when there are none. */
function nationalAt(tokens: readonly Token[], i: number): number {
  const national = NATIONAL_PHRASES.at(tokens, i);
  if (national) return national.length;
  const counted = COUNT.test(tokens[i - 1]?.word ?? '') && !ORDINAL_BEFORE.has(tokens[i - 2]?.word ?? '') ? COUNTED_PROVINCES.at(tokens, i) : null;
  if (counted) return counted.length;
  if (wordsAt(tokens, i, 2) !== PROVINCES_WORD) return 0;
  const next = tokens[i + 2];
  return !next || next.used || CUE_WORDS.has(next.word) || FILLER_SET.has(next.word) ? 2 : 0;
}

/** "top 5 xã", "phường cao nhất", "xếp hạng các sở": a kind word standing alone, when leaders or a ranking are asked. */
function bareKind(tokens: Token[], cues: ReadonlySet<ReadCue>): { kind: UnitKind | null } | null {
  if (![...cues].some((c) => c.cue === 'top' || c.cue === 'bottom' || c.cue === 'ranking')) return null;
  for (let i = 0; i < tokens.length; i++) {
    const asked = UNIT_ASKED_PHRASES.at(tokens, i);
    if (!asked) continue;
    // Still a kind word for what follows: "xếp hạng xã Minh Hà" names a xã that may not exist.
    for (const token of tokens.slice(i, i + asked.length)) Object.assign(token, { used: true, loose: 'kind' });
    return { kind: asked.value };
  }
  return null;
}

function markFiller(tokens: Token[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const filler = FILLER_PHRASES.at(tokens, i);
    if (!filler) continue;
    for (let k = i; k < i + filler.length; k++) {
      const token = tokens[k];
      if (token) token.loose = filler.value === 'filler' && filler.length > 1 ? 'phrase' : filler.value;
    }
    mark(tokens, i, filler.length);
    i += filler.length - 1;
  }
}

/** "diemm", "xếp hangj", "so sanhh": a word or two that miss a cue by a slip; never strong enough for a group's chatter. */
function takeMisspelledCues(tokens: Token[]): Set<ReadCue> {
  const cues = new Set<ReadCue>();
  for (const length of [2, 1]) {
    for (let i = 0; i + length <= tokens.length; i++) {
      const words = wordsAt(tokens, i, length);
      if (words === null) continue;
      const typed = words.replace(/ /g, '');
      // A slip keeps the first letter: "kiem" is no "diem".
      const near = MISSPELLABLE_CUES.find(({ written }) => written[0] === typed[0] && distance(written, typed) <= vocabularySlips(typed));
      if (near) {
        cues.add({ cue: near.cue, strong: false });
        mark(tokens, i, length);
      }
    }
  }
  return cues;
}

/**
 * Words read as nothing, from the first to the last with the filler between ("Thủ Dầu Một"): a name
 * that fits no unit. After a kind word, filler words are a name too ("tỉnh Hà Nam", "xã Minh Hà").
 * `capitalised`: written as names are, and not merely the message's first word.
 */
function unknownWords(tokens: readonly Token[], original: string): { text: string; capitalised: boolean; afterKind: boolean } | null {
  // A number ("top 5") names no unit.
  const unknown = tokens.flatMap((t, i) => (t.used || /^\d+$/.test(t.word) ? [] : [i]));
  const afterKind = unknown.length === 0 ? namedAfterKind(tokens) : null;
  let first = unknown[0] ?? afterKind?.start;
  const last = unknown[unknown.length - 1] ?? afterKind?.end;
  if (first === undefined || last === undefined) return null;
  let kindOpened = afterKind !== null;
  // "phường Bần Yên Nhân": back over filler ("bần" reads as "bạn") to the kind word that opened the name, when one did.
  for (let start = first; start > 0 && tokens[start - 1]?.loose !== undefined; ) {
    start--;
    if (tokens[start]?.loose === 'kind') {
      first = start + 1;
      kindOpened = true;
      break;
    }
  }
  // "phường mình đang họp", "xã em mới sáp nhập": the chat's own unit, then chatter; no name.
  if (OWN_AFTER_KIND.has(tokens[first]?.word ?? '') && tokens[first - 1]?.loose === 'kind') kindOpened = false;
  const words = tokens.slice(first, last + 1).map((t) => t.word).join(' ');
  if (words.replace(/ /g, '').length < 2) return null;
  const text = spelled(original, words);
  const startsMessage = original.trimStart().startsWith(text);
  return { text, capitalised: !startsMessage && text.split(' ').every((w) => /^\p{Lu}/u.test(w)), afterKind: kindOpened };
}

/** "xã mình", "phường em", "xã ta": the writer's own unit. */
const OWN_AFTER_KIND: ReadonlySet<string> = new Set(['minh', 'em', 'ta', 'toi', 'chung']);

const NO_NAME_AFTER_KIND: ReadonlySet<string> = new Set([...BELONGS, 'theo', 'trong', 've', 'voi', 'va', 'nao', 'khac', 'cac']);

/**
 * The filler words right after a kind word, which can only be a name there ("tỉnh Hà Nam", "xã Minh Hà"),
 * up to the last that is not a particle; a filler phrase ends them: "xã mình được mấy điểm" names no unit.
 */
function namedAfterKind(tokens: readonly Token[]): { start: number; end: number } | null {
  for (let i = 0; i < tokens.length; i++) {
    // "xếp hạng xã của mình", "xã theo tháng": a word that joins or qualifies begins no name.
    if (tokens[i]?.loose !== 'kind' || NO_NAME_AFTER_KIND.has(tokens[i + 1]?.word ?? '')) continue;
    let last = -1;
    for (let j = i + 1; tokens[j]?.loose === 'filler'; j++) if (!PARTICLES.has(tokens[j]?.word ?? '')) last = j;
    if (last > i) return { start: i + 1, end: last };
  }
  return null;
}

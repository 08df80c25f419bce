/**
 * Every name people use for the units we know, held in memory: the full key ("viet tri",
 * "so giao duc va dao tao"), its words run together ("viettri"), a department's short forms
 * ("gddt", "sgddt", "bql kcn", "vp ubnd"). Lookups are exact on the run-together form, or near
 * by edit distance (a wrong letter or two), prefiltered by shared letter pairs so that a national
 * list of four thousand units answers in microseconds.
 */
import { distance } from 'fastest-levenshtein';
import { foldWords } from './text.js';
import { unitNameKey, type UnitKind } from './units.js';

export interface GazetteerUnit {
  id: number;
  name: string;
  code: string | null;
  kind: UnitKind;
  parentId: number | null;
}

/**
 * Letters a typed name may miss a known one by and still be read as it: none in a name under five
 * letters, one under ten, two beyond. The one rule for every reading of a name with a slip.
 */
export function slipsAllowed(words: string): number {
  const letters = words.replace(/ /g, '').length;
  return letters < 5 ? 0 : letters < 10 ? 1 : 2;
}

/** Further off: names offered as "did you mean" when nothing fits, never read as the name typed. */
export function offeredWithin(words: string): number {
  return Math.max(2, Math.ceil(words.replace(/ /g, '').length / 3));
}

export interface NearUnit {
  unit: GazetteerUnit;
  /** Letters to change, add or drop to turn the typed words into this unit's name. */
  distance: number;
}

/** Words that carry no initial in a department's short form: "Ban quản lý các khu công nghiệp" = "BQL KCN". */
const NO_INITIAL = new Set(['cac', 'cua', 'va']);

/** Leading words that have a short form of their own. */
const SHORT_HEADS: readonly [string, string][] = [
  ['ban quan ly', 'bql'],
  ['van phong', 'vp'],
  ['so', 's'],
];

function initials(words: readonly string[]): string {
  return words.filter((w) => !NO_INITIAL.has(w)).map((w) => w[0] ?? '').join('');
}

/**
 * A department's short forms: initials of the parts its name joins with "và" ("Giáo dục và Đào tạo" →
 * "gd dt", typed "GD&ĐT" or "GDĐT"), after a head word's own short form ("sở" → "s", "văn phòng" → "vp").
 */
function departmentForms(key: string): string[] {
  let head = '';
  let shortHead = '';
  let rest = key;
  for (const [long, short] of SHORT_HEADS) {
    if (key === long || key.startsWith(long + ' ')) {
      head = long;
      shortHead = short;
      rest = key.slice(long.length).trim();
      break;
    }
  }
  if (!rest) return [];
  const words = rest.split(' ');
  const parts = rest.split(/ va /).map((part) => part.split(' '));
  const restInitials = parts.map(initials).join(' ');
  const forms = new Set<string>();
  // "UBND tỉnh" stays as it is: "VP UBND tỉnh", "VP UBND".
  const tails = words[0] === 'ubnd' ? [rest, rest.replace(/ tinh$/, '')] : [restInitials, rest];
  // "BQL các KCN" keeps the "các" it drops from the initials.
  if (words[0] === 'cac') tails.push(`cac ${restInitials}`);
  for (const tail of tails) {
    if (shortHead) forms.add(`${shortHead} ${tail}`);
    if (head) forms.add(`${head} ${tail}`);
  }
  if (head === 'so' || head === '') forms.add(rest);
  if ((head === 'so' || parts.length > 1) && restInitials.replace(/ /g, '').length >= 2) forms.add(restInitials);
  // "Thanh tra tỉnh" is "Thanh tra" inside its province.
  if (head === '' && rest.endsWith(' tinh')) forms.add(rest.replace(/ tinh$/, ''));
  return [...forms];
}

/** The forms a unit is known by, as folded words. */
export function nameForms(unit: Pick<GazetteerUnit, 'name' | 'kind'>): string[] {
  const key = unitNameKey(unit.name);
  if (!key) return [];
  // The whole name too: "Sở Y tế - Tỉnh Lào Cai" is one of 34 "Sở Y tế", the only one in Lào Cai.
  const forms = new Set([key, foldWords(unit.name)]);
  if (unit.kind === 'so-nganh') for (const form of departmentForms(key)) forms.add(form);
  return [...forms];
}

function compact(words: string): string {
  return words.replace(/ /g, '');
}

function bigramsOf(text: string): string[] {
  const grams: string[] = [];
  for (let i = 0; i + 1 < text.length; i++) grams.push(text.slice(i, i + 2));
  return grams;
}

export class Gazetteer {
  private readonly units = new Map<number, GazetteerUnit>();
  private readonly byCode = new Map<string, GazetteerUnit>();
  private readonly parentIds = new Set<number>();
  private readonly byForm = new Map<string, GazetteerUnit[]>();
  /** Distinct run-together forms, for near lookups; indices into it in `byBigram`. */
  private readonly forms: string[] = [];
  /** The same forms with their spaces, for `containing`. */
  private readonly spaced: string[] = [];
  private readonly byBigram = new Map<string, number[]>();
  /** Units by the initials of their name's words, built on the first `initialed`. */
  private initials: Map<string, GazetteerUnit[]> | null = null;
  /** Letter pairs shared with the typed words, a counter a form; zero again after each lookup. */
  private counts: Uint16Array | null = null;

  private sharedCounts(): Uint16Array {
    this.counts ??= new Uint16Array(this.forms.length);
    return this.counts;
  }

  /** The most words any form has: no longer span of a message can be a name. */
  readonly longestForm: number;

  constructor(units: readonly GazetteerUnit[]) {
    let longest = 1;
    for (const unit of units) {
      this.units.set(unit.id, unit);
      if (unit.code) this.byCode.set(unit.code.toUpperCase(), unit);
      if (unit.parentId !== null) this.parentIds.add(unit.parentId);
      for (const form of nameForms(unit)) {
        longest = Math.max(longest, form.split(' ').length);
        const key = compact(form);
        const list = this.byForm.get(key);
        if (list) {
          if (!list.includes(unit)) list.push(unit);
        } else {
          this.byForm.set(key, [unit]);
          const index = this.forms.push(key) - 1;
          this.spaced.push(form);
          for (const gram of new Set(bigramsOf(key))) {
            const postings = this.byBigram.get(gram);
            if (postings) postings.push(index);
            else this.byBigram.set(gram, [index]);
          }
        }
      }
    }
    this.longestForm = longest;
  }

  unit(id: number): GazetteerUnit | undefined {
    return this.units.get(id);
  }

  unitByCode(code: string): GazetteerUnit | undefined {
    return this.byCode.get(code.toUpperCase());
  }

  parentOf(unit: GazetteerUnit): GazetteerUnit | undefined {
    return unit.parentId === null ? undefined : this.units.get(unit.parentId);
  }

  hasChildren(unit: GazetteerUnit): boolean {
    return this.parentIds.has(unit.id);
  }

  /** The units above `unit`, nearest first; a loop in the data ends the walk. */
  *above(unit: GazetteerUnit): Generator<GazetteerUnit> {
    const seen = new Set<number>();
    for (let up = this.parentOf(unit); up && !seen.has(up.id); up = this.parentOf(up)) {
      seen.add(up.id);
      yield up;
    }
  }

  /** Whether `ancestorId` is above `unit` in the tree. */
  isUnder(unit: GazetteerUnit, ancestorId: number): boolean {
    for (const up of this.above(unit)) if (up.id === ancestorId) return true;
    return false;
  }

  /** The province a unit is in: itself when it is one. */
  provinceOf(unit: GazetteerUnit): GazetteerUnit | undefined {
    return unit.kind === 'tinh' ? unit : [...this.above(unit)].find((up) => up.kind === 'tinh');
  }

  /** Units one of whose forms, run together, is these folded words run together ("nong trang" = "nongtrang"). */
  exact(words: string): GazetteerUnit[] {
    return this.byForm.get(compact(words)) ?? [];
  }

  /**
   * Units whose forms are within `maxDistance` edits of these words, nearest first, at most `limit`
   * units. Forms sharing too few letter pairs to be that near are never measured.
   */
  near(words: string, maxDistance: number, limit = 5): NearUnit[] {
    const typed = compact(words);
    if (typed.length < 3) return [];
    const grams = new Set(bigramsOf(typed));
    // Each edit spoils at most two of the typed letter pairs.
    const needed = Math.max(1, grams.size - 2 * maxDistance);
    const counts = this.sharedCounts();
    const touched: number[] = [];
    for (const gram of grams) {
      for (const index of this.byBigram.get(gram) ?? []) {
        if (counts[index] === 0) touched.push(index);
        counts[index] = (counts[index] ?? 0) + 1;
      }
    }
    const best = new Map<number, NearUnit>();
    for (const index of touched) {
      const count = counts[index] ?? 0;
      counts[index] = 0;
      const form = this.forms[index] ?? '';
      if (count < needed || Math.abs(form.length - typed.length) > maxDistance) continue;
      const d = distance(form, typed);
      if (d > maxDistance) continue;
      for (const unit of this.byForm.get(form) ?? []) {
        const known = best.get(unit.id);
        if (!known || d < known.distance) best.set(unit.id, { unit, distance: d });
      }
    }
    return [...best.values()].sort((a, b) => a.distance - b.distance || a.unit.name.localeCompare(b.unit.name, 'vi')).slice(0, limit);
  }

  /** Units whose name's words begin with these letters, in order ("vt": Việt Trì), for names of two to four words. */
  initialed(letters: string): GazetteerUnit[] {
    if (!this.initials) {
      this.initials = new Map();
      for (const unit of this.units.values()) {
        const words = unitNameKey(unit.name).split(' ');
        if (words.length < 2 || words.length > 4) continue;
        const key = words.map((w) => w[0] ?? '').join('');
        this.initials.set(key, [...(this.initials.get(key) ?? []), unit]);
      }
    }
    return this.initials.get(letters) ?? [];
  }

  /** Units a form of whose name holds these words whole, or begins with them ("nong nghiep" in "so nong nghiep va moi truong"). */
  containing(words: string): GazetteerUnit[] {
    if (words.length < 3) return [];
    const found = new Set<GazetteerUnit>();
    for (const [index, form] of this.spaced.entries()) {
      if (` ${form} `.includes(` ${words} `) || form.startsWith(words)) for (const unit of this.byForm.get(this.forms[index] ?? '') ?? []) found.add(unit);
    }
    return [...found];
  }

  /** A name typed on its own (an admin's "--unit", a task's assignee): exact forms first, then near ones. */
  lookup(text: string): GazetteerUnit[] {
    const byCode = this.unitByCode(text.trim());
    if (byCode) return [byCode];
    // The whole name first: "Sở Y tế - Tỉnh Lào Cai" is one unit, "Sở Y tế" is one in every province.
    const whole = this.exact(foldWords(text));
    return whole.length > 0 ? whole : this.exact(unitNameKey(text));
  }
}

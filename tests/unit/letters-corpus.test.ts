/**
 * The development corpus (tests/fixtures/letters): every text read by the extractor and compared, figure by
 * figure, with its hand-checked `.expected.json`. A figure is right (same unit, period and value), wrong (stored
 * with another value, or on a unit/period where the expected has none) or missed. Wrong figures are worse than
 * missed ones: the assertions below hold them at zero.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractLetter, type LetterResult } from '../../src/domain/letter.js';
import { periodKey } from '../../src/domain/period.js';
import { foldWords } from '../../src/domain/text.js';

const DIR = new URL('../fixtures/letters/', import.meta.url);

interface Expected {
  period: string | null;
  results: {
    unit: string;
    total: string | null;
    rank: number | null;
    rankOf: number | null;
    classification: string | null;
    delta: string | null;
    rankDelta: string | null;
    groups: Record<string, string>;
    period?: string | null;
  }[];
}

/** What `--period` would give a text that prints no period of its own (its article date); null for the others. */
const GIVEN_PERIOD: Record<string, string> = {
  '14_quangnam_undated': '2023-10',
  '17_bacninh_weekly-undated': '2025-W40',
  '19_tuyenquang_2025-08': '2025-08',
};

const GROUP_KEYS: Record<string, string> = {
  congKhai: 'CKMB',
  tienDo: 'TDGQ',
  dvcTrucTuyen: 'CLGQ',
  thanhToan: 'TTTT',
  haiLong: 'MDHL',
  soHoa: 'MDSH',
  cungCapDvcTrucTuyen2022: 'CCDVTT',
};

const KIND_WORDS = /^(?:ubnd |uy ban nhan dan )?(?:(tinh|thanh pho|tp|thi xa|tx|huyen|quan|xa|phuong|thi tran|tt|so) )?/;

/** "UBND huyện Bát Xát" → kind "huyen", name "bat xat"; "TP Đà Nẵng" → "thanh pho", "da nang". */
function unitKey(name: string): { kind: string | null; name: string } {
  const folded = foldWords(name).replace(/\./g, ' ').replace(/\s+/g, ' ').trim();
  const m = KIND_WORDS.exec(folded);
  const kind = m?.[1] === 'tp' ? 'thanh pho' : m?.[1] === 'tx' ? 'thi xa' : m?.[1] === 'tt' ? 'thi tran' : (m?.[1] ?? null);
  return { kind, name: folded.slice(m?.[0].length ?? 0) };
}

/** Same unit: same name, and the same kind when both print one. */
function sameUnit(a: string, b: string): boolean {
  const x = unitKey(a);
  const y = unitKey(b);
  return x.name === y.name && (x.kind === null || y.kind === null || x.kind === y.kind);
}

const num = (s: string | null | undefined) => (s === null || s === undefined ? null : s.replace(',', '.').replace(/^\+/, '').replace(/%$/, ''));
const sameNum = (a: string | null, b: string | null) => a !== null && b !== null && Number(num(a)) === Number(num(b)) && a.endsWith('%') === b.endsWith('%');

type Figures = Record<string, string | null>;

function expectedFigures(r: Expected['results'][number]): Figures {
  const out: Figures = {
    total: r.total,
    rank: r.rank === null ? null : String(r.rank),
    rankOf: r.rankOf === null ? null : String(r.rankOf),
    classification: r.classification?.toLowerCase() ?? null,
    delta: r.delta,
    rankDelta: r.rankDelta,
  };
  for (const [k, v] of Object.entries(r.groups)) out[`group:${GROUP_KEYS[k] ?? k}`] = v;
  return out;
}

function actualFigures(r: LetterResult): Figures {
  const out: Figures = {
    total: r.total,
    rank: r.rank === null ? null : String(r.rank),
    rankOf: r.rankOf === null ? null : String(r.rankOf),
    classification: r.classification?.toLowerCase() ?? null,
    delta: r.printedDelta,
    rankDelta: r.rankChange === null ? null : String(r.rankChange),
  };
  for (const g of r.groups) out[`group:${g.key}`] = g.points;
  return out;
}

function same(field: string, a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  if (field === 'classification' || field === 'rank' || field === 'rankOf') return a === b;
  return sameNum(a, b);
}

export interface Score {
  right: number;
  wrong: number;
  missed: number;
  details: string[];
}

export function scoreFile(name: string): Score {
  const text = readFileSync(new URL(`${name}.txt`, DIR), 'utf8');
  const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, DIR), 'utf8')) as Expected;
  const extraction = extractLetter(text, { period: GIVEN_PERIOD[name] ?? null });
  const actual = extraction.ok ? extraction.results : [];
  const score: Score = { right: 0, wrong: 0, missed: 0, details: [] };
  const used = new Set<LetterResult>();
  for (const e of expected.results) {
    const period = e.period ?? expected.period ?? GIVEN_PERIOD[name] ?? null;
    // "Sở Y tế tỉnh Gia Lai" is printed with its parent: the unit "Sở Y tế" under "tỉnh Gia Lai".
    const named = (x: LetterResult) => sameUnit(x.unitName, e.unit) || (x.parentName !== null && sameUnit(`${x.unitName} ${x.parentName}`, e.unit));
    const a = actual.find((x) => !used.has(x) && periodKey(x.period) === period && named(x));
    if (a) used.add(a);
    const want = expectedFigures(e);
    const got = a ? actualFigures(a) : {};
    for (const field of new Set([...Object.keys(want), ...Object.keys(got)])) {
      const w = want[field] ?? null;
      const g = got[field] ?? null;
      if (w === null && g === null) continue;
      if (same(field, w, g)) score.right += 1;
      else if (g === null) {
        score.missed += 1;
        score.details.push(`missed ${e.unit} ${period} ${field}=${w}`);
      } else {
        score.wrong += 1;
        score.details.push(`WRONG ${e.unit} ${period} ${field}=${g} (expected ${w})`);
      }
    }
  }
  for (const a of actual) {
    if (used.has(a)) continue;
    for (const [field, g] of Object.entries(actualFigures(a))) {
      if (g === null) continue;
      score.wrong += 1;
      score.details.push(`WRONG ${a.unitName} ${periodKey(a.period)} ${field}=${g} (expected nothing)`);
    }
  }
  return score;
}

const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.replace(/\.expected\.json$/, ''))
  .sort();

/** Files whose figures are all bound right or left out: none of them may store a wrong one again. */
const NO_WRONG = new Set<string>(FILES);

describe('the letters corpus', () => {
  const scores = new Map(FILES.map((name) => [name, scoreFile(name)]));

  it('prints right / wrong / missed per file and in all', () => {
    let right = 0;
    let wrong = 0;
    let missed = 0;
    for (const [name, s] of scores) {
      right += s.right;
      wrong += s.wrong;
      missed += s.missed;
      console.log(`${name}: right ${s.right}, wrong ${s.wrong}, missed ${s.missed}\n  ${s.details.join('\n  ')}`);
    }
    console.log(`corpus: right ${right}, wrong ${wrong}, missed ${missed}`);
    expect(wrong).toBe(0);
    expect(right).toBeGreaterThanOrEqual(184);
  });

  for (const name of FILES.filter((f) => NO_WRONG.has(f))) {
    it(`${name}: stores no figure on the wrong unit or period`, () => {
      expect(scores.get(name)?.details.filter((d) => d.startsWith('WRONG'))).toEqual([]);
    });
  }
});

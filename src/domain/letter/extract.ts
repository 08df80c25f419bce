/**
 * Reads results out of the text of a công văn or a news item: best effort, shown back to a person
 * for confirmation before anything is stored. Numbers are kept as printed (a decimal comma becomes a dot).
 *
 * How it reads. The text is cleaned (NFC, one space) and folded into a copy of the same length (no tones,
 * lower case): keywords are matched on the fold, names are cut from the original at the same positions.
 * Every "N điểm", "N/M điểm", "N điểm/M điểm", "N/100" or "tổng điểm N" is a score; the clause before it
 * says what it scores:
 *   - a group: "- Chỉ số Công khai minh bạch: 18/18 điểm; đạt tỷ lệ 100%", "Tiến độ giải quyết đạt 19,98 điểm";
 *   - a unit's total: "thị xã Mỹ Hào đạt 91,34 điểm", "Tổng điểm: 88,5/100", any "…/100";
 *   - nothing kept: "tăng 2,15 điểm", "cao hơn … 3 điểm", "trung bình cả nước 80,1 điểm", "tối đa 18 điểm",
 *     or a score the clause dates to another period ("Tháng 7/2026, tỉnh … đạt 83,13 điểm").
 * Each unit whose total is printed is one result; the groups, rank, change and classification printed
 * after it (until the next unit's total) are its own. A text with group scores but no total is still a
 * result when it names the unit; a total with no group scores is a result too (unit, total and period
 * are all the text must name clearly). Anything less is `no-result`: the extractor does not guess.
 */
import { compareDecimals } from '../decimal.js';
import { parsePeriodKey, type Period } from '../period.js';
import { foldWords } from '../text.js';
import { home, ownerOf, ownName, rankOnlySubjects } from './binding.js';
import { allDeltas, allPrintedDeltas, allRankChanges, percentOf } from './changes.js';
import { allClassifications } from './classification.js';
import { around, type Doc, lowerBound, mentionsIn, readDoc, sentenceAt, sentenceBreaks } from './document.js';
import { checkGroups, findSubRates, frameworkFor, type SubRate } from './groups.js';
import { dateLine, findLetterPeriod, otherPeriods, type PeriodSource, plainPeriod, type ReadFor } from './periods.js';
import { classifiedLists } from './lists.js';
import { allRanks } from './ranks.js';
import { elsewhere, scanScores } from './scores.js';
import { sharedFigures } from './shared.js';
import { type Subject, subjects } from './subjects.js';
import { parentOf } from './units.js';
import type { LetterExtraction, LetterResult, SkippedFigure, UnreadFigure } from './types.js';
import { splitTables, tableResults, type LetterTable } from './tables.js';
import { emptyResult } from './empty-result.js';
import { unitNameKey } from '../units.js';

/** The sentence opens with "Điểm số …", "Tổng điểm …", "Kết quả …" and names nobody else (no "cao nhất", "toàn tỉnh", "đơn vị"). */
function ownScore(doc: Doc, breaks: readonly number[], pos: number): boolean {
  const sentence = doc.f.slice(around(breaks, pos, doc.t.length).start, pos);
  return /^\s*(?:diem so|tong (?:so )?diem|ket qua)(?![a-z])/.test(sentence) && !/(?<![a-z])(?:cao nhat|thap nhat|dan dau|dung dau|toan|ca nuoc|binh quan|trung binh|don vi|dia phuong|cac)(?![a-z])/.test(sentence);
}

/** "Chỉ số Công khai, minh bạch của tỉnh đạt …" after a district's total: a group said of a kind of unit that is not the subject's. */
function otherKindSaid(clause: string, subject: Subject): boolean {
  const said = /(?<![a-z])cua (tinh|huyen|xa|phuong|thi xa|thanh pho|quan)(?=\s*(?:dat|la|[,.;:]|$))/.exec(clause)?.[1];
  return said !== undefined && said !== subject.unit.kind;
}

type Conflict = { unit: string; first: number; second: number };

interface Reading {
  list: Subject[];
  results: LetterResult[];
  unread: UnreadFigure[];
  conflicts: Conflict[];
}

export function extractLetter(raw: string, options: { period?: string | null } = {}): LetterExtraction {
  const { prose, tables } = splitTables(raw);
  const doc = readDoc(prose);
  const fromText = findLetterPeriod(doc.f);
  const dated = fromText ? null : dateLine(doc.f);
  const given = options.period ? parsePeriodKey(options.period) : null;
  const period: Period | null = fromText ?? (dated ? { kind: 'month', ...dated } : given);
  const periodSource: PeriodSource = fromText ? 'text' : dated ? 'date-line' : 'given';
  if (!period) return { ok: false, reason: 'no-period' };
  const breaks = sentenceBreaks(doc.t);
  const sentenceOf = (pos: number) => sentenceAt(doc, breaks, pos);
  const subRates = findSubRates(doc);
  const main = readFor(doc, breaks, subRates, period, null);
  // "(tháng 9 đạt 88,1 điểm)" in a letter about tháng 10: a second period's figures, on the units the letter names;
  // a text that gives its own period nothing gives none to another.
  const others = main.results.length > 0 ? otherPeriods(doc.f, period) : [];
  const readings = [main, ...others.map((other) => readFor(doc, breaks, subRates, { ...other, only: true }, main.list))];
  const conflicts = readings.flatMap((r) => r.conflicts).map((c) => ({ unit: c.unit, first: sentenceOf(c.first), second: sentenceOf(c.second) }));
  const fromSentences = readings.flatMap((r) => r.results);
  const { rows, conflicts: rowConflicts } = tableRows(tables, period, fromSentences);
  conflicts.push(...rowConflicts);
  if (conflicts.length > 0) return { ok: false, reason: 'conflict', conflicts: conflicts.slice(0, 20) };
  const results = [...fromSentences, ...rows];
  const unread = readings.flatMap((r) => r.unread);
  if (results.length > 0) return { ok: true, results, unread, periodSource };
  return unread.length > 0 ? { ok: false, reason: 'no-result', unread } : { ok: false, reason: 'no-result' };
}

/**
 * The phụ lục's rows as results, beside what the sentences gave: a unit the sentences already gave keeps
 * theirs, and a total printed otherwise in a row (or in two rows) is a conflict, the import refused.
 */
function tableRows(tables: readonly LetterTable[], period: Period, fromSentences: readonly LetterResult[]) {
  const conflicts: { unit: string; first: string; second: string }[] = [];
  const rows: LetterResult[] = [];
  // By the name's key: "phường Bần Yên Nhân" in a sentence is "Bần Yên Nhân" in a row.
  const seen = new Map<string, { total: string | null; said: string }>(fromSentences.map((r) => [unitNameKey(r.unitName), { total: r.total, said: `${r.unitName}: ${r.total ?? '—'}` }]));
  for (const { result, line } of tables.flatMap((t) => tableResults(t, period))) {
    const key = unitNameKey(result.unitName);
    const before = seen.get(key);
    if (before) {
      if (before.total !== null && result.total !== null && compareDecimals(before.total, result.total) !== 0) conflicts.push({ unit: result.unitName, first: before.said, second: line });
      continue;
    }
    seen.set(key, { total: result.total, said: line });
    rows.push(result);
  }
  return { rows, conflicts };
}

/**
 * The results the text gives for one period. For a second period (`carried`: the units of the letter's own period), a unit
 * keeps its place in the text, so that "(tháng 9 xếp hạng thứ 5)" after its October total is still its own, and only the
 * figures dated to the second period are its result there.
 */
function readFor(doc: Doc, breaks: readonly number[], subRates: SubRate[], readPeriod: ReadFor, carried: readonly Subject[] | null): Reading {
  const period = plainPeriod(readPeriod);
  const scan = scanScores(doc, readPeriod);
  const conflicts: Conflict[] = [];
  const list = subjects(doc, scan, conflicts);
  if (carried) {
    const own = new Set(list.map((s) => foldWords(s.unit.name)));
    // "Điểm số tháng 11/2023 … đạt 72,8/100" in a text about one unit only: that unit's, when the sentence says it is its score.
    const only = carried.length === 1 ? carried[0] : undefined;
    const total = scan.unbound.find((u) => u.total !== null && ownScore(doc, breaks, u.start));
    if (only && list.length === 0 && total?.total) list.push({ ...only, total: { ...total.total, unit: only.unit }, skippedTotal: null, carried: false });
    else for (const s of carried) if (!own.has(foldWords(s.unit.name))) list.push({ ...s, carried: true });
    list.sort((a, b) => a.anchor - b.anchor);
  }
  rankOnlySubjects(doc, readPeriod, breaks, list);
  const homes = list.map((s, i) => ({ home: home(s), i })).sort((a, b) => a.home - b.home);
  const sentenceOf = (pos: number) => sentenceAt(doc, breaks, pos);
  const unread: UnreadFigure[] = scan.unbound.filter((u) => !list.some((s) => s.total?.start === u.start)).map((u) => ({ printed: u.printed, sentence: sentenceOf(u.start) }));

  const skippedOf = list.map(() => [] as SkippedFigure[]);
  /** Each figure to its owner, the first one printed kept; a figure without an owner is listed as unread. */
  function bind<T>(hits: Iterable<{ index: number; value: T }>, printed: (value: T) => string | null): (T | null)[] {
    const out: (T | null)[] = list.map(() => null);
    for (const { index, value } of hits) {
      const owner = ownerOf(doc, breaks, list, homes, index, !carried);
      if (owner === null) {
        const shown = printed(value);
        if (shown !== null) unread.push({ printed: shown, sentence: sentenceOf(index) });
        continue;
      }
      if (out[owner] === null) out[owner] = value;
    }
    return out;
  }
  const shared = sharedFigures(doc, readPeriod, breaks, list);
  const outsidePhrases = <T extends { index: number }>(hits: Iterable<T>) => [...hits].filter((h) => !shared.phrases.some((p) => h.index >= p.start && h.index < p.end));
  const rankSkipped: SkippedFigure[] = [];
  const ranks = bind(outsidePhrases(allRanks(doc, readPeriod, rankSkipped)), (r) => r.printed);
  // "7 sở được xếp loại tốt gồm: A (85 điểm), B (84 điểm)": a classification before "gồm" is every listed unit's, up to the next one.
  const classHits = [...allClassifications(doc, readPeriod)];
  const headers = classHits.filter((h) => /^[^.;:]{0,30}?\s(?:bao gom|gom)\s*:?/.test(doc.f.slice(h.index, h.index + 60)));
  const classifications = bind(
    classHits.filter((h) => !headers.includes(h)),
    () => null,
  );
  for (const h of headers) {
    const sentence = around(breaks, h.index, doc.t.length);
    const next = classHits.find((x) => x.index > h.index && x.index < sentence.end)?.index ?? sentence.end;
    list.forEach((s, i) => {
      if (s.unit.start > h.index && home(s) < next && classifications[i] === null) classifications[i] = h.value;
    });
  }
  const deltas = bind(allDeltas(doc, readPeriod), () => null);
  const totalsRead = [...scan.totals, ...list.flatMap((x) => (x.total && !x.carried && !scan.totals.includes(x.total) ? [x.total] : []))].sort((a, b) => a.start - b.start);
  const printedDeltas = bind(allPrintedDeltas(doc, readPeriod, totalsRead, breaks), () => null);
  const rankChanges = bind(outsidePhrases(allRankChanges(doc, readPeriod)), () => null);
  for (const [i, rank] of shared.ranks) ranks[i] = { rank, rankOf: null, scope: null, printed: String(rank) };
  for (const [i, change] of shared.rankChanges) rankChanges[i] = change;

  const results: LetterResult[] = [];
  list.forEach((subject, i) => {
    const start = i === 0 ? 0 : subject.anchor;
    const end = list[i + 1]?.anchor ?? doc.t.length;
    const skipped = skippedOf[i] ?? [];
    if (subject.skippedTotal) skipped.push({ what: 'total', printed: subject.skippedTotal.printed, reason: 'above-max' });
    // A group belongs to the result whose stretch it is printed in, unless its sentence names another unit.
    const inStretch = scan.groups.slice(lowerBound(scan.groups, start, (g) => g.start), lowerBound(scan.groups, end, (g) => g.start));
    const found = inStretch.filter((g) => {
      const b = around(breaks, g.start, doc.t.length);
      const other = mentionsIn(doc, b.start, g.start).some((m) => m.end <= g.start && !ownName(m, subject, doc)) || otherKindSaid(doc.f.slice(b.start, g.start), subject);
      if (other) unread.push({ printed: g.printed, sentence: sentenceOf(g.start) });
      return !other;
    });
    const framework = frameworkFor(found);
    const groups = checkGroups(framework, found, subRates, end, skipped);
    if (i === 0) skipped.push(...rankSkipped);
    const rank = ranks[i] ?? null;
    const total = subject.carried ? null : (subject.total?.points ?? null);
    // Without a total and without a group that could be stored, there is nothing to confirm; a carried unit, any figure of the period.
    const figures = subject.carried ? [rank, classifications[i], deltas[i], printedDeltas[i], rankChanges[i]].some((x) => x !== null && x !== undefined) : Boolean(subject.rankOnly && rank);
    if (total === null && groups.length === 0 && !figures) return;
    results.push({
      ...emptyResult(subject.unit.name, subject.parentName, period),
      frameworkVersion: framework.version,
      total,
      rank: rank?.rank ?? null,
      rankOf: rank?.rankOf ?? null,
      rankScope: rank?.scope ?? null,
      classification: classifications[i] ?? null,
      scoreDelta: deltas[i] ?? null,
      printedDelta: printedDeltas[i] ?? null,
      scoreDeltaPercent: percentOf(printedDeltas[i] ?? null),
      rankChange: rankChanges[i] ?? null,
      groups,
      skipped,
    });
  });
  // "Nhóm các sở xếp loại tốt gồm: Tư pháp, Nội vụ": each named unit's classification, when no figure of its own was read.
  const named = new Set(results.map((r) => foldWords(r.unitName)));
  for (const { unit, classification } of carried ? [] : classifiedLists(doc, breaks)) {
    if (named.has(foldWords(unit.name)) || elsewhere(doc, unit.start, readPeriod)) continue;
    named.add(foldWords(unit.name));
    results.push({ ...emptyResult(unit.name, parentOf(doc, unit), period), classification });
  }
  return { list, results, unread, conflicts };
}

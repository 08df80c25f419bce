/**
 * The portal's national list (`service-results` with departmentType ADMINISTRATIVE_UNIT, domain-766.md §3):
 * one entry per province with its total, its change and its six group points (`groupScores`), without
 * rates or sub-criteria. It is where a province learns its place among the others ("11/34"): provinces
 * are ranked on the totals it prints (competition ranking, domain/ranking.ts). A province whose own tree
 * is stored keeps the tree's figures and takes only its place from the list (domain/revision.ts fillGaps).
 */
import { FRAMEWORK_2024, type GroupKey } from '../../domain/framework.js';
import { NATIONAL_RANK_SCOPE } from '../../domain/portal-requests.js';
import { competitionRanks } from '../../domain/ranking.js';
import type { GroupScore, UnitResult } from '../../domain/result.js';
import { ProblemList } from '../problems.js';
import type { ImportBatch, ImportRow } from '../save.js';
import { addDuplicateUnits, EntryReader, isObject, type Json } from './fields.js';

/** The list's entries carry `groupScores`, an object of six points: no other response does. */
export function isNationalList(body: unknown): boolean {
  const data = isObject(body) && isObject(body.data) ? body.data : null;
  const list = data && Array.isArray(data.evaluation) ? data.evaluation : [];
  const first = list.find(isObject);
  return first !== undefined && isObject(first.groupScores);
}

function groupsOf(reader: EntryReader): GroupScore[] {
  const scores = reader.entry.groupScores;
  if (!isObject(scores)) return [];
  return FRAMEWORK_2024.groups.flatMap((g) => {
    const points = reader.numberOf(scores, g.key, `groupScores.${g.key}`, { max: g.max });
    return points === null ? [] : [{ key: g.key, points, max: g.max, rate: null, delta: null, criteria: [] }];
  });
}

interface ProvinceEntry {
  row: ImportRow;
  departmentId: string;
}

function readProvince(problems: ProblemList, fileName: string, period: string, position: number, entry: Json): ProvinceEntry | null {
  const reader = new EntryReader(problems, fileName, `data.evaluation[${position - 1}]`, position, entry);
  const departmentId = reader.text('departmentId');
  const name = reader.text('departmentName');
  const total = reader.requireNumber('totalScore', { max: '100' });
  const result: UnitResult = {
    period,
    frameworkVersion: FRAMEWORK_2024.version,
    total,
    rank: null,
    rankOf: null,
    rankScope: NATIONAL_RANK_SCOPE,
    classification: null,
    scoreDelta: reader.number('scoreDelta', { min: '-100', max: '100' }),
    scoreDeltaPercent: null,
    rankChange: null,
    groups: groupsOf(reader),
  };
  if (!departmentId || !name) return null;
  return { departmentId, row: { unit: { name, kind: 'tinh', code: reader.optionalText('departmentCode'), portalId: departmentId, parent: null }, result, row: position } };
}

/** The list as an import of the period's province results, each ranked among all the list holds. */
export function nationalListBatch(file: { fileName: string }, body: unknown, period: string): ImportBatch & { groupsPresent: GroupKey[] } {
  const problems = new ProblemList();
  const data = isObject(body) && isObject(body.data) ? body.data : {};
  const list = Array.isArray(data.evaluation) ? data.evaluation : [];
  const provinces: ProvinceEntry[] = [];
  list.forEach((item, i) => {
    const position = i + 1;
    if (!isObject(item)) {
      problems.add({ code: 'missing-field', file: file.fileName, row: position, column: `data.evaluation[${i}]`, value: JSON.stringify(item) });
      return;
    }
    const province = readProvince(problems, file.fileName, period, position, item);
    if (province) provinces.push(province);
  });
  addDuplicateUnits(problems, file.fileName, provinces.map((p) => ({ departmentId: p.departmentId, name: p.row.unit.name, position: p.row.row ?? 0 })));
  if (list.length === 0) problems.add({ code: 'no-rows', file: file.fileName });
  problems.throwIfAny();
  const ranks = competitionRanks(provinces.map((p, i) => ({ key: i, total: p.row.result.total })));
  const rows = provinces.map((p, i) => {
    const rank = ranks.get(i);
    return { ...p.row, result: { ...p.row.result, rank: rank?.rank ?? null, rankOf: rank?.rankOf ?? null } };
  });
  return {
    source: 'portal',
    fileName: file.fileName,
    period,
    rows,
    fillsGaps: true,
    groupsPresent: FRAMEWORK_2024.groups.map((g) => g.key).filter((key) => rows.some((r) => r.result.groups.some((g) => g.key === key))),
  };
}

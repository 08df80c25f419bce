/**
 * The six responses of the portal's evaluation API (dichvucong.gov.vn, Bộ chỉ số 766), one per group.
 * Each is recognised by its shape, not its file name, and read into one GroupScore per unit.
 * Two shapes exist: `parent` + `children[]` (Tiến độ, DVC trực tuyến, Thanh toán) and
 * `overview` + `evaluation[]` with `metrics[]` (Công khai, Hài lòng, Số hóa).
 */
import { FRAMEWORK_2024, groupOf, type GroupKey } from '../../domain/framework.js';
import type { CriterionScore, GroupScore } from '../../domain/result.js';
import type { ProblemList } from '../problems.js';
import { EntryReader, isObject, type Json } from './fields.js';

export interface PortalEntry {
  departmentId: string;
  code: string | null;
  name: string;
  /** PROVINCE (sở, ban, ngành) or COMMUNE (xã, phường); null for the tree's parent. */
  level: string | null;
  isParent: boolean;
  position: number;
  group: GroupScore;
}

export interface PortalResponse {
  fileName: string;
  groupKey: GroupKey;
  entries: PortalEntry[];
}

type Shape = 'tree' | 'evaluation';

function metricCodes(data: Json): Set<string> {
  const first = Array.isArray(data.evaluation) ? data.evaluation.find(isObject) : undefined;
  const overview = isObject(data.overview) ? data.overview : first;
  const metrics = overview && Array.isArray(overview.metrics) ? overview.metrics : [];
  return new Set(metrics.filter(isObject).map((m) => String(m.code)));
}

/** Which group a response holds, from the fields only that group's response carries. */
export function recogniseResponse(data: Json): { key: GroupKey; shape: Shape } | null {
  if (isObject(data.parent) && Array.isArray(data.children)) {
    const sample = { ...data.parent, ...(data.children.find(isObject) ?? {}) };
    if ('totalOnTime' in sample || 'totalReceived' in sample) return { key: 'TDGQ', shape: 'tree' };
    if ('totalDossierOnlinePaymentSuccess' in sample) return { key: 'TTTT', shape: 'tree' };
    if ('onlineServiceTotal' in sample || 'authorityCount' in sample || sample.totalMaxScore === 12) return { key: 'CLGQ', shape: 'tree' };
    return null;
  }
  if (Array.isArray(data.evaluation)) {
    const codes = metricCodes(data);
    for (const key of ['CKMB', 'MDHL', 'MDSH'] as const) {
      if (groupOf(FRAMEWORK_2024, key)?.criteria.some((c) => codes.has(c.code))) return { key, shape: 'evaluation' };
    }
  }
  return null;
}

/** Criteria that the tree responses carry only as raw counts; the portal prints no rate or points for them. */
const COUNTED_CRITERIA: Partial<Record<GroupKey, { code: string; numerator: string; denominator: string }[]>> = {
  TDGQ: [{ code: 'ON_TIME', numerator: 'totalOnTime', denominator: 'totalReceived' }],
  TTTT: [
    { code: 'ONLINE_PAYMENT_DOSSIER', numerator: 'totalDossierOnlinePaymentSuccess', denominator: 'totalDossierFinancialObligation' },
    { code: 'ONLINE_PAYMENT_FORMALITY', numerator: 'totalDossierOnlineFormalityPaymentSuccess', denominator: 'totalFeeFormality' },
    { code: 'PAYMENT_FEE_FORMALITY', numerator: 'totalFeeDossierFormality', denominator: 'totalFeeFormality' },
  ],
};

function countedCriteria(reader: EntryReader, key: GroupKey): CriterionScore[] {
  const group = groupOf(FRAMEWORK_2024, key);
  return (COUNTED_CRITERIA[key] ?? []).flatMap((spec) => {
    const numerator = reader.countOf(reader.entry, spec.numerator, spec.numerator);
    const denominator = reader.countOf(reader.entry, spec.denominator, spec.denominator);
    if (numerator === null && denominator === null) return [];
    const criterion = group?.criteria.find((c) => c.code === spec.code);
    return [
      {
        code: spec.code,
        name: criterion?.name ?? spec.code,
        numerator,
        denominator,
        rate: null,
        points: null,
        max: criterion?.max ?? null,
        headline: false,
      },
    ];
  });
}

function metricCriteria(reader: EntryReader): CriterionScore[] {
  const metrics = reader.entry.metrics;
  if (!Array.isArray(metrics)) return [];
  return metrics.filter(isObject).flatMap((metric, i) => {
    const at = `metrics[${i}]`;
    const code = typeof metric.code === 'string' ? metric.code : null;
    if (!code) return [];
    const max = reader.numberOf(metric, 'maxScore', `${at}.maxScore`);
    return [
      {
        code,
        name: typeof metric.name === 'string' ? metric.name : code,
        numerator: reader.countOf(metric, 'numerator', `${at}.numerator`),
        denominator: reader.countOf(metric, 'denominator', `${at}.denominator`),
        rate: reader.numberOf(metric, 'ratio', `${at}.ratio`, { max: '100' }),
        points: reader.numberOf(metric, 'score', `${at}.score`, { max }),
        max,
        headline: false,
      },
    ];
  });
}

function readEntry(problems: ProblemList, fileName: string, key: GroupKey, shape: Shape, path: string, position: number, entry: Json, isParent: boolean): PortalEntry | null {
  const reader = new EntryReader(problems, fileName, path, position, entry);
  const max = groupOf(FRAMEWORK_2024, key)?.max ?? '0';
  const departmentId = reader.text('departmentId');
  const name = reader.text('departmentName');
  // Children of the tree responses say `score`/`maxScore`; everything else `totalScore`/`totalMaxScore`.
  const scoreField = 'maxScore' in entry && !('totalMaxScore' in entry) ? 'score' : 'totalScore';
  const maxField = scoreField === 'score' ? 'maxScore' : 'totalMaxScore';
  reader.expectMax(maxField, max);
  const points = reader.requireNumber(scoreField, { max });
  const group: GroupScore = {
    key,
    points,
    max,
    rate: reader.number('ratio', { max: '100' }),
    delta: reader.number('scoreDelta', { min: `-${max}`, max }),
    criteria: shape === 'evaluation' ? metricCriteria(reader) : countedCriteria(reader, key),
  };
  if (!departmentId || !name) return null;
  return {
    departmentId,
    code: reader.optionalText('departmentCode'),
    name,
    level: isParent ? null : (reader.optionalText('level') ?? reader.optionalText('departmentLevel')),
    isParent,
    position,
    group,
  };
}

/** Reads a parsed response; problems are added to the list, the entries that could be read returned. */
export function readResponse(problems: ProblemList, fileName: string, body: unknown): PortalResponse | null {
  const data = isObject(body) && isObject(body.data) ? body.data : null;
  const recognised = data ? recogniseResponse(data) : null;
  if (!data || !recognised) {
    problems.add({ code: 'unknown-portal-file', file: fileName });
    return null;
  }
  const { key, shape } = recognised;
  const parentField = shape === 'tree' ? 'parent' : 'overview';
  const listField = shape === 'tree' ? 'children' : 'evaluation';
  const entries: PortalEntry[] = [];
  const parent = data[parentField];
  if (isObject(parent)) {
    const read = readEntry(problems, fileName, key, shape, `data.${parentField}`, 0, parent, true);
    if (read) entries.push(read);
  }
  const list = data[listField] as unknown[];
  list.forEach((item, i) => {
    const path = `data.${listField}[${i}]`;
    if (!isObject(item)) {
      problems.add({ code: 'missing-field', file: fileName, row: i + 1, column: path, value: JSON.stringify(item) });
      return;
    }
    const read = readEntry(problems, fileName, key, shape, path, i + 1, item, false);
    if (read) entries.push(read);
  });
  return { fileName, groupKey: key, entries };
}

/**
 * A province tree from the portal's six responses → one import batch. Units are joined across the
 * responses by `departmentId` (two responses lack `departmentCode`). A unit's total is the sum of its
 * six groups as the portal rounds them, and only when all six are there; ranks are computed among the
 * siblings of one level (xã/phường among themselves, sở/ngành among themselves). Saving computes both
 * again over the stored groups this batch does not carry (domain/totals.ts).
 */
import { FRAMEWORK_2024, type GroupKey } from '../../domain/framework.js';
import { parsePeriodKey, periodKey } from '../../domain/period.js';
import type { GroupScore, UnitResult } from '../../domain/result.js';
import { computeTotalsAndRanks } from '../../domain/totals.js';
import { inferUnitKind } from '../../domain/units.js';
import { checkFileSize, ImportRejected, ProblemList } from '../problems.js';
import type { ImportBatch, UnitRef } from '../save.js';
import { readResponse, type PortalEntry, type PortalResponse } from './responses.js';
import { parseJsonFile } from './json.js';
import { addDuplicateUnits } from './fields.js';
import { isNationalList, nationalListBatch } from './national-list.js';

export interface PortalFile {
  fileName: string;
  bytes: Uint8Array;
}

/** Whom a computed rank is among, by the portal's level. */
const RANK_SCOPES: Record<string, string> = { COMMUNE: 'xã, phường', PROVINCE: 'sở, ban, ngành' };

interface UnitEntries {
  first: PortalEntry;
  code: string | null;
  groups: Map<GroupKey, GroupScore>;
}

function checkedPeriod(period: string | null | undefined, file: string): string {
  const parsed = period ? parsePeriodKey(period) : null;
  if (!period) throw new ImportRejected([{ code: 'missing-period', file }]);
  if (!parsed) throw new ImportRejected([{ code: 'bad-period', file, value: period }]);
  return periodKey(parsed);
}

interface ParsedFile {
  fileName: string;
  body: unknown;
}

function parseFiles(files: readonly PortalFile[]): ParsedFile[] {
  const problems = new ProblemList();
  const parsed = files.flatMap((file) => {
    checkFileSize(file.fileName, file.bytes.byteLength);
    const body = parseJsonFile(problems, file);
    return body === undefined ? [] : [{ fileName: file.fileName, body }];
  });
  problems.throwIfAny();
  return parsed;
}

function readResponses(files: readonly ParsedFile[]): PortalResponse[] {
  const problems = new ProblemList();
  const responses: PortalResponse[] = [];
  for (const { fileName, body } of files) {
    const file = { fileName };
    const response = readResponse(problems, file.fileName, body);
    if (!response) continue;
    const twin = responses.find((r) => r.groupKey === response.groupKey);
    if (twin) {
      const group = FRAMEWORK_2024.groups.find((g) => g.key === response.groupKey)?.name ?? response.groupKey;
      problems.add({ code: 'duplicate-portal-file', file: file.fileName, value: group, detail: { other: twin.fileName } });
      continue;
    }
    addDuplicateUnits(problems, file.fileName, response.entries);
    responses.push(response);
  }
  problems.throwIfAny();
  return responses;
}

function checkOneParent(responses: readonly PortalResponse[]): PortalEntry | null {
  const problems = new ProblemList();
  let parent: { entry: PortalEntry; file: string } | null = null;
  for (const response of responses) {
    const own = response.entries.find((e) => e.isParent);
    if (!own) continue;
    if (parent && parent.entry.departmentId !== own.departmentId) {
      problems.add({ code: 'unknown-parent', file: response.fileName, column: 'departmentName', value: own.name, detail: { expected: parent.entry.name, other: parent.file } });
    }
    parent ??= { entry: own, file: response.fileName };
  }
  problems.throwIfAny();
  return parent?.entry ?? null;
}

function joinByUnit(responses: readonly PortalResponse[]): Map<string, UnitEntries> {
  const units = new Map<string, UnitEntries>();
  for (const response of responses) {
    for (const entry of response.entries) {
      const unit = units.get(entry.departmentId) ?? { first: entry, code: null, groups: new Map() };
      unit.code ??= entry.code;
      unit.groups.set(response.groupKey, entry.group);
      units.set(entry.departmentId, unit);
    }
  }
  return units;
}

export interface PortalBatch extends ImportBatch {
  groupsPresent: GroupKey[];
}

export function portalBatch(files: readonly PortalFile[], period: string | null | undefined): PortalBatch {
  const fileNames = files.map((f) => f.fileName).join(', ');
  const key = checkedPeriod(period, fileNames);
  if (files.length === 0) throw new ImportRejected([{ code: 'no-rows', file: fileNames }]);
  const parsed = parseFiles(files);
  const national = parsed.find((f) => isNationalList(f.body));
  if (national) {
    const other = parsed.find((f) => f !== national);
    if (other) throw new ImportRejected([{ code: 'national-list-with-others', file: national.fileName, detail: { other: other.fileName } }]);
    return nationalListBatch(national, national.body, key);
  }
  const responses = readResponses(parsed);
  const parentEntry = checkOneParent(responses);
  const units = joinByUnit(responses);
  const parentRef: UnitRef | null = parentEntry
    ? { name: parentEntry.name, kind: 'tinh', code: units.get(parentEntry.departmentId)?.code ?? null, portalId: parentEntry.departmentId }
    : null;

  const rows = computeTotalsAndRanks(
    [...units].map(([id, unit]) => {
      const result: UnitResult = {
        period: key,
        frameworkVersion: FRAMEWORK_2024.version,
        total: null,
        rank: null,
        rankOf: null,
        rankScope: !unit.first.isParent && unit.first.level ? (RANK_SCOPES[unit.first.level] ?? null) : null,
        classification: null,
        scoreDelta: null,
        scoreDeltaPercent: null,
        rankChange: null,
        groups: FRAMEWORK_2024.groups.flatMap((g) => unit.groups.get(g.key) ?? []),
      };
      const ref: UnitRef = unit.first.isParent && parentRef
        ? parentRef
        : { name: unit.first.name, kind: inferUnitKind(unit.first.name, unit.first.level), code: unit.code, portalId: id, parent: parentRef };
      return { unit: ref, result, rankAmong: unit.first.isParent ? null : (unit.first.level ?? '') };
    }),
  );
  rows.sort((a, b) => (a.unit === parentRef ? -1 : b.unit === parentRef ? 1 : 0));
  return {
    source: 'portal',
    fileName: fileNames,
    period: key,
    rows,
    groupsPresent: FRAMEWORK_2024.groups.map((g) => g.key).filter((k) => responses.some((r) => r.groupKey === k)),
    computesTotals: true,
  };
}

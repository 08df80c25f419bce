/**
 * The portal's national list of provinces (`service-results`, departmentType ADMINISTRATIVE_UNIT) for one
 * month, as the stand-in serves it. No answer of it was captured: it follows the documented shape
 * (domain-766.md §3: `data.evaluation[]` with departmentId, departmentName, departmentCode, totalScore,
 * scoreDelta and `groupScores` of the six national codes). Phú Thọ (H44) carries its real figures, the
 * parent entries of its six responses (samples/portal/2026-08/); each other province gets Phú Thọ's group
 * points scaled by a factor of its own, capped at the group's maximum, and the last two provinces tie.
 */
import { addDecimals } from '../../src/domain/decimal.js';
import { FRAMEWORK_2024, type GroupKey } from '../../src/domain/framework.js';
import { PORTAL_FILES, PORTAL_GROUPS } from './samples.js';
import { PROVINCES } from './provinces.js';

export const PHU_THO_ID = '019d2be3-6a88-732b-8b17-b68020c8553a';

type ParentEntry = { totalScore?: number };

/** Phú Thọ's own points per group: the parent entry (`parent` or `overview`) of each response. */
function phuThoGroups(): Record<GroupKey, number> {
  const entries = Object.entries(PORTAL_GROUPS).map(([group, fileName]) => {
    const file = PORTAL_FILES.find((f) => f.fileName === fileName);
    const data = (JSON.parse(file?.bytes.toString('utf8') ?? '{}') as { data: { parent?: ParentEntry; overview?: ParentEntry } }).data;
    return [group, (data.parent ?? data.overview)?.totalScore ?? 0] as const;
  });
  return Object.fromEntries(entries) as Record<GroupKey, number>;
}

const hundredths = (n: number) => Math.round(n * 100);
const shown = (h: number) => h / 100;

export interface NationalEntry {
  departmentId: string;
  departmentName: string;
  departmentCode: string;
  totalScore: number;
  scoreDelta: number | null;
  groupScores: Record<GroupKey, number>;
}

/** The 34 entries, in the portal's order (by total, highest first). */
export function nationalEntries(): NationalEntry[] {
  const own = phuThoGroups();
  const factorOf = (i: number, g: number) => 70 + ((i * 13 + g * 7) % 51);
  const groupsOf = (i: number): Record<GroupKey, number> =>
    Object.fromEntries(
      FRAMEWORK_2024.groups.map((group, g) => {
        const max = hundredths(Number(group.max));
        return [group.key, shown(i === 0 ? hundredths(own[group.key]) : Math.min(max, Math.floor((hundredths(own[group.key]) * factorOf(i, g)) / 100)))];
      }),
    ) as Record<GroupKey, number>;
  const entries = PROVINCES.map((p, i) => {
    const groupScores = groupsOf(i === PROVINCES.length - 1 ? i - 1 : i);
    return {
      departmentId: i === 0 ? PHU_THO_ID : `national-${p.code}`,
      departmentName: p.fullName,
      departmentCode: p.code,
      totalScore: Number(addDecimals(Object.values(groupScores).map(String))),
      scoreDelta: null,
      groupScores,
    };
  });
  return entries.sort((a, b) => b.totalScore - a.totalScore);
}

/** The answer's body, in the portal's envelope. */
export function nationalListBody(): { code: string; message: string; data: { evaluation: NationalEntry[] } } {
  return { code: 'OK', message: 'OK', data: { evaluation: nationalEntries() } };
}

export const NATIONAL_LIST_FILE = { fileName: 'service-results.json', bytes: Buffer.from(JSON.stringify(nationalListBody())) };

/** The real data the product ships in samples/: the portal's six responses for Phú Thọ, 08/2026, and the seed letter. */
import { readdirSync, readFileSync } from 'node:fs';
import { addDecimals } from '../../src/domain/decimal.js';

const PORTAL_DIR = new URL('../../samples/portal/2026-08/', import.meta.url);

export interface SampleFile {
  fileName: string;
  bytes: Buffer;
}

export const PORTAL_FILES: SampleFile[] = readdirSync(PORTAL_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((fileName) => ({ fileName, bytes: readFileSync(new URL(fileName, PORTAL_DIR)) }));

export const PORTAL_DIR_PATH = PORTAL_DIR.pathname;

/** The portal files with one response edited as parsed JSON. */
export function editedPortalFiles(prefix: string, edit: (data: PortalData) => void): SampleFile[] {
  return PORTAL_FILES.map((f) => {
    if (!f.fileName.startsWith(prefix)) return f;
    const body = JSON.parse(f.bytes.toString('utf8')) as { data: PortalData };
    edit(body.data);
    return { fileName: f.fileName, bytes: Buffer.from(JSON.stringify(body)) };
  });
}

export type PortalEntry = Record<string, unknown> & { departmentName: string };
export type PortalData = Record<string, unknown> & { children?: PortalEntry[]; evaluation?: PortalEntry[] };

export function entryNamed(data: PortalData, name: string): PortalEntry {
  const found = (data.children ?? data.evaluation ?? []).find((e) => e.departmentName === name);
  if (!found) throw new Error(`${name} is not in the response`);
  return found;
}

/** The portal's six responses: group → unit name → the entry of that unit. */
export const PORTAL_GROUPS = {
  CKMB: 'transparency.json',
  TDGQ: 'dvc-progress-tree.json',
  CLGQ: 'provide-online-tree.json',
  TTTT: 'formality-online-payment-tree.json',
  MDHL: 'handling-satisfaction.json',
  MDSH: 'dossier-digitized.json',
} as const;
export type PortalGroup = keyof typeof PORTAL_GROUPS;

function entriesOf(fileName: string): Map<string, PortalEntry> {
  const file = PORTAL_FILES.find((f) => f.fileName === fileName);
  if (!file) throw new Error(`no ${fileName}`);
  const data = (JSON.parse(file.bytes.toString('utf8')) as { data: { children?: PortalEntry[]; evaluation?: PortalEntry[] } }).data;
  return new Map((data.children ?? data.evaluation ?? []).map((e) => [e.departmentName, e]));
}

const PORTAL = Object.fromEntries(Object.entries(PORTAL_GROUPS).map(([group, fileName]) => [group, entriesOf(fileName)])) as Record<PortalGroup, Map<string, PortalEntry>>;

/** A group's points, maximum and rate as the portal printed them. */
export function portal(group: PortalGroup, unit: string): { points: string; max: string; rate: string } {
  const e = PORTAL[group].get(unit);
  if (!e) throw new Error(`${unit} is not in ${PORTAL_GROUPS[group]}`);
  return { points: String(e.totalScore ?? e.score), max: String(e.totalMaxScore ?? e.maxScore), rate: String(e.ratio) };
}

/** A unit's total: the sum of its six group scores in the portal's responses. */
export function portalTotal(unit: string): string {
  return addDecimals((Object.keys(PORTAL_GROUPS) as PortalGroup[]).map((g) => portal(g, unit).points));
}

/**
 * The seed letter retold for Phường Việt Trì, 08/2026, in the decision's five groups (one "Cung cấp
 * dịch vụ trực tuyến" out of 22): a result the portal's six groups cannot be merged into.
 */
export function fiveGroupLetter(): SampleFile {
  const seed = readFileSync(new URL('../../samples/letters/myhao-2025-02.txt', import.meta.url), 'utf8');
  const text = seed
    .replaceAll('02/2025', '08/2026')
    .replaceAll('tỉnh Hưng Yên', 'tỉnh Phú Thọ')
    .replaceAll('thị xã Mỹ Hào', 'phường Việt Trì')
    .replace(/- Chỉ số Dịch vụ công trực tuyến:[^\n]*\n[\s\S]*?- Chỉ số Thanh toán trực tuyến:[^\n]*\n/, '- Chỉ số Cung cấp dịch vụ trực tuyến: 19,6/22 điểm; đạt tỷ lệ 89,09%.\n');
  return { fileName: 'cong-van-viet-tri-08-2026.txt', bytes: Buffer.from(text) };
}

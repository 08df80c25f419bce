/** The real data the product ships in samples/: the portal's six responses for Phú Thọ, 08/2026, and the seed letter. */
import { readdirSync, readFileSync } from 'node:fs';

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

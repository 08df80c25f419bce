/**
 * A national month as the collector would fetch it: the six responses of each of the 34 provinces
 * (3,321 xã/phường/đặc khu and 517 sở/ngành, bench/national-units.ts), built in the shape of Phú Thọ's
 * real responses with their figures cycled, and the national list of the 34, then imported one by one through the path a
 * collection takes once its responses are in (read in the worker, saved as revisions). Time and memory.
 */
import { readFileSync } from 'node:fs';
import { figuresDigest } from '../src/collector/figures-digest.js';
import { PORTAL_ENDPOINTS } from '../src/domain/portal-requests.js';
import type { IncomingFile } from '../src/imports/read.js';
import { readFiles, storeImport } from '../src/services/imports.js';
import { NATIONAL_LIST_FILE } from '../tests/helpers/national-list.js';
import { nationalUnits } from './national-units.js';
import { benchTargets, timed, verdict } from './targets.js';

type Entry = Record<string, unknown>;
interface Body {
  data: Record<string, unknown>;
}

const SAMPLES = new URL('../samples/portal/2026-08/', import.meta.url);

function template(name: string): Body {
  return JSON.parse(readFileSync(new URL(`${name}.json`, SAMPLES), 'utf8')) as Body;
}

const portalId = (id: number) => `bench-${id}`;

/** One province's six responses: the sample's shape, its units, the sample's figures cycled over them. */
function provinceResponses(province: { id: number; name: string; code: string | null }, children: { id: number; name: string; code: string | null; kind: string }[]): IncomingFile[] {
  return PORTAL_ENDPOINTS.map((endpoint) => {
    const body = template(endpoint.name);
    const tree = Array.isArray(body.data.children);
    const [parentField, listField] = tree ? ['parent', 'children'] : ['overview', 'evaluation'];
    const sample = body.data[listField] as Entry[];
    const parent = body.data[parentField] as Entry;
    Object.assign(parent, { departmentId: portalId(province.id), departmentName: province.name }, 'departmentCode' in parent ? { departmentCode: province.code } : {});
    body.data[listField] = children.map((unit, i) => {
      const entry = structuredClone(sample[i % sample.length] ?? {});
      Object.assign(entry, { departmentId: portalId(unit.id), departmentName: unit.name, level: unit.kind === 'so-nganh' ? 'PROVINCE' : 'COMMUNE' }, 'departmentCode' in entry ? { departmentCode: unit.code } : {});
      return entry;
    });
    return { fileName: `${endpoint.name}.json`, bytes: Buffer.from(JSON.stringify(body)) };
  });
}

export async function benchCollect(): Promise<void> {
  const { units } = nationalUnits();
  const provinces = units.filter((u) => u.parentId === null);
  // Then the national list, as the daily round asks it after the trees: the provinces' places.
  const built = await timed(() =>
    Promise.resolve([...provinces.map((p) => ({ files: provinceResponses(p, units.filter((u) => u.parentId === p.id)) })), { files: [NATIONAL_LIST_FILE] }]),
  );
  const bytes = built.value.reduce((n, p) => n + p.files.reduce((m, f) => m + f.bytes.byteLength, 0), 0);
  console.log(`\n== Collect: a national month once fetched (${provinces.length} provinces × 6 responses and the national list, ${units.length - provinces.length} units, ${(bytes / 1024 / 1024).toFixed(1)} MB of JSON, built in ${built.ms.toFixed(0)} ms)`);
  for (const target of benchTargets()) {
    const { database, drop } = await target.open();
    try {
      for (const again of [false, true]) {
        global.gc?.();
        const baseline = process.memoryUsage();
        let peak = baseline.rss;
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
        let stored = 0;
        const { ms } = await timed(async () => {
          for (const { files } of built.value) {
            const batch = await readFiles(files, { period: '2026-08' });
            figuresDigest(batch);
            const report = await storeImport(database.db, files, batch, undefined, { force: false });
            stored += report.resultsAdded.length + report.resultsUpdated.length;
          }
        });
        clearInterval(sampler);
        const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
        const label = again ? `same month again (${stored} stored)` : `first import (${stored} results)`;
        console.log(`${target.label.padEnd(11)} national month, ${label.padEnd(28)} ${verdict(ms, 5000)}  memory: RSS peak +${mb(peak - baseline.rss)} MB (${mb(peak)} MB in all), heap after ${mb(process.memoryUsage().heapUsed)} MB`);
      }
    } finally {
      await drop();
    }
  }
  if (!process.env.DATABASE_URL) console.log('(Set DATABASE_URL to a PostgreSQL server to measure on PostgreSQL too.)');
}

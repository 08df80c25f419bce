/**
 * The daily collection on a controlled clock (COLLECT_PROVINCES=H44, COLLECT_TIME=06:30, Vietnam time):
 * August is asked only once it is over and from 06:30, once a day, the tree then the national list, each
 * until two days agree; once the tree has, August is ready and scheduled for publication (PUBLISH_AUTO_TIME).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { PortalStandIn } from '../helpers/portal-stand-in.js';
import { entryNamed } from '../helpers/samples.js';
import { collectAndImport, collectionRunsOf } from '../../src/services/collections.js';
import { renderCollectionRuns } from '../../src/messages/collection.js';
import { t as translate } from '../../src/messages/i18n.js';
import { createTestDatabase, onPostgres } from '../helpers/database.js';
import { PORTAL_ENDPOINTS } from '../../src/domain/portal-requests.js';

let clock = new Date('2026-08-31T13:00:00Z');
let t: TestApp;
let portal: PortalStandIn;

/** The clock at a local time in Vietnam (UTC+7). */
const at = (local: string) => (clock = new Date(`${local}+07:00`));

async function tickAt(local: string): Promise<string[]> {
  at(local);
  portal.reset();
  await t.app.scheduler.tick();
  return portal.requests.map((r) => `${r.endpoint} ${String(r.payload.month ?? r.payload.fromDate)}`);
}

async function query<T>(sql: string): Promise<T[]> {
  return t.app.database.query<T>(sql);
}

/** A bot of its own against a stand-in of its own, collecting daily from 06:30 with no pause; both stopped after `use`. */
async function withOwnApp(now: () => Date, env: Record<string, string>, use: (app: TestApp, stand: PortalStandIn) => Promise<void>, misbehave?: (stand: PortalStandIn) => void): Promise<void> {
  const stand = await new PortalStandIn().start();
  misbehave?.(stand);
  const app = await startTestApp({ mode: 'no-telegram', now, env: { PORTAL_API_ROOT: stand.url, COLLECT_PAUSE_MS: '0', COLLECT_JITTER_MS: '0', COLLECT_TIME: '06:30', ...env } });
  try {
    await use(app, stand);
  } finally {
    await app.stop();
    await stand.stop();
  }
}

beforeAll(async () => {
  portal = await new PortalStandIn().start();
  t = await startTestApp({
    mode: 'no-telegram',
    now: () => clock,
    env: { PORTAL_API_ROOT: portal.url, COLLECT_PAUSE_MS: '0', COLLECT_JITTER_MS: '0', COLLECT_PROVINCES: 'H44', COLLECT_TIME: '06:30', PUBLISH_AUTO_TIME: '08:00' },
  });
});

afterAll(async () => {
  await t?.stop();
  await portal?.stop();
});

describe('the daily collection', () => {
  it('does not ask for August while August lasts (the month just ended is July)', async () => {
    // July is not among the months the stand-in has: the first table answers 404 and the tree's run stops
    // there; a 404 is about that request only, so the national list is still asked (404 too).
    expect(await tickAt('2026-08-31T20:00:00')).toEqual(['transparency 7', 'service-results 7']);
    expect(await query("select id from results where period = '2026-08'")).toEqual([]);
  });

  it('waits for COLLECT_TIME on the first day after', async () => {
    expect(await tickAt('2026-09-01T06:00:00')).toEqual([]);
  });

  it('collects August from COLLECT_TIME, once that day, the tree then the national list', async () => {
    const asked = await tickAt('2026-09-01T06:45:00');
    expect(asked).toHaveLength(7);
    expect(asked.at(-1)).toBe('service-results 8');
    // The tree's 164 units, the 33 other provinces of the list, and Phú Thọ's place as its second revision.
    expect(await query("select count(*)::int as n from results where period = '2026-08'")).toEqual([{ n: 164 + 33 + 1 }]);
    expect(await tickAt('2026-09-01T15:00:00')).toEqual([]);
    expect(await query('select id from publications')).toEqual([]);
  });

  it('collects again the next days until two agree, then schedules the publication and stops', async () => {
    const edit = () => portal.edit('transparency', (data) => (entryNamed(data, 'UBND Phường Việt Trì').totalScore = 8.96));
    at('2026-09-02T06:45:00');
    portal.reset();
    edit();
    await t.app.scheduler.tick();
    expect(portal.requests).toHaveLength(7);
    expect(await query("select r.revision from results r join units u on u.id = r.unit_id where u.name = 'UBND Phường Việt Trì' order by r.revision")).toEqual([{ revision: 1 }, { revision: 2 }]);
    expect(await query('select id from publications')).toEqual([]);

    at('2026-09-03T06:45:00');
    portal.reset();
    edit();
    await t.app.scheduler.tick();
    // The national list agreed with the day before: only the tree is asked.
    expect(portal.requests.map((r) => r.endpoint)).not.toContain('service-results');
    expect(portal.requests).toHaveLength(6);
    const [publication] = await query<{ period: string; status: string; scheduled_at: Date }>('select period, status, scheduled_at from publications');
    expect(publication).toMatchObject({ period: '2026-08', status: 'scheduled' });
    expect(new Date(publication?.scheduled_at ?? 0).toISOString()).toBe('2026-09-04T01:00:00.000Z');

    expect(await tickAt('2026-09-04T06:45:00')).toEqual([]);
    expect(await query("select province, local_date, complete from collection_runs where period = '2026-08' order by id")).toEqual([
      { province: 'H44', local_date: '2026-09-01', complete: true },
      { province: 'VN', local_date: '2026-09-01', complete: true },
      { province: 'H44', local_date: '2026-09-02', complete: true },
      { province: 'VN', local_date: '2026-09-02', complete: true },
      { province: 'H44', local_date: '2026-09-03', complete: true },
    ]);
  });
});

describe('the daily collection when the portal turns it away', () => {
  it('stops the day’s round at the first province refused (429), asking nothing for the next one', async () => {
    const day = new Date('2026-09-01T06:45:00+07:00');
    // The second province is named by its tree's id, as COLLECT_PROVINCES allows.
    const provinces = { COLLECT_PROVINCES: 'H44,019d2be3-6a88-732b-8b17-000000000001' };
    await withOwnApp(
      () => day,
      provinces,
      async (app, refusing) => {
        await app.app.scheduler.tick();
        expect(refusing.requests.map((r) => r.endpoint)).toEqual(['transparency']);
        await app.app.scheduler.tick();
        expect(refusing.requests).toHaveLength(1);
        // The refusal is kept with the day's runs: a restarted instance does not ask again that day.
        await app.restart();
        await app.app.scheduler.tick();
        expect(refusing.requests).toHaveLength(1);
      },
      (refusing) => refusing.misbehave('transparency', 'rate-limited'),
    );
  });
});

describe('the daily collection and runs by hand', () => {
  it('asks nothing for a province whose day’s run another instance has claimed', async () => {
    const day = new Date('2026-09-01T06:45:00+07:00');
    await withOwnApp(
      () => day,
      {},
      async (app, stand) => {
        await app.app.database.query(
          "insert into collection_runs (province, root_department_id, period, source_url, status, requested_by, local_date) values ('H44', 'x', '2026-08', 'x', 'running', 'schedule', '2026-09-01')",
        );
        const settings = { apiRoot: stand.url, userAgent: 'chiso-bot/test', pauseMs: 0, jitterMs: 0, timeoutMs: 2000 };
        const ctx = { db: app.app.database.db, settings, now: () => day, timeZone: 'Asia/Ho_Chi_Minh' };
        const taken = await collectAndImport(ctx, { province: 'H44', period: '2026-08', requestedBy: 'schedule' }).catch((e: unknown) => e);
        expect(taken).toMatchObject({ key: 'collect-taken' });
        expect(stand.requests).toHaveLength(0);
        // By hand it is another run: it is not the schedule's to claim.
        await collectAndImport(ctx, { province: 'H44', period: '2026-08', requestedBy: 'cli' });
        expect(stand.requests).toHaveLength(6);
      },
    );
  });

  it('marks a run its stopped process left running as interrupted, once it is older than any run can be', async () => {
    const day = new Date('2026-09-01T06:00:00+07:00');
    await withOwnApp(
      () => day,
      {},
      async (app) => {
        const insert = (minutesAgo: number) =>
          app.app.database.query(
            `insert into collection_runs (province, root_department_id, period, source_url, status, requested_by, local_date, created_at)
             values ('H44', 'x', '2026-08', 'x', 'running', 'cli', '2026-09-01', $1)`,
            [new Date(day.getTime() - minutesAgo * 60_000).toISOString()],
          );
        // COLLECT_TIMEOUT_MS 30 s, no pause: a run lasts at most 6 × 30 s and its import's 30 minutes.
        await insert(120);
        await insert(5);
        await app.app.scheduler.tick();
        const runs = await app.app.database.query<{ status: string; failure: unknown }>('select status, failure from collection_runs order by id');
        expect(runs).toEqual([
          { status: 'failed', failure: { kind: 'interrupted' } },
          { status: 'running', failure: null },
        ]);
        const report = renderCollectionRuns(translate, await collectionRunsOf(app.app.database.db, '2026-08'));
        expect(report?.lines.join('\n')).toContain('dừng giữa chừng (máy chủ bị tắt hoặc khởi động lại khi đang thu thập), không lưu gì');
        expect(report?.lines.join('\n')).toContain('đang thu thập');
      },
    );
  });

  it('schedules the publication once a run by hand has made the month stable, asking the portal nothing more', async () => {
    let now = new Date('2026-09-01T06:45:00+07:00');
    await withOwnApp(() => now, { COLLECT_PROVINCES: 'H44', PUBLISH_AUTO_TIME: '08:00' }, async (app, stand) => {
      await app.app.scheduler.tick();
      now = new Date('2026-09-02T05:00:00+07:00');
      expect((await app.admin('POST', '/api/collections', { province: 'H44', period: '2026-08' })).status).toBe(200);
      stand.reset();
      now = new Date('2026-09-02T06:45:00+07:00');
      await app.app.scheduler.tick();
      // The national list is still asked for its second day; the tree, stable, is not.
      expect(stand.requests.map((r) => r.endpoint)).toEqual(['service-results']);
      const [publication] = await app.app.database.query<{ status: string }>('select status from publications');
      expect(publication).toEqual({ status: 'scheduled' });
    });
  });
});

describe('the daily collection without the national list (COLLECT_NATIONAL=false)', () => {
  it('asks the provinces only', async () => {
    const day = new Date('2026-09-01T06:45:00+07:00');
    await withOwnApp(() => day, { COLLECT_PROVINCES: 'H44', COLLECT_NATIONAL: 'false' }, async (app, stand) => {
      await app.app.scheduler.tick();
      expect(stand.requests.map((r) => r.endpoint)).toEqual(PORTAL_ENDPOINTS.map((e) => e.name));
    });
  });
});

describe('two instances running the daily collection', () => {
  // PGlite is one process's database: instances sharing one are a PostgreSQL matter.
  it.runIf(onPostgres)('ask the portal each thing once, one at a time: one instance runs the day’s round', async () => {
    const shared = await createTestDatabase();
    const stand = await new PortalStandIn().start();
    const day = new Date('2026-09-01T06:45:00+07:00');
    const env = { PORTAL_API_ROOT: stand.url, COLLECT_PAUSE_MS: '0', COLLECT_JITTER_MS: '0', COLLECT_PROVINCES: 'H44', COLLECT_TIME: '06:30' };
    const first = await startTestApp({ mode: 'no-telegram', now: () => day, env, database: shared });
    const second = await startTestApp({ mode: 'no-telegram', now: () => day, env, database: shared });
    try {
      await Promise.all([first.app.scheduler.tick(), second.app.scheduler.tick()]);
      // One instance ran the round; the other found it held and asked nothing.
      expect(stand.requests.map((r) => r.endpoint)).toEqual([...PORTAL_ENDPOINTS.map((e) => e.name), 'service-results']);
      expect(stand.requests.every((r) => r.inFlight === 1)).toBe(true);
      const runs = await first.app.database.query<{ province: string; status: string }>("select province, status from collection_runs order by province");
      expect(runs).toEqual([
        { province: 'H44', status: 'done' },
        { province: 'VN', status: 'done' },
      ]);
    } finally {
      await first.stop();
      await second.stop();
      await shared.drop();
      await stand.stop();
    }
  });
});

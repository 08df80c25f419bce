/**
 * The OA token store against the real test database and the OAuth stand-in: seeded once, refreshed
 * once however many callers ask at the same moment (in one instance, and on PostgreSQL across two),
 * the new pair stored, and refreshed ahead of its end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OaTokens, type OaTokenSettings } from '../../src/channels/zalo-oa/tokens.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/database.js';
import { FIRST_ACCESS_TOKEN, FIRST_REFRESH_TOKEN, OA_APP_ID, OA_APP_SECRET, ZaloOaStandIn } from '../helpers/zalo-oa-stand-in.js';

let testDatabase: TestDatabase;
let database: Database;
const oa = new ZaloOaStandIn();
let settings: OaTokenSettings;

beforeAll(async () => {
  await oa.start();
  testDatabase = await createTestDatabase();
  database = await openDatabase(testDatabase.target);
  settings = { appId: OA_APP_ID, appSecret: OA_APP_SECRET, accessToken: FIRST_ACCESS_TOKEN, refreshToken: FIRST_REFRESH_TOKEN, oauthRoot: oa.oauthUrl };
});

afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
  await oa.stop();
});

async function stored() {
  return (await database.query<{ access_token: string; refresh_token: string }>('select access_token, refresh_token from zalo_oa_tokens'))[0];
}

describe('the Zalo OA token store', () => {
  it('starts from the settings and keeps one row', async () => {
    const tokens = new OaTokens(database.db, settings);
    expect(await tokens.accessToken()).toBe(FIRST_ACCESS_TOKEN);
    await new OaTokens(database.db, settings).seed();
    expect(await database.query('select access_token from zalo_oa_tokens')).toHaveLength(1);
  });

  it('refreshes once for callers at the same moment, storing the new pair', async () => {
    oa.refreshDelayMs = 200;
    const tokens = new OaTokens(database.db, settings);
    const got = await Promise.all(Array.from({ length: 5 }, () => tokens.refresh(FIRST_ACCESS_TOKEN)));
    expect(new Set(got)).toEqual(new Set(['access-token-1']));
    expect(oa.refreshCalls()).toHaveLength(1);
    expect(await stored()).toEqual({ access_token: 'access-token-1', refresh_token: 'refresh-token-1' });
    // A caller still holding the old token gets the new one, without a second refresh.
    expect(await new OaTokens(database.db, settings).refresh(FIRST_ACCESS_TOKEN)).toBe('access-token-1');
    expect(oa.refreshCalls()).toHaveLength(1);
  });

  it('refreshes ahead of the end: less than an hour left', async () => {
    const later = Date.now() + 90_000 * 1000 - 30 * 60 * 1000;
    const tokens = new OaTokens(database.db, settings, () => later);
    expect(await tokens.accessToken()).toBe('access-token-2');
    expect(oa.refreshCalls()).toHaveLength(2);
  });

  it.skipIf(!onPostgres)('refreshes once across two instances on one PostgreSQL database', async () => {
    const other = await openDatabase(testDatabase.target);
    try {
      const before = oa.refreshCalls().length;
      const current = (await stored())?.access_token ?? '';
      const [a, b] = await Promise.all([new OaTokens(database.db, settings).refresh(current), new OaTokens(other.db, settings).refresh(current)]);
      expect(a).toBe(b);
      expect(oa.refreshCalls().length - before).toBe(1);
      expect((await stored())?.access_token).toBe(a);
    } finally {
      await other.close();
    }
  });

  it('keeps the rotated tokens over a restart, and takes new ones from the settings', async () => {
    await new OaTokens(database.db, settings).seed();
    expect((await stored())?.access_token).toMatch(/^access-token-[23]$/);
    await new OaTokens(database.db, { ...settings, accessToken: 'authorised-again', refreshToken: 'refresh-again' }).seed();
    expect(await stored()).toEqual({ access_token: 'authorised-again', refresh_token: 'refresh-again' });
    await new OaTokens(database.db, settings).seed();
    expect(await stored()).toEqual({ access_token: FIRST_ACCESS_TOKEN, refresh_token: FIRST_REFRESH_TOKEN });
  });
});

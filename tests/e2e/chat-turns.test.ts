/**
 * A chat's updates handled one at a time, across instances (PostgreSQL only: PGlite has one
 * connection and would hide the race): the six portal files sent at once gather in one draft,
 * whichever instance each reaches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/database.js';
import { PORTAL_FILES } from '../helpers/samples.js';
import { documentUpdate, TelegramStandIn, type TestChat } from '../helpers/telegram-stand-in.js';

describe.runIf(onPostgres)('updates of one chat at once, on two instances', () => {
  let database: TestDatabase;
  let telegram: TelegramStandIn;
  let first: TestApp;
  let second: TestApp;
  let chatNumber = 5566000;

  /** A new admin chat of tỉnh Phú Thọ. */
  async function adminChat(): Promise<TestChat> {
    const chat: TestChat = { id: ++chatNumber, type: 'private' };
    const invite = await first.admin<{ code: string }>('POST', '/api/invites', { unit: 'UBND tỉnh Phú Thọ', role: 'admin' });
    expect(await first.ask(`/start ${invite.body.code}`, chat)).toContain('vai trò quản trị');
    return chat;
  }

  async function openDrafts(chat: TestChat): Promise<{ files: number }[]> {
    return first.app.database.query<{ files: number }>(
      `select jsonb_array_length(files)::int as files from import_drafts where channel = 'telegram' and external_id = $1 and status = 'open'`,
      [String(chat.id)],
    );
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    telegram = await new TelegramStandIn().start();
    first = await startTestApp({ mode: 'webhook', database, telegram });
    second = await startTestApp({ mode: 'webhook', database, telegram });
    await first.admin('POST', '/api/demo');
  });

  afterAll(async () => {
    await first?.stop();
    await second?.stop();
    await telegram?.stop();
    await database?.drop();
  });

  it('gathers six files sent at once to one instance in one draft', async () => {
    const chat = await adminChat();
    const updates = PORTAL_FILES.map((f) => documentUpdate(telegram.addFile(f.fileName, f.bytes), 'tháng 8/2026', chat));
    const statuses = await Promise.all(updates.map((u) => first.deliver(u)));
    expect(statuses).toEqual(PORTAL_FILES.map(() => 200));
    expect(await openDrafts(chat)).toEqual([{ files: 6 }]);
    expect(telegram.sentTexts(chat.id).at(-1)).toContain('tháng 08/2026: 164 đơn vị.');
  });

  it('gathers them in one draft when they reach two instances at once', async () => {
    for (let round = 0; round < 3; round++) {
      const chat = await adminChat();
      const updates = PORTAL_FILES.map((f) => documentUpdate(telegram.addFile(f.fileName, f.bytes), 'tháng 8/2026', chat));
      const statuses = await Promise.all(updates.map((u, i) => (i % 2 === 0 ? first : second).deliver(u)));
      expect(statuses).toEqual(PORTAL_FILES.map(() => 200));
      expect(await openDrafts(chat)).toEqual([{ files: 6 }]);
    }
    // Every turn taken was given back: no holder, the lease ended.
    expect(await first.app.database.query<{ n: number }>(`select count(*)::int as n from chat_turns where holder <> '' or lease_until > now()`)).toEqual([{ n: 0 }]);
  });
});

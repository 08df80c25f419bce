/**
 * Statements prepared once (src/db/prepared.ts; on PGlite by name through its protocol) read what
 * drizzle reads, and never from inside another caller's open transaction: PGlite has one connection,
 * so a prepared statement run while an import's transaction is open must wait for it, not join it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readChatContext } from '../../src/db/chat-context.js';
import { chatByAddress, upsertChat } from '../../src/db/chats.js';
import { openDatabase, type Database } from '../../src/db/client.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

let testDatabase: TestDatabase;
let database: Database;

beforeAll(async () => {
  testDatabase = await createTestDatabase();
  database = await openDatabase(testDatabase.target);
});

afterAll(async () => {
  await database?.close();
  await testDatabase?.drop();
});

describe('a prepared statement', () => {
  it('reads the row drizzle reads, dates and all', async () => {
    const address = { channel: 'telegram' as const, externalId: '7700001', type: 'private' as const, title: 'Cán bộ' };
    await upsertChat(database.db, address);
    for (let i = 0; i < 3; i++) {
      const known = await readChatContext(database.db, address);
      expect(known.chat).toEqual(await chatByAddress(database.db, 'telegram', '7700001'));
      expect(known.state).toBeNull();
      expect(known.draft).toBeNull();
      expect(known.importsStamp).toMatch(/^\d+:\d+$/);
    }
  });

  it('does not see what an open transaction wrote, nor run inside it', async () => {
    const address = { channel: 'telegram' as const, externalId: '7700002', type: 'private' as const, title: null };
    let committedAt = Infinity;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    const transaction = database.db.transaction(async (tx) => {
      await upsertChat(tx, address);
      written();
      await held;
    });
    await wrote;
    const reading = readChatContext(database.db, address).then((known) => ({ known, at: performance.now() }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    committedAt = performance.now();
    release();
    await transaction;
    const { known, at } = await reading;
    // PostgreSQL reads beside the transaction and sees nothing yet; PGlite waits for it to end and sees the chat.
    if (known.chat !== undefined) expect(at).toBeGreaterThanOrEqual(committedAt);
    else expect(database.kind).toBe('postgres');
    expect((await readChatContext(database.db, address)).chat?.externalId).toBe('7700002');
  });

  it('does not see what a transaction rolled back', async () => {
    const address = { channel: 'telegram' as const, externalId: '7700003', type: 'private' as const, title: null };
    await expect(
      database.db.transaction(async (tx) => {
        await upsertChat(tx, address);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await readChatContext(database.db, address)).chat).toBeUndefined();
  });
});

/**
 * Imports through a chat: an admin sends files (or pastes a letter), the bot shows what it read, and
 * stores it only after "Xác nhận". A chat has at most one open draft; files sent while it is open join it.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { ChatAddress } from '../db/chats.js';
import type { Db } from '../db/client.js';
import { importDrafts } from '../db/schema.js';
import { periodKey, type Period } from '../domain/period.js';
import { ImportRejected } from '../imports/problems.js';
import { saveImport, type ImportBatch, type ImportProgress, type ImportReport, type SaveOptions } from '../imports/save.js';
import { sourceKindOf, type IncomingFile } from '../imports/read.js';
import { readFiles, storeImport } from './imports.js';

export type DraftRow = typeof importDrafts.$inferSelect;

export type DraftState =
  | { kind: 'ready'; draft: DraftRow; batch: ImportBatch; outcome: ImportReport }
  | { kind: 'needs-period'; draft: DraftRow }
  | { kind: 'rejected'; draft: DraftRow; error: ImportRejected };

function filesOf(draft: DraftRow): IncomingFile[] {
  return draft.files.map((f) => ({ fileName: f.fileName, bytes: Buffer.from(f.base64, 'base64') }));
}

export async function openDraft(db: Db, chat: Pick<ChatAddress, 'channel' | 'externalId'>): Promise<DraftRow | undefined> {
  const [draft] = await db
    .select()
    .from(importDrafts)
    .where(and(eq(importDrafts.channel, chat.channel), eq(importDrafts.externalId, chat.externalId), eq(importDrafts.status, 'open')))
    .orderBy(desc(importDrafts.id))
    .limit(1);
  return draft;
}

/**
 * Adds a file to the chat's open draft. Portal responses gather in one draft; any other file
 * (a sheet, a letter) starts a draft of its own, replacing what was open.
 */
export async function addToDraft(db: Db, chat: Pick<ChatAddress, 'channel' | 'externalId'>, file: IncomingFile, period: Period | null): Promise<DraftRow> {
  const entry = { fileName: file.fileName, base64: Buffer.from(file.bytes).toString('base64') };
  const open = await openDraft(db, chat);
  const gathers = open && sourceKindOf(file.fileName) === 'portal' && open.files.every((f) => sourceKindOf(f.fileName) === 'portal');
  if (open && gathers) {
    const files = [...open.files.filter((f) => f.fileName !== file.fileName), entry];
    const [updated] = await db
      .update(importDrafts)
      .set({ files, period: period ? periodKey(period) : open.period, updatedAt: sql`now()` })
      .where(eq(importDrafts.id, open.id))
      .returning();
    return updated ?? open;
  }
  if (open) await db.update(importDrafts).set({ status: 'cancelled', updatedAt: sql`now()` }).where(eq(importDrafts.id, open.id));
  const [created] = await db
    .insert(importDrafts)
    .values({ channel: chat.channel, externalId: chat.externalId, files: [entry], period: period ? periodKey(period) : null })
    .returning();
  if (!created) throw new Error('insert draft returned nothing');
  return created;
}

export async function setDraftPeriod(db: Db, draft: DraftRow, period: Period): Promise<DraftRow> {
  const [updated] = await db.update(importDrafts).set({ period: periodKey(period), updatedAt: sql`now()` }).where(eq(importDrafts.id, draft.id)).returning();
  return updated ?? draft;
}

/**
 * Takes the files a refused preview named out of the draft, so the admin can send them again fixed
 * while the good ones wait. A draft left empty is closed.
 */
export async function dropRefusedFiles(db: Db, state: Extract<DraftState, { kind: 'rejected' }>): Promise<void> {
  const named = new Set(state.error.problems.map((p) => p.file));
  const files = state.draft.files.filter((f) => !named.has(f.fileName));
  const dropAll = files.length === 0 || files.length === state.draft.files.length;
  await db
    .update(importDrafts)
    .set(dropAll ? { status: 'cancelled', files: [], updatedAt: sql`now()` } : { files, updatedAt: sql`now()` })
    .where(eq(importDrafts.id, state.draft.id));
}

/**
 * What the draft's files hold, and what storing them would do (saved, then rolled back). Portal files
 * need a period; a sheet needs one only when it has no `Kỳ` column.
 */
export async function inspectDraft(db: Db, draft: DraftRow): Promise<DraftState> {
  const files = filesOf(draft);
  const kinds = files.map((f) => sourceKindOf(f.fileName));
  if (!draft.period && kinds.every((k) => k === 'portal')) return { kind: 'needs-period', draft };
  try {
    const batch = await readFiles(files, { period: draft.period });
    return { kind: 'ready', draft, batch, outcome: await saveImport(db, batch, undefined, { dryRun: true, force: true }) };
  } catch (error) {
    if (!(error instanceof ImportRejected)) throw error;
    const periodOnly = !draft.period && kinds.every((k) => k !== 'letter') && error.problems.every((p) => p.code === 'missing-period');
    return periodOnly ? { kind: 'needs-period', draft } : { kind: 'rejected', draft, error };
  }
}

export type ConfirmOutcome = { kind: 'imported'; report: ImportReport } | { kind: 'gone' } | { kind: 'rejected'; error: ImportRejected };

/**
 * Stores the draft. Claiming it (open → importing) in one statement makes a double tap, or a second
 * instance, import it once.
 */
export async function confirmDraft(
  db: Db,
  draftId: number,
  chat: Pick<ChatAddress, 'channel' | 'externalId'>,
  options: SaveOptions,
  onProgress?: ImportProgress,
): Promise<ConfirmOutcome> {
  const [claimed] = await db
    .update(importDrafts)
    .set({ status: 'importing', updatedAt: sql`now()` })
    .where(and(eq(importDrafts.id, draftId), eq(importDrafts.channel, chat.channel), eq(importDrafts.externalId, chat.externalId), eq(importDrafts.status, 'open')))
    .returning();
  if (!claimed) return { kind: 'gone' };
  try {
    const files = filesOf(claimed);
    const report = await storeImport(db, files, await readFiles(files, { period: claimed.period }), onProgress, options);
    await db.update(importDrafts).set({ status: 'done', files: [], updatedAt: sql`now()` }).where(eq(importDrafts.id, draftId));
    return { kind: 'imported', report };
  } catch (error) {
    await db.update(importDrafts).set({ status: 'open', updatedAt: sql`now()` }).where(eq(importDrafts.id, draftId));
    if (error instanceof ImportRejected) return { kind: 'rejected', error };
    throw error;
  }
}

export async function cancelDraft(db: Db, draftId: number, chat: Pick<ChatAddress, 'channel' | 'externalId'>): Promise<boolean> {
  const rows = await db
    .update(importDrafts)
    .set({ status: 'cancelled', files: [], updatedAt: sql`now()` })
    .where(and(eq(importDrafts.id, draftId), eq(importDrafts.channel, chat.channel), eq(importDrafts.externalId, chat.externalId), eq(importDrafts.status, 'open')))
    .returning({ id: importDrafts.id });
  return rows.length > 0;
}

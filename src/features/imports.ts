/**
 * Imports in the chat: an admin's files and pasted letters become a draft, previewed before
 * anything is stored, confirmed or dropped with a button; /mau hands out the template.
 */
import { chatByAddress, type ChatAddress } from '../db/chats.js';
import { extractLetter } from '../domain/letter.js';
import { periodNamedIn } from '../domain/period.js';
import { canImport } from '../domain/roles.js';
import { fold } from '../domain/text.js';
import { writeTemplate } from '../imports/sheet/template.js';
import { renderDraft, renderImported } from '../messages/import-preview.js';
import { renderProblems } from '../messages/import-problems.js';
import { textReply, type Reply } from '../messages/reply.js';
import { noteIntent } from '../core/intent.js';
import { addToDraft, cancelDraft, confirmDraft, dropRefusedFiles, inspectDraft, openDraft, setDraftPeriod, type DraftRow, type DraftState } from '../services/import-drafts.js';
import { todayIn, type ConversationDeps } from '../core/conversation.js';
import type { Acts, Answers, Intercept } from './feature.js';

/** A letter is long and speaks of the index; a question is short. */
const LETTER_MIN_LENGTH = 150;

function looksLikeLetter(text: string): boolean {
  return text.length >= LETTER_MIN_LENGTH && (extractLetter(text).ok || /\bbo chi so\b|\bchi so phuc vu\b/.test(fold(text)));
}

async function inspectAndKeepGood(deps: ConversationDeps, draft: DraftRow): Promise<DraftState> {
  const state = await inspectDraft(deps.db, draft);
  if (state.kind === 'rejected') await dropRefusedFiles(deps.db, state);
  return state;
}

/** A pasted letter from an admin, or the period a waiting import asked for. */
const continueDraft: Intercept = async ({ deps, message, chat, known, today }) => {
  if (!chat || !canImport(chat.role)) return null;
  // A pasted letter is a draft of its own, read or not: its preview (or what could not be read) is about it alone.
  if (looksLikeLetter(message.text)) {
    const draft = await addToDraft(deps.db, message.chat, { fileName: deps.t('pasted-letter-name'), bytes: Buffer.from(message.text, 'utf8') }, null);
    return [renderDraft(deps.t, await inspectAndKeepGood(deps, draft))];
  }
  // Only a draft without a period waits for one; its files are read when the message names a period.
  if (!known.draft || known.draft.period) return null;
  const period = periodNamedIn(message.text, today);
  if (!period) return null;
  const draft = await openDraft(deps.db, message.chat);
  if (!draft || draft.period || (await inspectDraft(deps.db, draft)).kind !== 'needs-period') return null;
  return [renderDraft(deps.t, await inspectAndKeepGood(deps, await setDraftPeriod(deps.db, draft, period)))];
};

export interface IncomingFileMessage {
  chat: ChatAddress;
  fileName: string;
  bytes: Uint8Array;
  caption: string;
}

/** The refusal for a chat that may not import, asked before its file is even downloaded; null when it may. */
export async function refusesFiles(deps: ConversationDeps, address: ChatAddress): Promise<Reply | null> {
  noteIntent('file');
  const chat = await chatByAddress(deps.db, address.channel, address.externalId);
  return chat && canImport(chat.role) ? null : textReply(deps.t('import-admin-only'));
}

/** A file sent to the bot: an admin's import, previewed before anything is stored. */
export async function converseFile(deps: ConversationDeps, message: IncomingFileMessage): Promise<Reply[]> {
  const refusal = await refusesFiles(deps, message.chat);
  if (refusal) return [refusal];
  const period = periodNamedIn(message.caption, todayIn(deps.timeZone, deps.now()));
  const draft = await addToDraft(deps.db, message.chat, { fileName: message.fileName, bytes: message.bytes }, period);
  return [renderDraft(deps.t, await inspectAndKeepGood(deps, draft))];
}

export const importsFeature = {
  intercept: continueDraft,
  answers: {
    template: async ({ deps }) => [{ lines: deps.t('template-caption').split('\n'), file: { fileName: deps.t('template-file-name'), bytes: await writeTemplate('xlsx') } }],
  } satisfies Answers<'template'>,
  acts: {
    // "Xác nhận" stores the draft, reporting progress as it goes; "Hủy" drops it. A second press finds it gone.
    async import({ deps, chat, onProgress }, action) {
      if ((await openDraft(deps.db, chat))?.id !== action.draftId) return { replies: [], notice: deps.t('import-gone') };
      if (action.choice === 'no') return { replies: [textReply(deps.t((await cancelDraft(deps.db, action.draftId, chat)) ? 'import-cancelled' : 'import-gone'))], replaces: true };
      const row = await chatByAddress(deps.db, chat.channel, chat.externalId);
      if (!row || !canImport(row.role)) return { replies: [textReply(deps.t('import-admin-only'))] };
      const outcome = await confirmDraft(deps.db, action.draftId, chat, { force: action.choice === 'force' }, onProgress);
      if (outcome.kind === 'gone') return { replies: [], notice: deps.t('import-gone') };
      if (outcome.kind === 'rejected') return { replies: [{ lines: renderProblems(deps.t, outcome.error.problems) }], replaces: true };
      if (outcome.report.importId !== null) await deps.onImported?.(outcome.report);
      return { replies: [renderImported(deps.t, outcome.report)], replaces: true };
    },
  } satisfies Acts<'import'>,
};

/**
 * The conversation every channel shares: a message in, the replies out. Channels only translate
 * their updates into `IncomingMessage` and render the `Reply` with their own markup.
 */
import type { Db } from '../db/client.js';
import { chatByAddress, upsertChat, type ChatAddress, type ChatRow } from '../db/chats.js';
import { unitById } from '../db/units.js';
import { formatDateTime } from '../domain/format.js';
import { extractLetter } from '../domain/letter.js';
import { fold } from '../domain/text.js';
import { formatPeriodKey, parseExactPeriod, periodKey, periodNamedIn, type PeriodQuery } from '../domain/period.js';
import { parseRequest, type Request, type Today } from '../domain/request.js';
import { canImport, ROLE_LABEL } from '../domain/roles.js';
import type { ImportProgress, ImportReport } from '../imports/save.js';
import { renderDraft, renderImported } from '../messages/import-preview.js';
import { renderProblems } from '../messages/import-problems.js';
import {
  addToDraft,
  cancelDraft,
  confirmDraft,
  dropRefusedFiles,
  inspectDraft,
  openDraft,
  setDraftPeriod,
  type DraftRow,
  type DraftState,
} from '../services/import-drafts.js';
import { writeTemplate } from '../imports/sheet/template.js';
import { renderScoreAnswer } from '../messages/card.js';
import { renderDeliveryReport } from '../messages/delivery-report.js';
import { renderDetail } from '../messages/detail.js';
import {
  answerClose,
  answerMove,
  answerOverdue,
  answerProgress,
  answerTasks,
  cancelConversation,
  continueConversation,
  startAssigning,
  type TaskMessage,
} from './task-talk.js';
import { publicationText, suggestedTasks } from '../messages/publication.js';
import { acknowledge, deliveryReport } from '../services/delivery-report.js';
import { planPublication, publishPeriod, PublicationError } from '../services/publication.js';
import { renderRanking } from '../messages/ranking.js';
import type { Translate } from '../messages/i18n.js';
import { textReply, type Reply } from '../messages/reply.js';
import { redeemInvite } from '../services/invites.js';
import { rankingFor } from '../services/ranking.js';
import { scoreCard } from '../services/scores.js';
import { recheckedGazetteer, unitGazetteer } from '../services/gazetteer.js';
import type { Gazetteer } from '../domain/gazetteer.js';
import { answerQuestion } from './questions.js';

export interface ConversationDeps {
  db: Db;
  t: Translate;
  now: () => Date;
  timeZone: string;
  /** Tells the dispatcher that the outbox has new rows. */
  wakeDelivery?: () => void;
  /** After an import stored something (automatic publication schedules its period). */
  onImported?: (report: ImportReport) => Promise<void>;
}

export interface IncomingMessage {
  chat: ChatAddress;
  text: string;
  /** False for group chatter not meant for the bot: it is answered only when understood. */
  addressed: boolean;
  /** The person who wrote, as the channel names them ("who changed it" on tasks). */
  sender?: string | null;
}

export function todayIn(timeZone: string, now: Date): Today {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month') };
}

export async function converse(deps: ConversationDeps, message: IncomingMessage): Promise<Reply[]> {
  const today = todayIn(deps.timeZone, deps.now());
  const step = await continueConversation(deps, taskMessageOf(message));
  if (step) return [step];
  // Read once for everything below that asks who this chat is.
  const chat = await chatByAddress(deps.db, message.chat.channel, message.chat.externalId);
  const draftReply = await continueDraft(deps, message, today, chat);
  if (draftReply) return [draftReply];
  const request = await understand(deps, message.text, today);
  // In a group, chatter is not for the bot: it answers what is addressed to it, or a clear question in a group linked to a unit.
  if (!message.addressed && !(chat?.unitId && clearlyAsks(request.request))) return [];
  return answerRequest(deps, message, request, chat);
}

/** The request a text makes, read against the units we hold; read again against a fresh list when a name fits none. */
async function understand(deps: ConversationDeps, text: string, today: Today): Promise<Understood> {
  const gazetteer = await unitGazetteer(deps.db);
  const request = parseRequest(text, today, gazetteer);
  if (request.kind !== 'question' || request.question.unknownName === null) return { request, gazetteer };
  const fresh = await recheckedGazetteer(deps.db);
  return fresh === gazetteer ? { request, gazetteer } : { request: parseRequest(text, today, fresh), gazetteer: fresh };
}

interface Understood {
  request: Request;
  gazetteer: Gazetteer;
}

/** Unaddressed, only a plain question about results is for the bot; tasks, help and the rest need a command or a mention. */
function clearlyAsks(request: Request): boolean {
  return request.kind === 'question' && request.question.clear;
}

function taskMessageOf(message: IncomingMessage): TaskMessage {
  return { chat: message.chat, text: message.text, sender: message.sender ?? null };
}

/** A pasted letter from an admin, or the period a waiting import asked for; null when the text is neither. */
async function continueDraft(deps: ConversationDeps, message: IncomingMessage, today: Today, chat: ChatRow | undefined): Promise<Reply | null> {
  if (!chat || !canImport(chat.role)) return null;
  // A pasted letter is a draft of its own, read or not: its preview (or what could not be read) is about it alone.
  if (looksLikeLetter(message.text)) {
    const draft = await addToDraft(deps.db, message.chat, { fileName: deps.t('pasted-letter-name'), bytes: Buffer.from(message.text, 'utf8') }, null);
    return renderDraft(deps.t, await inspectAndKeepGood(deps, draft));
  }
  const draft = await openDraft(deps.db, message.chat);
  if (!draft || draft.period || (await inspectDraft(deps.db, draft)).kind !== 'needs-period') return null;
  const period = periodNamedIn(message.text, today);
  if (!period) return null;
  return renderDraft(deps.t, await inspectAndKeepGood(deps, await setDraftPeriod(deps.db, draft, period)));
}

/** A letter is long and speaks of the index; a question is short. */
function looksLikeLetter(text: string): boolean {
  return text.length >= LETTER_MIN_LENGTH && (extractLetter(text).ok || /\bbo chi so\b|\bchi so phuc vu\b/.test(fold(text)));
}

async function inspectAndKeepGood(deps: ConversationDeps, draft: DraftRow): Promise<DraftState> {
  const state = await inspectDraft(deps.db, draft);
  if (state.kind === 'rejected') await dropRefusedFiles(deps.db, state);
  return state;
}

const LETTER_MIN_LENGTH = 150;

export interface IncomingFileMessage {
  chat: ChatAddress;
  fileName: string;
  bytes: Uint8Array;
  caption: string;
}

/** The refusal for a chat that may not import, asked before its file is even downloaded; null when it may. */
export async function refusesFiles(deps: ConversationDeps, address: ChatAddress): Promise<Reply | null> {
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

/** "Xác nhận" on a preview: stores the draft, reporting progress to the channel as it goes. */
export async function confirmImport(deps: ConversationDeps, chat: ChatAddress, draftId: number, options: { force: boolean }, onProgress?: ImportProgress): Promise<Reply> {
  const row = await chatByAddress(deps.db, chat.channel, chat.externalId);
  if (!row || !canImport(row.role)) return textReply(deps.t('import-admin-only'));
  const outcome = await confirmDraft(deps.db, draftId, chat, options, onProgress);
  if (outcome.kind === 'gone') return textReply(deps.t('import-gone'));
  if (outcome.kind === 'rejected') return { lines: renderProblems(deps.t, outcome.error.problems) };
  if (outcome.report.importId !== null) await deps.onImported?.(outcome.report);
  return renderImported(deps.t, outcome.report);
}

/** Whether a preview's buttons still act: its draft is open in this chat. */
export async function importIsOpen(deps: ConversationDeps, chat: ChatAddress, draftId: number): Promise<boolean> {
  return (await openDraft(deps.db, chat))?.id === draftId;
}

export async function cancelImport(deps: ConversationDeps, chat: ChatAddress, draftId: number): Promise<Reply> {
  return textReply(deps.t((await cancelDraft(deps.db, draftId, chat)) ? 'import-cancelled' : 'import-gone'));
}

async function answerRequest(deps: ConversationDeps, message: IncomingMessage, { request, gazetteer }: Understood, chat: ChatRow | undefined): Promise<Reply[]> {
  const { db, t } = deps;
  switch (request.kind) {
    case 'start': {
      const chat = await upsertChat(db, message.chat);
      const unit = chat.unitId ? await unitById(db, chat.unitId) : undefined;
      return [textReply(unit ? t('welcome-linked', { unit: unit.name, role: chat.role ? ROLE_LABEL[chat.role] : '' }) : t('welcome'))];
    }
    case 'register': {
      const outcome = await redeemInvite(db, request.code, message.chat, deps.now());
      const code = request.code.toUpperCase();
      switch (outcome.kind) {
        case 'linked':
          return [textReply(t('register-ok', { unit: outcome.unit.name, role: ROLE_LABEL[outcome.role] }))];
        case 'unknown':
          return [textReply(t('register-unknown', { code }))];
        case 'expired':
          return [textReply(t('register-expired', { code }))];
        case 'used-up':
          return [textReply(t('register-used-up', { code }))];
        case 'throttled':
          return [textReply(t('register-throttled', { failures: outcome.failures, minutes: outcome.minutes, at: formatDateTime(outcome.retryAt) }))];
      }
      break;
    }
    case 'help':
      return [textReply(t('help'), t('help-title'))];
    case 'bad-period':
      return [textReply(t(`bad-period-${request.reason}`, { value: request.value }))];
    case 'question':
      return answerQuestion(deps, chat, request.question, gazetteer);
    case 'tasks':
      return answerTasks(deps, taskMessageOf(message));
    case 'assign':
      return [await startAssigning(deps, taskMessageOf(message))];
    case 'progress':
      return [await answerProgress(deps, taskMessageOf(message), request.taskId)];
    case 'close':
      return [await answerClose(deps, taskMessageOf(message), request.taskId)];
    case 'move':
      return [await answerMove(deps, taskMessageOf(message), request.taskId, request.deadlineText)];
    case 'overdue':
      return [await answerOverdue(deps, taskMessageOf(message))];
    case 'cancel':
      return [await cancelConversation(deps, taskMessageOf(message))];
    case 'publish':
      return previewPublication(deps, chat, request.periodText);
    case 'report': {
      if (!canImport(chat?.role)) return [textReply(t('publication-admin-only'))];
      const period = periodNamedIn(request.periodText, todayIn(deps.timeZone, deps.now()));
      if (!period) return [textReply(t('publication-ask-period'))];
      return [renderDeliveryReport(t, periodKey(period), await deliveryReport(db, periodKey(period)))];
    }
    case 'template':
      return [{ lines: t('template-caption').split('\n'), file: { fileName: t('template-file-name'), bytes: await writeTemplate('xlsx') } }];
    case 'unknown':
      if (!message.addressed) return [];
      return [textReply(t('unknown', { text: message.text.trim().slice(0, 100) }))];
  }
  return [];
}

/** /congbo: what each kind of recipient will get, and a button to send it. Nothing is enqueued yet. */
async function previewPublication(deps: ConversationDeps, chat: ChatRow | undefined, periodText: string): Promise<Reply[]> {
  const { db, t } = deps;
  if (!canImport(chat?.role)) return [textReply(t('publication-admin-only'))];
  const period = periodNamedIn(periodText, todayIn(deps.timeZone, deps.now()));
  if (!period) return [textReply(t('publication-ask-period'))];
  const key = periodKey(period);
  try {
    const plan = await planPublication(db, t, key);
    const cards = plan.messages.filter((m) => m.kind === 'result');
    const summaries = plan.messages.filter((m) => m.kind === 'summary');
    const examples = [cards[0], summaries[0]].flatMap((m) => (m ? [{ title: t('publication-example', { title: m.reply.title ?? '' }), lines: m.reply.lines }] : []));
    return [
      ...examples,
      {
        title: t('publication-preview-title', { period: formatPeriodKey(key) }),
        lines: [
          ...t('publication-preview', { cards: cards.length, summaries: summaries.length, chats: plan.messages.length, withoutResult: plan.withoutResult }).split('\n'),
          ...(plan.messages.length === 0 ? [t('publication-nobody', { period: formatPeriodKey(key) })] : []),
          t('publication-preview-confirm'),
        ],
        buttons: [[
          { label: t('button-publish'), action: `pubgo:${key}` },
          { label: t('button-cancel'), action: `pubno:${key}` },
        ]],
      },
    ];
  } catch (error) {
    if (error instanceof PublicationError) return [textReply(t(error.key, { period: formatPeriodKey(key) }))];
    throw error;
  }
}

/** "Công bố" under the preview. */
export async function confirmPublication(deps: ConversationDeps, chat: ChatAddress, period: string): Promise<Reply> {
  const { db, t } = deps;
  const row = await chatByAddress(db, chat.channel, chat.externalId);
  if (!canImport(row?.role)) return textReply(t('publication-admin-only'));
  try {
    const outcome = await publishPeriod(db, t, period, `${chat.channel}:${chat.externalId}`);
    deps.wakeDelivery?.();
    return textReply(publicationText(t, outcome));
  } catch (error) {
    if (error instanceof PublicationError) return textReply(t(error.key, { period: formatPeriodKey(period) }));
    throw error;
  }
}

/** The buttons under a published card. */
export async function cardAction(deps: ConversationDeps, chat: ChatAddress, action: string): Promise<Reply | null> {
  const { db, t } = deps;
  const ack = /^pub:ack:([\dQ-]+)$/.exec(action);
  if (ack) {
    const outcome = await acknowledge(db, ack[1] ?? '', chat);
    return textReply(t(outcome === 'already' ? 'ack-already' : 'ack-recorded'));
  }
  const m = /^pub:(detail|rank|tasks):(\d+):([\dQ-]+)$/.exec(action);
  const unit = m ? await unitById(db, Number(m[2])) : undefined;
  const period = m?.[3] ? parseExactPeriod(m[3]) : null;
  if (!m || !unit || !period) return null;
  // An exact period is a query that names its year.
  const query: PeriodQuery = period;
  if (m[1] === 'rank') return renderRanking(t, await rankingFor(db, unit, query));
  const answer = await scoreCard(db, unit.id, query);
  if (m[1] === 'detail') return renderDetail(t, answer, null);
  if (answer.kind !== 'card') return renderScoreAnswer(t, answer);
  const tasks = suggestedTasks(t, answer.card);
  const periodText = formatPeriodKey(answer.card.result.period);
  if (tasks.length === 0) return textReply(t('tasks-none', { unit: unit.name }));
  const groupName = (key: string) => answer.card.framework.groups.find((g) => g.key === key)?.name ?? key;
  return {
    lines: [t('tasks-suggested-title', { unit: unit.name, period: periodText }), ...tasks],
    // A leader of the unit takes a suggestion on with one tap.
    buttons: answer.card.weakest.map((g) => [{ label: t('suggestion-accept', { group: groupName(g.key) }), action: `sugg:${unit.id}:${answer.card.result.period}:${g.key}` }]),
  };
}

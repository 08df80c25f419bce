/**
 * The conversation every channel shares: a message in, the replies out. Channels only translate
 * their updates into `IncomingMessage` and render the `Reply` with their own markup; what is
 * answered is decided by the features (features/index.ts).
 */
import type { Logger } from 'pino';
import type { CollectorSettings } from '../collector/settings.js';
import { readChatContext, type ChatContext } from '../db/chat-context.js';
import type { ChatAddress } from '../db/chats.js';
import type { Db } from '../db/client.js';
import type { Gazetteer } from '../domain/gazetteer.js';
import { parseRequest, type Request, type Today } from '../domain/request.js';
import type { ImportReport } from '../imports/save.js';
import type { Translate } from '../messages/i18n.js';
import type { Reply } from '../messages/reply.js';
import { recheckedGazetteer, unitGazetteer } from '../services/gazetteer.js';
import { ANSWERS, INTERCEPTS } from '../features/index.js';
import type { Answer, Asked } from '../features/feature.js';
import { intentOf, noteIntent } from './intent.js';

/** A file sent to the bot: an admin's import, previewed before anything is stored. */
export { converseFile, refusesFiles, type IncomingFileMessage } from '../features/imports.js';

export interface ConversationDeps {
  db: Db;
  t: Translate;
  now: () => Date;
  timeZone: string;
  /** Where what went wrong without failing the answer is told (a report that could not be drawn). */
  log?: Pick<Logger, 'error'> | null;
  /** Tells the dispatcher that the outbox has new rows. */
  wakeDelivery?: () => void;
  /** After an import stored something (automatic publication schedules its period). */
  onImported?: (report: ImportReport) => Promise<void>;
  /** The portal collector's settings (/thuthap); absent: the chat cannot collect. */
  collector?: CollectorSettings;
}

export interface IncomingMessage {
  chat: ChatAddress;
  text: string;
  /** False for group chatter not meant for the bot: it is answered only when it is plainly a question to it. */
  addressed: boolean;
  /** The person who wrote, as the channel names them ("who changed it" on tasks). */
  sender?: string | null;
  /** What the chat's turn read about it as it was taken, with nothing written since; read here otherwise. */
  known?: ChatContext;
}

/** Made once a zone: making an Intl.DateTimeFormat costs more than answering a question. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** The day last asked for, by zone and minute: formatting it is a good part of reading a short question. */
let lastDay: { key: string; today: Today } | null = null;

export function todayIn(timeZone: string, now: Date): Today {
  const key = `${timeZone}@${Math.floor(now.getTime() / 60_000)}`;
  if (lastDay?.key === key) return { ...lastDay.today };
  let format = dayFormats.get(timeZone);
  if (!format) dayFormats.set(timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })));
  const parts = format.formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  // Every zone's midnight falls on a whole minute.
  const today = { year: get('year'), month: get('month'), day: get('day') };
  lastDay = { key, today };
  return { ...today };
}

export async function converse(deps: ConversationDeps, message: IncomingMessage): Promise<Reply[]> {
  // Read once (in one statement, or with the chat's turn) for everything below that asks who this chat is.
  const known = message.known ?? (await readChatContext(deps.db, message.chat));
  const asked: Asked = { deps, message, chat: known.chat, known, today: todayIn(deps.timeZone, deps.now()) };
  for (const intercept of INTERCEPTS) {
    const replies = await intercept(asked);
    if (replies) {
      noteIntent('conversation');
      return replies;
    }
  }
  const { request, gazetteer } = await understand(deps, message.text, asked.today);
  // In a group, chatter is not for the bot: it answers what is addressed to it, or a plain question in a group linked to a unit.
  if (!message.addressed && !(asked.chat?.unitId && clearlyAsks(request))) {
    noteIntent('chatter');
    return [];
  }
  noteIntent(intentOf(request));
  const answer = ANSWERS[request.kind] as Answer<Request['kind']>;
  return answer({ ...asked, gazetteer }, request);
}

/** The request a text makes, read against the units we hold; read again against a fresh list when a name fits none. */
async function understand(deps: ConversationDeps, text: string, today: Today): Promise<{ request: Request; gazetteer: Gazetteer }> {
  const gazetteer = await unitGazetteer(deps.db);
  const request = parseRequest(text, today, gazetteer);
  if (request.kind !== 'question' || request.question.unknownName === null) return { request, gazetteer };
  const fresh = await recheckedGazetteer(deps.db);
  return fresh === gazetteer ? { request, gazetteer } : { request: parseRequest(text, today, fresh), gazetteer: fresh };
}

/** Unaddressed, only a plain question about results is for the bot; tasks, help and the rest need a command or a mention. */
function clearlyAsks(request: Request): boolean {
  return request.kind === 'question' && request.question.clear;
}

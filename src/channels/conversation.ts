/**
 * The conversation every channel shares: a message in, the replies out. Channels only translate
 * their updates into `IncomingMessage` and render the `Reply` with their own markup.
 */
import type { Db } from '../db/client.js';
import { chatByAddress, upsertChat, type ChatAddress } from '../db/chats.js';
import { unitById } from '../db/units.js';
import { parseRequest, type Request, type Today } from '../domain/request.js';
import { ROLE_LABEL, type Role } from '../domain/roles.js';
import { renderScoreAnswer } from '../messages/card.js';
import type { Translate } from '../messages/i18n.js';
import { textReply, type Reply } from '../messages/reply.js';
import { redeemInvite } from '../services/invites.js';
import { scoreCard } from '../services/scores.js';
import { findUnit } from '../services/units.js';

export interface ConversationDeps {
  db: Db;
  t: Translate;
  now: () => Date;
  timeZone: string;
}

export interface IncomingMessage {
  chat: ChatAddress;
  text: string;
  /** False for group chatter not meant for the bot: it is answered only when understood. */
  addressed: boolean;
}

export function todayIn(timeZone: string, now: Date): Today {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month') };
}

export async function converse(deps: ConversationDeps, message: IncomingMessage): Promise<Reply[]> {
  const request = parseRequest(message.text, todayIn(deps.timeZone, deps.now()));
  return answerRequest(deps, message, request);
}

async function answerRequest(deps: ConversationDeps, message: IncomingMessage, request: Request): Promise<Reply[]> {
  const { db, t } = deps;
  switch (request.kind) {
    case 'start': {
      const chat = await upsertChat(db, message.chat);
      const unit = chat.unitId ? await unitById(db, chat.unitId) : undefined;
      return [textReply(unit ? t('welcome-linked', { unit: unit.name, role: ROLE_LABEL[chat.role as Role] ?? chat.role ?? '' }) : t('welcome'))];
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
      }
      break;
    }
    case 'help':
      return [textReply(t('help'), t('help-title'))];
    case 'bad-period':
      return [textReply(t(`bad-period-${request.reason}`, { value: request.value }))];
    case 'score':
      return [await answerScore(deps, message, request)];
    case 'unknown':
      if (!message.addressed) return [];
      return [textReply(t('unknown', { text: message.text.trim().slice(0, 100) }))];
  }
  return [];
}

async function answerScore(deps: ConversationDeps, message: IncomingMessage, request: Extract<Request, { kind: 'score' }>): Promise<Reply> {
  const { db, t } = deps;
  let unitId: number;
  if (request.unitText) {
    const lookup = await findUnit(db, request.unitText);
    if (lookup.kind === 'none') return textReply(t('unit-not-found', { query: request.unitText }));
    if (lookup.kind === 'ambiguous') {
      return textReply(t('unit-ambiguous', { query: request.unitText, candidates: lookup.candidates.map((u) => u.name).join('; ') }));
    }
    unitId = lookup.unit.id;
  } else {
    const chat = await chatByAddress(db, message.chat.channel, message.chat.externalId);
    if (!chat?.unitId) return textReply(t('no-unit'));
    unitId = chat.unitId;
  }
  return renderScoreAnswer(t, await scoreCard(db, unitId, request.period));
}

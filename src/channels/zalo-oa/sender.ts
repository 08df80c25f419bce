/**
 * The OA as the dispatcher sees it: consultation messages only, so never to a user whose last
 * message is over 7 days old (the API would refuse with -230); buttons as numbered choices; the
 * access token refreshed and the message tried once more when Zalo refuses the token.
 */
import { chatByAddress } from '../../db/chats.js';
import type { Db } from '../../db/client.js';
import type { Recipient, Sender, SendOutcome } from '../../delivery/sender.js';
import type { Translate } from '../../messages/i18n.js';
import type { Reply } from '../../messages/reply.js';
import type { MediaStore } from '../../server/media.js';
import { numbered, rememberChoices } from '../choices.js';
import { sendMessage, type CallResult, type OaMessage } from './api.js';
import { renderForZaloOa } from './render.js';
import type { OaTokens } from './tokens.js';

/** Consultation messages reach a user up to 7 days after their last interaction (free for the first 48 h). */
export const MESSAGING_WINDOW_MS = 7 * 24 * 3600 * 1000;

const TOKEN_REFUSED = new Set([-216, -220]);
const OUTSIDE_WINDOW = new Set([-230, -232]);
/** Not following the OA; banned or inactive for 45 days. */
const UNREACHABLE = new Set([-213, -227]);
const RATE_LIMITED = -32;

export function classifyZaloAnswer(result: CallResult): SendOutcome {
  if (result.kind === 'network') return { kind: 'transient', error: result.error };
  if (result.kind === 'http') {
    const error = `HTTP ${result.status} ${result.body}`;
    if (result.status === 429) return { kind: 'retry-after', seconds: 60, error };
    return result.status >= 500 ? { kind: 'transient', error } : { kind: 'rejected', error };
  }
  const { answer } = result;
  if (answer.error === 0) return { kind: 'sent', messageId: answer.data?.message_id ?? null };
  const error = `${answer.error} ${answer.message}`;
  if (OUTSIDE_WINDOW.has(answer.error)) return { kind: 'outside-window', error };
  if (UNREACHABLE.has(answer.error)) return { kind: 'unreachable', error };
  // The limit is counted per minute.
  if (answer.error === RATE_LIMITED) return { kind: 'retry-after', seconds: 60, error };
  return { kind: 'rejected', error };
}

export interface OaSenderOptions {
  db: Db;
  apiRoot: string;
  tokens: OaTokens;
  media: MediaStore | null;
  t: Translate;
  /** The app's clock, the one inbound messages are recorded with. */
  now: () => Date;
  outsideWindow: 'report' | 'wait';
}

export function createZaloOaSender(options: OaSenderOptions): Sender {
  const { db, apiRoot, tokens } = options;

  const sendOne = async (userId: string, message: OaMessage): Promise<SendOutcome> => {
    let token: string;
    try {
      token = await tokens.accessToken();
    } catch (error) {
      return { kind: 'transient', error: String(error) };
    }
    const first = await sendMessage(apiRoot, token, userId, message);
    if (first.kind !== 'answer' || !TOKEN_REFUSED.has(first.answer.error)) return classifyZaloAnswer(first);
    try {
      token = await tokens.refresh(token);
    } catch (error) {
      return { kind: 'transient', error: `${first.answer.error} ${first.answer.message}; ${String(error)}` };
    }
    return classifyZaloAnswer(await sendMessage(apiRoot, token, userId, message));
  };

  return {
    channel: 'zalo-oa',
    // 4,000 calls a minute per app; a gap between two messages to one user keeps them in order.
    limits: { perSecond: 50, perChatMs: () => 300 },
    outsideWindow: options.outsideWindow,
    async send(recipient: Recipient, reply: Reply): Promise<SendOutcome> {
      const chat = await chatByAddress(db, 'zalo-oa', recipient.externalId);
      const lastInbound = chat?.lastInboundAt?.getTime();
      if (lastInbound === undefined || options.now().getTime() - lastInbound > MESSAGING_WINDOW_MS) {
        return { kind: 'outside-window', error: `no message from the user since ${chat?.lastInboundAt?.toISOString() ?? 'ever'}` };
      }
      // A card from the outbox brings its buttons (an answer comes numbered already); its choices count once it is sent.
      const card = numbered([reply]);
      let messageId: string | null = null;
      for (const message of await renderForZaloOa(card.replies[0] ?? reply, options.media, options.t)) {
        const outcome = await sendOne(recipient.externalId, message);
        if (outcome.kind !== 'sent') return outcome;
        messageId ??= outcome.messageId;
      }
      if (card.choices.length > 0) await rememberChoices(db, { channel: 'zalo-oa', externalId: recipient.externalId }, card.choices);
      return { kind: 'sent', messageId };
    },
  };
}

/** What the dispatcher needs of a channel: send a reply to a chat, and say how it went. */
import { CHANNEL_NAMES, type Channel } from '../db/schema.js';
import type { Reply } from '../messages/reply.js';

/** Channels the bot can write to first: all but the terminal chat, which only answers. */
export const PUSH_CHANNELS: readonly Channel[] = CHANNEL_NAMES.filter((channel) => channel !== 'console');

export interface Recipient {
  externalId: string;
  type: string;
}

export type SendOutcome =
  | { kind: 'sent'; messageId: string | null }
  /** The channel asked to wait (Telegram 429 retry_after). */
  | { kind: 'retry-after'; seconds: number; error: string }
  /** Worth retrying later: 5xx, a network failure. */
  | { kind: 'transient'; error: string }
  /** The chat cannot be reached: blocked, deleted, deactivated. Never retried; the chat is marked. */
  | { kind: 'unreachable'; error: string }
  /** The message itself was refused: retrying would not help, the chat is fine. */
  | { kind: 'rejected'; error: string }
  /** The channel may not write to the chat until its user writes again (Zalo OA's 7-day window). */
  | { kind: 'outside-window'; error: string };

export interface Sender {
  channel: string;
  /** Messages per second the channel allows overall, and the gap it wants between two to one chat. */
  limits: { perSecond: number; perChatMs: (recipient: Recipient) => number };
  /**
   * What becomes of a message outside the chat's messaging window: reported as such, or kept
   * until the user writes again. Unset: the channel has no window.
   */
  outsideWindow?: 'report' | 'wait';
  send(recipient: Recipient, reply: Reply): Promise<SendOutcome>;
}

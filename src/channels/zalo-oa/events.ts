/**
 * The OA webhook's events as the bot reads them (channels.md A1). Ids and timestamps are strings and
 * stay strings: user ids exceed 2^53.
 */
import { z } from 'zod';

const id = z.string().min(1).max(100);

const base = { app_id: z.string().optional(), oa_id: z.string().optional(), recipient: z.object({ id }).optional(), timestamp: z.string().regex(/^\d{1,16}$/) };

const userText = z.object({
  ...base,
  event_name: z.literal('user_send_text'),
  sender: z.object({ id }),
  message: z.object({ msg_id: id, text: z.string().max(10_000) }),
});

const following = z.object({
  ...base,
  event_name: z.enum(['follow', 'unfollow']),
  follower: z.object({ id }),
});

/** Any other message of a user (image, file, sticker…): an interaction, not answered yet. */
const userOther = z.object({
  ...base,
  event_name: z.string().regex(/^user_send_/),
  sender: z.object({ id }),
  message: z.object({ msg_id: id }).optional(),
});

export const oaEvent = z.union([userText, following, userOther]);
export type OaEvent = z.infer<typeof oaEvent>;

/** Only the timestamp is needed to check the signature; the rest is read after. */
export const signedPart = z.object({ timestamp: z.string(), event_name: z.string() });

/** Echoes of the OA's own sends (ours included): answering them would loop. */
export function isEcho(eventName: string): boolean {
  return eventName.startsWith('oa_send_');
}

/** The user the event is about. */
export function userOf(event: OaEvent): string {
  return 'follower' in event ? event.follower.id : event.sender.id;
}

/**
 * What makes a copy of the event the same event: the message id, or for follow and unfollow (which
 * have none) the name, follower and time. Zalo's retries resend the identical body.
 */
export function updateIdOf(event: OaEvent): string {
  if ('message' in event && event.message) return `msg:${event.message.msg_id}`;
  return `${event.event_name}:${userOf(event)}:${event.timestamp}`;
}

/** The OA the event was sent to: a user's message names it as recipient, a follow as oa_id. */
export function oaOf(event: OaEvent): string | null {
  return event.recipient?.id ?? event.oa_id ?? null;
}

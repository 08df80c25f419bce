/**
 * Zalo Bot events as the webhook and getUpdates bring them: `{ok, result: {event_name, message}}`,
 * or the event at the top level (some senders do that); ids as text, dates in milliseconds.
 */
import { z } from 'zod';

const id = z.union([z.string().min(1), z.number()]).transform(String);

const messageSchema = z.object({
  from: z.object({ id, display_name: z.string().optional(), is_bot: z.boolean().optional() }).loose(),
  chat: z.object({ id, chat_type: z.string().optional() }).loose(),
  message_id: id,
  date: z.number().optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
}).loose();

const eventSchema = z.object({ event_name: z.string().min(1), message: messageSchema.optional() }).loose();

export type ZaloBotMessage = z.infer<typeof messageSchema>;
export interface ZaloBotEvent {
  eventName: string;
  /** Absent on events that carry no message, which the bot leaves aside. */
  message: ZaloBotMessage | null;
}

export const TEXT_EVENT = 'message.text.received';

/** The event in a body, null when the body is not one. */
export function readEvent(body: unknown): ZaloBotEvent | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const inner = 'result' in body ? body.result : body;
  const parsed = eventSchema.safeParse(inner);
  if (!parsed.success) return null;
  return { eventName: parsed.data.event_name, message: parsed.data.message ?? null };
}

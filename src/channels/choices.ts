/**
 * Buttons on a channel that has none (Zalo): each button becomes a numbered line, and the numbers are
 * remembered for the chat, so typing "2" (or a button's label) presses the second button, as a tap would.
 */
import { and, eq } from 'drizzle-orm';
import type { ChatAddress } from '../db/chats.js';
import type { Db } from '../db/client.js';
import { chatChoices } from '../db/schema.js';
import type { Reply } from '../messages/reply.js';
import { foldWords } from '../domain/text.js';

type Address = Pick<ChatAddress, 'channel' | 'externalId'>;

export type Choice = { label: string; action: string };

/** The replies with their buttons written as numbered lines ("1. Xác nhận"), numbered across the replies, and the choices they number. */
export function numbered(replies: readonly Reply[]): { replies: Reply[]; choices: Choice[] } {
  const choices: Choice[] = [];
  const written = replies.map((reply) => {
    const buttons = reply.buttons?.flat() ?? [];
    if (buttons.length === 0) return reply;
    const lines = buttons.map((b) => {
      choices.push({ label: b.label, action: b.action });
      return `${choices.length}. ${b.label}`;
    });
    const { buttons: _buttons, ...rest } = reply;
    return { ...rest, lines: [...reply.lines, '', ...lines, CHOOSE_HINT] };
  });
  return { replies: written, choices };
}

/**
 * The choices a chat was shown last, replacing those before; none ends them, so that a number typed
 * now (a step of /giaoviec, a deadline) is not a press of an old button.
 */
export async function rememberChoices(db: Db, chat: Address, choices: readonly Choice[]): Promise<void> {
  if (choices.length === 0) {
    await db.delete(chatChoices).where(and(eq(chatChoices.channel, chat.channel), eq(chatChoices.externalId, chat.externalId)));
    return;
  }
  await db
    .insert(chatChoices)
    .values({ channel: chat.channel, externalId: chat.externalId, choices: [...choices] })
    .onConflictDoUpdate({ target: [chatChoices.channel, chatChoices.externalId], set: { choices: [...choices], createdAt: new Date() } });
}

/** An answer's replies numbered, and its choices remembered for the chat. */
export async function numberChoices(db: Db, chat: Address, replies: readonly Reply[]): Promise<Reply[]> {
  const answer = numbered(replies);
  await rememberChoices(db, chat, answer.choices);
  return answer.replies;
}

/** The hint under numbered choices. */
const CHOOSE_HINT = '(Trả lời bằng số để chọn.)';

/** The action a typed number or label stands for in the last numbered choices shown to the chat; null when it is neither. */
export async function chosenAction(db: Db, chat: Address, text: string): Promise<string | null> {
  const typed = text.trim();
  if (typed === '' || typed.length > 200) return null;
  const [row] = await db
    .select({ choices: chatChoices.choices })
    .from(chatChoices)
    .where(and(eq(chatChoices.channel, chat.channel), eq(chatChoices.externalId, chat.externalId)));
  if (!row) return null;
  const number = /^\d{1,2}$/.test(typed) ? Number(typed) : null;
  if (number !== null) return row.choices[number - 1]?.action ?? null;
  // "xac nhan" presses "✅ Xác nhận": marks and case do not count.
  const byLabel = row.choices.filter((c) => foldWords(c.label) === foldWords(typed));
  return byLabel.length === 1 ? (byLabel[0]?.action ?? null) : null;
}

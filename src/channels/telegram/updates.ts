/** Telegram's updates through the handling every channel shares (channels/update-handling.ts). */
import type { Bot, Context, NextFunction } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import type { ChatContext } from '../../db/chat-context.js';
import type { Db } from '../../db/client.js';
import type { Resuming } from '../channel.js';
import { handleInTurnOnce as handleOnce, resumeEvery as resumeChannel, type UpdateHandling } from '../update-handling.js';

/** The chat an update belongs to; updates without one take turns by their sender, or alone. */
function turnOf(ctx: Context): string {
  if (ctx.chat) return String(ctx.chat.id);
  return ctx.from ? `user:${ctx.from.id}` : `update:${ctx.update.update_id}`;
}

const readAtTurn = new WeakMap<Context, ChatContext>();

/** What the update's turn read about its chat as it was taken, for the conversation to use. */
export function knownAtTurn(ctx: Context): ChatContext | undefined {
  return readAtTurn.get(ctx);
}

/** A message a group member means for the bot: a command, a mention of it, a reply to it. */
export function meantForBot(ctx: Context, text: string): boolean {
  const mention = new RegExp(`@${ctx.me.username}\\b`, 'i');
  return text.startsWith('/') || mention.test(text) || ctx.message?.reply_to_message?.from?.id === ctx.me.id;
}

/** What a person sends the bot: a button, anything in private, a file, or a message meant for it in a group. */
function addressedToBot(ctx: Context): boolean {
  if (ctx.callbackQuery) return true;
  const message = ctx.message;
  if (!message) return false;
  if (ctx.chat?.type === 'private' || message.document) return true;
  return message.text !== undefined && meantForBot(ctx, message.text);
}

export function handleInTurnOnce(handling: UpdateHandling) {
  return (ctx: Context, next: NextFunction): Promise<void> =>
    handleOnce(
      handling,
      { channel: 'telegram', updateId: String(ctx.update.update_id), turn: turnOf(ctx), payload: ctx.update, addressed: addressedToBot(ctx) },
      (known) => {
        // Read for the turn's key: the chat's own id, or a sender's or update's key, where no chat is read.
        if (ctx.chat) readAtTurn.set(ctx, known);
        return next();
      },
      (text) => ctx.reply(text).then(() => undefined, (error: unknown) => handling.log.error({ err: error }, 'could not tell the user')),
    );
}

export function resumeEvery(bot: Bot, db: Db, log: Logger, resuming: Resuming): () => Promise<void> {
  return resumeChannel('telegram', (payload) => bot.handleUpdate(payload as Update), db, log, resuming);
}

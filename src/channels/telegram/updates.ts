/** Telegram's updates through the handling every channel shares (channels/update-handling.ts). */
import type { Bot, Context, NextFunction } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import type { ChatContext } from '../../db/chat-context.js';
import type { Db } from '../../db/client.js';
import type { Translate } from '../../messages/i18n.js';
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

export function handleInTurnOnce(handling: UpdateHandling & { t: Translate }) {
  return (ctx: Context, next: NextFunction): Promise<void> =>
    handleOnce(
      handling,
      { channel: 'telegram', updateId: String(ctx.update.update_id), turn: turnOf(ctx), payload: ctx.update },
      (known) => {
        // Read for the turn's key: the chat's own id, or a sender's or update's key, where no chat is read.
        if (ctx.chat) readAtTurn.set(ctx, known);
        return next();
      },
      () => ctx.reply(handling.t('error')).then(() => undefined, (error: unknown) => handling.log.error({ err: error }, 'could not tell the user about the failure')),
    );
}

export function resumeEvery(bot: Bot, db: Db, log: Logger, resuming: Resuming): () => Promise<void> {
  return resumeChannel('telegram', (payload) => bot.handleUpdate(payload as Update), db, log, resuming);
}

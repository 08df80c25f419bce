/**
 * How every Telegram update is handled: in its chat's turn (one at a time, across instances), once
 * (a copy Telegram delivers again is dropped once handled), and with its outcome recorded: a handler
 * that failed tells the user, marks the update failed and rethrows, so the webhook answers 500 and
 * Telegram's redelivery is handled again.
 */
import type { Context, NextFunction } from 'grammy';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.js';
import { claimUpdate, finishUpdate } from '../../db/processed-updates.js';
import type { Translate } from '../../messages/i18n.js';
import type { ChatTurns } from '../chat-turns.js';

/** The chat an update belongs to; updates without one take turns by their sender, or alone. */
function turnOf(ctx: Context): string {
  if (ctx.chat) return String(ctx.chat.id);
  return ctx.from ? `user:${ctx.from.id}` : `update:${ctx.update.update_id}`;
}

export function handleInTurnOnce(db: Db, turns: ChatTurns, t: Translate, log: Logger) {
  return async (ctx: Context, next: NextFunction): Promise<void> => {
    const update = { channel: 'telegram', updateId: ctx.update.update_id };
    await turns.run({ channel: 'telegram', externalId: turnOf(ctx) }, async () => {
      if (!(await claimUpdate(db, update))) return;
      try {
        await next();
      } catch (error) {
        log.error({ err: error, update: update.updateId }, 'telegram update failed');
        await finishUpdate(db, update, 'failed');
        await ctx.reply(t('error')).catch((replyError: unknown) => log.error({ err: replyError }, 'could not tell the user about the failure'));
        throw error;
      }
      await finishUpdate(db, update, 'done');
    });
  };
}

/**
 * How every Telegram update is handled: in its chat's turn (one at a time, across instances), once
 * (a copy Telegram delivers again is dropped once handled), and with its outcome recorded: a handler
 * that failed tells the user, marks the update failed and rethrows, so the webhook answers 500 and
 * Telegram's redelivery is handled again; an update acknowledged and then failed (or whose process
 * died) is handled again by `resumeUnfinished`.
 */
import type { Bot, Context, NextFunction } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from 'pino';
import type { Resuming } from '../channel.js';
import type { Db } from '../../db/client.js';
import { isConnectionError } from '../../db/health.js';
import { claimUpdate, finishUpdate, unfinishedUpdates } from '../../db/processed-updates.js';
import type { Translate } from '../../messages/i18n.js';
import type { ChatTurns } from '../chat-turns.js';

export interface UpdateHandling {
  db: Db;
  turns: ChatTurns;
  t: Translate;
  log: Logger;
  /**
   * Long polling has no redelivery: an update met by a database outage waits for the database and
   * is handled then, and polling waits with it. Resolves false when the bot stops first. Unset
   * (webhooks): it fails, and the webhook says 503.
   */
  waitForDatabase?: () => Promise<boolean>;
}

/** The chat an update belongs to; updates without one take turns by their sender, or alone. */
function turnOf(ctx: Context): string {
  if (ctx.chat) return String(ctx.chat.id);
  return ctx.from ? `user:${ctx.from.id}` : `update:${ctx.update.update_id}`;
}

export function handleInTurnOnce(handling: UpdateHandling) {
  const { db, turns, t, log, waitForDatabase } = handling;
  return async (ctx: Context, next: NextFunction): Promise<void> => {
    const update = { channel: 'telegram', updateId: String(ctx.update.update_id) };
    for (;;) {
      try {
        await turns.run({ channel: 'telegram', externalId: turnOf(ctx) }, async () => {
          if (!(await claimUpdate(db, update, ctx.update))) return;
          try {
            await next();
          } catch (error) {
            await finishUpdate(db, update, 'failed');
            throw error;
          }
          await finishUpdate(db, update, 'done');
        });
        return;
      } catch (error) {
        if (waitForDatabase && isConnectionError(error)) {
          log.warn({ err: error, update: update.updateId }, 'update waits for the database');
          if (await waitForDatabase()) continue;
        }
        log.error({ err: error, update: update.updateId }, 'telegram update failed');
        await ctx.reply(t('error')).catch((replyError: unknown) => log.error({ err: replyError }, 'could not tell the user about the failure'));
        throw error;
      }
    }
  };
}

/** Hands the unfinished updates to the bot again, oldest first; each is claimed in its turn as usual. */
async function resumeUnfinished(bot: Bot, db: Db, log: Logger, afterSeconds: number): Promise<void> {
  for (const payload of await unfinishedUpdates(db, 'telegram', afterSeconds, 100)) {
    await bot.handleUpdate(payload as Update).catch((error: unknown) => log.warn({ err: error }, 'unfinished update failed again'));
  }
}

/** Runs resumeUnfinished now and every `everyMs`; the returned function stops it, waiting for a round under way. */
export function resumeEvery(bot: Bot, db: Db, log: Logger, { everyMs, afterSeconds }: Resuming): () => Promise<void> {
  let running = true;
  let timer: NodeJS.Timeout | undefined;
  let wake = () => {};
  const loop = (async () => {
    while (running) {
      await resumeUnfinished(bot, db, log, afterSeconds).catch((error: unknown) => log.warn({ err: error }, 'could not look for unfinished updates'));
      if (!running) break;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, everyMs);
      });
    }
  })();
  return async () => {
    running = false;
    clearTimeout(timer);
    wake();
    await loop;
  };
}

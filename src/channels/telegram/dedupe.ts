/**
 * Telegram re-sends an update when the webhook answer is late or lost; the first to record its
 * update_id handles it, every later copy is dropped. Works across instances sharing one database.
 */
import type { Context, NextFunction } from 'grammy';
import type { Db } from '../../db/client.js';
import { processedUpdates } from '../../db/schema.js';

export function dropRepeatedUpdates(db: Db) {
  return async (ctx: Context, next: NextFunction): Promise<void> => {
    const fresh = await db
      .insert(processedUpdates)
      .values({ channel: 'telegram', updateId: ctx.update.update_id })
      .onConflictDoNothing()
      .returning({ updateId: processedUpdates.updateId });
    if (fresh.length > 0) await next();
  };
}

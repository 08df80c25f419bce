/**
 * Webhooks answer their platform within a time budget, whatever the handling takes: a handling still
 * going on when the budget runs out goes on after the answer, and finishes before the server (and
 * the database under it) closes.
 */
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

/**
 * Returns how to wait for a handling: 'done' when it finished within `budgetMs` (a failure within it
 * is thrown, for the route to answer), 'late' when it goes on after the answer (a later failure is logged).
 */
export function withinBudget(app: FastifyInstance, log: Logger): (handling: Promise<void>, budgetMs: number, context: Record<string, unknown>) => Promise<'done' | 'late'> {
  const outliving = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...outliving]);
  });
  return async (handling, budgetMs, context) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), Math.max(0, budgetMs))));
    try {
      const outcome = await Promise.race([handling.then(() => 'done' as const), late]);
      if (outcome === 'late') {
        const rest = handling
          .catch((error: unknown) => log.error({ err: error, ...context }, 'update failed after its acknowledgement'))
          .finally(() => outliving.delete(rest));
        outliving.add(rest);
      }
      return outcome;
    } finally {
      clearTimeout(timer);
    }
  };
}

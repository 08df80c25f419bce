/**
 * Zalo Official Account as one channel of the bot (channels.md A1–A5): its signed webhook, the
 * consultation-message sender with its 7-day window, tokens refreshed single-flight, and the
 * unfinished events handled again. Zalo sets the webhook in its developer console: nothing to call at start.
 */
import type { Config } from '../../config.js';
import { t } from '../../messages/i18n.js';
import { DEFAULT_RESUMING, type ChannelModule, type RunningChannel } from '../channel.js';
import { resumeEvery } from '../update-handling.js';
import { oaEvent } from './events.js';
import { handleOaEvent, type OaHandling } from './handler.js';
import { createZaloOaSender } from './sender.js';
import { OaTokens } from './tokens.js';
import { registerOaWebhook, ZALO_OA_WEBHOOK_PATH } from './webhook.js';

/** Zalo wants its 200 within 2 s. */
const WEBHOOK_BUDGET_MS = 1500;

export const zaloOaChannel: ChannelModule = {
  name: 'zalo-oa',
  inviteHint(config: Config, code: string): string | null {
    if (!config.zaloOa) return null;
    return t('zalo-oa-invite', { oa: config.zaloOa.name ?? t('zalo-oa-default-name'), code });
  },
  async setup(core): Promise<RunningChannel | null> {
    const { config, database, log } = core;
    const settings = config.zaloOa;
    if (!settings) return null;
    if (!config.publicUrl) log.warn('Zalo OA is set but PUBLIC_URL is not: Zalo cannot reach the webhook, and files cannot be sent by address.');
    if (!settings.appSecret || !settings.refreshToken) log.warn('ZALO_OA_APP_SECRET or ZALO_OA_REFRESH_TOKEN is not set: the Zalo OA access token cannot be refreshed and stops working within 25 hours.');
    const tokens = new OaTokens(database.db, settings);
    await tokens.seed();
    const sender = createZaloOaSender({
      db: database.db,
      apiRoot: settings.apiRoot,
      tokens,
      media: core.media,
      t: core.conversation.t,
      now: core.conversation.now,
      outsideWindow: settings.outsideWindow,
    });
    const oaLog = log.child({ channel: 'zalo-oa' });
    const handling: OaHandling = {
      deps: core.conversation,
      handling: { db: database.db, turns: core.turns, log: oaLog, t: core.conversation.t, rateLimit: core.rateLimit },
      answering: { db: database.db, sender, wakeDelivery: core.wakeDelivery, log: oaLog },
      log: oaLog,
    };
    let stopResuming: (() => Promise<void>) | null = null;
    let started = false;
    return {
      sender,
      routes(app) {
        registerOaWebhook(app, { keys: settings, oaId: settings.oaId, handle: (event) => handleOaEvent(handling, event), budgetMs: core.options.webhookBudgetMs ?? WEBHOOK_BUDGET_MS, log: oaLog });
      },
      start() {
        const resume = async (payload: unknown) => {
          const event = oaEvent.safeParse(payload);
          if (event.success) await handleOaEvent(handling, event.data);
        };
        stopResuming = resumeEvery('zalo-oa', resume, database.db, oaLog, { ...DEFAULT_RESUMING, ...core.options.resuming });
        started = true;
        log.info({ path: ZALO_OA_WEBHOOK_PATH }, 'zalo oa webhook ready');
        return Promise.resolve();
      },
      ready: () => started,
      async stop() {
        await stopResuming?.();
      },
    };
  },
};

/**
 * Zalo Bot Platform as one channel of the bot (channels.md A6): a webhook when PUBLIC_URL is set,
 * long polling otherwise; numbered choices in place of buttons; unfinished events handled again.
 */
import { DEFAULT_RESUMING, type ChannelModule, type RunningChannel } from '../channel.js';
import { t } from '../../messages/i18n.js';
import { resumeEvery } from '../update-handling.js';
import { zaloBotClient } from './client.js';
import { zaloBotEventHandler } from './events.js';
import { startPolling, type Polling } from './polling.js';
import { createZaloBotSender } from './sender.js';
import { readEvent } from './updates.js';
import { registerZaloBotWebhook, ZALO_BOT_WEBHOOK_PATH } from './webhook.js';

/** Zalo documents no patience for its webhook; Telegram's budget is kept. */
const WEBHOOK_BUDGET_MS = 5000;

export const zaloBotChannel: ChannelModule = {
  name: 'zalo-bot',
  inviteHint(config, code) {
    if (!config.zaloBot) return null;
    return config.zaloBot.name ? t('zalo-bot-invite', { name: config.zaloBot.name, code }) : t('zalo-bot-invite-unnamed', { code });
  },
  setup(core): Promise<RunningChannel | null> {
    const { config, database, log } = core;
    const settings = config.zaloBot;
    if (!settings) return Promise.resolve(null);
    const client = zaloBotClient(settings.apiRoot, settings.token);
    const sender = createZaloBotSender({ client, db: database.db, media: core.media, t: core.conversation.t });
    const webhookMode = config.publicUrl !== null;
    let stopped = false;
    const handle = zaloBotEventHandler({
      deps: core.conversation,
      turns: core.turns,
      answering: { db: database.db, sender, wakeDelivery: core.wakeDelivery, log },
      client,
      log,
      rateLimit: core.rateLimit,
      ...(webhookMode ? {} : { waitForDatabase: () => database.health.untilUp(core.stopping).then(() => !stopped) }),
    });
    let webhookSet = false;
    let polling: Polling | null = null;
    let stopResuming: (() => Promise<void>) | null = null;
    return Promise.resolve({
      sender,
      routes(app) {
        if (webhookMode) registerZaloBotWebhook(app, { handle, secret: settings.webhookSecret, budgetMs: core.options.webhookBudgetMs ?? WEBHOOK_BUDGET_MS, log });
      },
      async start() {
        if (webhookMode) {
          const url = `${config.publicUrl}${ZALO_BOT_WEBHOOK_PATH}`;
          await client.call('setWebhook', { url, secret_token: settings.webhookSecret });
          webhookSet = true;
          log.info({ url }, 'zalo bot webhook set');
        } else {
          polling = await startPolling(client, handle, log);
          log.info('zalo bot long polling started');
        }
        stopResuming = resumeEvery(
          'zalo-bot',
          async (payload) => {
            const event = readEvent(payload);
            if (event) await handle(event);
          },
          database.db,
          log,
          { ...DEFAULT_RESUMING, ...core.options.resuming },
        );
      },
      ready: () => (webhookMode ? webhookSet : (polling?.running() ?? false)),
      async stop() {
        stopped = true;
        await polling?.stop();
        await stopResuming?.();
      },
    });
  },
};

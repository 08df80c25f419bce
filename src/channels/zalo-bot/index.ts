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
import { connectInBackground, DEFAULT_CONNECTING, type Connection, type Step } from '../connecting.js';

/** What to do about a start-up call Zalo refused, when the failure says it. */
function zaloBotAdvice(_step: string, failure: string): string | null {
  if (/^(401|403|404)\b/.test(failure)) return 'the Zalo Bot API does not take this token: check ZALO_BOT_TOKEN';
  if (/^E[A-Z]+$|no answer/.test(failure)) return 'the Zalo Bot API cannot be reached: check the network (or ZALO_BOT_API_ROOT)';
  return null;
}

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
    let connection: Connection | null = null;
    let polling: Polling | null = null;
    let stopResuming: (() => Promise<void>) | null = null;
    return Promise.resolve({
      sender,
      routes(app) {
        if (webhookMode) registerZaloBotWebhook(app, { handle, secret: settings.webhookSecret, budgetMs: core.options.webhookBudgetMs ?? WEBHOOK_BUDGET_MS, log });
      },
      start() {
        const url = `${config.publicUrl}${ZALO_BOT_WEBHOOK_PATH}`;
        const step: Step = webhookMode
          ? {
              name: 'setWebhook',
              async call(signal) {
                await client.call('setWebhook', { url, secret_token: settings.webhookSecret }, { signal });
                log.info({ channel: 'zalo-bot', url }, 'zalo bot webhook set');
              },
            }
          : // Webhook and getUpdates exclude each other.
            { name: 'deleteWebhook', call: (signal) => client.call('deleteWebhook', {}, { signal }).then(() => undefined) };
        connection = connectInBackground({ channel: 'zalo-bot', steps: [step], log, timing: { ...DEFAULT_CONNECTING, ...core.options.connecting }, advice: zaloBotAdvice });
        void connection.done.then((connected) => {
          if (!connected || stopped) return;
          if (!webhookMode) {
            polling = startPolling(client, handle, log);
            log.info({ channel: 'zalo-bot' }, 'zalo bot long polling started');
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
        });
        return Promise.resolve();
      },
      connected: () => connection?.done ?? Promise.resolve(false),
      ready: () => (connection?.connected() ?? false) && (webhookMode || (polling?.running() ?? false)),
      waitingFor: () => connection?.waitingFor() ?? 'not started',
      async stop() {
        stopped = true;
        await connection?.stop();
        await polling?.stop();
        await stopResuming?.();
      },
    });
  },
};

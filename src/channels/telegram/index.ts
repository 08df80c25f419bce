/**
 * Telegram as one channel of the bot: grammY behind the webhook (PUBLIC_URL set) or long polling,
 * the Vietnamese command menu, and the unfinished updates handled again.
 */
import type { Bot } from 'grammy';
import { DEFAULT_RESUMING, type ChannelModule, type RunningChannel } from '../channel.js';
import { t } from '../../messages/i18n.js';
import { createTelegramBot } from './bot.js';
import { deepLink, groupDeepLink } from './links.js';
import { setCommandMenu } from './commands.js';
import { createTelegramSender } from './sender.js';
import { resumeEvery } from './updates.js';
import { registerTelegramWebhook } from './webhook.js';

export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;
/** Telegram is answered within this, well inside its own patience, however long the handling takes. */
const WEBHOOK_BUDGET_MS = 5000;

export const telegramChannel: ChannelModule = {
  name: 'telegram',
  // Links only to a bot we know is ours: the one running, or the one the settings name.
  inviteHint(config, code, botName) {
    const username = botName ?? config.telegram?.username ?? config.telegramUsername;
    return username ? t('telegram-invite', { link: deepLink(username, code), groupLink: groupDeepLink(username, code) }) : null;
  },
  async setup(core): Promise<RunningChannel | null> {
    const { config, database, log } = core;
    const settings = config.telegram;
    if (!settings) {
      log.warn('TELEGRAM_BOT_TOKEN is not set: Telegram is off. Set it (and PUBLIC_URL for webhooks) to connect the bot; `npm run chat` talks to the bot in the terminal meanwhile.');
      return null;
    }
    const sender = createTelegramSender(settings.token, settings.apiRoot);
    let stopped = false;
    const bot: Bot = createTelegramBot({
      token: settings.token,
      apiRoot: settings.apiRoot,
      deps: core.conversation,
      turns: core.turns,
      answering: { db: database.db, sender, wakeDelivery: core.wakeDelivery, log },
      log,
      rateLimit: core.rateLimit,
      ...(settings.publicUrl ? {} : { waitForDatabase: () => database.health.untilUp(core.stopping).then(() => !stopped) }),
      ...(core.options.telegramBotInfo ? { botInfo: core.options.telegramBotInfo } : {}),
    });
    await bot.init();
    await setCommandMenu(bot.api, t);
    let webhookSet = false;
    let polling: Promise<void> | null = null;
    let stopResuming: (() => Promise<void>) | null = null;
    return {
      sender,
      routes(app) {
        if (settings.publicUrl) registerTelegramWebhook(app, { bot, secret: settings.webhookSecret, budgetMs: core.options.webhookBudgetMs ?? WEBHOOK_BUDGET_MS, log });
      },
      async start() {
        if (settings.publicUrl) {
          const hook = `${settings.publicUrl}/telegram/webhook`;
          await bot.api.setWebhook(hook, { secret_token: settings.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
          webhookSet = true;
          log.info({ url: hook }, 'telegram webhook set');
        } else {
          polling = bot.start({ allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false }).catch((error: unknown) => log.error({ err: error }, 'telegram long polling stopped'));
          log.info('telegram long polling started');
        }
        stopResuming = resumeEvery(bot, database.db, log, { ...DEFAULT_RESUMING, ...core.options.resuming });
      },
      ready: () => (settings.publicUrl ? webhookSet : bot.isRunning()),
      async stop() {
        stopped = true;
        if (polling) {
          await bot.stop();
          await polling.catch(() => {});
        }
        await stopResuming?.();
      },
      botName: bot.botInfo.username,
    };
  },
};

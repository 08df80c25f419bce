/**
 * Telegram as one channel of the bot: grammY behind the webhook (PUBLIC_URL set) or long polling,
 * the Vietnamese command menu, and the unfinished updates handled again.
 */
import type { Bot } from 'grammy';
import { DEFAULT_RESUMING, type ChannelCore, type ChannelModule, type RunningChannel } from '../channel.js';
import { t } from '../../messages/i18n.js';
import { createTelegramBot } from './bot.js';
import { deepLink, groupDeepLink } from './links.js';
import { setCommandMenu, type GrammySignal } from './commands.js';
import { createTelegramSender } from './sender.js';
import { resumeEvery } from './updates.js';
import { registerTelegramWebhook } from './webhook.js';
import { connectInBackground, DEFAULT_CONNECTING, type Connection, type Step } from '../connecting.js';

export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;
/** Telegram is answered within this, well inside its own patience, however long the handling takes. */
const WEBHOOK_BUDGET_MS = 5000;

/** What to do about a start-up call Telegram refused, when the failure says it. */
function telegramAdvice(step: string, failure: string): string | null {
  if (failure.startsWith('401') || failure.startsWith('404')) return 'the Bot API does not know this token: check TELEGRAM_BOT_TOKEN (from @BotFather)';
  if (step === 'setWebhook' && failure.startsWith('400')) return 'check PUBLIC_URL (a public HTTPS address Telegram can reach)';
  if (/^E[A-Z]+$|no answer/.test(failure)) return 'the Bot API cannot be reached: check the network (or TELEGRAM_API_ROOT)';
  return null;
}

export const telegramChannel: ChannelModule = {
  name: 'telegram',
  // Links only to a bot we know is ours: the one running, or the one the settings name.
  inviteHint(config, code, botName) {
    const username = botName ?? config.telegram?.username ?? config.telegramUsername;
    return username ? t('telegram-invite', { link: deepLink(username, code), groupLink: groupDeepLink(username, code) }) : null;
  },
  setup: (core) => Promise.resolve(setupTelegram(core)),
};

/** Nothing here calls Telegram: getMe and the rest go in the background once the server listens (start). */
function setupTelegram(core: ChannelCore): RunningChannel | null {
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
  let webhookSet = false;
  let polling: Promise<void> | null = null;
  let pollingStarted = false;
  let stopResuming: (() => Promise<void>) | null = null;
  const timing = { ...DEFAULT_CONNECTING, ...core.options.connecting };
  const steps: Step[] = [
    ...(bot.isInited()
      ? []
      : [
          {
            name: 'getMe',
            async call(signal: AbortSignal) {
              bot.botInfo = await bot.api.getMe(signal as GrammySignal);
            },
          },
        ]),
    { name: 'setMyCommands', call: (signal) => setCommandMenu(bot.api, t, signal) },
    settings.publicUrl
      ? {
          name: 'setWebhook',
          async call(signal) {
            const hook = `${settings.publicUrl}/telegram/webhook`;
            await bot.api.setWebhook(hook, { secret_token: settings.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] }, signal as GrammySignal);
            webhookSet = true;
            log.info({ channel: 'telegram', url: hook }, 'telegram webhook set');
          },
        }
      : {
          // Webhook and getUpdates exclude each other.
          name: 'deleteWebhook',
          async call(signal) {
            await bot.api.deleteWebhook({ drop_pending_updates: false }, signal as GrammySignal);
          },
        },
  ];
  let connection: Connection | null = null;
  return {
    sender,
    routes(app) {
      if (settings.publicUrl) {
        registerTelegramWebhook(app, { bot, secret: settings.webhookSecret, budgetMs: core.options.webhookBudgetMs ?? WEBHOOK_BUDGET_MS, log, accepting: () => bot.isInited() });
      }
    },
    start() {
      connection = connectInBackground({ channel: 'telegram', steps, log, timing, advice: telegramAdvice });
      void connection.done.then((connected) => {
        if (!connected || stopped) return;
        if (!settings.publicUrl) {
          polling = bot
            .start({ allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false, onStart: () => void (pollingStarted = true) })
            .catch((error: unknown) => log.error({ err: error, channel: 'telegram' }, 'telegram long polling stopped'));
          log.info({ channel: 'telegram' }, 'telegram long polling started');
        }
        stopResuming = resumeEvery(bot, database.db, log, { ...DEFAULT_RESUMING, ...core.options.resuming });
      });
      return Promise.resolve();
    },
    connected: () => connection?.done ?? Promise.resolve(false),
    ready: () => (connection?.connected() ?? false) && (settings.publicUrl ? webhookSet : pollingStarted && bot.isRunning()),
    waitingFor: () => connection?.waitingFor() ?? 'not started',
    async stop() {
      stopped = true;
      await connection?.stop();
      if (polling) {
        await bot.stop().catch(() => undefined);
        await polling.catch(() => {});
      }
      await stopResuming?.();
    },
    get botName() {
      return bot.isInited() ? bot.botInfo.username : undefined;
    },
  };
}

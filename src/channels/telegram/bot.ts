/** The Telegram channel: grammY turns updates into conversation messages and renders the replies. */
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Logger } from 'pino';
import type { ChatAddress } from '../../db/chats.js';
import type { Reply } from '../../messages/reply.js';
import { converse, type ConversationDeps } from '../conversation.js';
import { dropRepeatedUpdates } from './dedupe.js';
import { renderForTelegram } from './render.js';

export interface TelegramBotOptions {
  token: string;
  apiRoot: string;
  botInfo?: UserFromGetMe;
  deps: ConversationDeps;
  log: Logger;
}

export function chatAddress(ctx: Context): ChatAddress | null {
  const chat = ctx.chat;
  if (!chat) return null;
  return {
    channel: 'telegram',
    externalId: String(chat.id),
    type: chat.type === 'private' ? 'private' : 'group',
    title: chat.type === 'private' ? [chat.first_name, chat.last_name].filter(Boolean).join(' ') || null : (chat.title ?? null),
  };
}

export async function sendReplies(ctx: Context, replies: Reply[]): Promise<void> {
  for (const reply of replies) {
    const { text, reply_markup } = renderForTelegram(reply);
    await ctx.reply(text, { parse_mode: 'HTML', ...(reply_markup ? { reply_markup } : {}), link_preview_options: { is_disabled: true } });
  }
}

export function createTelegramBot(options: TelegramBotOptions): Bot {
  const bot = new Bot(options.token, {
    client: { apiRoot: options.apiRoot },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  // Interactive answers must stay well inside the webhook's time budget.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 5 }));
  bot.use(dropRepeatedUpdates(options.deps.db));

  const protectedBot = bot.errorBoundary(async (error) => {
    options.log.error({ err: error.error, update: error.ctx.update.update_id }, 'telegram update failed');
    try {
      await error.ctx.reply(options.deps.t('error'));
    } catch (replyError) {
      options.log.error({ err: replyError }, 'could not tell the user about the failure');
    }
  });

  protectedBot.on('message:text', async (ctx) => {
    const chat = chatAddress(ctx);
    if (!chat) return;
    const mention = new RegExp(`@${ctx.me.username}\\b`, 'i');
    const raw = ctx.message.text;
    const addressed =
      chat.type === 'private' || raw.startsWith('/') || mention.test(raw) || ctx.message.reply_to_message?.from?.id === ctx.me.id;
    const text = raw.replace(mention, '').trim();
    await sendReplies(ctx, await converse(options.deps, { chat, text, addressed }));
  });

  return bot;
}

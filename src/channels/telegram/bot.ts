/** The Telegram channel: grammY turns updates into conversation messages and renders the replies. */
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Logger } from 'pino';
import { chatByAddress, markChatReachable, type ChatAddress } from '../../db/chats.js';
import { sendAnswers, type Answering } from '../../delivery/answers.js';
import { markChatUnreachable } from '../../delivery/outbox.js';
import { textReply, type Reply } from '../../messages/reply.js';
import { countPlatform429 } from '../../observability/metrics.js';
import type { ChatRateLimit } from '../chat-rate-limit.js';
import type { ChatTurns } from '../chat-turns.js';
import { converse, converseFile, refusesFiles, type ConversationDeps } from '../../core/conversation.js';
import { act, asReplies } from '../../core/act.js';
import { noteIntent } from '../../core/intent.js';
import { renderForTelegram, splitForTelegram } from './render.js';
import { handleInTurnOnce, knownAtTurn, meantForBot } from './updates.js';

export interface TelegramBotOptions {
  token: string;
  apiRoot: string;
  botInfo?: UserFromGetMe;
  deps: ConversationDeps;
  turns: ChatTurns;
  /** Answers go out through Telegram's sender, or the outbox when it cannot take them at once. */
  answering: Answering;
  log: Logger;
  /** Set for long polling: see UpdateHandling. */
  waitForDatabase?: () => Promise<boolean>;
  rateLimit?: ChatRateLimit;
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


export function createTelegramBot(options: TelegramBotOptions): Bot {
  const bot = new Bot(options.token, {
    client: { apiRoot: options.apiRoot },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  // Edits, callback answers and downloads wait out a short 429 only: a failure fails the update, and
  // Telegram's redelivery of it is the retry. Answers go through sendReplies.
  // Counted before auto-retry waits it out: every 429 Telegram gives, not only one that outlasts the retries.
  bot.api.config.use(async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (!result.ok && result.error_code === 429) countPlatform429('telegram');
    return result;
  });
  bot.api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 5, rethrowInternalServerErrors: true, rethrowHttpErrors: true }));
  // Long polling: a failed update was logged and told (handleInTurnOnce); polling goes on.
  bot.catch(() => undefined);
  const protectedBot = bot.use(
    handleInTurnOnce({
      db: options.deps.db,
      turns: options.turns,
      t: options.deps.t,
      log: options.log,
      ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
      ...(options.waitForDatabase ? { waitForDatabase: options.waitForDatabase } : {}),
    }),
  );

  const sendReplies = async (ctx: Context, replies: Reply[]): Promise<void> => {
    const chat = chatAddress(ctx);
    if (chat && replies.length > 0) await sendAnswers(options.answering, chat, replies, `telegram:${ctx.update.update_id}`);
  };

  /**
   * The outcome of a tap in place of the preview when it fits one message and Telegram takes the
   * edit; otherwise as an answer, which reaches the chat whatever the Bot API says at that moment.
   */
  const showInPlace = async (ctx: Context, reply: Reply): Promise<void> => {
    const parts = splitForTelegram(renderForTelegram(reply).text);
    const edited = parts.length === 1 && (await ctx.editMessageText(parts[0] ?? '', { parse_mode: 'HTML' }).then(() => true, () => false));
    if (!edited) await sendReplies(ctx, [reply]);
  };

  protectedBot.on('message:text', async (ctx) => {
    const chat = chatAddress(ctx);
    if (!chat) return;
    const mention = new RegExp(`@${ctx.me.username}\\b`, 'i');
    const raw = ctx.message.text;
    // "/diem@other_bot" in a group is for that bot.
    const commandFor = /^\/\w+@(\w+)/.exec(raw)?.[1];
    if (commandFor !== undefined && commandFor.toLowerCase() !== ctx.me.username.toLowerCase()) return;
    const addressed = chat.type === 'private' || meantForBot(ctx, raw);
    const text = raw.replace(mention, '').trim();
    const known = knownAtTurn(ctx);
    await sendReplies(ctx, await converse(options.deps, { chat, text, addressed, sender: senderName(ctx), ...(known ? { known } : {}) }));
  });

  protectedBot.on('message:document', async (ctx) => {
    const chat = chatAddress(ctx);
    if (!chat) return;
    noteIntent('file');
    const refusal = await refusesFiles(options.deps, chat);
    if (refusal) {
      await sendReplies(ctx, [refusal]);
      return;
    }
    const document = ctx.message.document;
    const fileName = document.file_name ?? 'tep';
    if ((document.file_size ?? 0) > TELEGRAM_DOWNLOAD_LIMIT) {
      await sendReplies(ctx, [textReply(options.deps.t('import-file-too-large-telegram', { file: fileName }))]);
      return;
    }
    const file = await ctx.getFile();
    const response = await fetch(`${options.apiRoot}/file/bot${options.token}/${file.file_path ?? ''}`);
    if (!response.ok) throw new Error(`file download failed: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    await sendReplies(ctx, await converseFile(options.deps, { chat, fileName, bytes, caption: ctx.message.caption ?? '' }));
  });

  /**
   * Every button, through the core's `act`. Telegram shows the outcome its own way: a notice on the
   * press itself, the answer in place of the pressed message (an import's report over its preview),
   * spent buttons taken away, and a long import's progress in the message while it runs.
   */
  protectedBot.on('callback_query:data', async (ctx) => {
    const chat = chatAddress(ctx);
    if (!chat) return;
    const { t } = options.deps;
    let answered: Promise<unknown> | null = null;
    const answer = (notice?: string) => (answered ??= ctx.answerCallbackQuery(notice ? { text: notice } : {}));
    const status = throttledStatus(async (text) => {
      await ctx.editMessageText(text);
    });
    const onProgress = (done: number, total: number, label?: string) => {
      // The import has begun: the press is answered, and the preview says so at once.
      if (!answered) {
        void answer();
        void ctx.editMessageText(label ?? t('import-working')).catch(() => undefined);
      }
      status(label ?? t('import-progress', { done, total }));
    };
    const outcome = await act(options.deps, chat, senderName(ctx), ctx.callbackQuery.data, { onProgress });
    const answeredEarly = answered !== null;
    await answer(outcome.notice);
    await status.flush();
    const replies = answeredEarly && outcome.notice ? asReplies(outcome) : outcome.replies;
    if (outcome.spends) await ctx.editMessageReplyMarkup().catch(() => undefined);
    const [only] = replies;
    if (outcome.replaces && only && replies.length === 1) await showInPlace(ctx, only);
    else await sendReplies(ctx, replies);
  });

  // Blocked or removed, the chat gets nothing more; added back or unblocked, it is reachable again.
  protectedBot.on('my_chat_member', async (ctx) => {
    const chat = chatAddress(ctx);
    if (!chat) return;
    noteIntent('membership');
    const status = ctx.myChatMember.new_chat_member.status;
    const row = await chatByAddress(options.deps.db, chat.channel, chat.externalId);
    if (!row) return;
    if (status === 'kicked' || status === 'left') await markChatUnreachable(options.deps.db, row.id, `my_chat_member: ${status}`);
    else await markChatReachable(options.deps.db, row.id);
  });

  return bot;
}

/** The person behind an update, as Telegram names them. */
function senderName(ctx: Context): string | null {
  const from = ctx.from;
  if (!from) return null;
  return [from.first_name, from.last_name].filter(Boolean).join(' ') || from.username || String(from.id);
}

/** Bots may download files up to 20 MB (Bot API getFile). */
const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

/** Edits a status message at most every 1,5 s: Telegram limits edits, and a fast import needs none. */
function throttledStatus(edit: (text: string) => Promise<void>): ((text: string) => void) & { flush(): Promise<void> } {
  let last = Date.now();
  let pending: Promise<void> = Promise.resolve();
  const update = (text: string) => {
    if (Date.now() - last < 1500) return;
    last = Date.now();
    pending = pending.then(() => edit(text)).catch(() => undefined);
  };
  return Object.assign(update, { flush: () => pending });
}

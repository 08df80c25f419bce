/**
 * A stand-in for the Telegram Bot API on localhost: answers the methods the bot uses the way
 * Telegram does, records every call, and lets a test inject faults or queue updates for polling.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
}

export type ApiAnswer = { ok: true; result: unknown } | { ok: false; error_code: number; description: string; parameters?: { retry_after?: number } };

export const BOT_INFO = {
  id: 7000000001,
  is_bot: true as const,
  first_name: 'Chỉ số 766',
  username: 'chiso_test_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
};

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  return { _raw: raw };
}

export class TelegramStandIn {
  readonly calls: RecordedCall[] = [];
  /** Return an answer to override the default one (faults, say). */
  intercept: ((method: string, payload: Record<string, unknown>) => ApiAnswer | undefined) | null = null;
  private readonly updates: unknown[] = [];
  private server: Server | null = null;
  private nextMessageId = 1;
  url = '';

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
      const payload = await readBody(req);
      const method = match?.[2] ?? 'unknown';
      this.calls.push({ method, payload, at: Date.now() });
      const answer = this.intercept?.(method, payload) ?? (await this.answer(method, payload));
      res.writeHead(answer.ok ? 200 : answer.error_code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  queueUpdate(update: unknown): void {
    this.updates.push(update);
  }

  /** Texts the bot sent, in order, optionally to one chat. */
  sentTexts(chatId?: number): string[] {
    return this.calls
      .filter((c) => c.method === 'sendMessage' && (chatId === undefined || c.payload.chat_id === chatId))
      .map((c) => String(c.payload.text));
  }

  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    const start = Date.now();
    while (!predicate()) {
      if (Date.now() - start > timeoutMs) throw new Error('timed out waiting for the bot');
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async answer(method: string, payload: Record<string, unknown>): Promise<ApiAnswer> {
    switch (method) {
      case 'getMe':
        return { ok: true, result: BOT_INFO };
      case 'sendMessage':
        return {
          ok: true,
          result: { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: payload.chat_id, type: 'private' }, text: payload.text },
        };
      case 'editMessageText':
        return { ok: true, result: { message_id: payload.message_id, date: Math.floor(Date.now() / 1000), chat: { id: payload.chat_id, type: 'private' }, text: payload.text } };
      case 'getUpdates': {
        const offset = Number(payload.offset ?? 0);
        const pending = () => this.updates.filter((u) => (u as { update_id: number }).update_id >= offset);
        // A short long-poll, so the bot's loop is not a busy loop.
        const deadline = Date.now() + Math.min(Number(payload.timeout ?? 0), 1) * 1000;
        while (pending().length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        return { ok: true, result: pending() };
      }
      case 'setWebhook':
      case 'deleteWebhook':
      case 'setMyCommands':
      case 'answerCallbackQuery':
      case 'sendChatAction':
        return { ok: true, result: true };
      default:
        return { ok: false, error_code: 404, description: `Not Found: method ${method} is not in the stand-in` };
    }
  }
}

let nextUpdateId = 100_000;

export interface TestChat {
  id: number;
  type: 'private' | 'group';
  title?: string;
}

export const PRIVATE_CHAT: TestChat = { id: 5550001, type: 'private' };

/** A message update shaped like Telegram's, with a bot_command entity when the text is a command. */
export function textUpdate(text: string, chat: TestChat = PRIVATE_CHAT, updateId = nextUpdateId++) {
  const command = /^\/\S+/.exec(text);
  const from = { id: chat.type === 'private' ? chat.id : 5559999, is_bot: false, first_name: 'Nguyễn', last_name: 'Văn An', language_code: 'vi' };
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: chat.type === 'private' ? { id: chat.id, type: 'private', first_name: 'Nguyễn', last_name: 'Văn An' } : { id: chat.id, type: 'group', title: chat.title ?? 'UBND' },
      from,
      text,
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
    },
  };
}

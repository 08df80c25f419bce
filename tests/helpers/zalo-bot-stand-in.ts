/**
 * A stand-in for the Zalo Bot Platform API on localhost (channels.md A6): answers the methods the
 * bot uses the way the platform documents them, records every call, refuses texts over 2,000
 * characters, lets a test make a chat refuse as blocked, and queues events for getUpdates.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LocalServer } from './local-server.js';

export interface ZaloBotCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
  answer?: ZaloBotAnswer;
}

export type ZaloBotAnswer = { ok: true; result: unknown } | { ok: false; error_code: number; description: string };

export const ZALO_BOT_INFO = { id: '2290553001', account_name: 'bot.chiso766', account_type: 'BASIC', can_join_groups: false, display_name: 'Bot Chỉ số 766' };

async function readPayload(req: IncomingMessage): Promise<Record<string, unknown>> {
  const url = new URL(req.url ?? '/', 'http://stand-in');
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const fromQuery = Object.fromEntries(url.searchParams);
  if (body === '') return fromQuery;
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) return { ...fromQuery, ...(JSON.parse(body) as Record<string, unknown>) };
  if (type.includes('application/x-www-form-urlencoded')) return { ...fromQuery, ...Object.fromEntries(new URLSearchParams(body)) };
  return { ...fromQuery, _raw: body };
}

/** A field as text: strings as they are, numbers written out, anything else empty. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

export class ZaloBotStandIn {
  readonly calls: ZaloBotCall[] = [];
  /** Chats whose sends are refused as if the user had blocked the bot. */
  readonly blocked = new Set<string>();
  url = '';
  private readonly server = new LocalServer();
  private readonly updates: unknown[] = [];
  private nextMessageId = 1;
  private webhook = '';

  async start(): Promise<this> {
    this.url = await this.server.start((req, res) => this.serve(req, res));
    return this;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** Events queued and not yet fetched. */
  get queued(): number {
    return this.updates.length;
  }

  /** An event for the next getUpdates, shaped as the platform gives it. */
  queueUpdate(event: unknown): void {
    this.updates.push(event);
  }

  callsOf(method: string): ZaloBotCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Texts the bot got through to a chat (or to any), in order. */
  sentTexts(chatId?: string): string[] {
    return this.calls
      .filter((c) => c.method === 'sendMessage' && c.answer?.ok === true && (chatId === undefined || String(c.payload.chat_id) === chatId))
      .map((c) => String(c.payload.text));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? '');
    const payload = await readPayload(req);
    const call: ZaloBotCall = { method: match?.[2] ?? 'unknown', payload, at: Date.now() };
    this.calls.push(call);
    const answer = await this.answer(call.method, payload);
    call.answer = answer;
    res.writeHead(answer.ok ? 200 : answer.error_code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
  }

  private async answer(method: string, payload: Record<string, unknown>): Promise<ZaloBotAnswer> {
    switch (method) {
      case 'getMe':
        return { ok: true, result: ZALO_BOT_INFO };
      case 'setWebhook': {
        const secret = text(payload.secret_token);
        if (secret.length < 8 || secret.length > 256) return { ok: false, error_code: 400, description: 'secret_token must be 8-256 characters' };
        this.webhook = text(payload.url);
        return { ok: true, result: { url: this.webhook, updated_at: Date.now() } };
      }
      case 'deleteWebhook':
        this.webhook = '';
        return { ok: true, result: { url: '', updated_at: Date.now() } };
      case 'getWebhookInfo':
        return { ok: true, result: { url: this.webhook, updated_at: Date.now() } };
      case 'sendMessage':
      case 'sendPhoto': {
        const chatId = text(payload.chat_id);
        const content = text(method === 'sendMessage' ? payload.text : payload.caption);
        if (chatId === '') return { ok: false, error_code: 400, description: 'chat_id is required' };
        if ((method === 'sendMessage' && content.length === 0) || content.length > 2000) return { ok: false, error_code: 400, description: 'text must be 1-2000 characters' };
        if (method === 'sendPhoto' && typeof payload.photo !== 'string') return { ok: false, error_code: 400, description: 'photo must be a URL' };
        if (this.blocked.has(chatId)) return { ok: false, error_code: 403, description: 'Forbidden: the user has blocked the bot' };
        return { ok: true, result: { message_id: `bm${this.nextMessageId++}`, date: Date.now() } };
      }
      case 'getUpdates': {
        if (this.webhook !== '') return { ok: false, error_code: 409, description: 'Conflict: webhook is set' };
        // A short long-poll: at most a second, so stopping the bot is quick.
        const deadline = Date.now() + Math.min(Number(payload.timeout ?? 30), 1) * 1000;
        while (this.updates.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        const next = this.updates.shift();
        return next === undefined ? { ok: false, error_code: 408, description: 'Request timeout' } : { ok: true, result: next };
      }
      case 'sendChatAction':
        return { ok: true, result: true };
      default:
        return { ok: false, error_code: 404, description: `method ${method} is not in the stand-in` };
    }
  }
}

let nextMessageId = 1;

export interface ZaloTestChat {
  id: string;
  type: 'PRIVATE' | 'GROUP';
  name?: string;
}

/** The event for a text a user sends, as in channels.md A6 (under `result`, date in ms). */
export function zaloTextEvent(text: string, chat: ZaloTestChat, messageId = `zm${Date.now()}${nextMessageId++}`) {
  return zaloEvent('message.text.received', chat, { text }, messageId);
}

export function zaloEvent(eventName: string, chat: ZaloTestChat, content: Record<string, unknown>, messageId = `zm${Date.now()}${nextMessageId++}`) {
  return {
    ok: true,
    result: {
      event_name: eventName,
      message: {
        from: { id: chat.type === 'PRIVATE' ? chat.id : 'u-group-member', display_name: chat.name ?? 'Nguyễn Văn An', is_bot: false },
        chat: { id: chat.id, chat_type: chat.type },
        ...content,
        message_id: messageId,
        date: Date.now(),
      },
    },
  };
}

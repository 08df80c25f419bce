/**
 * A stand-in for the Telegram Bot API on localhost: answers the methods the bot uses the way
 * Telegram does, records every call, and lets a test inject faults or queue updates for polling.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
  /** What the stand-in answered, once it has. */
  answer?: ApiAnswer;
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

export interface UploadedFile {
  fileName: string;
  bytes: Buffer;
}

/** multipart/form-data as grammY sends an InputFile: plain fields as strings, files as UploadedFile. */
function parseMultipart(body: Buffer, contentType: string): Record<string, unknown> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const marker = Buffer.from(`--${boundary?.[1] ?? boundary?.[2] ?? ''}`);
  const fields: Record<string, unknown> = {};
  let start = body.indexOf(marker);
  while (start >= 0) {
    const next = body.indexOf(marker, start + marker.length);
    if (next < 0) break;
    const part = body.subarray(start + marker.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + 4);
    const name = /name="([^"]*)"/.exec(headers)?.[1] ?? '';
    const fileName = /filename="?([^";\r\n]*)"?/.exec(headers)?.[1];
    fields[name] = fileName !== undefined ? ({ fileName, bytes: Buffer.from(content) } satisfies UploadedFile) : content.toString('utf8');
    start = next;
  }
  // grammY sends the file as a separate part and names it in the field as "attach://<id>".
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' && value.startsWith('attach://')) fields[key] = fields[value.slice('attach://'.length)];
  }
  return fields;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (body.length === 0) return {};
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  if (type.includes('multipart/form-data')) return parseMultipart(body, type);
  return { _raw: body.toString('utf8') };
}

export class TelegramStandIn {
  readonly calls: RecordedCall[] = [];
  /** Return an answer to override the default one (faults, say). */
  intercept: ((method: string, payload: Record<string, unknown>) => ApiAnswer | undefined) | null = null;
  /** How long sendMessage takes, as a slow network would make it. */
  sendDelayMs = 0;
  /** While set, sendMessage is held (received and recorded, not answered) until the promise settles. */
  hold: Promise<void> | null = null;
  private readonly updates: unknown[] = [];
  private server: Server | null = null;
  private nextMessageId = 1;
  /** Files users sent, by file_id, served at /file/bot<token>/<file_id>. */
  private readonly files = new Map<string, UploadedFile>();

  /** Makes a file downloadable as if a user had sent it; returns the document object of the message. */
  addFile(fileName: string, bytes: Uint8Array): { file_id: string; file_unique_id: string; file_name: string; file_size: number } {
    const fileId = `doc-${this.files.size + 1}-${fileName}`;
    this.files.set(fileId, { fileName, bytes: Buffer.from(bytes) });
    return { file_id: fileId, file_unique_id: `u${this.files.size}`, file_name: fileName, file_size: bytes.byteLength };
  }

  /** The id of the last message the bot sent to a chat with inline buttons, as a tap on them needs. */
  lastKeyboardMessage(chatId: number): number {
    const call = this.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) === chatId && c.payload.reply_markup).at(-1);
    const id = (call?.answer as { result?: { message_id?: number } } | undefined)?.result?.message_id;
    if (id === undefined) throw new Error(`no message with buttons was sent to ${chatId}`);
    return id;
  }

  /** Documents the bot sent (the import template), with their captions. */
  sentDocuments(chatId?: number): { fileName: string; bytes: Buffer; caption: string }[] {
    return this.calls
      .filter((c) => c.method === 'sendDocument' && (chatId === undefined || Number(c.payload.chat_id) === chatId))
      .map((c) => ({ ...(c.payload.document as UploadedFile), caption: typeof c.payload.caption === 'string' ? c.payload.caption : '' }));
  }

  /** Files the bot sent as documents or photos (a PNG may go either way), with the method and caption, in order. */
  sentFiles(chatId?: number): { method: string; fileName: string; bytes: Buffer; caption: string }[] {
    return this.calls
      .filter((c) => (c.method === 'sendDocument' || c.method === 'sendPhoto') && (chatId === undefined || Number(c.payload.chat_id) === chatId))
      .map((c) => ({ method: c.method, ...((c.payload.document ?? c.payload.photo) as UploadedFile), caption: typeof c.payload.caption === 'string' ? c.payload.caption : '' }));
  }

  /** Photos the bot sent (charts), with their captions. */
  sentPhotos(chatId?: number): { fileName: string; bytes: Buffer; caption: string }[] {
    return this.sentFiles(chatId)
      .filter((f) => f.method === 'sendPhoto')
      .map(({ fileName, bytes, caption }) => ({ fileName, bytes, caption }));
  }

  /** The texts the bot last set on a message, by edits included, in order of the calls. */
  editedTexts(chatId?: number): string[] {
    return this.calls
      .filter((c) => c.method === 'editMessageText' && (chatId === undefined || Number(c.payload.chat_id) === chatId))
      .map((c) => String(c.payload.text));
  }
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.serve(req, res));
    // An idle connection the stand-in closes just as the bot reuses it is a network fault on a busy machine (the answer
    // then goes through the outbox): keep idle connections longer than any test lasts.
    this.server.keepAliveTimeout = 120_000;
    this.server.headersTimeout = 121_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const download = /^\/file\/bot[^/]+\/(.+)$/.exec(req.url ?? '');
    if (download) {
      const file = this.files.get(decodeURIComponent(download[1] ?? ''));
      res.writeHead(file ? 200 : 404);
      res.end(file?.bytes ?? 'Not Found');
      return;
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    const payload = await readBody(req);
    const method = match?.[2] ?? 'unknown';
    const call: RecordedCall = { method, payload, at: Date.now() };
    this.calls.push(call);
    const answer = this.intercept?.(method, payload) ?? (await this.answer(method, payload));
    call.answer = answer;
    res.writeHead(answer.ok ? 200 : answer.error_code, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer));
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
    // chat_id arrives as a number or a string, depending on the caller; refused calls sent nothing.
    return this.calls
      .filter((c) => c.method === 'sendMessage' && c.answer?.ok !== false && (chatId === undefined || String(c.payload.chat_id) === String(chatId)))
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
        if (this.hold) await this.hold;
        if (this.sendDelayMs > 0) await new Promise((r) => setTimeout(r, this.sendDelayMs));
        return {
          ok: true,
          result: { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: payload.chat_id, type: 'private' }, text: payload.text },
        };
      case 'getFile': {
        const file = this.files.get(String(payload.file_id));
        if (!file) return { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' };
        return { ok: true, result: { file_id: payload.file_id, file_unique_id: 'u', file_size: file.bytes.length, file_path: payload.file_id } };
      }
      case 'sendDocument':
        return {
          ok: true,
          result: { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: Number(payload.chat_id), type: 'private' }, document: { file_id: 'sent', file_unique_id: 'sent' } },
        };
      case 'sendPhoto':
        return {
          ok: true,
          result: {
            message_id: this.nextMessageId++,
            date: Math.floor(Date.now() / 1000),
            chat: { id: Number(payload.chat_id), type: 'private' },
            photo: [{ file_id: 'sent-photo', file_unique_id: 'sent-photo', width: 1, height: 1 }],
          },
        };
      case 'editMessageReplyMarkup':
        return { ok: true, result: { message_id: payload.message_id, date: Math.floor(Date.now() / 1000), chat: { id: payload.chat_id, type: 'private' }, text: '' } };
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

function sender(chat: TestChat) {
  return { id: chat.type === 'private' ? chat.id : 5559999, is_bot: false, first_name: 'Nguyễn', last_name: 'Văn An', language_code: 'vi' };
}

function chatOf(chat: TestChat) {
  return chat.type === 'private' ? { id: chat.id, type: 'private', first_name: 'Nguyễn', last_name: 'Văn An' } : { id: chat.id, type: 'group', title: chat.title ?? 'UBND' };
}

/** A user sending a file (which the stand-in must hold: TelegramStandIn.addFile). */
export function documentUpdate(document: { file_id: string; file_unique_id: string; file_name: string; file_size: number }, caption = '', chat: TestChat = PRIVATE_CHAT) {
  const updateId = nextUpdateId++;
  return {
    update_id: updateId,
    message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: chatOf(chat), from: sender(chat), document, ...(caption ? { caption } : {}) },
  };
}

/** A tap on an inline button of the bot's message `messageId`. */
export function callbackUpdate(data: string, messageId: number, chat: TestChat = PRIVATE_CHAT) {
  const updateId = nextUpdateId++;
  return {
    update_id: updateId,
    callback_query: {
      id: `cb${updateId}`,
      from: sender(chat),
      chat_instance: 'ci',
      data,
      message: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: chatOf(chat), from: { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name }, text: '…' },
    },
  };
}

/** The bot being blocked, removed, unblocked or added back, as Telegram reports it. */
export function myChatMemberUpdate(status: 'kicked' | 'left' | 'member', chat: TestChat = PRIVATE_CHAT) {
  const updateId = nextUpdateId++;
  const bot = { id: BOT_INFO.id, is_bot: true, first_name: BOT_INFO.first_name, username: BOT_INFO.username };
  return {
    update_id: updateId,
    my_chat_member: {
      chat: chatOf(chat),
      from: sender(chat),
      date: Math.floor(Date.now() / 1000),
      old_chat_member: { user: bot, status: status === 'member' ? 'kicked' : 'member' },
      new_chat_member: status === 'kicked' ? { user: bot, status, until_date: 0 } : { user: bot, status },
    },
  };
}

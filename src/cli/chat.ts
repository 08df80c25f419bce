/**
 * `npm run chat`: talk to the bot in the terminal, with the same answers as Telegram; a button is
 * pressed by typing its number or its label.
 * Goes through the running server when one holds the embedded database, else opens it itself.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { act, asReplies } from '../core/act.js';
import { converse } from '../core/conversation.js';
import { ConsoleSession, type ConsoleTransport } from '../channels/console/session.js';
import type { ChatAddress } from '../db/chats.js';
import { loadConfig, loadDotEnv } from '../config.js';
import { t } from '../messages/i18n.js';
import type { Reply, ReplyFile } from '../messages/reply.js';
import { openBackend } from './backend.js';

loadDotEnv();
const config = loadConfig();
const backend = await openBackend(config);
const chatId = `terminal:${userInfo().username}`;

/** Files (charts, reports, the template) are written here, each under its own name: the latest of a unit and period replaces the one before. */
const FILES_DIR = join(tmpdir(), 'chiso-bot-chat');

async function keepFile(file: ReplyFile): Promise<string> {
  await mkdir(FILES_DIR, { recursive: true });
  const path = join(FILES_DIR, file.fileName);
  await writeFile(path, file.bytes);
  return path;
}

/** A reply as the server's API carries it: a file's bytes in base64. */
type RemoteReply = Omit<Reply, 'file'> & { file?: { fileName: string; base64?: string } };

function fromRemote({ file, ...reply }: RemoteReply): Reply {
  return file ? { ...reply, file: { fileName: file.fileName, bytes: Buffer.from(file.base64 ?? '', 'base64') } } : reply;
}

function transport(): ConsoleTransport {
  if (backend.kind === 'remote') {
    const post = async (path: string, body: Record<string, string>) => (await backend.call<{ replies: RemoteReply[] }>('POST', path, { chatId, ...body })).replies.map(fromRemote);
    return { say: (text) => post('/api/console/messages', { text }), press: (action) => post('/api/console/actions', { action }) };
  }
  const deps = backend.conversation;
  const chat: ChatAddress = { channel: 'console', externalId: chatId, type: 'private', title: null };
  return { say: (text) => converse(deps, { chat, text, addressed: true }), press: async (action) => asReplies(await act(deps, chat, null, action)) };
}

const session = new ConsoleSession(transport(), keepFile);
const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
console.log(`${t('chat-banner')}\n`);
if (process.stdin.isTTY) rl.setPrompt('> ');
rl.prompt();
for await (const line of rl) {
  for (const text of await session.input(line)) console.log(text + '\n');
  rl.prompt();
}
if (backend.kind === 'local') await backend.close();

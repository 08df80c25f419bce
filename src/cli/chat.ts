/**
 * `npm run chat`: talk to the bot in the terminal, with the same answers as Telegram.
 * Goes through the running server when one holds the embedded database, else opens it itself.
 */
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline/promises';
import { converse } from '../channels/conversation.js';
import { renderForConsole } from '../channels/console/render.js';
import { loadConfig, loadDotEnv } from '../config.js';
import { t } from '../messages/i18n.js';
import type { Reply } from '../messages/reply.js';
import { openBackend } from './backend.js';

loadDotEnv();
const config = loadConfig();
const backend = await openBackend(config);
const chatId = `terminal:${userInfo().username}`;

async function ask(text: string): Promise<Reply[]> {
  if (backend.kind === 'remote') return (await backend.call<{ replies: Reply[] }>('POST', '/api/console/messages', { chatId, text })).replies;
  return converse(
    { db: backend.admin.db, t, now: () => new Date(), timeZone: config.timeZone },
    { chat: { channel: 'console', externalId: chatId, type: 'private', title: null }, text, addressed: true },
  );
}

const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
console.log(`${t('chat-banner')}\n`);
if (process.stdin.isTTY) rl.setPrompt('> ');
rl.prompt();
for await (const line of rl) {
  if (line.trim()) {
    for (const reply of await ask(line)) console.log(renderForConsole(reply) + '\n');
  }
  rl.prompt();
}
if (backend.kind === 'local') await backend.close();

/**
 * One bot of the webhook and memory benchmarks, in a process of its own so that what is measured is
 * the bot alone (bench/webhook.ts and bench/memory.ts fork it):
 * - BENCH_BOT=bare: a bare grammY + Fastify bot, `webhookCallback(bot, 'fastify')` with the same secret,
 *   answering every text with a fixed 600-character reply;
 * - BENCH_BOT=chiso: chiso-bot itself, `startApp` in webhook mode on the database the environment names.
 * Both call the Bot API at BENCH_API_ROOT. Over the IPC channel it says `{ ready: url }`, answers
 * `'statements'` (SQL statements sent so far; chiso only), `'memory'` (process.memoryUsage(); `'gc'` after
 * a full garbage collection, when run with --expose-gc) and `'cpu'` (process.cpuUsage()), takes
 * a V8 CPU profile between `'profile:start'` and `'profile:stop'` (written to BENCH_CPU_PROF, a folder),
 * and stops on `'stop'`.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import Fastify from 'fastify';
import { Bot, webhookCallback } from 'grammy';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';

export const BENCH_TOKEN = '7000000001:BENCH-token';
export const BENCH_SECRET = 'bench-webhook-secret';
export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789';
/** What the bare bot answers: 600 characters, about a card's length. */
export const FIXED_REPLY = 'Kết quả Bộ chỉ số 766 – tổng điểm, xếp hạng và sáu nhóm chỉ số của đơn vị. '.repeat(10).slice(0, 600);

export type BotMessage = { ready: string } | { statements: number } | { memory: NodeJS.MemoryUsage } | { cpu: NodeJS.CpuUsage } | { profile: string };

interface RunningBot {
  url: string;
  statements(): number;
  stop(): Promise<void>;
}

async function bareBot(apiRoot: string): Promise<RunningBot> {
  const bot = new Bot(BENCH_TOKEN, { client: { apiRoot } });
  await bot.init();
  bot.on('message:text', (ctx) => ctx.reply(FIXED_REPLY));
  const server = Fastify();
  server.post('/telegram/webhook', webhookCallback(bot, 'fastify', { secretToken: BENCH_SECRET }));
  const url = await server.listen({ port: 0, host: '127.0.0.1' });
  return { url, statements: () => 0, stop: () => server.close() };
}

async function chisoBot(apiRoot: string): Promise<RunningBot> {
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  const app = await startApp(
    loadConfig({
      ...env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
      TELEGRAM_BOT_TOKEN: BENCH_TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      TELEGRAM_WEBHOOK_SECRET: BENCH_SECRET,
      PUBLIC_URL: 'https://chiso.example.gov.vn',
      // Every request is measured as an answer: the per-chat limit would turn most of them into silence.
      CHAT_RATE_LIMIT: process.env.CHAT_RATE_LIMIT ?? '1000000',
    }),
  );
  return { url: app.url, statements: () => app.database.statements(), stop: () => app.stop() };
}

if (process.send) {
  const apiRoot = process.env.BENCH_API_ROOT ?? '';
  const running = process.env.BENCH_BOT === 'bare' ? await bareBot(apiRoot) : await chisoBot(apiRoot);
  const send = (message: BotMessage) => process.send?.(message);
  const profiler = new Session();
  process.on('message', (message) => {
    if (message === 'statements') send({ statements: running.statements() });
    else if (message === 'memory') send({ memory: process.memoryUsage() });
    else if (message === 'gc') {
      // Only with --expose-gc: the memory bench's second look, once what is garbage is collected.
      (globalThis as { gc?: () => void }).gc?.();
      send({ memory: process.memoryUsage() });
    }
    else if (message === 'cpu') send({ cpu: process.cpuUsage() });
    else if (message === 'profile:start') {
      profiler.connect();
      void profiler.post('Profiler.enable').then(() => profiler.post('Profiler.start'));
    } else if (message === 'profile:stop') {
      void profiler.post('Profiler.stop').then(({ profile }) => {
        const file = join(process.env.BENCH_CPU_PROF ?? '.', `${process.env.BENCH_BOT}-${process.pid}.cpuprofile`);
        writeFileSync(file, JSON.stringify(profile));
        profiler.disconnect();
        send({ profile: file });
      });
    } else if (message === 'stop') void running.stop().finally(() => process.exit(0));
  });
  // The benchmark that started it is gone (killed, timed out): so is this bot, and its database connections.
  process.on('disconnect', () => void running.stop().finally(() => process.exit(0)));
  send({ ready: running.url });
}

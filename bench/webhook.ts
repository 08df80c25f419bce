/**
 * chiso-bot against the floor: a bare grammY + Fastify bot (the same grammy and fastify, the same
 * `webhookCallback`-style secret header, a fixed 600-character reply) and chiso-bot (`startApp` in
 * webhook mode, LOG_LEVEL=warn) answering `/diem thang 8 <unit>` on the portal month from registered
 * chats, each in a process of its own run by `node` from a compiled build (bench/bot-process.ts,
 * bench/compiled.ts), both calling one stand-in Bot API on localhost. Rounds
 * interleave the two bots; every update has its own update_id. Prints for each database:
 * - requests/s of each (closed loop: BENCH_CONCURRENCY requests in flight) and the ratio;
 * - p50/p99 latency at 300 and 500 requests/s (open loop: sent at a fixed rate whatever the answers,
 *   latency counted from when a request was due, so a stall shows);
 * - the SQL statements one /diem issues (Database.statements in the bot's process, around single requests).
 * Goals (issue 12): ratio ≥ 0,7 on both databases; p99 at 500/s ≤ 15 ms on PostgreSQL; ≤ 3 statements.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { importFiles } from '../src/services/imports.js';
import { TelegramStandIn } from '../tests/helpers/telegram-stand-in.js';
import { BENCH_SECRET, type BotMessage } from './bot-process.js';
import { portalFiles } from './imports.js';
import { compileForBench } from './compiled.js';
import { benchTargets, type BenchTarget } from './targets.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const RATES = [300, 500];
const CHATS = 1000;
const BARE_CHAT = 7_000_000;
const CHISO_CHAT = 9_000_000;
const PERIOD = '2026-08';

export type Kind = 'bare' | 'chiso';

export interface BotProcess {
  kind: Kind;
  url: string;
  child: ChildProcess;
  ask(message: 'statements' | 'memory' | 'gc' | 'cpu' | 'profile:stop'): Promise<BotMessage>;
  stop(): Promise<void>;
}

/**
 * Forks bench/bot-process: compiled and run by `node` when `build` names a compiled tree
 * (bench/compiled.ts), through tsx otherwise (as `npm run bench` runs); waits until it listens.
 */
export async function forkBot(kind: Kind, env: Record<string, string>, build?: string, execArgv: string[] = []): Promise<BotProcess> {
  const entry = build ? join(build, 'bench', 'bot-process.js') : fileURLToPath(new URL('./bot-process.ts', import.meta.url));
  const child = fork(entry, [], {
    execArgv: [...(build ? [] : ['--import', 'tsx']), ...execArgv],
    // The database is the one `env` names: DATABASE_URL only when given there.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'DATABASE_URL')), ...env, BENCH_BOT: kind },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting: ((m: BotMessage) => void)[] = [];
  const ready = new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the ${kind} bot exited (${code}) before it listened`)));
    child.on('message', (m: BotMessage) => {
      if ('ready' in m) resolve(m.ready);
      else waiting.shift()?.(m);
    });
  });
  const url = await ready;
  return {
    kind,
    url,
    child,
    ask(message) {
      return new Promise((resolve) => {
        waiting.push(resolve);
        child.send(message);
      });
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await exited;
    },
  };
}

let nextUpdateId = 50_000_000;

/** A text message update as Telegram sends it, with an update_id of its own. */
export function webhookUpdate(chatId: number, text: string): string {
  const id = nextUpdateId++;
  return JSON.stringify({
    update_id: id,
    message: {
      message_id: id,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: 'private', first_name: 'Cán bộ' },
      from: { id: chatId, is_bot: false, first_name: 'Cán bộ' },
      text,
      entities: [{ type: 'bot_command', offset: 0, length: 5 }],
    },
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** Posts an update to a bot's webhook with the secret; resolves to the HTTP status. */
export function postWebhook(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/telegram/webhook`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-telegram-bot-api-secret-token': BENCH_SECRET } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** What each bot is asked, in turn: chiso a unit's card from one of the registered chats; bare the same text. */
class Questions {
  private i = 0;
  readonly asked: Record<Kind, number> = { bare: 0, chiso: 0 };
  constructor(private readonly units: readonly string[]) {}
  next(kind: Kind): string {
    const i = this.i++;
    this.asked[kind] += 1;
    const text = `/diem thang 8 ${this.units[i % this.units.length] ?? ''}`;
    return webhookUpdate((kind === 'bare' ? BARE_CHAT : CHISO_CHAT) + (i % CHATS), text);
  }
}

interface Tally {
  done: number;
  failed: number;
  ms: number;
  /** CPU time the bot's process spent (user + system), in µs. */
  cpuUs: number;
  latencies: number[];
}

const tally = (): Tally => ({ done: 0, failed: 0, ms: 0, cpuUs: 0, latencies: [] });

async function cpuOf(bot: BotProcess): Promise<number> {
  const { cpu } = (await bot.ask('cpu')) as { cpu: NodeJS.CpuUsage };
  return cpu.user + cpu.system;
}

async function closedLoop(bot: BotProcess, questions: Questions, seconds: number, into: Tally): Promise<void> {
  const cpuBefore = await cpuOf(bot);
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const status = await postWebhook(bot.url, questions.next(bot.kind)).catch(() => 0);
        if (status === 200) into.done += 1;
        else into.failed += 1;
      }
    }),
  );
  into.ms += performance.now() - started;
  into.cpuUs += (await cpuOf(bot)) - cpuBefore;
}

async function openLoop(bot: BotProcess, questions: Questions, rate: number, seconds: number, into: Tally): Promise<void> {
  const total = rate * seconds;
  const interval = 1000 / rate;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const planned = started + i * interval;
    const wait = planned - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    // From when it was due, or sent if a little early: a late start (the loop held up) counts as waiting.
    const due = Math.min(planned, performance.now());
    inFlight.push(
      postWebhook(bot.url, questions.next(bot.kind)).then(
        (status) => {
          if (status === 200) {
            into.done += 1;
            into.latencies.push(performance.now() - due);
          } else into.failed += 1;
        },
        () => void (into.failed += 1),
      ),
    );
  }
  await Promise.all(inFlight);
  into.ms += performance.now() - started;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const fmt = (n: number, digits = 1) => n.toFixed(digits).replace('.', ',');

/** The portal month imported and CHATS officers' chats linked to its communes; the units whose card the questions ask. */
async function prepare(db: Parameters<typeof importFiles>[0], query: <T>(text: string, params?: unknown[]) => Promise<T[]>): Promise<string[]> {
  await importFiles(db, portalFiles(), { period: PERIOD });
  const units = await query<{ id: number; name: string }>(
    `select u.id, u.name from units u where u.kind in ('xa', 'phuong') and exists (select 1 from results r where r.unit_id = u.id and r.period = $1) order by u.id`,
    [PERIOD],
  );
  await query(
    `insert into chats (channel, external_id, type, unit_id, role)
     select 'telegram', ($1 + g)::text, 'private', ($3::jsonb ->> (g % jsonb_array_length($3::jsonb)))::int, 'officer' from generate_series(0, $2 - 1) g`,
    [CHISO_CHAT, CHATS, JSON.stringify(units.map((u) => u.id))],
  );
  return units.map((u) => u.name);
}

export async function benchWebhook(): Promise<void> {
  console.log(`\n== Webhook: chiso-bot /diem against a bare grammY + Fastify bot (${ROUNDS} interleaved rounds of ${SECONDS} s; ${CONCURRENCY} in flight for requests/s)`);
  const build = compileForBench();
  try {
    for (const target of benchTargets()) await benchTarget(target, build.dir);
  } finally {
    build.remove();
  }
}

async function benchTarget(target: BenchTarget, build: string): Promise<void> {
  const { database, env, drop } = await target.open();
  const telegram = await new TelegramStandIn().start();
  const bots: BotProcess[] = [];
  try {
    const names = await prepare(database.db, (text, params) => database.query(text, params as never));
    await database.close();
    // Cards, and which chat (bot) each answer went to.
    const sent = { bare: 0, chiso: 0, cards: 0 };
    telegram.intercept = (method, payload) => {
      if (method !== 'sendMessage') return undefined;
      const chat = Number(payload.chat_id);
      if (chat >= CHISO_CHAT) {
        sent.chiso += 1;
        if (String(payload.text).includes('Tổng điểm')) sent.cards += 1;
      } else sent.bare += 1;
      return undefined;
    };
    const bare = await forkBot('bare', { BENCH_API_ROOT: telegram.url }, build);
    bots.push(bare);
    const chiso = await forkBot('chiso', { ...env, BENCH_API_ROOT: telegram.url }, build);
    bots.push(chiso);

    // Warm-up: every unit once (its card checked), then a second of load on each.
    const units: string[] = [];
    for (const name of names.slice(0, 60)) {
      const before = sent.cards;
      await postWebhook(chiso.url, webhookUpdate(CHISO_CHAT, `/diem thang 8 ${name}`));
      if (sent.cards > before) units.push(name);
    }
    const questions = new Questions(units);
    const cardsBefore = sent.cards;
    for (const bot of bots) await closedLoop(bot, questions, 1, tally());

    // Statements of one /diem, warm: single requests, one at a time.
    const counts: number[] = [];
    for (let i = 0; i < 30; i++) {
      const before = (await chiso.ask('statements')) as { statements: number };
      await postWebhook(chiso.url, questions.next('chiso'));
      const after = (await chiso.ask('statements')) as { statements: number };
      counts.push(after.statements - before.statements);
    }

    // BENCH_CPU_PROF=<folder>: a CPU profile of chiso-bot's process over the measured rounds.
    if (process.env.BENCH_CPU_PROF) chiso.child.send('profile:start');
    const throughput = { bare: tally(), chiso: tally() };
    const latency = new Map(RATES.map((rate) => [rate, { bare: tally(), chiso: tally() }]));
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? [bare, chiso] : [chiso, bare];
      for (const bot of order) await closedLoop(bot, questions, SECONDS, throughput[bot.kind]);
      for (const rate of RATES) for (const bot of order) await openLoop(bot, questions, rate, SECONDS, (latency.get(rate) as Record<Kind, Tally>)[bot.kind]);
      telegram.calls.splice(0);
    }

    if (process.env.BENCH_CPU_PROF) console.log(`CPU profile of chiso-bot: ${((await chiso.ask('profile:stop')) as { profile: string }).profile}`);
    const rps = (t: Tally) => t.done / (t.ms / 1000);
    const ratio = rps(throughput.chiso) / rps(throughput.bare);
    const label = target.label.padEnd(11);
    const cpuPer = (t: Tally) => fmt(t.cpuUs / t.done, 0);
    console.log(`${label} requests/s: bare ${fmt(rps(throughput.bare), 0)}, chiso ${fmt(rps(throughput.chiso), 0)}; ratio ${fmt(ratio, 2)} (goal ≥ 0,7: ${ratio >= 0.7 ? 'met' : 'MISSED'})`);
    console.log(`${label} CPU of the bot's process per request: bare ${cpuPer(throughput.bare)} µs, chiso ${cpuPer(throughput.chiso)} µs`);
    for (const [rate, byBot] of latency) {
      const line = (['bare', 'chiso'] as const).map((k) => `${k} p50 ${fmt(percentile(byBot[k].latencies, 50))} ms, p99 ${fmt(percentile(byBot[k].latencies, 99))} ms`).join('; ');
      const p99 = percentile(byBot.chiso.latencies, 99);
      const goal = rate === 500 && target.label === 'PostgreSQL' ? ` (goal p99 ≤ 15 ms: ${p99 <= 15 ? 'met' : 'MISSED'})` : '';
      console.log(`${label} at ${rate}/s: ${line}${goal}`);
    }
    const median = percentile(counts, 50);
    console.log(`${label} SQL statements per /diem: ${median} (over 30 single requests: min ${Math.min(...counts)}, max ${Math.max(...counts)}; goal ≤ 3: ${median <= 3 ? 'met' : 'MISSED'})`);
    const failed = throughput.bare.failed + throughput.chiso.failed + [...latency.values()].reduce((n, b) => n + b.bare.failed + b.chiso.failed, 0);
    console.log(`${label} answers: ${sent.chiso} from chiso (${sent.cards} cards), ${sent.bare} from bare; webhook calls not 200: ${failed}`);
    // A request answered by anything but its card (a rate limit, an error) would flatter chiso-bot's figures.
    const cards = sent.cards - cardsBefore;
    console.log(`${label} chiso requests answered with their card: ${cards} of ${questions.asked.chiso}${cards === questions.asked.chiso ? '' : ' (NOT ALL: the figures above do not measure cards)'}`);
  } finally {
    for (const bot of bots) await bot.stop().catch(() => undefined);
    await telegram.stop();
    await drop().catch(() => undefined);
  }
}

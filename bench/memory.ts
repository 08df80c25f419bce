/**
 * chiso-bot's memory after a realistic session, in a process of its own run by `node` from a compiled
 * build (bench/compiled.ts: no tsx in it), as in production. The session, through the HTTP API and the
 * webhook: the demo loaded, the portal month imported (its files read in the read worker), 1,000
 * officers' chats registered with invite codes (/start), 1,000 questions (/diem thang 8, alone or with a
 * unit's name), and a publication of the month to those 1,000 chats, sent through a stand-in Bot API.
 * Then, once the read worker has been let go (a minute idle), the process's resident memory (VmRSS), its
 * peak (VmHWM), and the V8 heap and the memory outside it (PGlite's WebAssembly memory is there).
 *
 * PGlite on a fresh data folder, then a second start on that folder (the same session again: the
 * imports change nothing, the publication was made), and PostgreSQL when DATABASE_URL names a server.
 * The floor under PGlite: an empty PGlite opened with chiso-bot's options in a fresh process
 * (bench/pglite-floor.ts), on a fresh folder and reopened. Goals (issue 12): PGlite fresh < 400 MB,
 * warm < 300 MB, or within 50 MB of the floor where the floor is above; PostgreSQL < 150 MB.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { portalBatch } from '../src/imports/portal/batch.js';
import { TelegramStandIn } from '../tests/helpers/telegram-stand-in.js';
import { BENCH_ADMIN_TOKEN, type BotMessage } from './bot-process.js';
import { compileForBench } from './compiled.js';
import { portalFiles } from './imports.js';
import { processMemory, wasmMemory } from './pglite-floor.js';
import { forkBot, postWebhook, webhookUpdate, type BotProcess } from './webhook.js';

const CHATS = 1000;
const QUESTIONS = 1000;
const INVITED_UNITS = 50;
const FIRST_CHAT = 8_100_000;
const PERIOD = '2026-08';
/** The read worker is let go after a minute idle (src/imports/off-thread.ts). */
const WORKER_IDLE_MS = 61_000;

interface Measured {
  rss: number;
  peak: number;
  heap: number;
  external: number;
  /** After a full garbage collection. */
  collected: { rss: number; heap: number };
  /** PGlite's WebAssembly memory: resident, of its size. */
  wasm: { resident: number; size: number } | null;
}

const mb = (n: number) => `${n.toFixed(0)} MB`;

async function admin<T>(bot: BotProcess, method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${BENCH_ADMIN_TOKEN}` };
  const init: RequestInit = { method, headers };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${bot.url}/api${path}`, init);
  if (!response.ok) throw new Error(`${method} /api${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Sends the texts through the webhook, `inFlight` at a time. */
async function converse(bot: BotProcess, messages: { chat: number; text: string }[], inFlight = 8): Promise<number> {
  let next = 0;
  let failed = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < messages.length) {
        const message = messages[next++] as { chat: number; text: string };
        if ((await postWebhook(bot.url, webhookUpdate(message.chat, message.text))) !== 200) failed += 1;
      }
    }),
  );
  return failed;
}

async function session(label: string, env: Record<string, string>, build: string, telegram: TelegramStandIn): Promise<Measured> {
  const bot = await forkBot('chiso', { ...env, BENCH_API_ROOT: telegram.url }, build, ['--expose-gc']);
  try {
    const started = Date.now();
    await admin(bot, 'POST', '/demo');
    const form = new FormData();
    form.set('period', PERIOD);
    for (const file of portalFiles()) form.append('file', new Blob([file.bytes]), file.fileName);
    await admin(bot, 'POST', '/imports', form);
    const imported = Date.now();

    const communes = portalBatch(portalFiles(), PERIOD)
      .rows.map((r) => r.unit)
      .filter((u) => (u.kind === 'xa' || u.kind === 'phuong') && u.code);
    const invited = communes.slice(0, INVITED_UNITS);
    const codes: string[] = [];
    for (const unit of invited) codes.push((await admin<{ code: string }>(bot, 'POST', '/invites', { unit: unit.code, role: 'officer' })).code);
    const chats = Array.from({ length: CHATS }, (_, i) => FIRST_CHAT + i);
    const registering = await converse(bot, chats.map((chat, i) => ({ chat, text: `/start ${codes[i % codes.length] ?? ''}` })));
    const questions = Array.from({ length: QUESTIONS }, (_, i) => ({
      chat: chats[i % chats.length] as number,
      text: i % 2 === 0 ? '/diem thang 8' : `/diem thang 8 ${communes[(i * 7) % communes.length]?.name ?? ''}`,
    }));
    const asking = await converse(bot, questions);
    const cards = () => telegram.calls.filter((c) => c.method === 'sendMessage' && Number(c.payload.chat_id) >= FIRST_CHAT && String(c.payload.text).includes('Tổng điểm')).length;
    const cardsAnswered = cards();

    const publication = await admin<{ enqueued: number; again: boolean }>(bot, 'POST', '/publications', { period: PERIOD });
    const target = cardsAnswered + publication.enqueued;
    for (let last = -1, still = 0; cards() < target && still < 20; ) {
      await new Promise((r) => setTimeout(r, 1000));
      still = cards() === last ? still + 1 : 0;
      last = cards();
    }
    const published = cards() - cardsAnswered;
    const wait = imported + WORKER_IDLE_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));

    const { memory } = (await bot.ask('memory')) as Extract<BotMessage, { memory: unknown }>;
    const { rss, peak } = processMemory(bot.child.pid);
    const { memory: afterGc } = (await bot.ask('gc')) as Extract<BotMessage, { memory: unknown }>;
    await new Promise((r) => setTimeout(r, 1000));
    const collected = { rss: processMemory(bot.child.pid).rss, heap: afterGc.heapUsed / 2 ** 20 };
    const wasm = wasmMemory(bot.child.pid);
    const measured = { rss, peak, heap: memory.heapUsed / 2 ** 20, external: memory.external / 2 ** 20, collected, wasm };
    const pglitePart = wasm ? `, PGlite's WebAssembly memory ${mb(wasm.resident)} resident of ${mb(wasm.size)}` : '';
    console.log(
      `${label.padEnd(24)} RSS ${mb(rss)} (peak ${mb(peak)}; V8 heap ${mb(measured.heap)}, outside it ${mb(measured.external)}${pglitePart}; after a full GC: RSS ${mb(collected.rss)}, heap ${mb(collected.heap)}) — ` +
        `session ${((Date.now() - started) / 1000).toFixed(0)} s: ${cardsAnswered} cards answered, ${published} published${publication.again ? ' (published before)' : ''}, webhooks not 200: ${registering + asking}`,
    );
    telegram.calls.splice(0);
    return measured;
  } finally {
    await bot.stop();
  }
}

/** An empty PGlite opened in a fresh process with chiso-bot's options. */
type Floor = { rss: number; peak: number; wasm: { resident: number; size: number } | null };

async function floor(build: string, dataDir: string): Promise<Floor> {
  const child = fork(join(build, 'bench', 'pglite-floor.js'), [dataDir], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const measured = await new Promise<Floor>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Floor));
    child.once('exit', (code) => reject(new Error(`the PGlite floor process exited (${code})`)));
  });
  await new Promise((resolve) => child.once('exit', resolve));
  return measured;
}

const verdict = (rss: number, goal: number, floorRss?: number) => {
  if (rss < goal) return `goal < ${goal} MB: met`;
  if (floorRss !== undefined && floorRss >= goal) return `floor ${mb(floorRss)} is above the goal of ${goal} MB; within 50 MB of it: ${rss - floorRss <= 50 ? 'met' : 'MISSED'}`;
  return `goal < ${goal} MB: MISSED`;
};

export async function benchMemory(): Promise<void> {
  console.log(`\n== Memory after a session (demo, the portal month imported, ${CHATS} chats registered, ${QUESTIONS} questions, a publication to them), node on a compiled build`);
  const build = compileForBench();
  const telegram = await new TelegramStandIn().start();
  const folders: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-bench-memory-'));
    folders.push(dir);
    return dir;
  };
  try {
    const floorDir = folder();
    const floorFresh = await floor(build.dir, floorDir);
    const floorWarm = await floor(build.dir, floorDir);
    const wasmOf = (f: Floor) => (f.wasm ? `, WebAssembly memory ${mb(f.wasm.resident)} resident of ${mb(f.wasm.size)}` : '');
    console.log(
      `PGlite floor: empty, fresh folder RSS ${mb(floorFresh.rss)} (peak ${mb(floorFresh.peak)}${wasmOf(floorFresh)}); reopened RSS ${mb(floorWarm.rss)} (peak ${mb(floorWarm.peak)}${wasmOf(floorWarm)})`,
    );

    const dataDir = folder();
    const fresh = await session('PGlite, fresh folder', { DATA_DIR: dataDir }, build.dir, telegram);
    console.log(`${''.padEnd(24)} ${verdict(fresh.rss, 400, floorFresh.rss)}`);
    const warm = await session('PGlite, second start', { DATA_DIR: dataDir }, build.dir, telegram);
    console.log(`${''.padEnd(24)} ${verdict(warm.rss, 300, floorWarm.rss)}`);

    const serverUrl = process.env.DATABASE_URL;
    if (serverUrl) {
      const name = `chiso_bench_memory_${process.pid}`;
      const server = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await server.unsafe(`create database ${name}`);
      try {
        const url = new URL(serverUrl);
        url.pathname = `/${name}`;
        const pg = await session('PostgreSQL', { DATABASE_URL: url.toString(), DATA_DIR: folder() }, build.dir, telegram);
        console.log(`${''.padEnd(24)} ${verdict(pg.rss, 150)}`);
      } finally {
        await server.unsafe(`drop database if exists ${name} with (force)`);
        await server.end();
      }
    }
  } finally {
    await telegram.stop();
    build.remove();
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  }
}

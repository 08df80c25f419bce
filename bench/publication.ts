/**
 * Publication to 10,000 chats (BENCH_CHATS to change) through the real app, against a stand-in Bot
 * API that allows 30 messages/s overall and 1/s per chat and answers 429 beyond. Prints the time to
 * enqueue, the sustained sending rate, the 429s provoked, duplicates and losses.
 */
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { importFiles } from '../src/services/imports.js';
import { TelegramStandIn, type ApiAnswer } from '../tests/helpers/telegram-stand-in.js';
import { portalFiles } from './imports.js';
import { benchTargets, timed, verdict } from './targets.js';

const CHATS = Number(process.env.BENCH_CHATS ?? 10_000);
const TOKEN = '7000000001:BENCH-token';
const ADMIN_TOKEN = 'bench-admin-token-0123456789';

/** Telegram's limits as a server enforces them: a sliding second overall, and one message a second per chat. */
export function limitedTelegram(telegram: TelegramStandIn): { tooMany: () => number } {
  const recent: number[] = [];
  const lastToChat = new Map<string, number>();
  let tooMany = 0;
  telegram.intercept = (method, payload): ApiAnswer | undefined => {
    if (method !== 'sendMessage') return undefined;
    const now = Date.now();
    while (recent.length > 0 && (recent[0] ?? 0) <= now - 1000) recent.shift();
    const chat = String(payload.chat_id);
    if (recent.length >= 30 || now - (lastToChat.get(chat) ?? 0) < 1000) {
      tooMany += 1;
      return { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } };
    }
    recent.push(now);
    lastToChat.set(chat, now);
    return undefined;
  };
  return { tooMany: () => tooMany };
}

export async function benchPublication(): Promise<void> {
  console.log(`\n== Publication to ${CHATS} chats (stand-in: 30 msg/s overall, 1/s per chat)`);
  for (const target of benchTargets()) {
    const { database, env, drop } = await target.open();
    const telegram = await new TelegramStandIn().start();
    const limits = limitedTelegram(telegram);
    try {
      await importFiles(database.db, portalFiles(), { period: '2026-08' });
      const units = await database.query<{ id: number }>("select id from units where parent_id is not null order by id");
      await database.query(
        `insert into chats (channel, external_id, type, unit_id, role)
         select 'telegram', (9000000 + g)::text, 'private', ($2::jsonb ->> (g % jsonb_array_length($2::jsonb)))::int, 'officer' from generate_series(0, $1 - 1) g`,
        [CHATS, JSON.stringify(units.map((u) => u.id))],
      );
      await database.close();
      const app = await startApp(
        loadConfig({
          ...env,
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          ADMIN_TOKEN,
          TELEGRAM_BOT_TOKEN: TOKEN,
          TELEGRAM_API_ROOT: telegram.url,
          PUBLIC_URL: 'https://chiso.example.gov.vn',
        }),
      );
      await app.channelsConnected;
      try {
        const enqueue = await timed(async () => {
          const response = await fetch(`${app.url}/api/publications`, {
            method: 'POST',
            headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
            body: JSON.stringify({ period: '2026-08' }),
          });
          return (await response.json()) as { enqueued: number };
        });
        console.log(`${target.label.padEnd(11)} enqueue ${enqueue.value.enqueued} messages        ${verdict(enqueue.ms, 2000)}`);
        const delivered = () => telegram.calls.filter((c) => c.method === 'sendMessage' && c.answer?.ok === true);
        const started = Date.now();
        let last = -1;
        while (delivered().length < CHATS) {
          await new Promise((r) => setTimeout(r, 1000));
          const now = delivered().length;
          if (now === last && Date.now() - started > 60_000 && now < CHATS) {
            const stalled = await app.database.query<{ status: string; n: number }>('select status, count(*)::int as n from outbox group by status');
            if (stalled.every((s) => s.status !== 'pending' && s.status !== 'sending')) break;
          }
          last = now;
          if ((Date.now() - started) % 30_000 < 1000) console.log(`            … ${now}/${CHATS} sent`);
        }
        const sent = delivered();
        const first = Math.min(...sent.map((c) => c.at));
        const lastAt = Math.max(...sent.map((c) => c.at));
        const rate = (sent.length - 1) / ((lastAt - first) / 1000);
        const perChat = new Map<string, number>();
        for (const c of sent) perChat.set(String(c.payload.chat_id), (perChat.get(String(c.payload.chat_id)) ?? 0) + 1);
        const duplicates = [...perChat.values()].reduce((n, k) => n + k - 1, 0);
        const lost = CHATS - perChat.size;
        console.log(`${target.label.padEnd(11)} sustained rate ${rate.toFixed(2)} msg/s (goal ≥ 28,5: ${rate >= 28.5 ? 'met' : 'MISSED'}); 429s provoked: ${limits.tooMany()}; duplicates: ${duplicates}; lost: ${lost}`);
      } finally {
        await app.stop();
      }
    } finally {
      await telegram.stop();
      await drop().catch(() => undefined);
    }
  }
}

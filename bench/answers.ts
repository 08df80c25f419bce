/**
 * 1,000 people asking at once (BENCH_USERS to change) through the real webhook, against a stand-in
 * Bot API that allows 30 messages/s overall and 1/s per chat. Prints the webhook answers that were
 * not 200, the slowest acknowledgement, the time until the last question had its answer, and any
 * question left without one or answered twice.
 */
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { TelegramStandIn } from '../tests/helpers/telegram-stand-in.js';
import { limitedTelegram } from './publication.js';
import { benchTargets } from './targets.js';

const USERS = Number(process.env.BENCH_USERS ?? 1000);
const TOKEN = '7000000001:BENCH-token';
const SECRET = 'bench-webhook-secret';

function question(i: number) {
  const id = 8_000_000 + i;
  return {
    update_id: 1_000_000 + i,
    message: {
      message_id: i + 1,
      date: Math.floor(Date.now() / 1000),
      chat: { id, type: 'private', first_name: 'Cán bộ' },
      from: { id, is_bot: false, first_name: 'Cán bộ' },
      text: '/huongdan',
      entities: [{ type: 'bot_command', offset: 0, length: 9 }],
    },
  };
}

export async function benchAnswers(): Promise<void> {
  console.log(`\n== ${USERS} questions at once (stand-in: 30 msg/s overall, 1/s per chat)`);
  for (const target of benchTargets()) {
    const { database, env, drop } = await target.open();
    await database.close();
    const telegram = await new TelegramStandIn().start();
    const limits = limitedTelegram(telegram);
    const app = await startApp(
      loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: telegram.url, TELEGRAM_WEBHOOK_SECRET: SECRET, PUBLIC_URL: 'https://chiso.example.gov.vn' }),
    );
    await app.channelsConnected;
    try {
      const started = Date.now();
      const acknowledged = await Promise.all(
        Array.from({ length: USERS }, async (_, i) => {
          const sent = Date.now();
          const response = await fetch(`${app.url}/telegram/webhook`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
            body: JSON.stringify(question(i)),
          });
          await response.text();
          return { status: response.status, ms: Date.now() - sent };
        }),
      );
      const answeredChats = () => new Set(telegram.calls.filter((c) => c.method === 'sendMessage' && c.answer?.ok === true).map((c) => String(c.payload.chat_id)));
      let last = -1;
      let still = 0;
      while (answeredChats().size < USERS && still < 30) {
        await new Promise((r) => setTimeout(r, 1000));
        const now = answeredChats().size;
        still = now === last ? still + 1 : 0;
        last = now;
      }
      const answers = telegram.calls.filter((c) => c.method === 'sendMessage' && c.answer?.ok === true);
      const perChat = new Map<string, number>();
      for (const c of answers) perChat.set(String(c.payload.chat_id), (perChat.get(String(c.payload.chat_id)) ?? 0) + 1);
      const notOk = acknowledged.filter((a) => a.status !== 200).length;
      const slowest = Math.max(...acknowledged.map((a) => a.ms));
      const lastAnswer = Math.max(...answers.map((c) => c.at)) - started;
      console.log(
        `${target.label.padEnd(11)} webhooks not 200: ${notOk}; slowest acknowledgement ${slowest} ms (goal < 10000: ${slowest < 10_000 ? 'met' : 'MISSED'}); all answered after ${(lastAnswer / 1000).toFixed(1)} s; ` +
          `unanswered: ${USERS - perChat.size}; answered twice: ${[...perChat.values()].filter((n) => n > 1).length}; 429s provoked: ${limits.tooMany()}`,
      );
    } finally {
      await app.stop();
      await telegram.stop();
      await drop().catch(() => undefined);
    }
  }
}

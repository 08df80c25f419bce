/** Settings from the environment (and .env), checked once at start with one clear message per bad value. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { isSecretSetting, passwordOf, secretHint, withoutPassword } from './redaction.js';

const optional = (schema: z.ZodType<string>) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** A province as the portal codes it (H44), or the id of its tree. */
const PROVINCE_CODE = /^([A-Za-z]\d{2,3}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;

/** The real portal is asked slowly whatever the settings say; a local stand-in may be asked at once. */
const REAL_PORTAL_HOST = 'dichvucong.gov.vn';
const REAL_PORTAL_MIN_PAUSE_MS = 1000;

const schema = z.object({
  PORT: z.coerce
    .number({ error: 'phải là một số' })
    .int('phải là số nguyên')
    .min(0, 'phải từ 0 đến 65535')
    .max(65535, 'phải từ 0 đến 65535')
    .default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'phải bắt đầu bằng postgres:// hoặc postgresql://')),
  DATA_DIR: z.string().default('./data'),
  TELEGRAM_BOT_TOKEN: optional(z.string().regex(/^\d+:[\w-]+$/, 'không đúng dạng token của BotFather (123456:ABC…)')),
  TELEGRAM_WEBHOOK_SECRET: optional(z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'chỉ gồm A-Z, a-z, 0-9, _ và -, tối đa 256 ký tự')),
  TELEGRAM_API_ROOT: z.url('phải là một địa chỉ URL').default('https://api.telegram.org'),
  TELEGRAM_BOT_USERNAME: optional(z.string().regex(/^\w{3,64}$/, 'chỉ gồm chữ, số và _')),
  PUBLIC_URL: optional(z.url('phải là một địa chỉ URL, ví dụ https://chiso.example.gov.vn')),
  ADMIN_TOKEN: optional(z.string().min(16, 'phải dài ít nhất 16 ký tự')),
  METRICS_TOKEN: optional(z.string().min(16, 'phải dài ít nhất 16 ký tự')),
  CHAT_RATE_LIMIT: z.coerce.number({ error: 'phải là một số' }).int('phải là số nguyên').min(0, 'phải từ 0 trở lên (0: không giới hạn)').default(20),
  CHAT_RATE_WINDOW_SECONDS: z.coerce.number({ error: 'phải là một số' }).int('phải là số nguyên').min(1, 'phải từ 1 giây trở lên').default(60),
  TZ: z.string().default('Asia/Ho_Chi_Minh').refine(isTimeZone, 'không phải múi giờ IANA mà máy biết, ví dụ Asia/Ho_Chi_Minh'),
  PUBLISH_AUTO_TIME: optional(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'phải có dạng HH:MM, ví dụ 08:00')),
  HOLIDAYS: z
    .string()
    .default('')
    .refine((v) => v.split(',').every((d) => d.trim() === '' || isCalendarDate(d.trim())), 'phải là danh sách ngày có thật dạng YYYY-MM-DD, cách nhau bởi dấu phẩy, ví dụ 2026-09-02'),
  REMINDER_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'phải có dạng HH:MM, ví dụ 08:00').default('08:00'),
  REMINDER_OFFSETS: z
    .string()
    .default('3,1,0')
    .refine((v) => v.split(',').every((n) => /^\d{1,2}$/.test(n.trim())), 'phải là các số ngày làm việc trước hạn, cách nhau bởi dấu phẩy, ví dụ 3,1,0'),
  DELIVERY_LEASE_SECONDS: z.coerce.number({ error: 'phải là một số' }).int('phải là số nguyên').min(1, 'phải từ 1 giây trở lên').default(60),
  TRUST_PROXY: optional(z.string().regex(/^(true|[\d.:a-fA-F/, ]+)$/, { error: 'phải là true hoặc danh sách địa chỉ IP/CIDR của proxy, ví dụ 127.0.0.1,10.0.0.0/8' })),
  ZALO_BOT_TOKEN: optional(z.string().regex(/^\d+:[\w-]+$/, 'không đúng dạng token của Zalo Bot (12345689:abc-xyz)')),
  ZALO_BOT_WEBHOOK_SECRET: optional(z.string().regex(/^[A-Za-z0-9_-]{8,256}$/, 'từ 8 đến 256 ký tự A-Z, a-z, 0-9, _ và -')),
  ZALO_BOT_API_ROOT: z.url('phải là một địa chỉ URL').default('https://bot-api.zaloplatforms.com'),
  ZALO_BOT_NAME: optional(z.string().max(100, 'tối đa 100 ký tự')),
  ZALO_OA_APP_ID: optional(z.string().regex(/^\d+$/, 'là dãy số (App ID của ứng dụng Zalo)')),
  ZALO_OA_ID: optional(z.string().regex(/^\d+$/, 'là dãy số (OA ID của Official Account)')),
  ZALO_OA_SECRET_KEY: optional(z.string().min(8, 'phải dài ít nhất 8 ký tự')),
  ZALO_OA_APP_SECRET: optional(z.string().min(8, 'phải dài ít nhất 8 ký tự')),
  ZALO_OA_ACCESS_TOKEN: optional(z.string().min(8, 'phải dài ít nhất 8 ký tự')),
  ZALO_OA_REFRESH_TOKEN: optional(z.string().min(8, 'phải dài ít nhất 8 ký tự')),
  ZALO_OA_API_ROOT: z.url('phải là một địa chỉ URL').default('https://openapi.zalo.me'),
  ZALO_OAUTH_ROOT: z.url('phải là một địa chỉ URL').default('https://oauth.zaloapp.com'),
  ZALO_OA_NAME: optional(z.string().max(100, 'tối đa 100 ký tự')),
  ZALO_OA_OUTSIDE_WINDOW: z.enum(['report', 'wait'], { error: 'phải là report (báo "ngoài thời hạn tương tác") hoặc wait (chờ tin nhắn tiếp theo của người dùng)' }).default('report'),
  PORTAL_API_ROOT: z.url('phải là một địa chỉ URL, ví dụ https://dichvucong.gov.vn').default('https://dichvucong.gov.vn'),
  COLLECT_CONTACT: optional(z.string().max(200, 'tối đa 200 ký tự').regex(/^[^\r\n()]+$/, 'một dòng, không có dấu ngoặc: một địa chỉ thư hoặc trang web, ví dụ vanphong@phutho.gov.vn')),
  COLLECT_PAUSE_MS: z.coerce.number({ error: 'phải là một số' }).int('phải là số nguyên').min(0, 'phải từ 0 trở lên').default(5000),
  COLLECT_JITTER_MS: z.coerce.number({ error: 'phải là một số' }).int('phải là số nguyên').min(0, 'phải từ 0 trở lên').default(3000),
  COLLECT_TIMEOUT_MS: z.coerce.number({ error: 'phải là một số' }).int('phải là số nguyên').min(100, 'phải từ 100 ms trở lên').max(600_000, 'tối đa 600000 ms (10 phút)').default(30_000),
  COLLECT_PROVINCES: z
    .string()
    .default('')
    .refine((v) => v.split(',').every((c) => c.trim() === '' || PROVINCE_CODE.test(c.trim())), 'phải là các mã tỉnh của Cổng DVCQG, cách nhau bởi dấu phẩy, ví dụ H44,H26'),
  COLLECT_NATIONAL: z.enum(['true', 'false'], { error: 'phải là true (thu thập cả danh sách các tỉnh, thành phố mỗi ngày) hoặc false' }).default('true'),
  COLLECT_TIME: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'phải có dạng HH:MM, ví dụ 06:30').default('06:30'),
  LOG_FORMAT: z.enum(['json', 'pretty'], { error: 'phải là json (một dòng JSON mỗi sự kiện, cho máy đọc) hoặc pretty (dễ đọc trên màn hình)' }).default('json'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'phải là một trong fatal, error, warn, info, debug, trace, silent' }).default('info'),
});

export interface Config {
  port: number;
  host: string;
  database: { url: string } | { dataDir: string };
  dataDir: string;
  telegram: {
    token: string;
    apiRoot: string;
    /** Set: webhook mode at PUBLIC_URL/telegram/webhook. Unset: long polling. */
    publicUrl: string | null;
    webhookSecret: string;
    username: string | null;
  } | null;
  adminToken: string | null;
  /** Bearer token that opens GET /metrics besides the admin token; null: only the admin token. */
  metricsToken: string | null;
  /** At most `updates` updates per chat in `windowSeconds` (0: no limit). */
  chatRateLimit: { updates: number; windowSeconds: number };
  timeZone: string;
  /** Local time ("08:00") at which a period is published on the next working day after its import; null: off. */
  publishAutoTime: string | null;
  /** Public holidays (YYYY-MM-DD) that are not working days. */
  holidays: ReadonlySet<string>;
  deliveryLeaseSeconds: number;
  /** Local time of reminders and digests, and the working days before a deadline that remind (0: the day). */
  reminders: { time: string; offsets: number[] };
  logLevel: string;
  /** json: one JSON line an event; pretty: for a terminal (pino-pretty, loaded only then). */
  logFormat: 'json' | 'pretty';
  /** Behind a reverse proxy: which X-Forwarded-For to believe (Fastify's trustProxy); false: none. */
  trustProxy: boolean | string;
  /** TELEGRAM_BOT_USERNAME, for invite links made where the bot does not run (a CLI on another machine). */
  telegramUsername: string | null;
  /** PUBLIC_URL without a trailing slash: where webhooks and files sent by address are reached; null when unset. */
  publicUrl: string | null;
  /** Zalo Bot Platform (channels.md A6); null when ZALO_BOT_TOKEN is unset. */
  zaloBot: { token: string; apiRoot: string; webhookSecret: string; name: string | null } | null;
  /** Zalo Official Account (channels.md A1–A5); null when its settings are unset. */
  zaloOa: {
    appId: string;
    /** This OA's id: events of the app's other OAs (one webhook serves them all) are left alone; null accepts any. */
    oaId: string | null;
    /** The OA Secret Key that signs webhooks (not the app secret). */
    secretKey: string;
    appSecret: string | null;
    accessToken: string;
    refreshToken: string | null;
    apiRoot: string;
    oauthRoot: string;
    name: string | null;
    /** A message outside the messaging window: reported, or kept until the user writes again. */
    outsideWindow: 'report' | 'wait';
  } | null;
  /** The collector of the portal's evaluation API; `provinces` empty: no scheduled collection. */
  collector: {
    apiRoot: string;
    contact: string | null;
    pauseMs: number;
    jitterMs: number;
    timeoutMs: number;
    provinces: string[];
    /** Local time of the daily collection after a month's end. */
    time: string;
    /** The daily collection asks the national list of provinces too. */
    national: boolean;
  };
}

/** All that is wrong in the settings, as one line: what start prints before it exits. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ: ${problems.join('; ')}. Sửa trong .env hoặc biến môi trường rồi chạy lại.`);
  }
}

/** A time zone this Node knows (TZ=Mars/Base is refused here, not at the first reminder). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** YYYY-MM-DD of a day that exists: not 2026-13-01, not 2026-02-30. */
function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The value a problem is about, as it may be shown: a secret by its length and end only, an address without its password. */
function shownValue(key: string, value: string | undefined): string {
  if (value === undefined || value === '') return '(chưa đặt)';
  if (key === 'DATABASE_URL') {
    const shown = withoutPassword(value);
    return shown === null ? secretHint(value) : JSON.stringify(shown);
  }
  return isSecretSetting(key) ? secretHint(value) : JSON.stringify(value);
}

/** Every secret the settings hold, for the logger to keep out of what it prints. */
export function secretsOf(config: Config): string[] {
  const url = 'url' in config.database ? config.database.url : null;
  return [
    config.telegram?.token,
    config.telegram?.webhookSecret,
    config.adminToken,
    config.zaloBot?.token,
    config.zaloBot?.webhookSecret,
    config.zaloOa?.secretKey,
    config.zaloOa?.appSecret,
    config.zaloOa?.accessToken,
    config.zaloOa?.refreshToken,
    url ? passwordOf(url) : null,
  ].filter((s): s is string => typeof s === 'string' && s !== '');
}

/** Reads .env from the working folder into process.env, without overriding what is already set. */
export function loadDotEnv(file = '.env'): void {
  const path = resolve(file);
  if (existsSync(path)) process.loadEnvFile(path);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0]);
        return `${key}: ${issue.message} (giá trị hiện tại: ${shownValue(key, env[key])})`;
      }),
    );
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const oaKeys = ['ZALO_OA_APP_ID', 'ZALO_OA_SECRET_KEY', 'ZALO_OA_ACCESS_TOKEN'] as const;
  const oaGiven = oaKeys.filter((key) => e[key] !== undefined);
  if (oaGiven.length > 0 && oaGiven.length < oaKeys.length) {
    throw new ConfigError(oaKeys.filter((key) => e[key] === undefined).map((key) => `${key}: cần có khi đã đặt ${oaGiven.join(', ')} (Zalo OA cần cả ${oaKeys.join(', ')})`));
  }
  const portalHost = new URL(e.PORTAL_API_ROOT).hostname;
  if ((portalHost === REAL_PORTAL_HOST || portalHost.endsWith(`.${REAL_PORTAL_HOST}`)) && e.COLLECT_PAUSE_MS < REAL_PORTAL_MIN_PAUSE_MS) {
    throw new ConfigError([`COLLECT_PAUSE_MS: với Cổng DVCQG thật (${portalHost}) phải từ ${REAL_PORTAL_MIN_PAUSE_MS} ms trở lên, để không dồn yêu cầu vào Cổng (giá trị hiện tại: ${e.COLLECT_PAUSE_MS})`]);
  }
  const stripSlash = (url: string) => url.replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL ? { url: e.DATABASE_URL } : { dataDir },
    dataDir,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
          publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null,
          // Every instance must agree on the secret, so the default is derived from the token.
          webhookSecret: e.TELEGRAM_WEBHOOK_SECRET ?? createHash('sha256').update(`webhook:${e.TELEGRAM_BOT_TOKEN}`).digest('hex').slice(0, 48),
          username: e.TELEGRAM_BOT_USERNAME ?? null,
        }
      : null,
    adminToken: e.ADMIN_TOKEN ?? null,
    metricsToken: e.METRICS_TOKEN ?? null,
    chatRateLimit: { updates: e.CHAT_RATE_LIMIT, windowSeconds: e.CHAT_RATE_WINDOW_SECONDS },
    timeZone: e.TZ,
    publishAutoTime: e.PUBLISH_AUTO_TIME ?? null,
    holidays: new Set(e.HOLIDAYS.split(',').map((d) => d.trim()).filter(Boolean)),
    deliveryLeaseSeconds: e.DELIVERY_LEASE_SECONDS,
    reminders: { time: e.REMINDER_TIME, offsets: [...new Set(e.REMINDER_OFFSETS.split(',').map((n) => Number(n.trim())))].sort((a, b) => b - a) },
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    trustProxy: e.TRUST_PROXY === undefined ? false : e.TRUST_PROXY === 'true' || e.TRUST_PROXY,
    telegramUsername: e.TELEGRAM_BOT_USERNAME ?? null,
    publicUrl: e.PUBLIC_URL ? stripSlash(e.PUBLIC_URL) : null,
    zaloBot: e.ZALO_BOT_TOKEN
      ? {
          token: e.ZALO_BOT_TOKEN,
          apiRoot: stripSlash(e.ZALO_BOT_API_ROOT),
          webhookSecret: e.ZALO_BOT_WEBHOOK_SECRET ?? createHash('sha256').update(`zalo-webhook:${e.ZALO_BOT_TOKEN}`).digest('hex').slice(0, 48),
          name: e.ZALO_BOT_NAME ?? null,
        }
      : null,
    zaloOa:
      e.ZALO_OA_APP_ID && e.ZALO_OA_SECRET_KEY && e.ZALO_OA_ACCESS_TOKEN
        ? {
            appId: e.ZALO_OA_APP_ID,
            oaId: e.ZALO_OA_ID ?? null,
            secretKey: e.ZALO_OA_SECRET_KEY,
            appSecret: e.ZALO_OA_APP_SECRET ?? null,
            accessToken: e.ZALO_OA_ACCESS_TOKEN,
            refreshToken: e.ZALO_OA_REFRESH_TOKEN ?? null,
            apiRoot: stripSlash(e.ZALO_OA_API_ROOT),
            oauthRoot: stripSlash(e.ZALO_OAUTH_ROOT),
            name: e.ZALO_OA_NAME ?? null,
            outsideWindow: e.ZALO_OA_OUTSIDE_WINDOW,
          }
        : null,
    collector: {
      apiRoot: stripSlash(e.PORTAL_API_ROOT),
      contact: e.COLLECT_CONTACT?.trim() ?? null,
      pauseMs: e.COLLECT_PAUSE_MS,
      jitterMs: e.COLLECT_JITTER_MS,
      timeoutMs: e.COLLECT_TIMEOUT_MS,
      provinces: [...new Set(e.COLLECT_PROVINCES.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean))],
      time: e.COLLECT_TIME,
      national: e.COLLECT_NATIONAL === 'true',
    },
  };
}

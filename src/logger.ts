/**
 * The process's logger: one JSON line an event (LOG_FORMAT=json, for a log collector), or pino-pretty's
 * coloured lines for a terminal (LOG_FORMAT=pretty: loaded only then, in pino's worker thread). An
 * error's text may hold a secret (a Bot API URL carries the token in its path): errors are printed
 * with every secret of the settings masked.
 */
import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';
import { scrubber } from './redaction.js';

export interface LoggerOptions {
  format?: 'json' | 'pretty';
  /** Values never to print (TELEGRAM_BOT_TOKEN, ADMIN_TOKEN, …). */
  secrets?: readonly string[];
  /** Where the lines go (tests capture them); stdout otherwise. */
  destination?: DestinationStream;
}

type Serialized = Record<string, unknown>;

/** pino's error serializer, with every string in what it yields (message, stack, causes) masked. */
function maskedErrors(mask: (text: string) => string): (error: Error) => Serialized {
  const deep = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return mask(value);
    if (depth > 4 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((item) => deep(item, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, deep(item, depth + 1)]));
  };
  return (error) => deep(stdSerializers.err(error), 0) as Serialized;
}

export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const mask = scrubber(options.secrets ?? []);
  const settings = {
    level,
    base: { app: 'chiso-bot' },
    redact: ['req.headers.authorization', 'req.headers["x-telegram-bot-api-secret-token"]'],
    serializers: { err: maskedErrors(mask) },
  };
  if (options.destination) return pino(settings, options.destination);
  if (options.format === 'pretty') {
    // One line an event, as in JSON; colours only on a terminal.
    const options = { colorize: process.stdout.isTTY, singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,app' };
    return pino(settings, pino.transport({ target: 'pino-pretty', options }));
  }
  return pino(settings);
}

import { pino, type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'chiso-bot' }, redact: ['req.headers.authorization', 'req.headers["x-telegram-bot-api-secret-token"]'] });
}

/** `npm start`: read the settings, start everything, stop cleanly on SIGINT/SIGTERM. */
import { ConfigError, loadConfig, loadDotEnv, type Config } from './config.js';
import { DatabaseBusyError } from './db/client.js';
import { startApp, type RunningApp } from './app.js';
import { createLogger } from './logger.js';
import { t } from './messages/i18n.js';

/** How long a stop after a fault may take before the process exits anyway. */
const FAULT_STOP_MS = 10_000;

async function main(): Promise<void> {
  loadDotEnv();
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  const log = createLogger(config.logLevel);
  let app: RunningApp | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (code !== 0) setTimeout(() => process.exit(code), FAULT_STOP_MS).unref();
    await app?.stop().catch((error: unknown) => log.error({ err: error }, 'stop failed'));
    process.exit(code);
  };
  // A fault nobody handled leaves the process in a state nobody knows: say what it was, give back
  // the messages claimed, and exit non-zero for the supervisor to start a fresh process.
  process.on('uncaughtException', (error) => {
    log.fatal({ err: error }, 'uncaught exception: stopping');
    void stop(1);
  });
  process.on('unhandledRejection', (reason) => {
    log.fatal({ err: reason }, 'unhandled promise rejection: stopping');
    void stop(1);
  });
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    app = await startApp(config, { logger: log });
  } catch (error) {
    if (error instanceof DatabaseBusyError) {
      console.error(t('database-busy', { dir: error.dataDir, pid: error.pid }));
      process.exit(2);
    }
    throw error;
  }
}

await main();

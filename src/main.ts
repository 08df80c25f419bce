/**
 * `npm start`: read the settings, start everything, stop cleanly on SIGINT/SIGTERM.
 *
 * A start that fails ends in one Vietnamese line on stderr naming the setting or the cause and what
 * to do, and a non-zero exit code (2: the settings, 1: anything else); the stack only with
 * LOG_LEVEL=debug. A stop lets what is in flight finish and exits 0 within STOP_MS, or 1 if it could not.
 */
import { ConfigError, loadConfig, loadDotEnv, secretsOf, type Config } from './config.js';
import { startApp, type RunningApp } from './app.js';
import { createLogger } from './logger.js';
import { scrubber } from './redaction.js';
import { describeStartupFailure } from './startup-failure.js';

/** A stop that takes longer than this is cut short (exit 1): orchestrators kill at 10 s. */
const STOP_MS = 9_000;

const DEBUG_LEVELS = new Set(['debug', 'trace']);

/** Prints the one line, the stack too when asked for, and exits. */
function fail(error: unknown, config: Config | null): never {
  const mask = scrubber(config ? secretsOf(config) : []);
  const { line, exitCode } = describeStartupFailure(error, config, mask);
  process.stderr.write(`${line.replace(/\s*\n\s*/g, ' ')}\n`);
  const level = config?.logLevel ?? process.env.LOG_LEVEL ?? '';
  if (DEBUG_LEVELS.has(level) && !(error instanceof ConfigError)) process.stderr.write(`${mask(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
  process.exit(exitCode);
}

async function main(): Promise<void> {
  let config: Config | null = null;
  try {
    loadDotEnv();
    config = loadConfig();
  } catch (error) {
    fail(error, null);
  }
  const log = createLogger(config.logLevel, { format: config.logFormat, secrets: secretsOf(config) });
  let app: RunningApp | null = null;
  let stopRequested: number | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    if (!app) {
      // Still starting (a database slow to answer): stop as soon as the start is over, or give up.
      if (stopRequested === null) setTimeout(() => process.exit(1), STOP_MS).unref();
      stopRequested ??= code;
      return;
    }
    stopping = true;
    setTimeout(() => {
      log.error({ ms: STOP_MS }, 'stop took too long: exiting now; unfinished work comes back after its lease');
      process.exit(1);
    }, STOP_MS).unref();
    let exitCode = code;
    await app.stop().catch((error: unknown) => {
      log.error({ err: error }, 'stop failed');
      exitCode = 1;
    });
    process.exit(exitCode);
  };
  // A fault nobody handled leaves the process in a state nobody knows: say what it was, give back
  // the messages claimed, and exit non-zero for the supervisor to start a fresh process.
  process.on('uncaughtException', (error) => {
    log.fatal({ err: error }, 'uncaught exception: stopping');
    if (!app) fail(error, config);
    void stop(1);
  });
  process.on('unhandledRejection', (reason) => {
    log.fatal({ err: reason }, 'unhandled promise rejection: stopping');
    if (!app) fail(reason, config);
    void stop(1);
  });
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  try {
    app = await startApp(config, { logger: log });
  } catch (error) {
    fail(error, config);
  }
  if (stopRequested !== null) await stop(stopRequested);
}

await main();

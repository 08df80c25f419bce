/** `npm start`: read the settings, start everything, stop cleanly on SIGINT/SIGTERM. */
import { ConfigError, loadConfig, loadDotEnv } from './config.js';
import { DatabaseBusyError } from './db/client.js';
import { startApp } from './app.js';
import { t } from './messages/i18n.js';

async function main(): Promise<void> {
  loadDotEnv();
  let app;
  try {
    app = await startApp(loadConfig());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    if (error instanceof DatabaseBusyError) {
      console.error(t('database-busy', { dir: error.dataDir, pid: error.pid }));
      process.exit(2);
    }
    throw error;
  }
  const running = app;
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await running.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

await main();

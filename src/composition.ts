/**
 * The services and their dependencies, built in one place for the server, the CLI and the terminal
 * chat alike: whatever door an import comes through, it schedules the automatic publication, and
 * invites name every channel the settings turn on.
 */
import type { Logger } from 'pino';
import type { AdminContext } from './admin/commands.js';
import { CHANNELS } from './channels/index.js';
import type { Config } from './config.js';
import type { ConversationDeps } from './core/conversation.js';
import type { Db } from './db/client.js';
import type { Channel } from './db/schema.js';
import type { ImportReport } from './imports/save.js';
import { t } from './messages/i18n.js';
import { schedulePublication } from './scheduler/auto-publish.js';
import { collectorSettingsOf } from './collector/settings.js';
import { BOT_VERSION } from './collector/version.js';

export interface Services {
  conversation: ConversationDeps;
  admin: AdminContext;
}

export interface ServiceParts {
  config: Config;
  db: Db;
  now: () => Date;
  log: Logger | null;
  /** Tells a running dispatcher the outbox has new rows; absent where none runs (a CLI command). */
  wakeDelivery?: () => void;
  /** The names the running bots go by (Telegram's getMe), for invite links. */
  botNames?: Partial<Record<Channel, string>>;
}

export function buildServices({ config, db, now, log, wakeDelivery, botNames = {} }: ServiceParts): Services {
  const onImported = async (report: ImportReport) => {
    if (!config.publishAutoTime) return;
    const at = await schedulePublication(db, report.period, now(), { time: config.publishAutoTime, timeZone: config.timeZone, holidays: config.holidays });
    if (at) log?.info({ period: report.period, at: at.toISOString() }, 'publication scheduled');
  };
  const collector = collectorSettingsOf(config.collector, BOT_VERSION);
  const conversation: ConversationDeps = { db, t, now, timeZone: config.timeZone, onImported, collector, log, ...(wakeDelivery ? { wakeDelivery } : {}) };
  const admin: AdminContext = {
    db,
    collection: { settings: collector, timeZone: config.timeZone },
    inviteHints: (code) => CHANNELS.flatMap((module) => module.inviteHint(config, code, botNames[module.name] ?? null) ?? []),
    now,
    log,
    onImported,
    ...(wakeDelivery ? { wakeDelivery } : {}),
  };
  return { conversation, admin };
}

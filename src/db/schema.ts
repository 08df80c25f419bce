/** The one schema. Migrations in drizzle/ are generated from it (`npm run db:generate`). */
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import type { RunFailure } from '../collector/failure.js';
import type { GroupKey } from '../domain/framework.js';
import type { Role } from '../domain/roles.js';
import type { TaskStatus } from '../domain/tasks.js';
import type { UnitKind } from '../domain/units.js';
import type { ConversationState } from './conversation-states.js';

/*
 * What the text columns may hold. Typed in TypeScript only (`$type`): the columns stay `text`, so a
 * new value needs no migration, and reading a row needs no cast.
 */
/** Where a chat lives: each channel of channels/index.ts, and the terminal chat. */
export const CHANNEL_NAMES = ['telegram', 'zalo-bot', 'zalo-oa', 'console'] as const;
export type Channel = (typeof CHANNEL_NAMES)[number];
export type ChatType = 'private' | 'group';
export type ImportSource = 'letter' | 'portal' | 'sheet';
export type ImportDraftStatus = 'open' | 'importing' | 'done' | 'cancelled';
export type PublicationStatus = 'scheduled' | 'published';
export type CollectionRunStatus = 'running' | 'done' | 'failed';
export type OutboxKind = 'result' | 'summary' | 'reminder' | 'answer';
/**
 * `outside-window`: the channel may not write to the chat now (Zalo OA, 7 days after the user's last
 * message), reported as such; `waiting`: the same, kept to be sent when the user writes again.
 */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'blocked' | 'cancelled' | 'outside-window' | 'waiting';
export type TaskSource = 'letter' | 'leader' | 'suggestion' | 'api';
export type TaskOpenness = 'open' | 'closed';
export type TaskEventKind = 'created' | 'status' | 'note' | 'deadline' | 'closed';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    /** The portal's departmentCode (H44.100), where known. */
    code: text('code'),
    /** The portal's departmentId, for files that carry no code. */
    portalId: text('portal_id'),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    kind: text('kind').$type<UnitKind>().notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => units.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('units_code_key').on(t.code),
    uniqueIndex('units_portal_id_key').on(t.portalId),
    index('units_name_key_idx').on(t.nameKey),
  ],
);

export const imports = pgTable('imports', {
  id: serial('id').primaryKey(),
  source: text('source').$type<ImportSource>().notNull(),
  fileName: text('file_name'),
  period: text('period').notNull(),
  report: jsonb('report'),
  createdAt: createdAt(),
});

export const results = pgTable(
  'results',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    period: text('period').notNull(),
    revision: integer('revision').notNull(),
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id),
    frameworkVersion: text('framework_version').notNull(),
    total: numeric('total'),
    rank: integer('rank'),
    rankOf: integer('rank_of'),
    rankScope: text('rank_scope'),
    classification: text('classification'),
    scoreDelta: numeric('score_delta'),
    scoreDeltaPercent: numeric('score_delta_percent'),
    rankChange: integer('rank_change'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('results_unit_period_revision_key').on(t.unitId, t.period, t.revision), index('results_period_idx').on(t.period)],
);

export const groupScores = pgTable(
  'group_scores',
  {
    resultId: integer('result_id')
      .notNull()
      .references(() => results.id, { onDelete: 'cascade' }),
    groupKey: text('group_key').$type<GroupKey>().notNull(),
    points: numeric('points'),
    max: numeric('max').notNull(),
    rate: numeric('rate'),
    delta: numeric('delta'),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.resultId, t.groupKey] })],
);

export const criterionScores = pgTable(
  'criterion_scores',
  {
    resultId: integer('result_id')
      .notNull()
      .references(() => results.id, { onDelete: 'cascade' }),
    groupKey: text('group_key').$type<GroupKey>().notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    numerator: text('numerator'),
    denominator: text('denominator'),
    rate: numeric('rate'),
    points: numeric('points'),
    max: numeric('max'),
    headline: boolean('headline').notNull().default(false),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.resultId, t.code] })],
);

export const chats = pgTable(
  'chats',
  {
    id: serial('id').primaryKey(),
    channel: text('channel').$type<Channel>().notNull(),
    externalId: text('external_id').notNull(),
    type: text('type').$type<ChatType>().notNull(),
    title: text('title'),
    unitId: integer('unit_id').references(() => units.id),
    role: text('role').$type<Role>(),
    active: boolean('active').notNull().default(true),
    blockedAt: timestamp('blocked_at', { withTimezone: true }),
    /** The user's last message or follow (Zalo OA may write to them only within 7 days of it). */
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('chats_channel_external_key').on(t.channel, t.externalId), index('chats_unit_idx').on(t.unitId)],
);

export const invites = pgTable('invites', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  unitId: integer('unit_id')
    .notNull()
    .references(() => units.id),
  role: text('role').$type<Role>().notNull(),
  maxUses: integer('max_uses'),
  uses: integer('uses').notNull().default(0),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

/** Wrong invite codes a chat typed, kept for the throttle's window; read by every instance. */
export const inviteFailures = pgTable(
  'invite_failures',
  {
    id: serial('id').primaryKey(),
    channel: text('channel').notNull(),
    externalId: text('external_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('invite_failures_chat_idx').on(t.channel, t.externalId, t.at)],
);

/**
 * Each update and how its handling went, so a webhook delivered twice is answered once, and an
 * update whose handling failed is handled again when the platform delivers it again.
 */
export const processedUpdates = pgTable(
  'processed_updates',
  {
    channel: text('channel').notNull(),
    /** The channel's id of the update, as text: Telegram's numbers, Zalo's message ids. */
    updateId: text('update_id').notNull(),
    status: text('status').$type<UpdateStatus>().notNull().default('done'),
    attempts: integer('attempts').notNull().default(1),
    /** The update itself until it is done, so an unfinished one can be handled again. */
    payload: jsonb('payload'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.channel, t.updateId] })],
);

export type UpdateStatus = 'handling' | 'done' | 'failed';

/**
 * Whose turn it is in a chat: one update of a chat is handled at a time, across instances. A row
 * is held for a short lease, renewed while the handling goes on, and kept when it ends: no holder,
 * the lease ended then.
 */
export const chatTurns = pgTable(
  'chat_turns',
  {
    channel: text('channel').notNull(),
    externalId: text('external_id').notNull(),
    holder: text('holder').notNull(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.externalId] })],
);

/**
 * Files an admin sent to the bot, held until they confirm the import (or cancel it). The six portal
 * responses arrive as six messages, so a draft gathers them; bytes are kept base64 in JSON.
 */
export const importDrafts = pgTable(
  'import_drafts',
  {
    id: serial('id').primaryKey(),
    channel: text('channel').notNull(),
    externalId: text('external_id').notNull(),
    period: text('period'),
    files: jsonb('files').$type<{ fileName: string; base64: string }[]>().notNull().default([]),
    status: text('status').$type<ImportDraftStatus>().notNull().default('open'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('import_drafts_chat_idx').on(t.channel, t.externalId, t.status),
    // At most one open draft a chat, whatever races.
    uniqueIndex('import_drafts_one_open_key').on(t.channel, t.externalId).where(sql`${t.status} = 'open'`),
  ],
);

/** A period made public: from then on every linked chat gets its unit's result, once. One per period. */
export const publications = pgTable('publications', {
  id: serial('id').primaryKey(),
  period: text('period').notNull().unique(),
  /** scheduled: an auto-publication waiting for its time. */
  status: text('status').$type<PublicationStatus>().notNull().default('published'),
  scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  /** Who asked: "cli", "api", "telegram:<chat>", "schedule". */
  requestedBy: text('requested_by'),
  createdAt: createdAt(),
});

/** What an outgoing message says, rendered once and shared by every chat that gets the same (a unit's card). */
export const outboxPayloads = pgTable('outbox_payloads', {
  id: serial('id').primaryKey(),
  /** The Reply to send. */
  payload: jsonb('payload').notNull(),
  createdAt: createdAt(),
});

/**
 * Every outgoing notification, first written here with a deterministic dedupe key, then sent by the
 * dispatcher. Enqueueing twice (a second tap, a second instance) inserts nothing.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: serial('id').primaryKey(),
    dedupeKey: text('dedupe_key').notNull(),
    kind: text('kind').$type<OutboxKind>().notNull(),
    /** Higher goes first: an answer to a question before a publication's cards. */
    priority: integer('priority').notNull().default(0),
    chatId: integer('chat_id')
      .notNull()
      .references(() => chats.id),
    unitId: integer('unit_id').references(() => units.id),
    publicationId: integer('publication_id').references(() => publications.id),
    /** For reminders: completing the task cancels what is still waiting. */
    taskId: integer('task_id'),
    payloadId: integer('payload_id')
      .notNull()
      .references(() => outboxPayloads.id),
    status: text('status').$type<OutboxStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    notBefore: timestamp('not_before', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastError: text('last_error'),
    externalMessageId: text('external_message_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('outbox_dedupe_key').on(t.dedupeKey),
    index('outbox_due_idx').on(t.status, t.notBefore),
    index('outbox_publication_idx').on(t.publicationId),
  ],
);

/** A task (nhiệm vụ) a unit gives to units: from a letter's directives, a leader, or a suggestion for a weak group. */
export const tasks = pgTable('tasks', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  body: text('body'),
  /** The index group it serves, when it serves one (a suggestion for a weak group). */
  groupKey: text('group_key').$type<GroupKey>(),
  assigningUnitId: integer('assigning_unit_id')
    .notNull()
    .references(() => units.id),
  /** Local calendar date (Asia/Ho_Chi_Minh), YYYY-MM-DD. */
  deadline: text('deadline').notNull(),
  source: text('source').$type<TaskSource>().notNull(),
  /** What it came from: "import:12", "publication:3"; with the title, makes a source's tasks idempotent. */
  sourceRef: text('source_ref'),
  status: text('status').$type<TaskOpenness>().notNull().default('open'),
  createdBy: text('created_by'),
  createdAt: createdAt(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
});

/** Each assigned unit's progress on a task. */
export const taskAssignees = pgTable(
  'task_assignees',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    status: text('status').$type<TaskStatus>().notNull().default('chua-lam'),
    note: text('note'),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId] }), index('task_assignees_unit_idx').on(t.unitId)],
);

/** Every change of a task's status or note: who, when, what. */
export const taskEvents = pgTable('task_events', {
  id: serial('id').primaryKey(),
  taskId: integer('task_id')
    .notNull()
    .references(() => tasks.id, { onDelete: 'cascade' }),
  unitId: integer('unit_id').references(() => units.id),
  kind: text('kind').$type<TaskEventKind>().notNull(),
  status: text('status').$type<TaskStatus>(),
  note: text('note'),
  by: text('by').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

/** A chat's conversation in progress (/giaoviec step by step, a note being written). */
export const conversationStates = pgTable(
  'conversation_states',
  {
    channel: text('channel').notNull(),
    externalId: text('external_id').notNull(),
    kind: text('kind').$type<ConversationState['kind']>().notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.externalId] })],
);

/**
 * The buttons last shown to a chat of a channel without buttons (Zalo), as numbered lines: the
 * number the user types back stands for the action of the button it numbers.
 */
export const chatChoices = pgTable(
  'chat_choices',
  {
    channel: text('channel').notNull(),
    externalId: text('external_id').notNull(),
    /** Label and action of each choice, in the order numbered from 1. */
    choices: jsonb('choices').$type<{ label: string; action: string }[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.channel, t.externalId] })],
);

/**
 * Files a channel can only send by address (Zalo's photos, the import template): served at
 * PUBLIC_URL/media/<token>/<name> until they expire. The token is long and random, so the address
 * cannot be guessed.
 */
export const mediaFiles = pgTable(
  'media_files',
  {
    token: text('token').primaryKey(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    /** The file's bytes in base64, as import drafts keep theirs. */
    data: text('data').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('media_files_expires_idx').on(t.expiresAt)],
);

/**
 * The Zalo OA tokens in use: one row, seeded from the settings, rotated on refresh (the refresh
 * token is single-use, so the new pair is stored before the new access token is used).
 */
export const zaloOaTokens = pgTable('zalo_oa_tokens', {
  id: integer('id').primaryKey().default(1),
  accessToken: text('access_token').notNull(),
  refreshToken: text('refresh_token'),
  /** Null when unknown (the tokens from the settings): refreshed when Zalo refuses the access token. */
  expiresAt: timestamp('expires_at', { withTimezone: true }),
  /** A digest of the settings' access token the row started from: new settings (a new consent) start it again. */
  seededFrom: text('seeded_from').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Each time the collector fetched a province tree's six responses from the portal and imported them:
 * when, from where, and a digest of the figures, so two runs on different days tell whether they are stable.
 */
export const collectionRuns = pgTable(
  'collection_runs',
  {
    id: serial('id').primaryKey(),
    /** The province as asked (H44), or VN for the national list, and the portal's id of its tree. */
    province: text('province').notNull(),
    rootDepartmentId: text('root_department_id').notNull(),
    period: text('period').notNull(),
    /** The portal's address the responses came from. */
    sourceUrl: text('source_url').notNull(),
    /** Written before the first request; done or failed once the run ends (running: it has not, or its process died). */
    status: text('status').$type<CollectionRunStatus>().notNull().default('done'),
    /** Null when the figures were already stored as they are. */
    importId: integer('import_id').references(() => imports.id),
    /** Null until the run is done. */
    figuresDigest: text('figures_digest'),
    /** Every unit of the tree had all six groups. */
    complete: boolean('complete').notNull().default(false),
    failure: jsonb('failure').$type<RunFailure>(),
    /** Who asked: "cli", "api", "telegram:<chat>", "schedule". */
    requestedBy: text('requested_by').notNull(),
    /** Local date (Asia/Ho_Chi_Minh) of the run: two runs on different days show whether the figures are stable. */
    localDate: text('local_date').notNull(),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('collection_runs_period_idx').on(t.period, t.province),
    // The daily round's claim: one scheduled run of a province's period a day, whatever the instances.
    uniqueIndex('collection_runs_schedule_day_key').on(t.province, t.period, t.localDate).where(sql`${t.requestedBy} = 'schedule'`),
  ],
);

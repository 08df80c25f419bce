/**
 * What an administrator can do, once for both doors: the CLI (when it opens the database itself)
 * and the admin API (which the CLI uses while a server holds the embedded database).
 * Each command returns plain JSON-able data, or throws AdminError with a Vietnamese message.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { childrenOf, type UnitRow } from '../db/units.js';
import { parseDeadline } from '../domain/deadline.js';
import { formatDateTime } from '../domain/format.js';
import { exactPeriodKey, formatPeriodKey } from '../domain/period.js';
import { CollectionFailed } from '../collector/failure.js';
import { isRole, ROLE_LABEL, ROLES, type Role } from '../domain/roles.js';
import { localDate } from '../domain/working-days.js';
import type { ImportProgress, ImportReport } from '../imports/save.js';
import { renderDeliveryReport } from '../messages/delivery-report.js';
import { t } from '../messages/i18n.js';
import { publicationText } from '../messages/publication.js';
import { plainText } from '../messages/reply.js';
import { deliveryReport, type DeliveryReport } from '../services/delivery-report.js';
import { loadDemo } from '../services/demo.js';
import type { IncomingFile } from '../imports/read.js';
import { importFiles } from '../services/imports.js';
import { createInvite } from '../services/invites.js';
import { publishPeriod, PublicationError } from '../services/publication.js';
import { collectAndImport, collectionRunsOf, type CollectionOutcome } from '../services/collections.js';
import type { CollectHooks } from '../collector/collect-responses.js';
import type { CollectorSettings } from '../collector/settings.js';
import { collectionErrorText, renderCollectionRuns, targetLabel } from '../messages/collection.js';
import { createTask, TaskRefused } from '../services/tasks.js';
import { findUnit } from '../services/units.js';

export interface AdminContext {
  db: Db;
  /** The portal collector's settings and the local time zone that says when a period is over. */
  collection?: { settings: CollectorSettings; timeZone: string };
  /** What each channel the bot speaks on says about joining with a code (a link, or what to type and where). */
  inviteHints?: (code: string) => string[];
  now: () => Date;
  /** Where what went wrong without failing the command is told (a report that could not be drawn). */
  log?: Pick<Logger, 'error'> | null;
  wakeDelivery?: () => void;
  onImported?: (report: ImportReport) => Promise<void>;
}

export class AdminError extends Error {
  constructor(message: string, readonly status = 400) {
    super(message);
  }
}

/** A unit an administrator names by code or loosely by name; a name that fits several lists them with their codes. */
async function unitNamed(ctx: AdminContext, name: string): Promise<UnitRow> {
  const lookup = await findUnit(ctx.db, name);
  if (lookup.kind === 'none') throw new AdminError(t('admin-unit-not-found', { unit: name }), 404);
  if (lookup.kind === 'ambiguous') {
    throw new AdminError(t('admin-unit-ambiguous', { unit: name, candidates: lookup.candidates.map((u) => `${u.name}${u.code ? ` (${u.code})` : ''}`).join('; ') }), 409);
  }
  return lookup.unit;
}

export async function demoCommand(ctx: AdminContext): Promise<{ reports: ImportReport[] }> {
  return { reports: await loadDemo(ctx.db) };
}

export interface InviteArgs {
  unit: string;
  role: string;
  uses?: number | null;
  days?: number;
}

export interface InviteView {
  code: string;
  unit: { id: number; name: string; code: string | null };
  role: Role;
  maxUses: number | null;
  expiresAt: string;
  /** How to join on each channel the bot speaks on. */
  channels: string[];
  /** What the admin reads: the code, its links, lifetime and uses, and the rules of invite codes. */
  text: string;
}

export async function inviteCommand(ctx: AdminContext, args: InviteArgs): Promise<InviteView> {
  if (!isRole(args.role)) throw new AdminError(t('admin-bad-role', { role: args.role, roles: ROLES.join(', ') }));
  if (args.uses !== undefined && args.uses !== null && !(Number.isInteger(args.uses) && args.uses > 0)) {
    throw new AdminError(t('admin-bad-uses', { uses: String(args.uses) }));
  }
  if (args.days !== undefined && !(Number.isInteger(args.days) && args.days > 0 && args.days <= 365)) {
    throw new AdminError(t('admin-bad-days', { days: String(args.days) }));
  }
  if (!args.unit.trim()) throw new AdminError(t('admin-no-unit'));
  const unit = await unitNamed(ctx, args.unit);
  const invite = await createInvite(ctx.db, {
    unit,
    role: args.role,
    ...(args.uses !== undefined ? { maxUses: args.uses } : {}),
    ...(args.days !== undefined ? { days: args.days } : {}),
    now: ctx.now(),
  });
  const channels = ctx.inviteHints?.(invite.code) ?? [];
  return {
    code: invite.code,
    unit: { id: invite.unit.id, name: invite.unit.name, code: invite.unit.code },
    role: invite.role,
    maxUses: invite.maxUses,
    expiresAt: invite.expiresAt.toISOString(),
    channels,
    text: t('invite-created', {
      unit: invite.unit.name,
      role: ROLE_LABEL[invite.role],
      code: invite.code,
      channels: channels.length > 0 ? channels.join('\n') : t('invite-no-channel', { code: invite.code }),
      expires: formatDateTime(invite.expiresAt),
      uses: invite.maxUses === null ? t('invite-uses-unlimited') : t('invite-uses-limited', { uses: invite.maxUses }),
    }),
  };
}

/**
 * Throws ImportRejected (nothing stored) when any file is wrong, or when the import would leave complete
 * results of a published period incomplete and `force` is not set.
 */
export async function importCommand(
  ctx: AdminContext,
  files: readonly IncomingFile[],
  options: { period?: string | null; onProgress?: ImportProgress; force?: boolean },
): Promise<{ report: ImportReport }> {
  const report = await importFiles(ctx.db, files, options);
  if (report.importId !== null) await ctx.onImported?.(report);
  return { report };
}

/**
 * Collects a province tree's six responses (or the national list, province "VN") from the portal and imports them (services/collections.ts).
 * A refusal or a bad answer from the portal is an AdminError (502 for the portal's answer); no result is stored.
 */
export async function collectCommand(
  ctx: AdminContext,
  args: { province: string; period: string },
  requestedBy: string,
  options: { hooks?: CollectHooks; onProgress?: ImportProgress } = {},
): Promise<CollectionOutcome & { text: string }> {
  if (!ctx.collection) throw new AdminError(t('admin-server-error'), 500);
  if (!args.province.trim()) throw new AdminError(t('collect-no-province'));
  try {
    const outcome = await collectAndImport({ db: ctx.db, settings: ctx.collection.settings, now: ctx.now, timeZone: ctx.collection.timeZone }, { ...args, requestedBy }, options);
    if (outcome.report.importId !== null) await ctx.onImported?.(outcome.report);
    return { ...outcome, text: t('collect-done', { period: formatPeriodKey(outcome.period), province: targetLabel(t, outcome.province), source: outcome.sourceUrl }) };
  } catch (error) {
    const text = collectionErrorText(t, error);
    if (text) throw new AdminError(text, error instanceof CollectionFailed ? 502 : 400);
    throw error;
  }
}

export interface PublicationView {
  period: string;
  again: boolean;
  planned: number;
  enqueued: number;
  summaries: number;
  withoutResult: number;
  text: string;
}

export async function publishCommand(ctx: AdminContext, period: string, requestedBy: string): Promise<PublicationView> {
  try {
    // Dates are calendar dates in Vietnam (domain/working-days.ts): the leader report's date and overdue tasks.
    const outcome = await publishPeriod(ctx.db, t, period, requestedBy, { today: localDate(ctx.now(), 'Asia/Ho_Chi_Minh'), log: ctx.log ?? null });
    ctx.wakeDelivery?.();
    const { again, planned, enqueued, summaries, withoutResult } = outcome;
    return { period: outcome.publication.period, again, planned, enqueued, summaries, withoutResult, text: publicationText(t, outcome) };
  } catch (error) {
    if (error instanceof PublicationError) throw new AdminError(t(error.key, { period }), error.key === 'publication-no-results' ? 409 : 400);
    throw error;
  }
}

export async function deliveryReportCommand(ctx: AdminContext, periodText: string): Promise<{ report: DeliveryReport | null; text: string }> {
  const key = exactPeriodKey(periodText);
  if (!key) throw new AdminError(t('publication-bad-period', { period: periodText }));
  const report = await deliveryReport(ctx.db, key);
  const collections = renderCollectionRuns(t, await collectionRunsOf(ctx.db, key));
  return { report, text: [renderDeliveryReport(t, key, report), ...(collections ? [collections] : [])].map(plainText).join('\n\n') };
}

export interface TaskArgs {
  title: string;
  body?: string | null;
  /** The unit that gives the task: code or name. */
  from: string;
  /** Units that receive it (codes or names), or "all" for every unit under `from`. */
  to: string[] | 'all';
  /** A date or a Vietnamese phrase: "2026-10-02", "20/3", "cuối tháng". */
  deadline: string;
}


export async function createTaskCommand(ctx: AdminContext, args: TaskArgs, timeZone: string): Promise<{ id: number; title: string; deadline: string; assignees: string[] }> {
  if (!args.title?.trim()) throw new AdminError(t('admin-task-no-title'));
  const from = await unitNamed(ctx, args.from);
  const to = args.to === 'all' ? await childrenOf(ctx.db, from.id) : await Promise.all(args.to.map((name) => unitNamed(ctx, name)));
  if (to.length === 0) throw new AdminError(t('assign-units-none', { unit: from.name }));
  const deadline = parseDeadline(args.deadline ?? '', localDate(ctx.now(), timeZone));
  if ('error' in deadline) throw new AdminError(t(deadline.error === 'past' ? 'assign-deadline-past' : 'assign-deadline-unknown', { value: args.deadline ?? '' }));
  const { task } = await createTask(ctx.db, { kind: 'system', name: 'api' }, {
    title: args.title.trim(),
    body: args.body ?? null,
    assigningUnitId: from.id,
    assigneeUnitIds: to.map((u) => u.id),
    deadline: deadline.date,
    source: 'api',
  }).catch((error: unknown) => {
    if (error instanceof TaskRefused) throw new AdminError(t(error.key, error.args), 403);
    throw error;
  });
  return { id: task.id, title: task.title, deadline: task.deadline, assignees: to.map((u) => u.name) };
}

/**
 * /thuthap in the chat: an admin asks for a period, the bot says what it will fetch (the chat's
 * province tree, six tables; or with "toàn quốc", the national list of provinces) and does it on a press, showing each table as it goes on channels that
 * can, then the import's report. Whatever stops it, no result is stored (the run is recorded, with why).
 */
import { chatByAddress } from '../db/chats.js';
import type { Db } from '../db/client.js';
import { unitById } from '../db/units.js';
import { encodeAction } from '../domain/actions.js';
import { formatPeriodKey, periodKey, periodNamedIn } from '../domain/period.js';
import { isProvinceCode, NATIONAL_LIST, namesNationalList } from '../domain/portal-requests.js';
import { canImport } from '../domain/roles.js';
import { ImportRejected } from '../imports/problems.js';
import { collectionErrorText, collectStepText, targetLabel } from '../messages/collection.js';
import { renderProblems } from '../messages/import-problems.js';
import { renderImportReport } from '../messages/import-report.js';
import { textReply } from '../messages/reply.js';
import { collectablePeriod, collectAndImport } from '../services/collections.js';
import type { Acts, Answers } from './feature.js';

/** The code of the province a chat's unit belongs to: its top unit's, when the portal codes it (H44). */
async function provinceOf(db: Db, unitId: number | null): Promise<string | null> {
  let unit = unitId === null ? undefined : await unitById(db, unitId);
  for (let depth = 0; unit?.parentId != null && depth < 10; depth += 1) unit = await unitById(db, unit.parentId);
  return unit?.code && isProvinceCode(unit.code) ? unit.code : null;
}

export const collectionFeature = {
  answers: {
    async collect({ deps, chat, today }, request) {
      const { t } = deps;
      if (!canImport(chat?.role) || !deps.collector) return [textReply(t('collect-admin-only'))];
      const period = periodNamedIn(request.periodText, today);
      if (!period) return [textReply(t('collect-ask-period'))];
      try {
        collectablePeriod(periodKey(period), deps.now(), deps.timeZone);
      } catch (error) {
        return [textReply(collectionErrorText(t, error) ?? t('error'))];
      }
      const national = namesNationalList(request.periodText);
      const province = national ? NATIONAL_LIST : await provinceOf(deps.db, chat?.unitId ?? null);
      if (!province) return [textReply(t('collect-no-unit-code'))];
      const key = periodKey(period);
      return [
        {
          lines: [t(national ? 'collect-confirm-national' : 'collect-confirm', { period: formatPeriodKey(key), province })],
          buttons: [[
            { label: t('button-collect'), action: encodeAction({ kind: 'collect', province, period: key }) },
            { label: t('button-cancel'), action: encodeAction({ kind: 'collect-cancel', province, period: key }) },
          ]],
        },
      ];
    },
  } satisfies Answers<'collect'>,
  acts: {
    async collect({ deps, chat, onProgress }, action) {
      const { t } = deps;
      const row = await chatByAddress(deps.db, chat.channel, chat.externalId);
      if (!canImport(row?.role) || !deps.collector) return { replies: [textReply(t('collect-admin-only'))] };
      // The button says which tree; the chat's unit decides which one it may collect.
      if (action.province !== NATIONAL_LIST && action.province !== (await provinceOf(deps.db, row?.unitId ?? null))) {
        return { replies: [textReply(t('collect-other-province', { province: action.province }))], replaces: true };
      }
      try {
        const outcome = await collectAndImport(
          { db: deps.db, settings: deps.collector, now: deps.now, timeZone: deps.timeZone },
          { province: action.province, period: action.period, requestedBy: `${chat.channel}:${chat.externalId}` },
          {
            hooks: { onStep: (done, total, endpoint) => onProgress?.(done, total, collectStepText(t, done, total, endpoint)) },
            ...(onProgress ? { onProgress } : {}),
          },
        );
        if (outcome.report.importId !== null) await deps.onImported?.(outcome.report);
        const done = t('collect-done', { period: formatPeriodKey(outcome.period), province: targetLabel(t, outcome.province), source: outcome.sourceUrl });
        return { replies: [{ title: done, lines: renderImportReport(t, outcome.report) }], replaces: true, spends: true };
      } catch (error) {
        if (error instanceof ImportRejected) return { replies: [{ lines: renderProblems(t, error.problems) }], replaces: true };
        const text = collectionErrorText(t, error);
        if (text) return { replies: [textReply(text)], replaces: true };
        throw error;
      }
    },
    'collect-cancel': ({ deps }) => Promise.resolve({ replies: [textReply(deps.t('collect-cancelled'))], replaces: true }),
  } satisfies Acts<'collect' | 'collect-cancel'>,
};

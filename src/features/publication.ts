/**
 * Publication in the chat: /congbo previews what each kind of recipient will get and sends on a
 * press; /baocao tells who received what; the buttons under a published card.
 */
import { chatByAddress } from '../db/chats.js';
import { unitById } from '../db/units.js';
import { encodeAction } from '../domain/actions.js';
import { formatPeriodKey, parseExactPeriod, periodKey, periodNamedIn } from '../domain/period.js';
import { canImport } from '../domain/roles.js';
import { localDate } from '../domain/working-days.js';
import { renderScoreAnswer } from '../messages/card.js';
import { renderDeliveryReport } from '../messages/delivery-report.js';
import { renderDetail } from '../messages/detail.js';
import { publicationText } from '../messages/publication.js';
import { renderSuggestions } from '../messages/suggestions.js';
import { renderRanking } from '../messages/ranking.js';
import { textReply, type Reply } from '../messages/reply.js';
import { acknowledge, deliveryReport } from '../services/delivery-report.js';
import { planPublication, publishPeriod, PublicationError } from '../services/publication.js';
import { rankingFor } from '../services/ranking.js';
import { collectionRunsOf } from '../services/collections.js';
import { renderCollectionRuns } from '../messages/collection.js';
import { scoreCard } from '../services/scores.js';
import type { ConversationDeps } from '../core/conversation.js';
import type { Acts, Answers } from './feature.js';

/** /congbo: what each kind of recipient will get, and a button to send it. Nothing is enqueued yet. */
async function previewPublication(deps: ConversationDeps, key: string): Promise<Reply[]> {
  const { db, t } = deps;
  const plan = await planPublication(db, t, key);
  const cards = plan.messages.filter((m) => m.kind === 'result');
  const summaries = plan.messages.filter((m) => m.kind === 'summary');
  const examples = [cards[0], summaries[0]].flatMap((m) => (m ? [{ title: t('publication-example', { title: m.reply.title ?? '' }), lines: m.reply.lines }] : []));
  return [
    ...examples,
    {
      title: t('publication-preview-title', { period: formatPeriodKey(key) }),
      lines: [
        ...t('publication-preview', { cards: cards.length, summaries: summaries.length, chats: plan.messages.length, withoutResult: plan.withoutResult }).split('\n'),
        ...(plan.messages.length === 0 ? [t('publication-nobody', { period: formatPeriodKey(key) })] : []),
        t('publication-preview-confirm'),
      ],
      buttons: [[
        { label: t('button-publish'), action: encodeAction({ kind: 'publish', period: key }) },
        { label: t('button-cancel'), action: encodeAction({ kind: 'publish-cancel', period: key }) },
      ]],
    },
  ];
}

function refused(deps: ConversationDeps, error: unknown, period: string): Reply[] {
  if (error instanceof PublicationError) return [textReply(deps.t(error.key, { period: formatPeriodKey(period) }))];
  throw error;
}

/** The suggested tasks for a unit's weakest groups, the one that pays most first, each taken on with one press. */
async function suggestions(deps: ConversationDeps, unitId: number, period: string): Promise<Reply> {
  const { t } = deps;
  const unit = await unitById(deps.db, unitId);
  const exact = parseExactPeriod(period);
  if (!unit || !exact) return textReply(t('unit-gone'));
  const answer = await scoreCard(deps.db, unit.id, exact);
  if (answer.kind !== 'card') return renderScoreAnswer(t, answer);
  return renderSuggestions(t, answer.card, true) ?? textReply(t('tasks-none', { unit: unit.name }));
}

export const publicationFeature = {
  answers: {
    async publish({ deps, chat, today }, request) {
      if (!canImport(chat?.role)) return [textReply(deps.t('publication-admin-only'))];
      const period = periodNamedIn(request.periodText, today);
      if (!period) return [textReply(deps.t('publication-ask-period'))];
      try {
        return await previewPublication(deps, periodKey(period));
      } catch (error) {
        return refused(deps, error, periodKey(period));
      }
    },
    async report({ deps, chat, today }, request) {
      if (!canImport(chat?.role)) return [textReply(deps.t('publication-admin-only'))];
      const period = periodNamedIn(request.periodText, today);
      if (!period) return [textReply(deps.t('publication-ask-period'))];
      const key = periodKey(period);
      const collections = renderCollectionRuns(deps.t, await collectionRunsOf(deps.db, key));
      return [renderDeliveryReport(deps.t, key, await deliveryReport(deps.db, key)), ...(collections ? [collections] : [])];
    },
  } satisfies Answers<'publish' | 'report'>,
  acts: {
    async publish({ deps, chat }, action) {
      const row = await chatByAddress(deps.db, chat.channel, chat.externalId);
      if (!canImport(row?.role)) return { replies: [textReply(deps.t('publication-admin-only'))] };
      try {
        const outcome = await publishPeriod(deps.db, deps.t, action.period, `${chat.channel}:${chat.externalId}`, { today: localDate(deps.now(), deps.timeZone), log: deps.log ?? null });
        deps.wakeDelivery?.();
        return { replies: [textReply(publicationText(deps.t, outcome))], spends: true };
      } catch (error) {
        return { replies: refused(deps, error, action.period) };
      }
    },
    'publish-cancel': ({ deps }) => Promise.resolve({ replies: [textReply(deps.t('publication-cancelled'))], replaces: true }),
    async 'card-ack'({ deps, chat }, action) {
      const outcome = await acknowledge(deps.db, action.period, chat);
      return { replies: [], notice: deps.t(outcome === 'already' ? 'ack-already' : 'ack-recorded') };
    },
    async card({ deps }, action) {
      const { t, db } = deps;
      if (action.view === 'tasks') return { replies: [await suggestions(deps, action.unitId, action.period)] };
      const unit = await unitById(db, action.unitId);
      const period = parseExactPeriod(action.period);
      if (!unit || !period) return { replies: [textReply(t('unit-gone'))] };
      if (action.view === 'rank') return { replies: [renderRanking(t, await rankingFor(db, unit, period))] };
      return { replies: [renderDetail(t, await scoreCard(db, unit.id, period), null)] };
    },
  } satisfies Acts<'publish' | 'publish-cancel' | 'card-ack' | 'card'>,
};

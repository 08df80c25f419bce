/**
 * Charts asked for (`/xuhuong`, `/xephang biểu đồ`, "xu hướng", "biểu đồ xếp hạng"): a question whose
 * unit is settled (features/scores.ts settles it as for any question) answered with a PNG. A chart is
 * drawn once per unit, chart kind and period asked, and kept until the next import; period buttons, which
 * depend on the chat that asks, are made for each question.
 */
import type { UnitRow } from '../db/units.js';
import { importsStamp } from '../db/results.js';
import { encodePeriodQuery, type SettledQuestion } from '../domain/actions.js';
import { trendScale } from '../domain/trend.js';
import { keptChart } from '../charts/cache.js';
import { rankingSpec } from '../charts/ranking-spec.js';
import { renderChart } from '../charts/render.js';
import { trendSpec } from '../charts/trend-spec.js';
import { rankingChartReply, rankingUndrawn, trendReply, trendUndrawn } from '../messages/charts.js';
import type { PeriodAction } from '../messages/period-buttons.js';
import { renderRanking } from '../messages/ranking.js';
import { textReply, type Reply } from '../messages/reply.js';
import { rankingFor } from '../services/ranking.js';
import { unitTrend } from '../services/trend.js';
import type { ConversationDeps } from '../core/conversation.js';

export type ChartIntent = 'trend' | 'ranking-chart';

/**
 * What is kept: the replies made for any chat, given the asking chat's period buttons. A drawn chart's
 * reply has none, so it is kept whole; a "no data" answer keeps only what its buttons are made from.
 */
type KeptReplies = (periodAction: PeriodAction) => Reply[];

/**
 * A reply that is the same for every chat. Made apart from the callbacks that read the answer: a closure
 * made there would share their scope and keep the whole answer (a ranking's 148 results) with the chart.
 */
function forAnyChat(reply: Reply): KeptReplies {
  return () => [reply];
}

/** `stamp`: `IMPORTS_STAMP` as the chat's turn began, when read; the chart kept under another is drawn again. */
export async function answerChart(deps: ConversationDeps, unit: UnitRow | null, q: SettledQuestion & { intent: ChartIntent }, periodAction: PeriodAction, stamp?: string): Promise<Reply[]> {
  const { db, t } = deps;
  const current = stamp ?? (await importsStamp(db));
  if (q.intent === 'trend') {
    if (!unit) return [textReply(t('no-unit'))];
    const scale = trendScale(q.period, q.scale);
    const replies = await keptChart(db, `trend:${unit.id}:${scale}:${encodePeriodQuery(q.period)}`, current, async (): Promise<KeptReplies> => {
      const trend = await unitTrend(db, unit.id, scale, q.period, current);
      if (trend.kind !== 'trend') return (action) => [trendUndrawn(t, trend, action)];
      return forAnyChat(trendReply(t, trend.unit.name, trend.results, await renderChart(trendSpec({ unit: trend.unit, results: trend.results }, t))));
    });
    return replies(periodAction);
  }
  const national = q.national === true;
  const kind = national ? null : q.unitKind;
  const replies = await keptChart(db, `ranking:${unit?.id ?? ''}:${national ? 'national:' : ''}${kind ? `${kind}:` : ''}${encodePeriodQuery(q.period)}`, current, async (): Promise<KeptReplies> => {
    const answer = await rankingFor(db, unit, q.period, national, kind);
    if (answer.kind !== 'ranking') return (action) => [renderRanking(t, answer, action)];
    return forAnyChat(answer.ranking.ranked.length === 0 ? rankingUndrawn(t, answer.ranking) : rankingChartReply(t, answer.ranking, await renderChart(rankingSpec(answer.ranking, t))));
  });
  return replies(periodAction);
}

/**
 * Charts asked for (`/xuhuong`, `/xephang biểu đồ`, "xu hướng", "biểu đồ xếp hạng"): a question whose
 * unit is settled (features/scores.ts settles it as for any question) answered with a PNG. A chart is
 * drawn once per unit, chart kind and period asked, and kept with the figures it was drawn from until the
 * next import; the replies (whose buttons depend on the asking chat) are made from them for each question.
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
import { unitTrend, type TrendAnswer } from '../services/trend.js';
import type { ConversationDeps } from '../core/conversation.js';

export type ChartIntent = 'trend' | 'ranking-chart';

/** What is kept: the answer read and its chart, when one was drawn; never a reply, whose buttons belong to the chat that asked. */
type KeptTrend = { answer: Extract<TrendAnswer, { kind: 'trend' }>; png: Uint8Array } | { answer: Exclude<TrendAnswer, { kind: 'trend' }>; png: null };

/** `stamp`: `IMPORTS_STAMP` as the chat's turn began, when read; the chart kept under another is drawn again. */
export async function answerChart(deps: ConversationDeps, unit: UnitRow | null, q: SettledQuestion & { intent: ChartIntent }, periodAction: PeriodAction, stamp?: string): Promise<Reply[]> {
  const { db, t } = deps;
  const current = stamp ?? (await importsStamp(db));
  if (q.intent === 'trend') {
    if (!unit) return [textReply(t('no-unit'))];
    const scale = trendScale(q.period, q.scale);
    const kept = await keptChart(db, `trend:${unit.id}:${scale}:${encodePeriodQuery(q.period)}`, current, async (): Promise<KeptTrend> => {
      const answer = await unitTrend(db, unit.id, scale, q.period, current);
      return answer.kind === 'trend' ? { answer, png: await renderChart(trendSpec({ unit: answer.unit, results: answer.results }, t)) } : { answer, png: null };
    });
    if (kept.png === null) return [trendUndrawn(t, kept.answer, periodAction)];
    return [trendReply(t, kept.answer.unit.name, kept.answer.results, kept.png)];
  }
  const { answer, png } = await keptChart(db, `ranking:${unit?.id ?? ''}:${encodePeriodQuery(q.period)}`, current, async () => {
    const ranking = await rankingFor(db, unit, q.period);
    return { answer: ranking, png: ranking.kind === 'ranking' && ranking.ranking.ranked.length > 0 ? await renderChart(rankingSpec(ranking.ranking, t)) : null };
  });
  if (answer.kind !== 'ranking') return [renderRanking(t, answer, periodAction)];
  if (!png) return [rankingUndrawn(t, answer.ranking)];
  return [rankingChartReply(t, answer.ranking, png)];
}

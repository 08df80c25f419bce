/**
 * Charts asked for (`/xuhuong`, `/xephang biểu đồ`, "xu hướng", "biểu đồ xếp hạng"): a question whose
 * unit is settled (features/scores.ts settles it as for any question) answered with a PNG. A chart is
 * drawn once per unit, chart kind and period asked, and kept until the next import.
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

/** `stamp`: `IMPORTS_STAMP` as the chat's turn began, when read; the chart kept under another is drawn again. */
export async function answerChart(deps: ConversationDeps, unit: UnitRow | null, q: SettledQuestion & { intent: ChartIntent }, periodAction: PeriodAction, stamp?: string): Promise<Reply[]> {
  const { db, t } = deps;
  const current = stamp ?? (await importsStamp(db));
  if (q.intent === 'trend') {
    if (!unit) return [textReply(t('no-unit'))];
    const scale = trendScale(q.period, q.scale);
    return keptChart(db, `trend:${unit.id}:${scale}:${encodePeriodQuery(q.period)}`, current, async () => {
      const trend = await unitTrend(db, unit.id, scale, q.period, current);
      if (trend.kind !== 'trend') return [trendUndrawn(t, trend, periodAction)];
      const png = await renderChart(trendSpec({ unit: trend.unit, results: trend.results }, t));
      return [trendReply(t, trend.unit.name, trend.results, png)];
    });
  }
  return keptChart(db, `ranking:${unit?.id ?? ''}:${encodePeriodQuery(q.period)}`, current, async () => {
    const answer = await rankingFor(db, unit, q.period);
    if (answer.kind !== 'ranking') return [renderRanking(t, answer, periodAction)];
    if (answer.ranking.ranked.length === 0) return [rankingUndrawn(t, answer.ranking)];
    const png = await renderChart(rankingSpec(answer.ranking, t));
    return [rankingChartReply(t, answer.ranking, png)];
  });
}

/**
 * Charts: twelve months of Phú Thọ imported (the portal's 08/2026 and eleven months made from it,
 * tests/helpers/portal-months.ts), then each of the month's 164 units asked for its trend and its
 * ranking chart as a chat asks (features/charts.ts: the data read, the spec built, the PNG drawn), then
 * asked again (kept until the next import). The first chart of the process loads vega, vega-lite and
 * resvg: its time and the memory it adds are shown apart.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../src/db/client.js';
import { results, units } from '../src/db/schema.js';
import type { UnitRow } from '../src/db/units.js';
import type { SettledQuestion } from '../src/domain/actions.js';
import { answerChart, type ChartIntent } from '../src/features/charts.js';
import { rankingSpec } from '../src/charts/ranking-spec.js';
import { renderChart } from '../src/charts/render.js';
import { trendSpec } from '../src/charts/trend-spec.js';
import { t } from '../src/messages/i18n.js';
import { importFiles } from '../src/services/imports.js';
import { rankingFor } from '../src/services/ranking.js';
import { unitTrend } from '../src/services/trend.js';
import { monthBefore, portalMonth } from '../tests/helpers/portal-months.js';
import { benchTargets, timed } from './targets.js';

const GOAL_MS = 300;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

function line(label: string, ms: readonly number[], goal?: number): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const p95 = percentile(sorted, 95);
  const verdict = goal === undefined ? '' : `  (goal p95 < ${goal} ms: ${p95 < goal ? 'met' : 'MISSED'})`;
  return `${label.padEnd(34)} n=${String(sorted.length).padStart(3)}  p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  max ${(sorted.at(-1) ?? 0).toFixed(1).padStart(6)} ms${verdict}`;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The drawing alone (spec to PNG), from data read beforehand. */
async function drawOnly(database: Database, unit: UnitRow, intent: ChartIntent): Promise<number | null> {
  if (intent === 'trend') {
    const trend = await unitTrend(database.db, unit.id, 'month', { kind: 'latest' });
    if (trend.kind !== 'trend') return null;
    return (await timed(() => renderChart(trendSpec({ unit: trend.unit, results: trend.results }, t)))).ms;
  }
  const answer = await rankingFor(database.db, unit, { kind: 'latest' });
  if (answer.kind !== 'ranking') return null;
  return (await timed(() => renderChart(rankingSpec(answer.ranking, t)))).ms;
}

async function ask(database: Database, unit: UnitRow, intent: ChartIntent): Promise<{ ms: number; bytes: number }> {
  const question: SettledQuestion & { intent: ChartIntent } = { intent, unitIds: [unit.id], period: { kind: 'latest' }, group: null, unitKind: null };
  const deps = { db: database.db, t, now: () => new Date(), timeZone: 'Asia/Ho_Chi_Minh' };
  const { value, ms } = await timed(() => answerChart(deps, unit, question, () => ''));
  return { ms, bytes: value[0]?.file?.bytes.byteLength ?? 0 };
}

export async function benchCharts(): Promise<void> {
  const [target] = benchTargets();
  if (!target) return;
  const { database, drop } = await target.open();
  try {
    for (let back = 11; back >= 0; back--) await importFiles(database.db, portalMonth(back), { period: monthBefore(back) });
    const month = await database.db.selectDistinct({ unit: units }).from(units).innerJoin(results, eq(results.unitId, units.id)).where(eq(results.period, monthBefore(0)));
    const asked = month.map((r) => r.unit);
    console.log(`\n== Charts (${target.label}; ${asked.length} units with results in ${monthBefore(0)}, 12 months each)`);

    console.log(`rss after the imports: ${mb(process.memoryUsage().rss)}`);
    const before = process.memoryUsage();
    const [first, ...rest] = asked;
    if (!first) throw new Error('no units');
    const firstChart = await ask(database, first, 'trend');
    const after = process.memoryUsage();
    console.log(`first chart of the process (loads vega, vega-lite, resvg)  ${firstChart.ms.toFixed(0)} ms; rss +${mb(after.rss - before.rss)}, heap +${mb(after.heapUsed - before.heapUsed)}`);

    for (const intent of ['trend', 'ranking-chart'] as const) {
      const drawn: number[] = [];
      const kept: number[] = [];
      const drawing: number[] = [];
      const sizes: number[] = [];
      for (const unit of intent === 'trend' ? rest : asked) {
        const { ms, bytes } = await ask(database, unit, intent);
        drawn.push(ms);
        sizes.push(bytes);
        kept.push((await ask(database, unit, intent)).ms);
        const alone = await drawOnly(database, unit, intent);
        if (alone !== null) drawing.push(alone);
      }
      const name = intent === 'trend' ? '/xuhuong' : '/xephang biểu đồ';
      console.log(line(`${name}: read, drawn, PNG`, drawn, GOAL_MS));
      console.log(line(`${name}: spec to PNG only`, drawing));
      console.log(line(`${name}: asked again (kept)`, kept));
      const sorted = [...sizes].sort((a, b) => a - b);
      console.log(`${name}: PNG size p50 ${(percentile(sorted, 50) / 1024).toFixed(0)} KB, max ${((sorted.at(-1) ?? 0) / 1024).toFixed(0)} KB; rss after: ${mb(process.memoryUsage().rss)}`);
    }
  } finally {
    await drop();
  }
}

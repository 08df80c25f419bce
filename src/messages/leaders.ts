/** "Phường nào cao điểm nhất?": the first few units by stored total, with their stored rank. */
import { formatDecimal } from '../domain/format.js';
import { describeQuery, formatPeriodKey } from '../domain/period.js';
import { UNIT_KIND_LABEL, type UnitKind } from '../domain/units.js';
import type { UnitRow } from '../db/units.js';
import type { LeadersAnswer } from '../services/leaders.js';
import type { RankingEntry } from '../services/ranking.js';
import type { Translate } from './i18n.js';
import { withNearestPeriods, type PeriodAction } from './period-buttons.js';
import type { Reply } from './reply.js';

function kindLabel(t: Translate, kind: UnitKind | null): string {
  return kind ? UNIT_KIND_LABEL[kind] : t('leaders-kind-any');
}

function entryLine(t: Translate, e: RankingEntry, position: number): string {
  const { rank, rankOf } = e.result;
  const place = rank === null ? t('leaders-unranked') : t('leaders-rank', { place: rankOf === null ? String(rank) : `${rank}/${rankOf}` });
  return t('leaders-line', { n: position, unit: e.unit.name, total: formatDecimal(e.result.total ?? '0'), place });
}

/** "thuộc UBND tỉnh Phú Thọ", or "trên cả nước" for the provinces nationwide. */
function whereOf(t: Translate, parent: UnitRow | null): string {
  return parent ? t('leaders-in-parent', { parent: parent.name }) : t('leaders-in-country');
}

export function renderLeaders(t: Translate, answer: LeadersAnswer, periodAction?: PeriodAction): Reply {
  if (answer.kind === 'no-parent') return { lines: t('ranking-no-unit').split('\n') };
  if (answer.kind === 'no-data') {
    const base = { kind: kindLabel(t, answer.unitKind), where: whereOf(t, answer.parent) };
    if (answer.available.length === 0) return { lines: [t('leaders-none', base)] };
    const reply = { lines: [t('leaders-no-period', { ...base, requested: describeQuery(answer.query), available: answer.available.map(formatPeriodKey).join(', ') })] };
    return withNearestPeriods(reply, answer.available, answer.query, periodAction);
  }
  const { leaders } = answer;
  const args = { kind: kindLabel(t, leaders.unitKind), where: whereOf(t, leaders.parent), period: formatPeriodKey(leaders.period) };
  if (leaders.entries.length === 0) return { lines: [t('leaders-no-total', args)] };
  const title = t(leaders.order === 'top' ? 'leaders-title-top' : 'leaders-title-bottom', { ...args, count: leaders.entries.length });
  const lines = leaders.entries.map((e, i) => entryLine(t, e, i + 1));
  lines.push(t('leaders-among', { count: leaders.scored, kind: args.kind }));
  if (leaders.cut) lines.push(t('leaders-cut', { count: leaders.entries.length }));
  return { title, lines };
}

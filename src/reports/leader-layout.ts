/**
 * The leader report on one A4 page: every text and bar placed, from the month's facts. Lists that
 * would not fit are cut with "và N đơn vị khác", names too long for their column with "…".
 */
import { LOWEST_BAND_FROM } from '../domain/bands.js';
import { formatDecimal } from '../domain/format.js';
import { leaderFigures, type BandCount, type LeaderReportFacts, type ReportUnit, type TrendMonth, type UnitChange } from '../domain/leader-report.js';
import { formatPeriodKey } from '../domain/period.js';
import type { IsoDate } from '../domain/working-days.js';
import type { Translate } from '../messages/i18n.js';
import { A4, clipped, estimatedWidth, type Anchor, type Page, type Shape } from './page.js';

const MARGIN = 42;
const RIGHT = A4.width - MARGIN;
const WIDTH = RIGHT - MARGIN;
const BODY = 9;
const SMALL = 8;
const LINE = 13;

const COLOR = {
  text: '#1f1f1f',
  muted: '#5f6368',
  heading: '#0b3d91',
  rule: '#c9d2e3',
  shade: '#eef2f9',
  bands: ['#1e8e3e', '#1a73e8', '#e37400', '#9aa0a6'],
} as const;

const UNDER_LINES = 5;
const GOOD_LINES = 3;
const OVERDUE_ROWS = 4;
const TREND_SCOPES = 2;

interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: string;
  anchor?: Anchor;
}

/** Shapes added top to bottom: `y` is where the next line's top is. */
class Sheet {
  readonly shapes: Shape[] = [];
  y = MARGIN;

  text(x: number, baseline: number, text: string, style: TextStyle = {}): void {
    this.shapes.push({ kind: 'text', x, y: baseline, text, size: style.size ?? BODY, bold: style.bold ?? false, color: style.color ?? COLOR.text, anchor: style.anchor ?? 'start' });
  }

  /** One line of text at the cursor, which moves down. */
  line(text: string, style: TextStyle = {}, x = MARGIN): void {
    const size = style.size ?? BODY;
    this.text(x, this.y + size, text, style);
    this.y += Math.max(LINE, size * 1.4);
  }

  rect(x: number, y: number, width: number, height: number, color: string): void {
    this.shapes.push({ kind: 'rect', x, y, width, height, color });
  }

  rule(color: string = COLOR.rule): void {
    this.shapes.push({ kind: 'line', x1: MARGIN, y1: this.y, x2: RIGHT, y2: this.y, color, width: 0.8 });
  }

  heading(text: string): void {
    this.y += 9;
    this.line(text, { size: 10.5, bold: true, color: COLOR.heading });
    this.y += 1;
  }
}

const total = (value: string | null, t: Translate) => (value === null ? t('leader-report-missing') : formatDecimal(value));

function signed(delta: string): string {
  return delta.startsWith('-') ? `−${formatDecimal(delta.slice(1))}` : `+${formatDecimal(delta)}`;
}

function percent(part: number, whole: number): string {
  return `${formatDecimal(String(whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10))}%`;
}

function localDay(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** Greedy lines of "a, b, c" within `width`, a name never split. */
function wrap(items: readonly string[], width: number, size: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const [i, item] of items.entries()) {
    const piece = clipped(item, width, size, false) + (i < items.length - 1 ? ',' : '');
    const joined = current ? `${current} ${piece}` : piece;
    if (current && estimatedWidth(joined, size, false) > width) {
      lines.push(current);
      current = piece;
    } else current = joined;
  }
  return current ? [...lines, current] : lines;
}

/** As many names as fit in `maxLines`, the rest counted: "và 12 đơn vị khác". */
export function fittedNames(t: Translate, names: readonly string[], width: number, size: number, maxLines: number): string[] {
  for (let shown = names.length; shown >= 0; shown--) {
    const left = names.length - shown;
    const lines = wrap([...names.slice(0, shown), ...(left > 0 ? [t('leader-report-more', { count: left })] : [])], width, size);
    if (lines.length <= maxLines) return lines;
  }
  return [t('leader-report-more', { count: names.length })];
}

function header(sheet: Sheet, t: Translate, facts: LeaderReportFacts, made: IsoDate): void {
  sheet.rect(0, 0, A4.width, 6, COLOR.heading);
  sheet.line(t('leader-report-title', { period: formatPeriodKey(facts.period) }).toUpperCase(), { size: 14, bold: true, color: COLOR.heading });
  sheet.line(clipped(facts.unit, WIDTH, 12, true), { size: 12, bold: true });
  sheet.line(t('leader-report-made', { date: localDay(made), units: facts.units.length, period: formatPeriodKey(facts.period) }), { size: SMALL, color: COLOR.muted });
  sheet.y += 2;
  sheet.rule();
}

function tile(sheet: Sheet, x: number, label: string, value: string, note: string): void {
  sheet.text(x, sheet.y + SMALL, label, { size: SMALL, color: COLOR.muted });
  sheet.text(x, sheet.y + 32, value, { size: 20, bold: true, color: COLOR.heading });
  if (note) sheet.text(x, sheet.y + 45, note, { size: SMALL - 0.5, color: COLOR.muted });
}

function ownResult(sheet: Sheet, t: Translate, facts: LeaderReportFacts, figures: ReturnType<typeof leaderFigures>): void {
  sheet.heading(t('leader-report-own-title'));
  const column = WIDTH / 3;
  const own = facts.own;
  const rank = own?.rank != null ? (own.rankOf != null ? `${own.rank}/${own.rankOf}` : String(own.rank)) : t('leader-report-missing');
  const year = facts.period.slice(0, 4);
  tile(sheet, MARGIN, t('leader-report-own-total', { period: formatPeriodKey(facts.period) }), own?.total ? `${formatDecimal(own.total)}` : t('leader-report-missing'), own?.classification ? t('leader-report-own-class', { label: own.classification }) : '');
  tile(sheet, MARGIN + column, t('leader-report-own-rank'), rank, own?.rankScope ? clipped(t('leader-report-own-scope', { scope: own.rankScope }), column - 8, SMALL - 0.5, false) : '');
  tile(
    sheet,
    MARGIN + 2 * column,
    t('leader-report-year', { year }),
    figures.yearToDate ? formatDecimal(figures.yearToDate.average) : t('leader-report-missing'),
    figures.yearToDate ? t('leader-report-year-months', { months: figures.yearToDate.months }) : t('leader-report-year-none'),
  );
  sheet.y += 52;
  if (!own) sheet.line(t('leader-report-own-none', { unit: clipped(facts.unit, 200, SMALL, false) }), { size: SMALL, color: COLOR.muted });
}

/** The scopes the trend shows, largest first in the month of the report. */
function trendScopes(trend: readonly TrendMonth[]): (string | null)[] {
  return (trend.at(-1)?.averages ?? []).slice(0, TREND_SCOPES).map((a) => a.scope);
}

function trendTable(sheet: Sheet, t: Translate, facts: LeaderReportFacts): void {
  sheet.heading(t('leader-report-trend-title'));
  const scopes = trendScopes(facts.trend);
  const columns = [MARGIN + 190, ...scopes.map((_, i) => MARGIN + 320 + i * 150)];
  const headY = sheet.y + SMALL;
  sheet.text(MARGIN, headY, t('leader-report-trend-month'), { size: SMALL, bold: true, color: COLOR.muted });
  sheet.text(columns[0] ?? 0, headY, t('leader-report-trend-own'), { size: SMALL, bold: true, color: COLOR.muted, anchor: 'end' });
  scopes.forEach((scope, i) => sheet.text(columns[i + 1] ?? 0, headY, clipped(t('leader-report-trend-average', { scope: scope ?? t('ranking-scope-default') }), 140, SMALL, true), { size: SMALL, bold: true, color: COLOR.muted, anchor: 'end' }));
  sheet.y += LINE;
  for (const [i, month] of facts.trend.entries()) {
    if (i % 2 === 0) sheet.rect(MARGIN, sheet.y - 2, WIDTH, LINE, COLOR.shade);
    const baseline = sheet.y + BODY;
    const last = i === facts.trend.length - 1;
    sheet.text(MARGIN + 4, baseline, formatPeriodKey(month.period), { bold: last });
    sheet.text(columns[0] ?? 0, baseline, total(month.own, t), { bold: last, anchor: 'end' });
    scopes.forEach((scope, j) => {
      const average = month.averages.find((a) => a.scope === scope);
      const text = average?.average ? t('leader-report-trend-value', { average: formatDecimal(average.average), count: average.scored }) : t('leader-report-missing');
      sheet.text(columns[j + 1] ?? 0, baseline, text, { bold: last, anchor: 'end' });
    });
    sheet.y += LINE;
  }
}

function bandLabel(t: Translate, { band }: BandCount): string {
  if (band.kind === 'none') return t('leader-report-band-none');
  if (band.kind === 'under') return t('leader-report-band-under', { below: band.below });
  return band.below === null ? t('leader-report-band-top', { label: band.label, from: band.from }) : t('leader-report-band', { label: band.label, from: band.from, below: band.below });
}

function bands(sheet: Sheet, t: Translate, facts: LeaderReportFacts, counts: readonly BandCount[]): void {
  sheet.heading(t('leader-report-bands-title', { period: formatPeriodKey(facts.period) }));
  const all = facts.units.length;
  const most = Math.max(1, ...counts.map((c) => c.count));
  const barX = MARGIN + 250;
  const barWidth = RIGHT - barX;
  for (const [i, count] of counts.entries()) {
    const baseline = sheet.y + BODY;
    sheet.text(MARGIN, baseline, bandLabel(t, count));
    sheet.text(MARGIN + 200, baseline, String(count.count), { bold: true, anchor: 'end' });
    sheet.text(MARGIN + 242, baseline, percent(count.count, all), { color: COLOR.muted, anchor: 'end' });
    sheet.rect(barX, sheet.y + 1, barWidth, 9, COLOR.shade);
    if (count.count > 0) sheet.rect(barX, sheet.y + 1, Math.max(1.5, (barWidth * count.count) / most), 9, COLOR.bands[i] ?? COLOR.muted);
    sheet.y += LINE + 1;
  }
}

function weakest(sheet: Sheet, t: Translate, units: readonly ReportUnit[]): void {
  sheet.heading(t('leader-report-weakest-title', { count: units.length }));
  if (units.length === 0) return sheet.line(t('leader-report-none'));
  const nameX = MARGIN + 16;
  const totalX = MARGIN + 300;
  const groupX = MARGIN + 316;
  const headY = sheet.y + SMALL;
  sheet.text(nameX, headY, t('leader-report-col-unit'), { size: SMALL, bold: true, color: COLOR.muted });
  sheet.text(totalX, headY, t('leader-report-col-total'), { size: SMALL, bold: true, color: COLOR.muted, anchor: 'end' });
  sheet.text(groupX, headY, t('leader-report-col-group'), { size: SMALL, bold: true, color: COLOR.muted });
  sheet.y += LINE;
  for (const [i, unit] of units.entries()) {
    if (i % 2 === 0) sheet.rect(MARGIN, sheet.y - 2, WIDTH, LINE, COLOR.shade);
    const baseline = sheet.y + BODY;
    sheet.text(MARGIN + 4, baseline, String(i + 1), { color: COLOR.muted });
    sheet.text(nameX, baseline, clipped(unit.name, totalX - nameX - 48, BODY, false));
    sheet.text(totalX, baseline, total(unit.total, t), { bold: true, anchor: 'end' });
    const group = unit.weakestGroup ? t('leader-report-group', { group: unit.weakestGroup.name, points: formatDecimal(unit.weakestGroup.points), max: formatDecimal(unit.weakestGroup.max) }) : t('leader-report-missing');
    sheet.text(groupX, baseline, clipped(group, RIGHT - groupX, BODY, false));
    sheet.y += LINE;
  }
}

function nameList(sheet: Sheet, t: Translate, title: string, units: readonly ReportUnit[], maxLines: number): void {
  sheet.line(title, { bold: true });
  if (units.length === 0) return sheet.line(t('leader-report-none'), { color: COLOR.muted });
  const names = units.map((u) => `${u.name} (${total(u.total, t)})`);
  for (const line of fittedNames(t, names, WIDTH, BODY, maxLines)) sheet.line(line);
}

function lists(sheet: Sheet, t: Translate, figures: ReturnType<typeof leaderFigures>): void {
  const good = figures.bands.filter((b) => b.band.kind === 'band').at(-1)?.band;
  sheet.heading(t('leader-report-lists-title'));
  nameList(sheet, t, t('leader-report-under-title', { below: LOWEST_BAND_FROM, count: figures.underGood.length }), figures.underGood, UNDER_LINES);
  if (good?.kind === 'band') nameList(sheet, t, t('leader-report-good-title', { label: good.label, from: good.from, below: good.below ?? '100', count: figures.good.length }), figures.good, GOOD_LINES);
}

function changeColumn(sheet: Sheet, t: Translate, x: number, top: number, title: string, changes: readonly UnitChange[]): number {
  let y = top;
  sheet.text(x, y + BODY, title, { bold: true });
  y += LINE;
  if (changes.length === 0) {
    sheet.text(x, y + BODY, t('leader-report-none'), { color: COLOR.muted });
    return y + LINE;
  }
  for (const change of changes) {
    sheet.text(x + 34, y + BODY, signed(change.delta), { bold: true, anchor: 'end', color: change.delta.startsWith('-') ? COLOR.bands[2] : COLOR.bands[0] });
    sheet.text(x + 40, y + BODY, clipped(change.unit, WIDTH / 2 - 52, BODY, false));
    y += LINE;
  }
  return y;
}

function changes(sheet: Sheet, t: Translate, facts: LeaderReportFacts, figures: ReturnType<typeof leaderFigures>): void {
  const previous = facts.previousPeriod ? formatPeriodKey(facts.previousPeriod) : '';
  sheet.heading(t('leader-report-changes-title', { period: previous }));
  if (figures.compared === 0) return sheet.line(t('leader-report-changes-none', { period: previous }), { color: COLOR.muted });
  const top = sheet.y;
  const left = changeColumn(sheet, t, MARGIN, top, t('leader-report-gains'), figures.gains);
  const right = changeColumn(sheet, t, MARGIN + WIDTH / 2, top, t('leader-report-falls'), figures.falls);
  sheet.y = Math.max(left, right);
}

function overdue(sheet: Sheet, t: Translate, facts: LeaderReportFacts): void {
  sheet.heading(t('leader-report-overdue-title'));
  if (facts.overdue.length === 0) return sheet.line(t('leader-report-overdue-none'), { color: COLOR.muted });
  const perColumn = OVERDUE_ROWS;
  const shown = facts.overdue.length > 2 * perColumn ? facts.overdue.slice(0, 2 * perColumn - 1) : facts.overdue;
  const top = sheet.y;
  shown.forEach((entry, i) => {
    const x = MARGIN + (i >= perColumn ? WIDTH / 2 : 0);
    const baseline = top + (i % perColumn) * LINE + BODY;
    sheet.text(x, baseline, clipped(entry.unit, WIDTH / 2 - 70, BODY, false));
    sheet.text(x + WIDTH / 2 - 12, baseline, t('leader-report-overdue-count', { count: entry.tasks }), { bold: true, anchor: 'end' });
  });
  const left = facts.overdue.length - shown.length;
  if (left > 0) sheet.text(MARGIN + WIDTH / 2, top + (perColumn - 1) * LINE + BODY, t('leader-report-more', { count: left }), { color: COLOR.muted });
  sheet.y = top + Math.min(shown.length, perColumn) * LINE;
}

function footer(sheet: Sheet, t: Translate): void {
  const lines = t('leader-report-footer').split('\n');
  let y = A4.height - MARGIN + 8 - lines.length * 10;
  sheet.shapes.push({ kind: 'line', x1: MARGIN, y1: y - 4, x2: RIGHT, y2: y - 4, color: COLOR.rule, width: 0.8 });
  for (const line of lines) {
    sheet.text(MARGIN, y + 7, line, { size: 7, color: COLOR.muted });
    y += 10;
  }
}

export function leaderReportPage(t: Translate, facts: LeaderReportFacts, made: IsoDate): Page {
  const figures = leaderFigures(facts);
  const sheet = new Sheet();
  header(sheet, t, facts, made);
  ownResult(sheet, t, facts, figures);
  trendTable(sheet, t, facts);
  bands(sheet, t, facts, figures.bands);
  weakest(sheet, t, figures.weakest);
  lists(sheet, t, figures);
  changes(sheet, t, facts, figures);
  overdue(sheet, t, facts);
  footer(sheet, t);
  return { width: A4.width, height: A4.height, title: `${t('leader-report-title', { period: formatPeriodKey(facts.period) })} – ${facts.unit}`, shapes: sheet.shapes };
}

/**
 * The charts as drawn: each kind rendered from a unit's real figures (the portal's Phú Thọ 08/2026 and
 * eleven months made from them) and looked at as pixels — its size, the bands' colours, every label
 * there and drawn. A label drawn with a font that is missing leaves no pixel (resvg with no system
 * fonts draws no text at all), so each label is taken out of the picture in turn and must change it.
 */
import { describe, expect, it } from 'vitest';
import type { StoredResult } from '../../src/db/results.js';
import type { UnitRow } from '../../src/db/units.js';
import { CURRENT_FRAMEWORK } from '../../src/domain/framework.js';
import { rankingSpec } from '../../src/charts/ranking-spec.js';
import { chartSvg, renderChart } from '../../src/charts/render.js';
import { svgToPng } from '../../src/rendering/png.js';
import { BAND_LINES, HIGHLIGHT_COLOR, TOTAL_COLOR } from '../../src/charts/theme.js';
import { trendSpec } from '../../src/charts/trend-spec.js';
import { t } from '../../src/messages/i18n.js';
import type { Ranking } from '../../src/services/ranking.js';
import { rankingCaption } from '../../src/messages/charts.js';
import { countColor, decodePng, differingPixels, inkedPixels, isPng, type Pixels } from '../helpers/png.js';
import { portal, portalTotal, type PortalGroup } from '../helpers/samples.js';

const VT = 'UBND Phường Việt Trì';
const unit = (id: number, name: string): UnitRow => ({ id, name, parentId: 1 }) as UnitRow;
const MONTHS = ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'];

/** A month `back` months before 08/2026: each group's real points less a step that grows with `back`, within its maximum. */
function result(id: number, period: string, name: string, back: number, rank: number, rankOf: number): StoredResult {
  const groups = CURRENT_FRAMEWORK.groups.map((g) => {
    const real = Number(portal(g.key as PortalGroup, name).points);
    const points = Math.max(0, Math.round((real - back * 0.35 * ((g.key.charCodeAt(1) % 3) + 0.5)) * 100) / 100);
    return { key: g.key, points: String(points), max: g.max, rate: null, criteria: [] };
  });
  const total = back === 0 ? portalTotal(name) : String(Math.round(groups.reduce((sum, g) => sum + Number(g.points), 0) * 100) / 100);
  return { id, unitId: 2, revision: 1, importId: 1, createdAt: new Date(0), period, frameworkVersion: CURRENT_FRAMEWORK.version, total, rank, rankOf, rankScope: 'xã, phường', classification: null, scoreDelta: null, scoreDeltaPercent: null, rankChange: null, groups };
}

const trendResults = MONTHS.map((period, i) => result(i + 1, period, VT, MONTHS.length - 1 - i, 100 - i * 3, 148));

async function pixelsOf(svg: string): Promise<Pixels> {
  return decodePng(await svgToPng(svg));
}

/** The text elements of an SVG, each with the SVG as it would be without it. */
function withoutEachText(svg: string): { text: string; without: string }[] {
  return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => ({
    text: m[1] ?? '',
    without: svg.slice(0, m.index) + svg.slice((m.index ?? 0) + m[0].length),
  }));
}

/** Every label changes the picture: none is left undrawn for want of a glyph. */
async function expectEveryLabelDrawn(svg: string): Promise<number> {
  const whole = await pixelsOf(svg);
  const labels = withoutEachText(svg).filter((l) => l.text.trim() !== '');
  for (const label of labels) expect(differingPixels(whole, await pixelsOf(label.without)), `«${label.text}» left no pixel`).toBeGreaterThan(0);
  return labels.length;
}

const decoded = (svg: string) => svg.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>');

describe('the trend chart', () => {
  const spec = trendSpec({ unit: unit(2, VT), results: trendResults }, t);

  it('is a PNG of a fixed size with the bands, the total line and the red of no one', async () => {
    const png = await renderChart(spec);
    expect(isPng(png)).toBe(true);
    const pixels = decodePng(png);
    expect({ width: pixels.width, height: pixels.height }).toEqual({ width: 879, height: 687 });
    for (const band of BAND_LINES) expect(countColor(pixels, band.color), band.color).toBeGreaterThan(300);
    expect(countColor(pixels, TOTAL_COLOR)).toBeGreaterThan(1000);
    expect(countColor(pixels, HIGHLIGHT_COLOR, 4)).toBe(0);
  });

  it('names the unit, the bands, each month, each rank and each group', async () => {
    const svg = decoded(await chartSvg(spec));
    for (const label of [`Xu hướng Bộ chỉ số 766 – ${VT}`, 'Tốt (80)', 'Xuất sắc (90)', 'Tổng điểm', '09/2025', '08/2026', 'Thứ hạng', '100/148', '67/148', ...CURRENT_FRAMEWORK.groups.map((g) => g.name)]) {
      expect(svg).toContain(`>${label}<`);
    }
    expect(svg).toContain('tháng 09/2025 – tháng 08/2026 (12 kỳ có kết quả)');
  });

  it('draws every label with the bundled font, no system font being looked for', async () => {
    expect(await expectEveryLabelDrawn(await chartSvg(spec))).toBeGreaterThan(40);
  });
});

describe('the ranking chart', () => {
  const communes = ['UBND Phường Việt Trì', 'UBND Phường Nông Trang', 'UBND xã Hy Cương', 'UBND Phường Vân Phú', 'UBND Phường Thanh Miếu', 'UBND xã Hoàng Cương'];
  const entries = communes
    .map((name, i) => ({ unit: unit(10 + i, name), result: result(100 + i, '2026-08', name, 0, 0, communes.length) }))
    .sort((a, b) => Number(b.result.total) - Number(a.result.total))
    .map((e, i) => ({ ...e, result: { ...e.result, rank: i + 1 } }));
  const own = entries.find((e) => e.unit.name === VT) ?? null;
  const ranking: Ranking = { parent: unit(1, 'UBND tỉnh Phú Thọ'), period: '2026-08', scope: 'xã, phường', ranked: entries, unranked: [], own };

  it('draws each sibling as a named bar, the asking unit in red, the bands across', async () => {
    const pixels = decodePng(await renderChart(rankingSpec(ranking, t)));
    expect(pixels.width).toBeGreaterThan(600);
    expect(pixels.height).toBeGreaterThan(200);
    for (const band of BAND_LINES) expect(countColor(pixels, band.color), band.color).toBeGreaterThan(150);
    expect(countColor(pixels, HIGHLIGHT_COLOR, 4)).toBeGreaterThan(1000);
    const svg = decoded(await chartSvg(rankingSpec(ranking, t)));
    for (const e of entries) expect(svg).toContain(`>${e.result.rank}. ${e.unit.name}<`);
    expect(svg).toContain('>Xếp hạng xã, phường – UBND tỉnh Phú Thọ<');
    expect(await expectEveryLabelDrawn(svg)).toBeGreaterThan(entries.length * 2);
  });

  it('draws a province of communes as thin columns, naming only the asking unit', async () => {
    const many = Array.from({ length: 148 }, (_, i) => ({ unit: unit(1000 + i, `UBND xã Thứ ${i + 1}`), result: { ...result(5000 + i, '2026-08', VT, 0, i + 1, 148), total: String(95 - i * 0.3) } }));
    const asking = many[83];
    if (!asking) throw new Error('no unit 84');
    asking.unit = unit(2, VT);
    const svg = decoded(await chartSvg(rankingSpec({ ...ranking, ranked: many, own: asking }, t)));
    expect(svg).toContain(`>${VT}: hạng 84/148, 70,1 điểm<`);
    expect(svg).not.toContain('UBND xã Thứ 1<');
    const pixels = await pixelsOf(svg);
    expect(countColor(pixels, HIGHLIGHT_COLOR, 4)).toBeGreaterThan(100);
    expect(inkedPixels(pixels)).toBeGreaterThan(50_000);
    await expectEveryLabelDrawn(svg);
  });
});

describe('a label with the bundled font', () => {
  it('leaves pixels where a blank label leaves none', async () => {
    const label = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="60"><rect width="400" height="60" fill="white"/><text x="10" y="40" font-family="Noto Sans" font-size="20">${text}</text></svg>`;
    const blank = await pixelsOf(label(''));
    expect(inkedPixels(blank)).toBe(0);
    for (const text of ['Xuất sắc (90)', 'Phường Đống Đa – Thị trấn Ứng Hòa', 'Số hóa hồ sơ']) {
      expect(inkedPixels(await pixelsOf(label(text))), text).toBeGreaterThan(200);
    }
  });
});

describe('a ranking with a unit ranked but without a total', () => {
  const named = ['UBND Phường Việt Trì', 'UBND Phường Nông Trang', 'UBND xã Hy Cương'];
  const totals = ['91.34', null, '79.5'];
  const entries = named.map((name, i) => ({
    unit: unit(20 + i, name),
    // The first entry counts its rank out of a different number than the asking unit's own result.
    result: { ...result(200 + i, '2026-08', name, 0, i + 1, i === 0 ? 163 : 148), total: totals[i] ?? null },
  }));
  const own = entries[2] ?? null;
  const ranking: Ranking = { parent: unit(1, 'UBND tỉnh Phú Thọ'), period: '2026-08', scope: 'xã, phường', ranked: entries, unranked: [], own };

  it('draws no bar for it, labels it «chưa có» and writes values the Vietnamese way', async () => {
    const spec = rankingSpec(ranking, t);
    const svg = decoded(await chartSvg(spec));
    expect(svg).toContain('>91,34<');
    expect(svg).toContain('>79,5<');
    expect(svg).toContain('>chưa có<');
    expect(svg).not.toContain('value: 0"');
    const layers = (spec as { layer: { mark: { type: string } | string; data?: { values?: { name: string }[] } }[] }).layer;
    const bars = layers.find((l) => typeof l.mark === 'object' && l.mark.type === 'bar');
    expect(bars?.data?.values?.map((v) => v.name)).toEqual([named[0], named[2]]);
  });

  it('names the asking unit’s place out of its own result’s count in the note and the caption', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ unit: unit(3000 + i, `UBND xã Thứ ${i + 1}`), result: { ...result(6000 + i, '2026-08', VT, 0, i + 1, i === 0 ? 163 : 148), total: String(95 - i * 0.5) } }));
    const asking = many[9] as (typeof many)[number];
    const svg = decoded(await chartSvg(rankingSpec({ ...ranking, ranked: many, own: asking }, t)));
    expect(svg).toContain('>UBND xã Thứ 10: hạng 10/148, 90,5 điểm<');
    expect(rankingCaption(t, ranking)).toBe(
      'Xếp hạng xã, phường – UBND tỉnh Phú Thọ, tháng 08/2026: Xuất sắc 1, Tốt 0, dưới 80 điểm 1, chưa có tổng điểm 1 đơn vị. UBND xã Hy Cương đứng thứ 3/148 với 79,5 điểm.',
    );
  });
});

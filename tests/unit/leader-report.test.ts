/** The one-page leader report: its figures from the facts, its layout cut to one page, and the PDF and PNG drawn from it. */
import { describe, expect, it } from 'vitest';
import { bandsOf, leaderFigures, type LeaderReportFacts, type ReportUnit } from '../../src/domain/leader-report.js';
import { t } from '../../src/messages/i18n.js';
import { fittedNames, leaderReportPage } from '../../src/reports/leader-layout.js';
import { leaderReportFiles } from '../../src/reports/leader-report.js';
import { A4 } from '../../src/reports/page.js';
import { renderSvg } from '../../src/reports/svg.js';
import { A4_RATIO, pdfContent, pngSize } from '../helpers/report-files.js';

function unit(name: string, total: string | null, previousTotal: string | null = null): ReportUnit {
  return { name, total, scope: 'xã, phường', previousTotal, weakestGroup: total === null ? null : { name: 'Số hóa hồ sơ', points: '8.68', max: '22' } };
}

const FEW: ReportUnit[] = [
  unit('UBND xã Hy Cương', '91.34', '90'),
  unit('UBND Phường Việt Trì', '62.88', '65.5'),
  unit('UBND Phường Nông Trang', '80', '78.25'),
  unit('UBND xã Tam Sơn', '89.99', null),
  unit('UBND xã Lâm Thao', null),
];

/** 150 communes, most under 80: more names than one page holds. */
const MANY: ReportUnit[] = Array.from({ length: 150 }, (_, i) => unit(`UBND xã Thử Nghiệm Số ${i + 1}`, (50 + (i % 45)).toFixed(2), (52 + (i % 40)).toFixed(2)));

function facts(units: ReportUnit[], overrides: Partial<LeaderReportFacts> = {}): LeaderReportFacts {
  return {
    unit: 'UBND tỉnh Phú Thọ',
    period: '2026-08',
    own: { total: '91.34', rank: 3, rankOf: 34, rankScope: 'tỉnh, thành phố', classification: 'Xuất sắc' },
    yearTotals: ['88.5', '91.34'],
    trend: [
      { period: '2026-06', own: null, averages: [{ scope: 'xã, phường', average: '70.1', scored: units.length }] },
      { period: '2026-07', own: '88.5', averages: [{ scope: 'xã, phường', average: '71.25', scored: units.length }] },
      { period: '2026-08', own: '91.34', averages: [{ scope: 'xã, phường', average: '72.4', scored: units.length }] },
    ],
    units,
    previousPeriod: '2026-07',
    overdue: [
      { unit: 'UBND Phường Việt Trì', tasks: 2 },
      { unit: 'UBND xã Hy Cương', tasks: 1 },
    ],
    ...overrides,
  };
}

describe('the figures of the report', () => {
  it('counts the units by the official bands of domain/result.ts, then under 80, then without a total', () => {
    expect(bandsOf(FEW).map((b) => [b.band.kind === 'band' ? b.band.label : b.band.kind, b.count])).toEqual([
      ['Xuất sắc', 1],
      ['Tốt', 2],
      ['under', 1],
      ['none', 1],
    ]);
  });

  it('takes the weakest, the lists by band, the gains and falls, and the average of the months with data', () => {
    const figures = leaderFigures(facts(FEW));
    expect(figures.weakest.map((u) => u.name)).toEqual(['UBND Phường Việt Trì', 'UBND Phường Nông Trang', 'UBND xã Tam Sơn', 'UBND xã Hy Cương']);
    expect(figures.underGood.map((u) => u.name)).toEqual(['UBND Phường Việt Trì']);
    expect(figures.good.map((u) => u.name)).toEqual(['UBND Phường Nông Trang', 'UBND xã Tam Sơn']);
    expect(figures.gains).toEqual([
      { unit: 'UBND Phường Nông Trang', delta: '1.75' },
      { unit: 'UBND xã Hy Cương', delta: '1.34' },
    ]);
    expect(figures.falls).toEqual([{ unit: 'UBND Phường Việt Trì', delta: '-2.62' }]);
    expect(figures.compared).toBe(3);
    expect(figures.yearToDate).toEqual({ average: '89.92', months: 2 });
  });
});

describe('the page', () => {
  it('cuts a long list of names with "và N đơn vị khác" within its lines', () => {
    const names = MANY.map((u) => u.name);
    const lines = fittedNames(t, names, 500, 9, 3);
    expect(lines).toHaveLength(3);
    const shown = lines.join(' ').split(',').length - 1;
    expect(lines.at(-1)).toMatch(new RegExp(`và ${names.length - shown} đơn vị khác$`));
  });

  it('keeps every shape on the A4 page, however many units', () => {
    for (const units of [FEW, MANY]) {
      const page = leaderReportPage(t, facts(units), '2026-09-29');
      for (const shape of page.shapes) {
        const [x, y] = shape.kind === 'line' ? [shape.x2, shape.y2] : [shape.x, shape.y];
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(A4.width);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(A4.height);
      }
    }
  });

  it('keeps the fullest month (two scopes, long lists, many overdue units) above the footer', () => {
    const overdue = Array.from({ length: 12 }, (_, i) => ({ unit: `UBND xã Có Tên Rất Dài Để Thử Cắt Bớt Số ${i + 1} - Tỉnh Phú Thọ`, tasks: 12 - i }));
    const good = MANY.map((u, i) => ({ ...u, total: (80 + (i % 10)).toFixed(2), scope: i % 2 ? 'sở, ban, ngành' : 'xã, phường' }));
    const page = leaderReportPage(t, facts([...MANY, ...good], { overdue }), '2026-09-29');
    const footer = page.shapes.findLast((s) => s.kind === 'line');
    const body = page.shapes.slice(0, page.shapes.indexOf(footer as NonNullable<typeof footer>));
    // A baseline, plus the descent of a 9-point line.
    expect(Math.max(...body.map((s) => (s.kind === 'line' ? s.y2 : s.kind === 'rect' ? s.y + s.height : s.y + 3)))).toBeLessThan((footer?.kind === 'line' ? footer.y1 : 0) - 4);
    expect(body.filter((s) => s.kind === 'text').map((s) => (s.kind === 'text' ? s.text : ''))).toContain('và 5 đơn vị khác');
  });

  it('says so when there is no previous month and no overdue task', () => {
    const svg = renderSvg(leaderReportPage(t, facts(FEW.map((u) => ({ ...u, previousTotal: null })), { overdue: [], yearTotals: [] }), '2026-09-29'));
    expect(svg).toContain('Chưa có kết quả tháng 07/2026 để so sánh.');
    expect(svg).toContain('Không có nhiệm vụ quá hạn');
    expect(svg).toContain('chưa có tháng nào có điểm riêng');
  });
});

describe('the files', () => {
  it('draws a one-page A4 PDF holding the figures as text, and a PNG preview of A4 proportions', async () => {
    const files = await leaderReportFiles(t, facts(MANY), '2026-09-29');
    expect(files.pdf.fileName).toBe('bao-cao-2026-08.pdf');
    expect(files.png.fileName).toBe('bao-cao-2026-08.png');
    const { pages, text } = await pdfContent(files.pdf.bytes);
    expect(pages).toBe(1);
    for (const expected of ['BÁO CÁO KẾT QUẢ BỘ CHỈ SỐ 766 – THÁNG 08/2026', 'UBND tỉnh Phú Thọ', '91,34', '3/34', 'Xếp loại: Xuất sắc', '89,92', 'trung bình 2 tháng có dữ liệu', '72,4 (150 đv)', 'Số hóa hồ sơ: 8,68/22', 'UBND Phường Việt Trì', '2 nhiệm vụ']) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/và \d+ đơn vị khác/);
    const { width, height } = pngSize(files.png.bytes);
    expect(width).toBe(1240);
    expect(Math.abs(height / width - A4_RATIO)).toBeLessThan(0.01);
  });
});

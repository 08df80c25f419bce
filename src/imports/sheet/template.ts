/**
 * The results template people download (/mau) and send back: one row per unit, the columns of
 * sheet-columns.ts, two example rows from the portal's data for Phú Thọ, 08/2026, and a guide.
 */
import { isDecimal } from '../../domain/decimal.js';
import { t } from '../../messages/i18n.js';
import { CRITERION_COLUMNS, groupColumnOf, SHEET_FRAMEWORK, TEMPLATE_COLUMNS, type SheetColumn } from './columns.js';
import { RESULT_SHEET_NAME } from './xlsx.js';

export const GUIDE_SHEET_NAME = 'Hướng dẫn';

/** The guide's opening lines (locales/vi.ftl), also printed by `npm run cli -- template`. */
export function templateDescription(): string[] {
  return t('template-guide').split('\n');
}

/** Portal data, 08/2026: the province and one of its wards. Codes left empty, as a person would. */
const EXAMPLE_ROWS: readonly Record<string, string>[] = [
  {
    ky: '2026-08',
    ten_don_vi: 'UBND tỉnh Phú Thọ',
    tong_diem: '59.92',
    ...groups(['7.96', '44.22'], ['15.68', '78.38'], ['8.83', '73.58'], ['6.25', '62.5'], ['12.96', '72'], ['8.24', '37.45']),
  },
  {
    ky: '2026-08',
    ten_don_vi: 'UBND Phường Việt Trì',
    cap_tren: 'UBND tỉnh Phú Thọ',
    tong_diem: '62.88',
    ...groups(['7.96', '44.22'], ['15.81', '79.03'], ['6.48', '54'], ['6.69', '66.9'], ['17.26', '95.89'], ['8.68', '39.45']),
  },
];

/** Points and rate of each group, in the framework's order. */
function groups(...pointsAndRates: [string, string][]): Record<string, string> {
  return Object.fromEntries(
    SHEET_FRAMEWORK.groups.flatMap((g, i) => {
      const [points = '', rate = ''] = pointsAndRates[i] ?? [];
      return [
        [groupColumnOf(g, 'points').key, points],
        [groupColumnOf(g, 'rate').key, rate],
      ];
    }),
  );
}

const exampleCells = (row: Record<string, string>): string[] => TEMPLATE_COLUMNS.map((c) => row[c.key] ?? '');

function guideRows(): string[][] {
  const line = (c: SheetColumn): string[] => [c.header, c.key, c.required ? 'Có' : 'Không', c.guide];
  return [
    ['Hướng dẫn điền mẫu kết quả Bộ chỉ số 766'],
    ...templateDescription().map((text) => [text]),
    [],
    ['Cột', 'Mã cột (có thể dùng thay tiêu đề)', 'Bắt buộc', 'Cách ghi'],
    ...TEMPLATE_COLUMNS.map(line),
    [],
    ['Cột chỉ tiêu con (không bắt buộc, thêm vào bên phải nếu có số liệu; có thể bỏ tên chỉ tiêu, chỉ giữ số hiệu)'],
    ...CRITERION_COLUMNS.map(line),
  ];
}

async function xlsxTemplate(): Promise<Uint8Array> {
  // Loaded when the template is asked for, not with the server (about 25 MB).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(RESULT_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.addRow(TEMPLATE_COLUMNS.map((c) => c.header)).font = { bold: true };
  for (const row of EXAMPLE_ROWS) data.addRow(exampleCells(row).map((v) => (isDecimal(v) ? Number(v) : v)));
  TEMPLATE_COLUMNS.forEach((c, i) => (data.getColumn(i + 1).width = Math.max(12, Math.min(c.header.length + 2, 40))));
  const guide = workbook.addWorksheet(GUIDE_SHEET_NAME);
  for (const row of guideRows()) guide.addRow(row);
  guide.getRow(templateDescription().length + 3).font = { bold: true };
  guide.getRow(1).font = { bold: true, size: 14 };
  [34, 22, 10, 90].forEach((width, i) => (guide.getColumn(i + 1).width = width));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvTemplate(): Uint8Array {
  const lines = [TEMPLATE_COLUMNS.map((c) => c.header), ...EXAMPLE_ROWS.map(exampleCells)].map((cells) => cells.map(csvField).join(','));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

export async function writeTemplate(format: 'xlsx' | 'csv'): Promise<Uint8Array> {
  return format === 'xlsx' ? xlsxTemplate() : csvTemplate();
}

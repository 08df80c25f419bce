/**
 * The columns a results sheet may have, and how a header written by a person is recognised: by its
 * Vietnamese text or by its short machine key, ignoring case, diacritics, punctuation and spacing.
 *
 * Group columns are `<group name> – điểm` and `<group name> – tỷ lệ (%)` (the group's key or one of its
 * aliases also names it: "CKMB – điểm", "Tiến độ – điểm"). Sub-criterion columns are
 * `<number> <criterion name> – tử số | mẫu số | tỷ lệ (%) | điểm`; the name may be left out
 * ("4.2 – điểm"), but when written it must be the criterion's. Machine keys: `ckmb_diem`, `ckmb_ty_le`,
 * `4.2_tu_so`, `4.2_mau_so`, `4.2_ty_le`, `4.2_diem`.
 */
import { FRAMEWORK_2024, type Criterion, type Group } from '../../domain/framework.js';
import { foldWords } from '../../domain/text.js';

export const SHEET_FRAMEWORK = FRAMEWORK_2024;

export type Measure = 'numerator' | 'denominator' | 'rate' | 'points';

export type ColumnField =
  | { kind: 'period' | 'code' | 'name' | 'parent' | 'total' | 'rank' | 'rankOf' | 'classification' }
  | { kind: 'group'; group: Group; measure: 'points' | 'rate' }
  | { kind: 'criterion'; group: Group; criterion: Criterion; measure: Measure };

export interface SheetColumn {
  key: string;
  header: string;
  field: ColumnField;
  required: boolean;
  /** What to write in it, for the "Hướng dẫn" sheet. */
  guide: string;
}

const MEASURES: Record<Measure, { header: string; key: string; folded: string[] }> = {
  numerator: { header: 'tử số', key: 'tu_so', folded: ['tu so'] },
  denominator: { header: 'mẫu số', key: 'mau_so', folded: ['mau so'] },
  rate: { header: 'tỷ lệ (%)', key: 'ty_le', folded: ['ty le', 'ti le'] },
  points: { header: 'điểm', key: 'diem', folded: ['diem'] },
};

export const MEASURE_LIST = Object.keys(MEASURES) as Measure[];

export const PERIOD_COLUMN: SheetColumn = {
  key: 'ky',
  header: 'Kỳ',
  field: { kind: 'period' },
  required: false,
  guide: 'Không bắt buộc. Kỳ của kết quả, ví dụ 2026-08 hoặc 08/2026 (tháng), 2026-Q3 (quý), 2026 (năm), 2026-W03 (tuần); ô nào có ghi thì phải đúng kỳ đang nhập.',
};

export const UNIT_COLUMNS: readonly SheetColumn[] = [
  {
    key: 'ma_don_vi',
    header: 'Mã đơn vị',
    field: { kind: 'code' },
    required: false,
    guide: 'Không bắt buộc. Mã đơn vị trên Cổng Dịch vụ công, ví dụ H44.100. Để trống nếu không biết.',
  },
  { key: 'ten_don_vi', header: 'Tên đơn vị', field: { kind: 'name' }, required: true, guide: 'Bắt buộc. Tên đầy đủ, ví dụ UBND Phường Việt Trì.' },
  {
    key: 'cap_tren',
    header: 'Đơn vị cấp trên',
    field: { kind: 'parent' },
    required: false,
    guide: 'Không bắt buộc. Tên hoặc mã của đơn vị cấp trên, ví dụ UBND tỉnh Phú Thọ; nếu ghi mã thì đơn vị đó phải có dòng riêng trong bảng.',
  },
  {
    key: 'tong_diem',
    header: 'Tổng điểm',
    field: { kind: 'total' },
    required: true,
    guide: 'Bắt buộc. Tổng điểm như nguồn công bố (0–100), dấu phẩy hoặc dấu chấm thập phân; không tự cộng lại.',
  },
  { key: 'xep_hang', header: 'Xếp hạng', field: { kind: 'rank' }, required: false, guide: 'Không bắt buộc. Thứ hạng, số nguyên dương.' },
  {
    key: 'so_xep_hang',
    header: 'Số đơn vị xếp hạng',
    field: { kind: 'rankOf' },
    required: false,
    guide: 'Không bắt buộc. Xếp hạng trong tổng số bao nhiêu đơn vị; không nhỏ hơn thứ hạng.',
  },
  { key: 'xep_loai', header: 'Xếp loại', field: { kind: 'classification' }, required: false, guide: 'Không bắt buộc. Xếp loại như nguồn ghi, ví dụ Tốt.' },
];

function groupColumn(group: Group, measure: 'points' | 'rate'): SheetColumn {
  const guide =
    measure === 'points'
      ? `Điểm nhóm ${group.name}, từ 0 đến ${group.max}. Để trống nếu không có.`
      : `Tỷ lệ đạt của nhóm ${group.name}, từ 0 đến 100, không ghi dấu %.`;
  return {
    key: `${group.key.toLowerCase()}_${MEASURES[measure].key}`,
    header: `${group.name} – ${MEASURES[measure].header}`,
    field: { kind: 'group', group, measure },
    required: false,
    guide,
  };
}

const CRITERION_GUIDE: Record<Measure, string> = {
  numerator: 'tử số (số nguyên)',
  denominator: 'mẫu số (số nguyên)',
  rate: 'tỷ lệ, 0–100',
  points: 'điểm',
};

function criterionColumn(group: Group, criterion: Criterion, measure: Measure): SheetColumn {
  return {
    key: `${criterion.number}_${MEASURES[measure].key}`,
    header: `${criterion.number} ${criterion.name} – ${MEASURES[measure].header}`,
    field: { kind: 'criterion', group, criterion, measure },
    required: false,
    guide: `Chỉ tiêu ${criterion.number}: ${CRITERION_GUIDE[measure]}${measure === 'points' && criterion.max !== null ? `, tối đa ${criterion.max}` : ''}.`,
  };
}

export const GROUP_COLUMNS: readonly SheetColumn[] = SHEET_FRAMEWORK.groups.flatMap((g) => [groupColumn(g, 'points'), groupColumn(g, 'rate')]);

export const CRITERION_COLUMNS: readonly SheetColumn[] = SHEET_FRAMEWORK.groups.flatMap((g) =>
  g.criteria.flatMap((c) => MEASURE_LIST.map((m) => criterionColumn(g, c, m))),
);

/** The columns of the template file, in order; sub-criterion columns are optional extras. */
export const TEMPLATE_COLUMNS: readonly SheetColumn[] = [PERIOD_COLUMN, ...UNIT_COLUMNS, ...GROUP_COLUMNS];

export const REQUIRED_COLUMNS: readonly SheetColumn[] = TEMPLATE_COLUMNS.filter((c) => c.required);

export type HeaderMatch = { kind: 'column'; column: SheetColumn } | { kind: 'unknown-group' } | { kind: 'unknown' };

const EXACT = new Map<string, SheetColumn>();
for (const column of [...TEMPLATE_COLUMNS, ...CRITERION_COLUMNS]) {
  EXACT.set(foldWords(column.header), column);
  EXACT.set(foldWords(column.key), column);
}

function splitMeasure(folded: string): { label: string; measure: Measure } | null {
  for (const [measure, { folded: words }] of Object.entries(MEASURES) as [Measure, (typeof MEASURES)[Measure]][]) {
    const word = words.find((w) => folded === w || folded.endsWith(` ${w}`));
    if (word) return { label: folded.slice(0, folded.length - word.length).trim(), measure };
  }
  return null;
}

function groupByLabel(label: string): Group | undefined {
  return SHEET_FRAMEWORK.groups.find((g) => foldWords(g.name) === label || g.key.toLowerCase() === label || g.aliases.includes(label));
}

/** Null when the label does not start with a criterion number; 'unknown' for a wrong number or name. */
function criterionByLabel(label: string): Criterion | 'unknown' | null {
  const m = /^(\d+ \d+[a-z]?)(?: (.+))?$/.exec(label);
  if (!m) return null;
  const criterion = SHEET_FRAMEWORK.groups.flatMap((g) => g.criteria).find((c) => foldWords(c.number) === m[1]);
  if (!criterion) return 'unknown';
  const named = m[2] === undefined || m[2] === foldWords(criterion.name) || criterion.aliases.includes(m[2]);
  return named ? criterion : 'unknown';
}

export function recogniseHeader(text: string): HeaderMatch {
  const folded = foldWords(text);
  const exact = EXACT.get(folded);
  if (exact) return { kind: 'column', column: exact };
  const split = splitMeasure(folded);
  if (!split || split.label === '') return { kind: 'unknown' };
  const criterion = criterionByLabel(split.label);
  if (criterion === 'unknown') return { kind: 'unknown' };
  if (criterion) return { kind: 'column', column: criterionColumnOf(criterion, split.measure) };
  const group = groupByLabel(split.label);
  // "Chỉ số Chuyển đổi số – điểm" is written as a group column; "Tổng số điểm" is just a column we do not know.
  if (!group) return { kind: /[-–—(]/.test(text) ? 'unknown-group' : 'unknown' };
  if (split.measure !== 'points' && split.measure !== 'rate') return { kind: 'unknown' };
  return { kind: 'column', column: groupColumnOf(group, split.measure) };
}

function columnWhere(columns: readonly SheetColumn[], test: (field: ColumnField) => boolean): SheetColumn {
  const found = columns.find((c) => test(c.field));
  if (!found) throw new Error('sheet column table is inconsistent');
  return found;
}

export function unitColumnOf(kind: Exclude<ColumnField['kind'], 'group' | 'criterion'>): SheetColumn {
  return columnWhere([PERIOD_COLUMN, ...UNIT_COLUMNS], (f) => f.kind === kind);
}

export function groupColumnOf(group: Group, measure: 'points' | 'rate'): SheetColumn {
  return columnWhere(GROUP_COLUMNS, (f) => f.kind === 'group' && f.group === group && f.measure === measure);
}

export function criterionColumnOf(criterion: Criterion, measure: Measure): SheetColumn {
  return columnWhere(CRITERION_COLUMNS, (f) => f.kind === 'criterion' && f.criterion === criterion && f.measure === measure);
}

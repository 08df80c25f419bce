/** A refused import in words: where each problem is (file, row or entry, column or field) and what it is. */
import { formatDecimal } from '../domain/format.js';
import { isDecimal } from '../domain/decimal.js';
import { MAX_PROBLEMS, type ImportProblem } from '../imports/problems.js';
import type { Translate } from './i18n.js';

function isJson(file: string): boolean {
  return /\.json$/i.test(file);
}

function place(t: Translate, p: ImportProblem, row: number | undefined): string {
  if (row === undefined) return '';
  if (p.code === 'bad-json') return t('problem-at-line', { row, column: p.column ?? '' });
  return t(isJson(p.file) ? 'problem-at-entry' : 'problem-at-row', { row });
}

function location(t: Translate, p: ImportProblem): string {
  const parts = [t('problem-at-file', { file: p.file })];
  const row = place(t, p, p.row);
  if (row) parts.push(row);
  if (p.column && p.code !== 'bad-json') parts.push(t(isJson(p.file) ? 'problem-at-field' : 'problem-at-column', { column: p.column }));
  const unit = p.detail?.unit;
  const located = parts.join(', ');
  return unit ? `${located} ${t('problem-at-unit', { unit: String(unit) })}` : located;
}

/** Numbers in messages the Vietnamese way: "21.5" → "21,5". */
function shown(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return isDecimal(text) ? formatDecimal(text) : text;
}

function what(t: Translate, p: ImportProblem): string {
  const detail = Object.fromEntries(Object.entries(p.detail ?? {}).map(([k, v]) => [k, shown(v)]));
  const value = p.value === undefined ? '' : shown(p.value.replace(/^"(.*)"$/, '$1'));
  const args = { value, column: p.column ?? '', ...detail };
  switch (p.code) {
    case 'missing-field':
      return t('problem-missing-field', { ...args, value: p.value === undefined ? 'none' : value });
    case 'out-of-range': {
      const min = String(p.detail?.min ?? '0');
      const below = value.startsWith('-') || (min !== '0' && min !== '');
      return below ? t('problem-out-of-range', { ...args, min: shown(min), max: shown(p.detail?.max ?? '') }) : t('problem-out-of-range-max', { ...args, max: shown(p.detail?.max ?? '') });
    }
    case 'unknown-parent':
      return p.detail?.expected === undefined ? t('problem-unknown-parent-sheet', args) : t('problem-unknown-parent', { other: '', expected: '', ...args });
    case 'unknown-column':
      return value === '' ? t('problem-unnamed-column') : t('problem-unknown-column', args);
    case 'duplicate-column':
      return t('problem-duplicate-column', { firstColumn: '', ...args });
    case 'duplicate-unit':
      return t('problem-duplicate-unit', { ...args, firstRow: place(t, p, Number(p.detail?.firstRow ?? 0)) });
    default:
      return t(`problem-${p.code}`, { max: '', min: '', other: '', expected: '', ...args });
  }
}

export function renderProblem(t: Translate, p: ImportProblem): string {
  return `${location(t, p)}: ${what(t, p)}`;
}

export function renderProblems(t: Translate, problems: readonly ImportProblem[]): string[] {
  const lines = [t('import-rejected', { count: problems.length }), ...problems.map((p) => `• ${renderProblem(t, p)}`)];
  if (problems.length >= MAX_PROBLEMS) lines.push(t('import-rejected-more', { shown: MAX_PROBLEMS }));
  return lines;
}

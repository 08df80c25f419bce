/**
 * What can be wrong with an imported file, said precisely enough for the person who sent it to fix it:
 * the file, the row, the column and the value. Any problem rejects the whole import.
 * The words live in locales/vi.ftl under `problem-<code>`; messages/import-problems.ts renders them.
 */

export type ProblemCode =
  | 'empty-file'
  | 'file-too-large'
  | 'unsupported-format'
  | 'bad-encoding'
  | 'bad-json'
  | 'bad-spreadsheet'
  | 'unknown-portal-file'
  | 'duplicate-portal-file'
  | 'national-list-with-others'
  | 'missing-field'
  | 'missing-column'
  | 'unknown-column'
  | 'duplicate-column'
  | 'no-rows'
  | 'missing-value'
  | 'bad-number'
  | 'out-of-range'
  | 'unexpected-max'
  | 'bad-rank'
  | 'unknown-group'
  | 'duplicate-unit'
  | 'unknown-parent'
  | 'missing-period'
  | 'bad-period'
  | 'period-mismatch'
  | 'period-disagrees'
  | 'ambiguous-unit'
  | 'would-lose-results'
  | 'no-result'
  | 'letter-conflict'
  | 'letter-unbound'
  | 'too-many-parts'
  | 'unpacked-too-large'
  | 'unpacked-total-too-large'
  | 'too-many-rows'
  | 'too-many-columns'
  | 'too-many-cells'
  | 'cell-too-long'
  | 'letter-too-long'
  | 'too-many-pages'
  | 'too-complex';

export interface ImportProblem {
  code: ProblemCode;
  file: string;
  /** 1-based, as a spreadsheet program numbers rows (the header is row 1). For JSON: the entry's position. */
  row?: number;
  column?: string;
  value?: string;
  /** Further arguments of the message (a maximum, the expected columns…). */
  detail?: Record<string, string | number>;
}

/** Thrown by a parser or by saveImport; nothing has been stored when it is caught. */
export class ImportRejected extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`import rejected: ${problems.map((p) => `${p.code} ${p.file}:${p.row ?? ''}:${p.column ?? ''}`).join(', ')}`);
    this.name = 'ImportRejected';
  }
}

/** Larger files are refused before they are read: a month of a whole province's portal data is under 1 MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** A parser stops collecting after this many problems: the person fixes the first ones and tries again. */
export const MAX_PROBLEMS = 50;

export function checkFileSize(file: string, size: number): void {
  if (size === 0) throw new ImportRejected([{ code: 'empty-file', file }]);
  if (size > MAX_IMPORT_BYTES) {
    throw new ImportRejected([
      { code: 'file-too-large', file, value: String(Math.ceil(size / 1024 / 1024)), detail: { max: MAX_IMPORT_BYTES / 1024 / 1024 } },
    ]);
  }
}

/** Collects problems while a parser walks a file, so the sender sees all of them at once. */
export class ProblemList {
  readonly items: ImportProblem[] = [];
  add(problem: ImportProblem): void {
    if (this.items.length < MAX_PROBLEMS) this.items.push(problem);
  }
  get empty(): boolean {
    return this.items.length === 0;
  }
  throwIfAny(): void {
    if (!this.empty) throw new ImportRejected(this.items);
  }
}

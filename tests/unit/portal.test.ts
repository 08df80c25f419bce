import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { portalBatch, type PortalFile } from '../../src/imports/portal/batch.js';
import { ImportRejected, type ImportProblem } from '../../src/imports/problems.js';
import type { ImportBatch } from '../../src/imports/save.js';

const DIR = new URL('../../samples/portal/2026-08/', import.meta.url);
const FILES: PortalFile[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((fileName) => ({ fileName, bytes: readFileSync(new URL(fileName, DIR)) }));

function rowOf(batch: ReturnType<typeof portalBatch>, name: string) {
  const row = batch.rows.find((r) => r.unit.name === name);
  if (!row) throw new Error(`${name} not in batch`);
  return row;
}

/** The units the responses leave without a total: some group of theirs is missing. */
function withoutTotal(batch: ImportBatch): string[] {
  return batch.rows.filter((r) => r.result.total === null).map((r) => r.unit.name);
}

describe('the portal responses of Phú Thọ, 08/2026', () => {
  const batch = portalBatch(FILES, '2026-08');

  it('holds the province and its 163 children, names as the portal writes them', () => {
    expect(batch.rows).toHaveLength(164);
    expect(batch.rows[0]?.unit).toMatchObject({ name: 'UBND tỉnh Phú Thọ', code: 'H44', kind: 'tinh' });
    const lamThao = rowOf(batch, 'UBND xã Lâm Thao - Tỉnh Phú Thọ');
    expect(lamThao.unit.kind).toBe('xa');
    expect(lamThao.unit.parent?.code).toBe('H44');
    expect(rowOf(batch, 'Sở Công Thương - Tỉnh Phú Thọ').unit.kind).toBe('so-nganh');
    expect(withoutTotal(batch)).toEqual([]);
  });

  it("keeps Việt Trì's groups exactly as printed and sums its total", () => {
    const { unit, result } = rowOf(batch, 'UBND Phường Việt Trì');
    expect(unit).toMatchObject({ code: 'H44.100', kind: 'phuong', portalId: '019d2be3-6ab4-74ce-8a81-1708de733a98' });
    expect(result.groups.map((g) => [g.key, g.points, g.max, g.rate])).toEqual([
      ['CKMB', '7.96', '18', '44.22'],
      ['TDGQ', '15.81', '20', '79.03'],
      ['CLGQ', '6.48', '12', '54'],
      ['TTTT', '6.69', '10', '66.9'],
      ['MDHL', '17.26', '18', '95.89'],
      ['MDSH', '8.68', '22', '39.45'],
    ]);
    expect(result.total).toBe('62.88');
    const onTime = result.groups.find((g) => g.key === 'TDGQ')?.criteria[0];
    expect(onTime).toMatchObject({ code: 'ON_TIME', numerator: '2348', denominator: '2971' });
    const certified = result.groups.find((g) => g.key === 'MDSH')?.criteria.find((c) => c.code === 'ELECTRONIC_CERTIFIED_COPY');
    expect(certified).toMatchObject({ numerator: null, denominator: null, rate: '100', points: '2', max: '2' });
  });

  it('ranks communes among communes and departments among departments, ties shared', () => {
    const communes = batch.rows.filter((r) => r.unit.parent && r.result.rankScope === 'xã, phường');
    const departments = batch.rows.filter((r) => r.unit.parent && r.result.rankScope === 'sở, ban, ngành');
    expect(communes).toHaveLength(148);
    expect(departments).toHaveLength(15);
    expect(new Set(communes.map((r) => r.result.rankOf))).toEqual(new Set([148]));
    const sorted = [...communes].sort((a, b) => (a.result.rank ?? 0) - (b.result.rank ?? 0));
    expect(sorted[0]?.result.rank).toBe(1);
    for (let i = 1; i < sorted.length; i += 1) {
      const [prev, cur] = [sorted[i - 1]!, sorted[i]!];
      expect(Number(cur.result.total)).toBeLessThanOrEqual(Number(prev.result.total));
      if (cur.result.total === prev.result.total) expect(cur.result.rank).toBe(prev.result.rank);
      else expect(cur.result.rank).toBe(i + 1);
    }
    expect(rowOf(batch, 'UBND tỉnh Phú Thọ').result.rank).toBeNull();
  });
});

describe('a partial set of responses', () => {
  it('stores the groups that are there, with no total and no rank', () => {
    const batch = portalBatch(FILES.filter((f) => f.fileName.startsWith('dvc-progress')), '2026-08');
    const { result } = rowOf(batch, 'UBND Phường Việt Trì');
    expect(result.groups.map((g) => g.key)).toEqual(['TDGQ']);
    expect(result).toMatchObject({ total: null, rank: null, rankOf: null });
    expect(batch.groupsPresent).toEqual(['TDGQ']);
    expect(withoutTotal(batch)).toHaveLength(164);
  });

  it('stores a unit missing from some responses without a total, others complete', () => {
    const cut = FILES.map((f) => {
      if (!f.fileName.startsWith('transparency')) return f;
      const body = JSON.parse(Buffer.from(f.bytes).toString('utf8')) as { data: { evaluation: { departmentName: string }[] } };
      body.data.evaluation = body.data.evaluation.filter((e) => e.departmentName !== 'UBND Phường Việt Trì');
      return { ...f, bytes: Buffer.from(JSON.stringify(body)) };
    });
    const batch = portalBatch(cut, '2026-08');
    expect(withoutTotal(batch)).toEqual(['UBND Phường Việt Trì']);
    const { result } = rowOf(batch, 'UBND Phường Việt Trì');
    expect(result.groups.map((g) => g.key)).toEqual(['TDGQ', 'CLGQ', 'TTTT', 'MDHL', 'MDSH']);
    expect(result).toMatchObject({ total: null, rank: null });
    expect(rowOf(batch, 'UBND Phường Nông Trang').result.rankOf).toBe(147);
  });

  it('reads quarter and year periods the same way', () => {
    expect(portalBatch(FILES, '2026-Q3').period).toBe('2026-Q3');
    expect(portalBatch(FILES, '2026').rows[0]?.result.period).toBe('2026');
  });
});

function problemsOf(run: () => unknown): ImportProblem[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportRejected) return error.problems;
    throw error;
  }
  throw new Error('expected the import to be rejected');
}

type Body = { data: Record<string, unknown> & { children?: Record<string, unknown>[]; evaluation?: Record<string, unknown>[] } };

function edited(prefix: string, edit: (body: Body) => void): PortalFile[] {
  return FILES.map((f) => {
    if (!f.fileName.startsWith(prefix)) return f;
    const body = JSON.parse(Buffer.from(f.bytes).toString('utf8')) as Body;
    edit(body);
    return { ...f, bytes: Buffer.from(JSON.stringify(body, null, 1)) };
  });
}

function child(body: Body, name: string): Record<string, unknown> {
  const list = body.data.children ?? body.data.evaluation ?? [];
  const found = list.find((e) => e.departmentName === name);
  if (!found) throw new Error(`${name} not found`);
  return found;
}

describe('bad portal input is refused, naming file, entry, field and value', () => {
  it('a score over the group maximum (21/20)', () => {
    const files = edited('dvc-progress', (b) => (child(b, 'UBND Phường Việt Trì').score = 21));
    expect(problemsOf(() => portalBatch(files, '2026-08'))).toEqual([
      expect.objectContaining({ code: 'out-of-range', file: 'dvc-progress-tree.json', row: 5, column: 'data.children[4].score', value: '21', detail: expect.objectContaining({ max: '20', unit: 'UBND Phường Việt Trì' }) }),
    ]);
  });

  it('a rate over 100%', () => {
    const files = edited('transparency', (b) => (child(b, 'UBND Phường Việt Trì').ratio = 144.22));
    expect(problemsOf(() => portalBatch(files, '2026-08'))).toEqual([expect.objectContaining({ code: 'out-of-range', file: 'transparency.json', column: 'data.evaluation[4].ratio', value: '144.22' })]);
  });

  it('a negative sub-criterion score', () => {
    const files = edited('dossier-digitized', (b) => ((child(b, 'UBND Phường Việt Trì').metrics as Record<string, unknown>[])[0]!.score = -1));
    expect(problemsOf(() => portalBatch(files, '2026-08'))).toEqual([
      expect.objectContaining({ code: 'out-of-range', file: 'dossier-digitized.json', column: 'data.evaluation[4].metrics[0].score', value: '-1' }),
    ]);
  });

  it('a score that is not a number', () => {
    const files = edited('provide-online', (b) => (child(b, 'UBND Phường Việt Trì').totalScore = 'sáu'));
    expect(problemsOf(() => portalBatch(files, '2026-08'))).toEqual([expect.objectContaining({ code: 'bad-number', file: 'provide-online-tree.json', column: 'data.children[4].totalScore', value: '"sáu"' })]);
  });

  it('a maximum of another scheme (22 instead of 10)', () => {
    const files = edited('formality-online-payment', (b) => (child(b, 'UBND Phường Việt Trì').totalMaxScore = 22));
    expect(problemsOf(() => portalBatch(files, '2026-08'))).toEqual([
      expect.objectContaining({ code: 'unexpected-max', file: 'formality-online-payment-tree.json', column: 'data.children[4].totalMaxScore', value: '22', detail: expect.objectContaining({ max: '10' }) }),
    ]);
  });

  it('an entry without its departmentId', () => {
    const files = edited('handling-satisfaction', (b) => delete child(b, 'UBND Phường Việt Trì').departmentId);
    expect(problemsOf(() => portalBatch(files, '2026-08'))).toEqual([expect.objectContaining({ code: 'missing-field', file: 'handling-satisfaction.json', row: 5, column: 'data.evaluation[4].departmentId' })]);
  });

  it('a missing score', () => {
    const files = edited('dvc-progress', (b) => delete child(b, 'UBND Phường Việt Trì').score);
    expect(problemsOf(() => portalBatch(files, '2026-08'))).toEqual([expect.objectContaining({ code: 'missing-field', column: 'data.children[4].score' })]);
  });

  it('the same unit twice in one response', () => {
    const files = edited('dvc-progress', (b) => b.data.children?.push({ ...child(b, 'UBND Phường Việt Trì') }));
    expect(problemsOf(() => portalBatch(files, '2026-08'))).toEqual([
      expect.objectContaining({ code: 'duplicate-unit', file: 'dvc-progress-tree.json', row: 164, value: 'UBND Phường Việt Trì', detail: { firstRow: 5 } }),
    ]);
  });

  it('two responses of the same group', () => {
    const twin = { fileName: 'tien-do-ban-sao.json', bytes: FILES.find((f) => f.fileName.startsWith('dvc-progress'))!.bytes };
    expect(problemsOf(() => portalBatch([...FILES, twin], '2026-08'))).toEqual([
      expect.objectContaining({ code: 'duplicate-portal-file', file: 'tien-do-ban-sao.json', value: 'Tiến độ giải quyết', detail: { other: 'dvc-progress-tree.json' } }),
    ]);
  });

  it('responses of two different provinces', () => {
    const files = edited('dvc-progress', (b) => {
      const parent = b.data.parent as Record<string, unknown>;
      parent.departmentId = 'other-province';
      parent.departmentName = 'UBND tỉnh Hưng Yên';
    });
    expect(problemsOf(() => portalBatch(files, '2026-08'))).toEqual([expect.objectContaining({ code: 'unknown-parent', value: 'UBND tỉnh Hưng Yên' })]);
  });

  it('broken JSON, with the line and column where it breaks', () => {
    const files = [{ fileName: 'hong.json', bytes: Buffer.from('{\n  "code": "OK",\n  "data": {"parent": }\n}') }];
    expect(problemsOf(() => portalBatch(files, '2026-08'))).toEqual([expect.objectContaining({ code: 'bad-json', file: 'hong.json', row: 3, column: '22' })]);
  });

  it('JSON that is not a portal response', () => {
    const files = [{ fileName: 'khac.json', bytes: Buffer.from('{"code":"OK","data":{"items":[]}}') }];
    expect(problemsOf(() => portalBatch(files, '2026-08'))).toEqual([expect.objectContaining({ code: 'unknown-portal-file', file: 'khac.json' })]);
  });

  it('an empty file and a file of 50 MB, before reading them', () => {
    expect(problemsOf(() => portalBatch([{ fileName: 'rong.json', bytes: new Uint8Array(0) }], '2026-08'))).toEqual([{ code: 'empty-file', file: 'rong.json' }]);
    expect(problemsOf(() => portalBatch([{ fileName: 'lon.json', bytes: new Uint8Array(50 * 1024 * 1024) }], '2026-08'))).toEqual([
      expect.objectContaining({ code: 'file-too-large', file: 'lon.json', value: '50' }),
    ]);
  });

  it('text that is not UTF-8', () => {
    expect(problemsOf(() => portalBatch([{ fileName: 'latin.json', bytes: Uint8Array.from([0x7b, 0xff, 0xfe, 0x7d]) }], '2026-08'))).toEqual([{ code: 'bad-encoding', file: 'latin.json' }]);
  });

  it('no period, or a period that does not exist', () => {
    expect(problemsOf(() => portalBatch(FILES, undefined))).toEqual([expect.objectContaining({ code: 'missing-period' })]);
    expect(problemsOf(() => portalBatch(FILES, '2026-13'))).toEqual([expect.objectContaining({ code: 'bad-period', value: '2026-13' })]);
  });
});

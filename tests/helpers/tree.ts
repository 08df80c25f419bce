/** A small tree of units of its own, for rules that depend on where a unit sits. */
import { unitKindHint, unitNameKey } from '../../src/domain/units.js';
import type { TestApp } from './app.js';

/** Code → [name, parent code]: a province, two districts under it, a commune under the first, another province. */
export const TREE: Record<string, [string, string | null]> = {
  Z90: ['UBND tỉnh An Thử', null],
  'Z90.1': ['UBND huyện Bình Thử', 'Z90'],
  'Z90.1.1': ['UBND xã Cam Thử', 'Z90.1'],
  'Z90.2': ['UBND huyện Dung Thử', 'Z90'],
  Z91: ['UBND tỉnh Ê Thử', null],
};

export async function plantTree(t: TestApp): Promise<void> {
  for (const [code, [name, parent]] of Object.entries(TREE)) {
    await t.app.database.query('insert into units (code, name, name_key, kind, parent_id) values ($1, $2, $3, $4, (select id from units where code = $5))', [
      code,
      name,
      unitNameKey(name),
      unitKindHint(name) ?? 'khac',
      parent,
    ]);
  }
}

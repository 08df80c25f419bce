/** Charts kept until the next import: drawn once per key and stamp, again under a new stamp, never kept when drawing failed. */
import { describe, expect, it } from 'vitest';
import { keptChart } from '../../src/charts/cache.js';
import type { Db } from '../../src/db/client.js';

describe('a kept chart', () => {
  it('is drawn once per key and import stamp', async () => {
    const db = {} as Db;
    let draws = 0;
    const draw = () => Promise.resolve(++draws);
    expect(await keptChart(db, 'trend:1', '7:64', draw)).toBe(1);
    expect(await keptChart(db, 'trend:1', '7:64', draw)).toBe(1);
    expect(await keptChart(db, 'trend:2', '7:64', draw)).toBe(2);
    expect(await keptChart(db, 'trend:1', '8:64', draw)).toBe(3);
    expect(await keptChart({} as Db, 'trend:1', '8:64', draw)).toBe(4);
  });

  it('is drawn again after a failed drawing', async () => {
    const db = {} as Db;
    await expect(keptChart(db, 'k', 's', () => Promise.reject(new Error('no font')))).rejects.toThrow('no font');
    expect(await keptChart(db, 'k', 's', () => Promise.resolve('drawn'))).toBe('drawn');
  });

  it('keeps the 64 last asked', async () => {
    const db = {} as Db;
    let draws = 0;
    const draw = () => Promise.resolve(++draws);
    for (let i = 0; i < 65; i++) await keptChart(db, `k${i}`, 's', draw);
    expect(await keptChart(db, 'k64', 's', draw)).toBe(65);
    expect(await keptChart(db, 'k0', 's', draw)).toBe(66);
  });
});

/** Every message key the code names exists in locales/vi.ftl, so no official ever sees "{key}". */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadBundle } from '../../src/messages/i18n.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

it('has every key the code uses', () => {
  const bundle = loadBundle();
  const used = new Set<string>();
  for (const file of sources(new URL('../../src', import.meta.url).pathname)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-z0-9-]+)'/g)) used.add(m[1] ?? '');
  }
  expect(used.size).toBeGreaterThan(30);
  const missing = [...used].filter((key) => !bundle.hasMessage(key));
  expect(missing).toEqual([]);
});

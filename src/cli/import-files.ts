/** The files an `import` names: files as given, folders as the importable files they hold. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sourceKindOf, type IncomingFile } from '../imports/read.js';

/** A capture's record, not data: the portal fixtures keep one next to the responses. */
const NOT_DATA = new Set(['manifest.json', 'package.json']);

export function readImportPaths(paths: readonly string[]): IncomingFile[] {
  return paths.flatMap((path) => {
    if (!statSync(path).isDirectory()) return [{ fileName: basename(path), bytes: readFileSync(path) }];
    return readdirSync(path)
      .filter((name) => !name.startsWith('.') && !NOT_DATA.has(name) && sourceKindOf(name) !== null)
      .sort()
      .map((name) => ({ fileName: name, bytes: readFileSync(join(path, name)) }));
  });
}

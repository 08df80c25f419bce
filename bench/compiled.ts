/**
 * chiso-bot compiled to JavaScript, for measuring a process as `node` runs it in production: under tsx
 * a process carries tsx's loader thread as well (about 80 MB). tsc writes the repository's TypeScript
 * into a temporary folder laid out like the repository (src/, bench/, tests/), with the folders the code
 * reads at run time (drizzle/, locales/, samples/) linked in; packages resolve from the repository's
 * node_modules above it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('..', import.meta.url));

export interface CompiledBuild {
  dir: string;
  remove(): void;
}

export function compileForBench(): CompiledBuild {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-bench-build-'));
  const tsc = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', join(REPO, 'tsconfig.json'), '--noEmit', 'false', '--outDir', dir, '--rootDir', REPO, '--sourceMap', 'false'], { stdio: 'inherit' });
  for (const linked of ['drizzle', 'locales', 'samples', 'node_modules', 'package.json']) symlinkSync(join(REPO, linked), join(dir, linked));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}


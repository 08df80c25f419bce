/**
 * Reads imported files in a worker thread, one file set at a time, so that webhooks and /healthz keep
 * answering while a large sheet parses. A file that needs more memory or time than a legal one ever
 * does is refused, and only the worker is lost: the next import starts a new one.
 */
import { channel } from 'node:diagnostics_channel';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IncomingFile } from './read.js';
import { ImportRejected, type ImportProblem } from './problems.js';
import type { ImportBatch } from './save.js';

export interface ReadJob {
  files: readonly IncomingFile[];
  options: { period?: string | null };
}

export type ReadOutcome = { kind: 'batch'; batch: ImportBatch } | { kind: 'rejected'; problems: ImportProblem[] } | { kind: 'failed'; message: string };

/** Published with `{ phase: 'start' | 'end', files }` around each read, for whoever watches (tests, tracing). */
export const READ_CHANNEL = 'chiso:import:read';
const reads = channel(READ_CHANNEL);

/** The largest legal sheet (1,000,000 cells) takes under 100 MB to read (npm run bench); a file that needs far more is refused. */
const MEMORY_MB = 512;
/** The largest legal sheet reads in under 5 s (npm run bench); minutes mean a file built to be slow. */
const TIME_LIMIT_MS = 3 * 60 * 1000;
/** An idle worker is let go after this, so the memory of a large read goes back to the system. */
const IDLE_MS = 60 * 1000;

/** tsx's ESM API (its `register` works in a worker, where its `--import` loader does nothing). */
function tsxApi(): URL {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return new URL(exports['./esm/api']?.import.default ?? './dist/esm/api/index.mjs', pathToFileURL(manifest));
}

/**
 * The worker is this file's sibling with the same extension: .js once built; .ts under tsx or vitest,
 * where a small module first registers tsx in the thread (Node 20 applies no `--import` hooks to a worker's entry).
 */
function workerEntry(): URL {
  const extension = extname(fileURLToPath(import.meta.url));
  const entry = new URL(`./read-worker${extension}`, import.meta.url);
  if (extension !== '.ts') return entry;
  const boot = `(await import(${JSON.stringify(tsxApi().href)})).register(); await import(${JSON.stringify(entry.href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
}

let worker: Worker | null = null;
let idleTimer: NodeJS.Timeout | null = null;
let queue: Promise<unknown> = Promise.resolve();

function startWorker(): Worker {
  const started = new Worker(workerEntry(), { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: MEMORY_MB } });
  started.on('exit', () => {
    if (worker === started) worker = null;
  });
  return started;
}

function retire(stopping: Worker): void {
  if (worker === stopping) worker = null;
  void stopping.terminate();
}

function tooComplex(files: readonly IncomingFile[], limit: string): ImportRejected {
  return new ImportRejected([{ code: 'too-complex', file: files.map((f) => f.fileName).join(', '), detail: { limit } }]);
}

function runJob(job: ReadJob): Promise<ImportBatch> {
  if (idleTimer) clearTimeout(idleTimer);
  const current = worker ?? startWorker();
  worker = current;
  current.ref();
  return new Promise<ImportBatch>((resolve, reject) => {
    const timer = setTimeout(() => {
      settle(() => reject(tooComplex(job.files, `${TIME_LIMIT_MS / 60_000} phút`)));
      retire(current);
    }, TIME_LIMIT_MS);
    const onMessage = (outcome: ReadOutcome) => {
      settle(() => {
        if (outcome.kind === 'batch') resolve(outcome.batch);
        else if (outcome.kind === 'rejected') reject(new ImportRejected(outcome.problems));
        else reject(new Error(`import read failed in its worker: ${outcome.message}`));
      });
    };
    const onError = (error: Error & { code?: string }) => {
      settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex(job.files, `${MEMORY_MB} MB bộ nhớ`) : error));
    };
    const onExit = (code: number) => settle(() => reject(new Error(`the import worker stopped (exit code ${code})`)));
    function settle(done: () => void): void {
      clearTimeout(timer);
      current.off('message', onMessage).off('error', onError).off('exit', onExit);
      current.unref();
      idleTimer = setTimeout(() => retire(current), IDLE_MS).unref();
      done();
    }
    current.on('message', onMessage).on('error', onError).on('exit', onExit);
    current.postMessage(job);
  });
}

/** The batch the files hold, read in the worker thread; problems come back as ImportRejected. */
export function readOffThread(files: readonly IncomingFile[], options: { period?: string | null }): Promise<ImportBatch> {
  const job: ReadJob = { files: files.map((f) => ({ fileName: f.fileName, bytes: f.bytes })), options: { period: options.period ?? null } };
  const names = files.map((f) => f.fileName);
  const run = queue.then(() => {
    reads.publish({ phase: 'start', files: names });
    return runJob(job).finally(() => reads.publish({ phase: 'end', files: names }));
  });
  queue = run.catch(() => undefined);
  return run;
}

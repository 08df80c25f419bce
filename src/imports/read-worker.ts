/** The worker thread that reads imported files (off-thread.ts starts it): parsing never blocks the server. */
import { parentPort } from 'node:worker_threads';
import { readImportHere } from './read.js';
import { ImportRejected } from './problems.js';
import type { ReadJob, ReadOutcome } from './off-thread.js';

const port = parentPort;
if (!port) throw new Error('read-worker.ts runs only as a worker thread');

port.on('message', (job: ReadJob) => {
  void readImportHere(job.files, job.options).then(
    (batch): ReadOutcome => ({ kind: 'batch', batch }),
    (error: unknown): ReadOutcome =>
      error instanceof ImportRejected
        ? { kind: 'rejected', problems: error.problems }
        : { kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) },
  ).then((outcome) => port.postMessage(outcome));
});

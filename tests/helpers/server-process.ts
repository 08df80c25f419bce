/** `npm start` as a user runs it: the real entry (src/main.ts) in a process of its own, its output kept. */
import { spawn, type ChildProcess } from 'node:child_process';

const ROOT = new URL('../..', import.meta.url).pathname;

export interface ServerProcess {
  child: ChildProcess;
  /** Everything written so far. */
  stdout(): string;
  stderr(): string;
  /** Its JSON log lines so far (LOG_FORMAT=json). */
  logs(): Record<string, unknown>[];
  /** Resolves when the process has ended, with its exit code (null when a signal ended it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** The address it listens at, once it does. */
  url(): Promise<string>;
}

/** Starts the server with only PATH, HOME and `env` in its environment. */
export function startServerProcess(env: Record<string, string>): ServerProcess {
  const { PATH, HOME } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: { PATH: PATH ?? '', HOME: HOME ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const logs = () =>
    out
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  let ended = false;
  void exited.then(() => (ended = true));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    logs,
    exited,
    async url() {
      // A first start of the embedded database on a busy machine is slow: no deadline but the test's.
      for (;;) {
        const line = logs().find((l) => typeof l.msg === 'string' && l.msg.startsWith('http server listening at '));
        if (line) return String(line.msg).slice('http server listening at '.length);
        if (ended) throw new Error(`the server ended before it listened:\n${err}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** What a failed start printed, once the process has ended by itself. */
export async function failedStart(env: Record<string, string>): Promise<{ code: number | null; lines: string[]; stdout: string }> {
  const server = startServerProcess(env);
  const { code } = await server.exited;
  return { code, lines: server.stderr().split('\n').filter((line) => line.trim() !== ''), stdout: server.stdout() };
}

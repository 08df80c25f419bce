/**
 * The container: compose.yaml checked without Docker (scripts/check-compose.ts, as `npm run check:compose`
 * runs it), and the image built and run where a Docker daemon answers `docker info`; skipped, saying why,
 * where none does.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseEnv, promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { checkCompose } from '../../scripts/check-compose.js';

const run = promisify(execFile);
const ROOT = new URL('../..', import.meta.url).pathname;
const COMPOSE = readFileSync(new URL('../../compose.yaml', import.meta.url), 'utf8');
const EXAMPLE = { ...parseEnv(readFileSync(new URL('../../.env.docker.example', import.meta.url), 'utf8')) };

describe('compose.yaml, checked without Docker', () => {
  it('passes every check of scripts/check-compose.ts with the settings of .env.docker.example', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/check-compose.ts', 'compose.yaml', '--env', '.env.docker.example'], { cwd: ROOT });
    expect(stdout).not.toContain('PROBLEM');
    expect(stdout).toMatch(/all \d+ checks pass/);
  });

  it('finds what would break the stack', () => {
    const broken = COMPOSE.replace('condition: service_healthy', 'condition: service_started')
      .replace('image: postgres:15-bookworm', 'image: postgres:16')
      .replace('@db:5432/', '@localhost:5432/')
      .replaceAll('pg_isready', 'true');
    const { problems } = checkCompose(broken, EXAMPLE);
    expect(problems).toEqual([
      'db runs PostgreSQL 15 (image "postgres:16")',
      expect.stringContaining('db has a healthcheck with pg_isready'),
      'bot depends_on db with condition service_healthy',
      `bot's DATABASE_URL points at the db service (host "localhost")`,
    ]);
    expect(checkCompose(COMPOSE, { ...EXAMPLE, POSTGRES_PASSWORD: undefined }).problems).toEqual([expect.stringContaining('missing: POSTGRES_PASSWORD')]);
    expect(checkCompose('services: [', EXAMPLE).problems).toEqual([expect.stringContaining('not valid YAML')]);
  });
});

/** Whether a Docker daemon answers, and if not, why not (the client's own words). */
function dockerDaemon(): { ok: true } | { ok: false; reason: string } {
  try {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], { stdio: 'pipe', timeout: 20_000 });
    return { ok: true };
  } catch (error) {
    const e = error as { code?: string; stderr?: Buffer };
    const said = e.code === 'ENOENT' ? 'no docker client' : (e.stderr?.toString('utf8').trim().split('\n')[0] ?? e.code ?? 'docker info failed');
    return { ok: false, reason: said };
  }
}

const daemon = dockerDaemon();
if (!daemon.ok) console.log(`container.test.ts: the image is not built here, because \`docker info\` fails: ${daemon.reason}`);

describe.skipIf(!daemon.ok)(`the image${daemon.ok ? '' : ` (SKIPPED: no Docker daemon answers \`docker info\`: ${daemon.reason})`}`, () => {
  const tag = `chiso-bot:test-${process.pid}`;
  const name = `chiso-bot-test-${process.pid}`;
  const volume = `chiso-bot-test-data-${process.pid}`;
  const docker = async (...args: string[]) => (await run('docker', args, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 })).stdout.trim();

  afterAll(async () => {
    await docker('rm', '-f', name).catch(() => '');
    await docker('volume', 'rm', '-f', volume).catch(() => '');
    await docker('image', 'rm', '-f', tag).catch(() => '');
  });

  it('builds, runs as a non-root user behind tini, passes its HEALTHCHECK, and stops on SIGTERM with 0', async () => {
    await docker('build', '-t', tag, '.');
    expect(await docker('image', 'inspect', '--format', '{{.Config.User}}', tag)).toBe('node');
    await docker('run', '-d', '--name', name, '-p', '127.0.0.1::3000', '-v', `${volume}:/data`, tag);
    const port = (await docker('port', name, '3000/tcp')).split('\n')[0]?.split(':').at(-1) ?? '';
    const healthy = async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.status === 200;
    await expect.poll(healthy, { message: 'the container never answered /healthz', timeout: 120_000, interval: 250 }).toBe(true);

    // The image's own HEALTHCHECK command, run now rather than at its first interval.
    const check = JSON.parse(await docker('image', 'inspect', '--format', '{{json .Config.Healthcheck.Test}}', tag)) as string[];
    expect(check[0]).toBe('CMD');
    await docker('exec', name, ...check.slice(1));
    expect(await docker('exec', name, 'cat', '/proc/1/comm')).toBe('tini');
    expect(await docker('exec', name, 'id', '-u')).not.toBe('0');
    const demo = await docker('exec', name, 'node', 'dist/cli/index.js', 'demo');
    expect(demo).toContain('Nhập dữ liệu Cổng DVCQG tháng 08/2026: 164 kết quả mới');

    await docker('stop', '--time', '15', name);
    expect(await docker('inspect', '--format', '{{.State.ExitCode}}', name)).toBe('0');
  }, 900_000);
});

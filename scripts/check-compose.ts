/**
 * `npm run check:compose [compose.yaml] [--env .env.docker.example]`: checks compose.yaml without Docker.
 * It is read with `yaml` and its ${VARIABLES} filled from the env file, as `docker compose` would fill
 * them from .env; then what the bot needs of it is checked: a PostgreSQL 15 service `db` with a
 * pg_isready healthcheck and a named volume, and a service `bot` that waits for it to be healthy, reaches
 * it by its service name, keeps DATA_DIR in a named volume and publishes the port it listens on.
 * Prints one line per check; exit code 1 when one fails.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseEnv, parseArgs } from 'node:util';
import { parse } from 'yaml';

type Mapping = Record<string, unknown>;

export interface ComposeReport {
  passed: string[];
  problems: string[];
}

function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A scalar as the text compose reads; anything else (a mapping, a list, null) as ''. */
function scalar(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

/** Compose's interpolation: $$, ${NAME}, $NAME, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}. */
export function interpolate(text: string, vars: Record<string, string | undefined>, missing: string[]): string {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (match, braced?: string, colon?: string, op?: string, arg?: string, bare?: string) => {
    if (match === '$$') return '$';
    const name = braced ?? bare ?? '';
    const value = vars[name];
    const unset = colon ? !value : value === undefined;
    if (!unset) return value ?? '';
    if (op === '-') return arg ?? '';
    missing.push(op === '?' ? `${name} (${arg})` : name);
    return '';
  });
}

function interpolateAll(node: unknown, vars: Record<string, string | undefined>, missing: string[]): unknown {
  if (typeof node === 'string') return interpolate(node, vars, missing);
  if (Array.isArray(node)) return node.map((item) => interpolateAll(item, vars, missing));
  if (isMapping(node)) return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, interpolateAll(v, vars, missing)]));
  return node;
}

/** `environment:` as a mapping or as a list of NAME=value. */
function environment(service: Mapping): Record<string, string> {
  const env = service.environment;
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map(scalar).map((entry) => [entry.split('=')[0] ?? '', entry.slice(entry.indexOf('=') + 1)]));
  }
  return isMapping(env) ? Object.fromEntries(Object.entries(env).map(([k, v]) => [k, scalar(v)])) : {};
}

/** Named volumes a service mounts, with their targets (short `name:/path[:mode]` or long form). */
function namedMounts(service: Mapping, named: Set<string>): { source: string; target: string }[] {
  const volumes = Array.isArray(service.volumes) ? service.volumes : [];
  return volumes
    .map((volume) => {
      if (typeof volume === 'string') {
        const [source = '', target = ''] = volume.split(':');
        return { source, target };
      }
      return isMapping(volume) && volume.type !== 'bind' ? { source: scalar(volume.source), target: scalar(volume.target) } : { source: '', target: '' };
    })
    .filter((mount) => named.has(mount.source));
}

/** Container ports a service publishes (`[ip:]host:container[/proto]`, `container`, or the long form). */
function publishedTargets(service: Mapping): number[] {
  const ports = Array.isArray(service.ports) ? service.ports : [];
  return ports.map((port) => {
    if (isMapping(port)) return Number(port.target);
    const spec = scalar(port).split('/')[0] ?? '';
    return Number(spec.split(':').at(-1));
  });
}

export function checkCompose(text: string, vars: Record<string, string | undefined>): ComposeReport {
  const passed: string[] = [];
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => (ok ? passed : problems).push(what);

  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    return { passed, problems: [`compose.yaml is not valid YAML: ${(error as Error).message}`] };
  }
  const missing: string[] = [];
  const compose = interpolateAll(raw, vars, missing);
  check(missing.length === 0, `every variable it uses is set${missing.length ? ` (missing: ${[...new Set(missing)].join(', ')})` : ''}`);
  if (!isMapping(compose) || !isMapping(compose.services)) return { passed, problems: [...problems, 'no services: mapping'] };
  const { db, bot } = compose.services;
  check(isMapping(db), 'a service db');
  check(isMapping(bot), 'a service bot');
  if (!isMapping(db) || !isMapping(bot)) return { passed, problems };
  const named = new Set(isMapping(compose.volumes) ? Object.keys(compose.volumes) : []);

  // The database.
  const image = typeof db.image === 'string' ? db.image : '';
  check(/^(docker\.io\/)?(library\/)?postgres:15([.-]|$)/.test(image), `db runs PostgreSQL 15 (image ${JSON.stringify(image)})`);
  const healthcheck = isMapping(db.healthcheck) ? db.healthcheck : {};
  const test = Array.isArray(healthcheck.test) ? healthcheck.test.map(scalar).join(' ') : scalar(healthcheck.test);
  check(/\bpg_isready\b/.test(test), `db has a healthcheck with pg_isready (${JSON.stringify(test)})`);
  check(
    namedMounts(db, named).some((m) => m.target === '/var/lib/postgresql/data'),
    'db keeps /var/lib/postgresql/data in a named volume',
  );
  check(publishedTargets(db).length === 0, 'db publishes no port (only the compose network reaches it)');

  // The bot.
  const dependsOn = isMapping(bot.depends_on) ? bot.depends_on : {};
  const onDb = isMapping(dependsOn.db) ? dependsOn.db : {};
  check(onDb.condition === 'service_healthy', 'bot depends_on db with condition service_healthy');
  const env = environment(bot);
  let url: URL | null = null;
  try {
    url = new URL(env.DATABASE_URL ?? '');
  } catch {
    url = null;
  }
  check(url !== null && /^postgres(ql)?:$/.test(url.protocol), `bot has a postgres:// DATABASE_URL (${env.DATABASE_URL === undefined ? 'unset' : 'set'})`);
  if (url) {
    const dbEnv = environment(db);
    check(url.hostname === 'db', `bot's DATABASE_URL points at the db service (host ${JSON.stringify(url.hostname)})`);
    check(url.port === '' || url.port === '5432', `bot's DATABASE_URL uses PostgreSQL's port 5432 (${url.port || 'default'})`);
    check(
      decodeURIComponent(url.username) === (dbEnv.POSTGRES_USER ?? 'postgres') && decodeURIComponent(url.password) === (dbEnv.POSTGRES_PASSWORD ?? ''),
      "bot's DATABASE_URL has db's POSTGRES_USER and POSTGRES_PASSWORD",
    );
    check(url.pathname.slice(1) === (dbEnv.POSTGRES_DB ?? dbEnv.POSTGRES_USER ?? 'postgres'), "bot's DATABASE_URL names db's POSTGRES_DB");
  }
  const dataDir = env.DATA_DIR ?? '/data';
  check(namedMounts(bot, named).some((m) => m.target === dataDir), `bot keeps DATA_DIR (${dataDir}) in a named volume`);
  const port = Number(env.PORT ?? 3000);
  check(publishedTargets(bot).includes(port), `bot publishes the port it listens on (PORT ${port})`);
  const envFiles = (Array.isArray(bot.env_file) ? (bot.env_file as unknown[]) : [bot.env_file]).map((f) => scalar(isMapping(f) ? f.path : f));
  check(envFiles.includes('.env'), 'bot reads its settings from .env (env_file)');
  check(bot.build !== undefined, 'bot is built from this folder (build:)');
  check(bot.init !== true, 'bot does not add init: true (tini is PID 1 in the image)');
  return { passed, problems };
}

function main(): void {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { env: { type: 'string', default: '.env.docker.example' } } });
  const file = resolve(positionals[0] ?? 'compose.yaml');
  const vars = { ...parseEnv(readFileSync(resolve(values.env), 'utf8')) };
  const { passed, problems } = checkCompose(readFileSync(file, 'utf8'), vars);
  for (const line of passed) console.log(`ok       ${line}`);
  for (const line of problems) console.log(`PROBLEM  ${line}`);
  console.log(problems.length ? `${file}: ${problems.length} problem(s)` : `${file}: all ${passed.length} checks pass (with ${values.env})`);
  process.exitCode = problems.length ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();

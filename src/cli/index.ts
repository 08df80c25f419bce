/** `npm run cli -- <command>`: administration from a terminal. */
import { parseArgs } from 'node:util';
import { existsSync, writeFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import {
  AdminError,
  collectCommand,
  deliveryReportCommand,
  demoCommand,
  importCommand,
  inviteCommand,
  publishCommand,
  type InviteArgs,
  type InviteView,
  type PublicationView,
} from '../admin/commands.js';
import { ConfigError, loadConfig, loadDotEnv } from '../config.js';
import { DatabaseBusyError } from '../db/client.js';
import { ImportRejected } from '../imports/problems.js';
import { templateDescription, writeTemplate } from '../imports/sheet/template.js';
import type { ImportProgress, ImportReport } from '../imports/save.js';
import { t } from '../messages/i18n.js';
import { renderProblems } from '../messages/import-problems.js';
import { renderImportReport } from '../messages/import-report.js';
import { collectStepText } from '../messages/collection.js';
import { NATIONAL_LIST } from '../domain/portal-requests.js';
import { readImportPaths } from './import-files.js';
import { openBackend, RemoteError, type Backend } from './backend.js';

const USAGE = t('cli-usage');

async function withBackend<T>(fn: (backend: Backend) => Promise<T>): Promise<T> {
  const backend = await openBackend(loadConfig());
  try {
    return await fn(backend);
  } finally {
    if (backend.kind === 'local') await backend.close();
  }
}

async function demo(): Promise<void> {
  const { reports } = await withBackend((b) => (b.kind === 'remote' ? b.call<{ reports: ImportReport[] }>('POST', '/api/demo') : demoCommand(b.admin)));
  for (const report of reports) console.log(renderImportReport(t, report).join('\n'));
}

/** A progress bar on a terminal; nothing when the output is piped. */
function progressBar(): { onProgress?: ImportProgress; stop(): void } {
  if (!process.stderr.isTTY) return { stop() {} };
  const bar = new SingleBar({ format: `${t('cli-import-progress')} [{bar}] {value}/{total}`, stream: process.stderr, hideCursor: true });
  let started = false;
  return {
    onProgress(done, total) {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

async function importCommandLine(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { period: { type: 'string' }, json: { type: 'boolean', default: false }, force: { type: 'boolean', default: false } } });
  if (positionals.length === 0) throw new AdminError(t('cli-import-no-paths'));
  const missing = positionals.find((p) => !existsSync(p));
  if (missing) throw new AdminError(t('cli-import-path-missing', { path: missing }));
  const files = readImportPaths(positionals);
  const period = values.period ?? null;
  const force = values.force ?? false;
  const progress = progressBar();
  const { report } = await withBackend(async (b) => {
    if (b.kind === 'local') return importCommand(b.admin, files, { period, force, ...(progress.onProgress ? { onProgress: progress.onProgress } : {}) });
    const form = new FormData();
    if (period) form.set('period', period);
    if (force) form.set('force', 'true');
    for (const f of files) form.append('file', new Blob([f.bytes]), f.fileName);
    return b.upload<{ report: ImportReport }>('/api/imports', form);
  }).finally(() => progress.stop());
  console.log(values.json ? JSON.stringify(report) : renderImportReport(t, report).join('\n'));
}

/** `collect --province H44 --period 2026-08` (or `--national`): the steps as they go, then the import's report. */
async function collect(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { province: { type: 'string' }, national: { type: 'boolean', default: false }, period: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const province = values.national ? NATIONAL_LIST : values.province;
  if (!province) throw new AdminError(t('collect-no-province'));
  if (!values.period) throw new AdminError(t('collect-ask-period'));
  const args = { province, period: values.period };
  const say = (line: string) => console.error(line);
  const outcome = await withBackend((b) =>
    b.kind === 'remote'
      ? b.call<Awaited<ReturnType<typeof collectCommand>>>('POST', '/api/collections', args)
      : collectCommand(b.admin, args, 'cli', { hooks: { onStep: (done, total, endpoint) => say(collectStepText(t, done, total, endpoint)) } }),
  );
  if (values.json) {
    console.log(JSON.stringify(outcome));
    return;
  }
  console.log([outcome.text, ...renderImportReport(t, outcome.report)].join('\n'));
}

async function template(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { format: { type: 'string', default: 'xlsx' }, out: { type: 'string' } } });
  const format = values.format === 'csv' ? 'csv' : values.format === 'xlsx' ? 'xlsx' : null;
  if (!format) throw new AdminError(t('cli-template-bad-format', { format: values.format }));
  const out = values.out ?? t('template-file-name').replace(/\.xlsx$/, `.${format}`);
  writeFileSync(out, await writeTemplate(format));
  console.log([t('cli-template-written', { path: out }), ...templateDescription()].join('\n'));
}

async function publish(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { period: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (!values.period) throw new AdminError(t('publication-ask-period'));
  const period = values.period;
  const view = await withBackend((b) => (b.kind === 'remote' ? b.call<PublicationView>('POST', '/api/publications', { period }) : publishCommand(b.admin, period, 'cli')));
  console.log(values.json ? JSON.stringify(view) : view.text);
  if (!values.json) console.log(t('cli-publish-sending'));
}

async function report(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { period: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (!values.period) throw new AdminError(t('publication-ask-period'));
  const period = values.period;
  const result = await withBackend((b) =>
    b.kind === 'remote' ? b.call<Awaited<ReturnType<typeof deliveryReportCommand>>>('GET', `/api/publications/${encodeURIComponent(period)}`) : deliveryReportCommand(b.admin, period),
  );
  console.log(values.json ? JSON.stringify(result.report) : result.text);
}

async function invite(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { unit: { type: 'string' }, role: { type: 'string', default: 'officer' }, uses: { type: 'string' }, days: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  // A count that is not a whole number is refused here: as JSON to a running server, NaN would become null (unlimited).
  if (values.uses !== undefined && !/^\d+$/.test(values.uses)) throw new AdminError(t('admin-bad-uses', { uses: values.uses }));
  if (values.days !== undefined && !/^\d+$/.test(values.days)) throw new AdminError(t('admin-bad-days', { days: values.days }));
  const args: InviteArgs = {
    unit: values.unit ?? '',
    role: values.role ?? 'officer',
    ...(values.uses !== undefined ? { uses: Number(values.uses) } : {}),
    ...(values.days !== undefined ? { days: Number(values.days) } : {}),
  };
  const view = await withBackend((b) => (b.kind === 'remote' ? b.call<InviteView>('POST', '/api/invites', args) : inviteCommand(b.admin, args)));
  if (values.json) {
    console.log(JSON.stringify(view));
    return;
  }
  console.log(view.text);
}

async function main(argv: string[]): Promise<number> {
  loadDotEnv();
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'demo':
        await demo();
        return 0;
      case 'invite':
        await invite(rest);
        return 0;
      case 'import':
        await importCommandLine(rest);
        return 0;
      case 'collect':
        await collect(rest);
        return 0;
      case 'template':
        await template(rest);
        return 0;
      case 'publish':
        await publish(rest);
        return 0;
      case 'report':
        await report(rest);
        return 0;
      case undefined:
      case 'help':
      case '--help':
        console.log(USAGE);
        return 0;
      default:
        console.error(`${t('cli-unknown-command', { command })}\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ImportRejected) {
      console.error(renderProblems(t, error.problems).join('\n'));
      return 1;
    }
    if (error instanceof AdminError || error instanceof RemoteError || error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    if (error instanceof DatabaseBusyError) {
      console.error(t('database-busy', { dir: error.dataDir, pid: String(error.pid) }));
      return 1;
    }
    if (error instanceof TypeError && /parseArgs|Unknown option|ERR_PARSE_ARGS/.test((error as { code?: string }).code ?? error.message)) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));

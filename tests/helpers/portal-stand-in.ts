/**
 * A local stand-in of the portal's evaluation API (dichvucong.gov.vn): it answers the six endpoints
 * with the real responses the project ships (samples/portal/2026-08/), and the national list of
 * provinces in its documented shape (national-list.ts), and can misbehave at one
 * endpoint as the real one may: 429, 403, a firewall's HTML page with 200, no answer at all, a slow answer, the first
 * page of a list its `pagination` says is longer, or an OK answer without a unit. It can
 * change a figure (the portal revising a month), and records every request for tests to check order,
 * pacing, User-Agent and payloads.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LocalServer } from './local-server.js';
import { NATIONAL_LIST_FILE } from './national-list.js';
import { PORTAL_FILES, type PortalData } from './samples.js';

/** `silent` never answers; `slow` answers once the test calls release(). */
export type Misbehaviour = 'rate-limited' | 'forbidden' | 'firewall' | 'silent' | 'slow' | 'paged' | 'empty';

export interface PortalRequest {
  method: string;
  path: string;
  endpoint: string;
  userAgent: string | undefined;
  contentType: string | undefined;
  payload: Record<string, unknown>;
  /** How many requests were being answered when this one arrived, itself included. */
  inFlight: number;
}

const EVALUATION = '/api/v1/reporting/evaluation/';

const FIREWALL_PAGE = `<!DOCTYPE html><html><head><title>Request Rejected</title></head>
<body>The requested URL was rejected. Please consult with your administrator.<br>Your support ID is: 1234567890</body></html>`;

/** The one period whose responses the project ships: 08/2026 (`timeType` month, or the satisfaction endpoint's dates). */
function isAugust2026(payload: Record<string, unknown>): boolean {
  if ('fromDate' in payload) return payload.fromDate === '2026-08-01' && payload.toDate === '2026-08-31';
  return payload.timeType === 'month' && payload.year === 2026 && payload.month === 8;
}

/** A tree's request names its root; the national list's names the kind of unit it lists. */
function asksFor(file: { fileName: string }, payload: Record<string, unknown>): boolean {
  return file === NATIONAL_LIST_FILE ? payload.departmentType === 'ADMINISTRATIVE_UNIT' : typeof payload.rootDepartmentId === 'string';
}

/** The list as its first page of two: the rows shipped, and a `pagination` that counts 40 more. */
function pagedFirstPage(data: PortalData): void {
  const shown = (data.children ?? data.evaluation ?? []).length;
  (data as PortalData & { pagination: unknown }).pagination = { total: shown + 40, currentPage: 1, pageSize: shown, totalPages: 2 };
}

/** The period not computed yet: the envelope says OK, the list holds nobody. */
function withoutUnits(data: PortalData): void {
  if (data.children) data.children = [];
  if (data.evaluation) data.evaluation = [];
}

export class PortalStandIn {
  readonly requests: PortalRequest[] = [];
  private readonly server = new LocalServer();
  private readonly misbehaving = new Map<string, Misbehaviour>();
  private readonly edits = new Map<string, (data: PortalData) => void>();
  private readonly silent: ServerResponse[] = [];
  private readonly slow: (() => void)[] = [];
  private inFlight = 0;

  get url(): string {
    return this.server.url;
  }

  async start(): Promise<this> {
    await this.server.start((req, res) => this.serve(req, res));
    return this;
  }

  /** From now on, `endpoint` (transparency, dvc-progress-tree…) misbehaves; the others answer. */
  misbehave(endpoint: string, how: Misbehaviour): void {
    this.misbehaving.set(endpoint, how);
  }

  /** Answers `endpoint` with its response edited (the portal revising a figure). */
  edit(endpoint: string, change: (data: PortalData) => void): void {
    this.edits.set(endpoint, change);
  }

  /** How many `slow` answers are waiting for release(). */
  get held(): number {
    return this.slow.length;
  }

  /** Lets the `slow` answers held so far go. */
  release(): void {
    for (const go of this.slow.splice(0)) go();
  }

  /** Back to the real responses, every endpoint answering. */
  reset(): void {
    this.misbehaving.clear();
    this.edits.clear();
    this.requests.length = 0;
  }

  async stop(): Promise<void> {
    this.release();
    for (const res of this.silent.splice(0)) res.destroy();
    await this.server.stop();
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlight += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = req.url ?? '';
    const endpoint = path.startsWith(EVALUATION) ? path.slice(EVALUATION.length) : '';
    let payload: Record<string, unknown> = {};
    try {
      payload = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      payload = {};
    }
    this.requests.push({ method: req.method ?? '', path, endpoint, userAgent: req.headers['user-agent'], contentType: req.headers['content-type'], payload, inFlight: this.inFlight });
    const done = () => (this.inFlight -= 1);
    res.on('close', done);
    const how = this.misbehaving.get(endpoint);
    if (how === 'silent') {
      this.silent.push(res);
      return;
    }
    if (how === 'slow') await new Promise<void>((go) => this.slow.push(go));
    if (how === 'rate-limited') return void res.writeHead(429, { 'content-type': 'text/plain', 'retry-after': '600' }).end('Too Many Requests');
    if (how === 'forbidden') return void res.writeHead(403, { 'content-type': 'text/html' }).end('<html><head><title>403 Forbidden</title></head><body>Forbidden</body></html>');
    if (how === 'firewall') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(FIREWALL_PAGE);
    const file = [...PORTAL_FILES, NATIONAL_LIST_FILE].find((f) => f.fileName === `${endpoint}.json`);
    if (req.method !== 'POST' || !file || !isAugust2026(payload) || !asksFor(file, payload)) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"code":"NOT_FOUND","message":"Not Found"}');
    const change = how === 'paged' ? pagedFirstPage : how === 'empty' ? withoutUnits : this.edits.get(endpoint);
    let bytes: Buffer = file.bytes;
    if (change) {
      const body = JSON.parse(file.bytes.toString('utf8')) as { data: PortalData };
      change(body.data);
      bytes = Buffer.from(JSON.stringify(body));
    }
    // The portal answers its POSTs with 201 Created (manifest.json: httpStatus 201).
    res.writeHead(201, { 'content-type': 'application/json; charset=utf-8' }).end(bytes);
  }
}

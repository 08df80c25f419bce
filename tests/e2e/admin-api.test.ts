/**
 * The admin API as a script or the CLI meets it: shapes checked at the door with Vietnamese
 * messages naming the field, Fastify's own refusals in Vietnamese, the Bearer scheme and a throttle
 * on wrong tokens, uploads limited while they stream, and an OpenAPI description of every route.
 */
import type { OpenAPIV3 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_FAILURES } from '../../src/server/admin-auth.js';
import { ADMIN_TOKEN, startTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ mode: 'no-telegram' });
});
afterAll(async () => {
  await t?.stop();
});

/** A request with exactly these headers and body, as curl would send it. */
async function raw(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const response = await fetch(`${t.app.url}${path}`, { method: init.method ?? 'POST', headers: init.headers ?? {}, ...(init.body !== undefined ? { body: init.body } : {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: (text.startsWith('{') ? JSON.parse(text) : {}) as { error?: string; fields?: { field: string }[] } };
}

const authorized = { authorization: `Bearer ${ADMIN_TOKEN}` };
type Refusal = { error: string; fields?: { field: string; message: string }[] };

describe('admin requests are checked against their schema', () => {
  const task = { title: 'Rà soát hồ sơ', from: 'UBND tỉnh Phú Thọ', to: ['Việt Trì'], deadline: 'cuối tháng' };

  it('answers a task without from, without to, or with to "x" with 400 naming the field', async () => {
    const { from: _from, ...withoutFrom } = task;
    const noFrom = await t.admin<Refusal>('POST', '/api/tasks', withoutFrom);
    expect(noFrom.status).toBe(400);
    expect(noFrom.body.error).toBe('Yêu cầu không hợp lệ: thiếu trường «from».');
    expect(noFrom.body.fields?.map((f) => f.field)).toEqual(['from']);

    const { to: _to, ...withoutTo } = task;
    const noTo = await t.admin<Refusal>('POST', '/api/tasks', withoutTo);
    expect(noTo.status).toBe(400);
    expect(noTo.body.error).toBe('Yêu cầu không hợp lệ: thiếu trường «to».');

    const toX = await t.admin<Refusal>('POST', '/api/tasks', { ...task, to: 'x' });
    expect(toX.status).toBe(400);
    expect(toX.body.error).toContain('trường «to» phải là "all" (mọi đơn vị trực thuộc) hoặc danh sách mã hoặc tên đơn vị');

    const several = await t.admin<Refusal>('POST', '/api/tasks', { title: '  ', to: [], dealine: 'mai' });
    expect(several.status).toBe(400);
    expect(several.body.fields?.map((f) => f.field).sort()).toEqual(['deadline', 'dealine', 'from', 'title', 'to']);
    expect(several.body.error).toContain('trường «title» không được để trống');
    expect(several.body.error).toContain('trường «dealine» không có trong yêu cầu này');
  });

  it('lets a task of the right shape through to the rules, which name what is wrong', async () => {
    const unknownUnit = await t.admin<Refusal>('POST', '/api/tasks', task);
    expect(unknownUnit.status).toBe(404);
    expect(unknownUnit.body.error).toContain('Không tìm thấy đơn vị «UBND tỉnh Phú Thọ»');
  });

  it('refuses an invite whose unit is a list, whose role is unknown, or whose uses are not a whole number', async () => {
    const list = await t.admin<Refusal>('POST', '/api/invites', { unit: ['Mỹ Hào'], role: 'officer' });
    expect(list.status).toBe(400);
    expect(list.body.error).toBe('Yêu cầu không hợp lệ: trường «unit» phải là chuỗi ký tự.');
    const role = await t.admin<Refusal>('POST', '/api/invites', { unit: 'Mỹ Hào', role: 'boss' });
    expect(role.status).toBe(400);
    expect(role.body.error).toBe('Yêu cầu không hợp lệ: trường «role» phải là một trong: "officer", "leader", "admin".');
    const uses = await t.admin<Refusal>('POST', '/api/invites', { unit: 'Mỹ Hào', uses: 1.5, days: 400 });
    expect(uses.status).toBe(400);
    expect(uses.body.error).toBe('Yêu cầu không hợp lệ: trường «uses» phải là số nguyên; trường «days» không được lớn hơn 365.');
  });

  it('refuses a publication without a body or with a period that is not text', async () => {
    const none = await t.admin<Refusal>('POST', '/api/publications');
    expect(none.status).toBe(400);
    expect(none.body.error).toBe('Yêu cầu không hợp lệ: thiếu nội dung JSON (Content-Type: application/json).');
    const number = await t.admin<Refusal>('POST', '/api/publications', { period: 202608 });
    expect(number.status).toBe(400);
    expect(number.body.error).toBe('Yêu cầu không hợp lệ: trường «period» phải là chuỗi ký tự.');
    const array = await t.admin<Refusal>('POST', '/api/publications', ['2026-08']);
    expect(array.body.error).toBe('Yêu cầu không hợp lệ: nội dung gửi lên phải là một đối tượng JSON.');
  });

  it("says Fastify's own refusals in Vietnamese", async () => {
    const missing = await t.admin<Refusal>('GET', '/api/nothing');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('Không có đường dẫn GET /api/nothing. Danh sách đường dẫn của API quản trị: /api/docs.');

    const broken = await raw('/api/tasks', { headers: { ...authorized, 'content-type': 'application/json' }, body: '{"title": ' });
    expect(broken.status).toBe(400);
    expect(broken.body.error).toBe('Nội dung không phải JSON hợp lệ (Content-Type là application/json).');

    const empty = await raw('/api/publications', { headers: { ...authorized, 'content-type': 'application/json' }, body: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toContain('Nội dung rỗng trong khi Content-Type là application/json');

    const xml = await raw('/api/tasks', { headers: { ...authorized, 'content-type': 'application/xml' }, body: '<task/>' });
    expect(xml.status).toBe(415);
    expect(xml.body.error).toBe('Không nhận kiểu nội dung «application/xml»: gửi JSON (Content-Type: application/json).');

    const huge = await raw('/api/tasks', { headers: { ...authorized, 'content-type': 'application/json' }, body: JSON.stringify({ ...task, body: 'x'.repeat(2 * 1024 * 1024) }) });
    expect(huge.status).toBe(413);
    expect(huge.body.error).toBe('Nội dung yêu cầu quá lớn (tối đa 1.024 KB).');
  });
});

describe('uploads', () => {
  it('refuses a 25 MB file with 413 naming it, while it streams, and stores nothing', async () => {
    const before = await t.snapshot();
    const big = (n: number) => ({ fileName: `ket-qua-${n}.csv`, bytes: new Uint8Array(25 * 1024 * 1024).fill(0x41) });
    const refused = [];
    for (const n of [1, 2, 3, 4, 5]) refused.push(await t.upload<Refusal>([big(n)], '2026-08'));
    expect(refused.map((r) => r.status)).toEqual([413, 413, 413, 413, 413]);
    expect(refused[0]?.body.error).toBe('Tệp «ket-qua-1.csv» lớn hơn 20 MB: không nhận. Chia nhỏ tệp hoặc chỉ gửi phần cần nhập.');
    expect(await t.snapshot()).toEqual(before);
    // A refused upload leaves no half-read connection behind that would hold the server open.
    await t.restart();
  });

  it('refuses a request larger than three such files before reading it', async () => {
    const files = [1, 2, 3, 4].map((n) => ({ fileName: `phan-${n}.csv`, bytes: new Uint8Array(16 * 1024 * 1024).fill(0x41) }));
    const big = await t.upload<Refusal>(files, '2026-08');
    expect(big.status).toBe(413);
    expect(big.body.error).toBe('Một lần gửi tối đa 60 MB: gửi các tệp thành nhiều lần.');
  });

  it('refuses a request that is not multipart', async () => {
    const json = await t.admin<Refusal>('POST', '/api/imports', { period: '2026-08' });
    expect(json.status).toBe(415);
    expect(json.body.error).toContain('multipart/form-data');
  });
});

describe('the OpenAPI description', () => {
  it('is served at /api/docs/json without the token and lists every admin route with its schemas', async () => {
    const response = await raw('/api/docs/json', { method: 'GET' });
    expect(response.status).toBe(200);
    const doc = JSON.parse(response.text) as OpenAPIV3.Document;
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toContain('chiso-bot');
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item ?? {})
        .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(operations.sort()).toEqual(
      ['POST /api/collections', 'POST /api/console/actions', 'POST /api/demo', 'POST /api/imports', 'POST /api/invites', 'POST /api/publications', 'GET /api/publications/{period}', 'POST /api/tasks', 'POST /api/console/messages'].sort(),
    );
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const operation of [item?.get, item?.post].filter((o): o is OpenAPIV3.OperationObject => o !== undefined)) {
        expect(Object.keys(operation.responses), path).toContain('401');
        expect(operation.summary, path).toBeTruthy();
      }
    }
    const taskBody = (doc.paths['/api/tasks']?.post?.requestBody as OpenAPIV3.RequestBodyObject).content['application/json']?.schema as OpenAPIV3.SchemaObject;
    expect(taskBody.required?.sort()).toEqual(['deadline', 'from', 'title', 'to']);
    expect(Object.keys((doc.paths['/api/imports']?.post?.requestBody as OpenAPIV3.RequestBodyObject).content)).toEqual(['multipart/form-data']);
    expect(doc.paths['/api/publications/{period}']?.get?.parameters).toEqual([expect.objectContaining({ in: 'path', name: 'period', required: true })]);
    expect(doc.components?.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer' } });
  });

  it('has a page at /api/docs whose scripts and styles all come from this server', async () => {
    const page = await raw('/api/docs', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assets).toContain('/api/docs/static/swagger-ui-bundle.js');
    for (const asset of assets) {
      expect(asset).toMatch(/^\/api\/docs\//);
      expect((await raw(asset, { method: 'GET' })).status, asset).toBe(200);
    }
  });
});

describe('the admin token', () => {
  it('is taken only with the Bearer scheme', async () => {
    expect((await raw('/api/publications/2026-08', { method: 'GET', headers: { authorization: ADMIN_TOKEN } })).status).toBe(401);
    const basic = await raw('/api/publications/2026-08', { method: 'GET', headers: { authorization: `Basic ${ADMIN_TOKEN}` } });
    expect(basic.status).toBe(401);
    expect(basic.body.error).toBe('Thiếu hoặc sai mã quản trị (Authorization: Bearer ADMIN_TOKEN).');
    expect((await raw('/api/publications/2026-08', { method: 'GET', headers: authorized })).status).toBe(200);
  });
});

describe('wrong admin tokens', () => {
  const report = (authorization: string) => fetch(`${t.app.url}/api/publications/2026-08`, { headers: { authorization } });

  it(`are refused with 429 after ${AUTH_FAILURES.max} from one address, while the right token alone is never counted`, async () => {
    // The count lives in the process: a restart starts it afresh, whatever the tests above sent.
    await t.restart();
    for (let i = 0; i < 3 * AUTH_FAILURES.max; i++) expect((await report(`Bearer ${ADMIN_TOKEN}`)).status).toBe(200);
    for (let i = 0; i < AUTH_FAILURES.max; i++) expect((await report(`Bearer guess-${i}`)).status).toBe(401);
    const refused = await report('Bearer one-more-guess');
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as Refusal).error).toMatch(/^Sai mã quản trị quá nhiều lần từ địa chỉ này. Thử lại sau \d+ phút.$/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Blocked means blocked: a right guess from that address is not told apart from a wrong one.
    expect((await report(`Bearer ${ADMIN_TOKEN}`)).status).toBe(429);
  });

  it('are counted by the client behind a trusted proxy, not by the proxy', async () => {
    const proxied = await startTestApp({ mode: 'no-telegram', env: { TRUST_PROXY: '127.0.0.1' } });
    try {
      const from = (client: string, authorization: string) =>
        fetch(`${proxied.app.url}/api/publications/2026-08`, { headers: { authorization, 'x-forwarded-for': client } });
      for (let i = 0; i <= AUTH_FAILURES.max; i++) await from('203.0.113.7', `Bearer guess-${i}`);
      expect((await from('203.0.113.7', `Bearer ${ADMIN_TOKEN}`)).status).toBe(429);
      expect((await from('198.51.100.2', `Bearer ${ADMIN_TOKEN}`)).status).not.toBe(429);
    } finally {
      await proxied.stop();
    }
  });
});

/**
 * A chart on the channels without Telegram's photos: the Zalo OA sends it as an image by its address
 * (the media route serves the PNG), and `npm run chat` writes it to a file and prints the path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { chat } from '../helpers/cli.js';
import { isPng } from '../helpers/png.js';
import { pdfContent } from '../helpers/report-files.js';
import { monthBefore, portalMonth } from '../helpers/portal-months.js';
import { followEvent, oaEnv, signed, textEvent } from '../helpers/zalo-oa-events.js';
import { ZaloOaStandIn } from '../helpers/zalo-oa-stand-in.js';

const PUBLIC_URL = 'https://chiso.example.gov.vn';
const USER = '9007199254740997001';

const oa = new ZaloOaStandIn();
let t: TestApp;

beforeAll(async () => {
  await oa.start();
  t = await startTestApp({
    mode: 'no-telegram',
    env: oaEnv(oa, { PUBLIC_URL }),
  });
  for (const back of [2, 1, 0]) expect((await t.upload(portalMonth(back), monthBefore(back))).status).toBe(201);
}, 120_000);

afterAll(async () => {
  await t?.stop();
  await oa.stop();
});

async function deliver(event: Record<string, unknown>): Promise<void> {
  const { raw, signature } = signed(event);
  const response = await fetch(`${t.app.url}/zalo/oa/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-zevent-signature': signature }, body: raw });
  await response.text();
  expect(response.status).toBe(200);
}

describe('Zalo OA', () => {
  it('sends the trend as an image by its address, with the caption as its text', async () => {
    await deliver(followEvent(USER));
    const before = oa.sent().length;
    await deliver(textEvent(USER, 'xu huong Viet Tri'));
    await expect.poll(() => oa.sent().length > before, { timeout: 20_000, interval: 25 }).toBe(true);
    const [image, ...more] = oa.sent().slice(before);
    expect(more).toEqual([]);
    expect(image?.text).toMatch(/^UBND Phường Việt Trì, tháng 06\/2026 – tháng 08\/2026: tổng điểm/);
    expect(image?.imageUrl).toMatch(new RegExp(`^${PUBLIC_URL}/media/[A-Za-z0-9_-]{43}/xu-huong-ubnd-phuong-viet-tri-2026-08\\.png$`));
    const served = await fetch(`${t.app.url}${new URL(image?.imageUrl ?? '').pathname}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(isPng(new Uint8Array(await served.arrayBuffer()))).toBe(true);
  });
});


describe('npm run chat', () => {
  it('writes a chart to a file and prints its path under the caption', async () => {
    const { code, stdout, stderr } = await chat(t.database.env, ['/xuhuong Nông Trang', '/xephang bieu do Nông Trang']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('UBND Phường Nông Trang, tháng 06/2026 – tháng 08/2026: tổng điểm');
    const paths = [...stdout.matchAll(/\[Tệp đã ghi vào: (.+\.png)\]/g)].map((m) => m[1] ?? '');
    expect(paths.map((p) => p.split('/').pop())).toEqual(['xu-huong-ubnd-phuong-nong-trang-2026-08.png', 'xep-hang-ubnd-tinh-phu-tho-2026-08.png']);
    for (const path of paths) {
      expect(existsSync(path)).toBe(true);
      expect(isPng(readFileSync(path))).toBe(true);
    }
  });

  it('writes the leader report’s PDF and its preview to files and prints their paths', async () => {
    const invite = await t.admin<{ code: string }>('POST', '/api/invites', { unit: 'UBND tỉnh Phú Thọ', role: 'leader' });
    expect(invite.status).toBe(201);
    const { code, stdout, stderr } = await chat(t.database.env, [`/dangky ${invite.body.code}`, '/baocaothang tháng 8']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const paths = [...stdout.matchAll(/\[Tệp đã ghi vào: (.+\.(?:pdf|png))\]/g)].map((m) => m[1] ?? '');
    expect(paths.map((p) => p.split('.').pop()).sort()).toEqual(['pdf', 'png']);
    const pdf = await pdfContent(readFileSync(paths.find((p) => p.endsWith('.pdf')) ?? ''));
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain('UBND tỉnh Phú Thọ');
    expect(isPng(readFileSync(paths.find((p) => p.endsWith('.png')) ?? ''))).toBe(true);
  });
});

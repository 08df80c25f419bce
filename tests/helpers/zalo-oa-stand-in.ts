/**
 * Stand-ins on localhost for the two Zalo hosts the OA channel calls: openapi.zalo.me (the
 * consultation message, checking the `access_token` header) and oauth.zaloapp.com (the refresh,
 * which rotates both tokens and refuses a refresh token used before). Calls are recorded; switches
 * put a user outside the messaging window or make them unreachable, the way Zalo answers those.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LocalServer } from './local-server.js';

export const OA_APP_ID = '3349222483842580322';
export const OA_SECRET_KEY = 'oa-secret-key-for-tests';
export const OA_APP_SECRET = 'app-secret-for-tests';
export const FIRST_ACCESS_TOKEN = 'access-token-0';
export const FIRST_REFRESH_TOKEN = 'refresh-token-0';

export interface OaCall {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  answer: unknown;
}

export interface SentText {
  userId: string;
  text: string;
  /** A picture sent by its address (`template_type: media`). */
  imageUrl?: string;
}

type MessageBody = { recipient?: { user_id?: unknown }; message?: { text?: unknown; attachment?: { type?: unknown; payload?: { template_type?: unknown; elements?: { media_type?: unknown; url?: unknown }[] } } } };

/** The address of the image a message attaches, when it attaches one as Zalo documents it. */
function imageOf(message: MessageBody['message']): string | undefined {
  const attachment = message?.attachment;
  const element = attachment?.payload?.elements?.[0];
  if (attachment?.type !== 'template' || attachment.payload?.template_type !== 'media' || element?.media_type !== 'image') return undefined;
  return typeof element.url === 'string' ? element.url : undefined;
}

export class ZaloOaStandIn {
  private readonly server = new LocalServer();
  readonly calls: OaCall[] = [];
  /** The access token the API takes now; older ones get -216. */
  validAccessToken = FIRST_ACCESS_TOKEN;
  private validRefreshToken = FIRST_REFRESH_TOKEN;
  private rotation = 0;
  /** Users answered -230 (no interaction in 7 days), -213 (not following) or -227 (banned). */
  readonly outsideWindow = new Set<string>();
  readonly notFollowing = new Set<string>();
  readonly banned = new Set<string>();
  /** Holds each refresh answer this long, so that concurrent callers overlap. */
  refreshDelayMs = 0;
  /** Holds each message answer this long: a slow Zalo. */
  hold: Promise<void> | null = null;
  url = '';

  get oauthUrl(): string {
    return `${this.url}/oauth`;
  }

  async start(): Promise<this> {
    this.url = await this.server.start((req, res) => this.serve(req, res));
    return this;
  }

  stop(): Promise<void> {
    return this.server.stop();
  }

  /** Makes the current access token stale, as when Zalo expired it. */
  expireAccessToken(): void {
    this.validAccessToken = `expired-${this.validAccessToken}`;
  }

  /** Text messages the API took, per user. */
  sentTexts(userId: string): string[] {
    return this.sent().filter((s) => s.userId === userId).map((s) => s.text);
  }

  sent(): SentText[] {
    return this.calls
      .filter((c) => c.path === '/v3.0/oa/message/cs' && (c.answer as { error: number } | null)?.error === 0)
      .map((c) => {
        const body = JSON.parse(c.body) as MessageBody;
        const imageUrl = imageOf(body.message);
        return { userId: String(body.recipient?.user_id), text: typeof body.message?.text === 'string' ? body.message.text : '', ...(imageUrl ? { imageUrl } : {}) };
      });
  }

  refreshCalls(): OaCall[] {
    return this.calls.filter((c) => c.path === '/oauth/v4/oa/access_token');
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '').split('?')[0] ?? '';
    const call: OaCall = { path, headers: req.headers, body, answer: null };
    this.calls.push(call);
    let answer: unknown;
    if (req.method === 'POST' && path === '/v3.0/oa/message/cs') {
      if (this.hold) await this.hold;
      answer = this.message(req, body);
    }
    else if (req.method === 'POST' && path === '/oauth/v4/oa/access_token') answer = await this.refresh(req, body);
    else {
      res.writeHead(404).end();
      return;
    }
    call.answer = answer;
    // Zalo answers application errors with HTTP 200.
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  }

  private message(req: IncomingMessage, body: string): unknown {
    if (req.headers.access_token !== this.validAccessToken) return { error: -216, message: 'Access token is invalid' };
    const parsed = JSON.parse(body) as MessageBody;
    const userId = parsed.recipient?.user_id;
    const text = parsed.message?.text ?? (imageOf(parsed.message) ? '' : undefined);
    if (typeof userId !== 'string' || typeof text !== 'string') return { error: -201, message: 'recipient is invalid!' };
    if (text.length > 2000) return { error: -210, message: 'text is over the limit' };
    if (this.notFollowing.has(userId)) return { error: -213, message: 'User has not followed OA' };
    if (this.banned.has(userId)) return { error: -227, message: 'User is banned or inactive for more than 45 days' };
    if (this.outsideWindow.has(userId)) return { error: -230, message: 'User has not interacted with the OA in the past 7 days' };
    return { error: 0, message: 'Success', data: { message_id: `m${this.calls.length}`, user_id: userId } };
  }

  private async refresh(req: IncomingMessage, body: string): Promise<unknown> {
    const form = new URLSearchParams(body);
    if (req.headers.secret_key !== OA_APP_SECRET || form.get('app_id') !== OA_APP_ID || form.get('grant_type') !== 'refresh_token') {
      return { error: -14014, error_name: 'Invalid app', error_description: 'app_id or secret_key is wrong' };
    }
    if (this.refreshDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.refreshDelayMs));
    // Single-use: once rotated, the old refresh token is refused.
    if (form.get('refresh_token') !== this.validRefreshToken) return { error: -14012, error_name: 'Invalid refresh token', error_description: 'refresh token is invalid' };
    this.rotation += 1;
    this.validAccessToken = `access-token-${this.rotation}`;
    this.validRefreshToken = `refresh-token-${this.rotation}`;
    return { access_token: this.validAccessToken, refresh_token: this.validRefreshToken, expires_in: '90000' };
  }
}

/**
 * The two Zalo endpoints the OA channel calls, with plain fetch (no SDK is on the registry, A5):
 * the consultation message (`/v3.0/oa/message/cs`) and the token refresh (`/v4/oa/access_token`).
 */

/** Zalo answers application errors with HTTP 200 and `error` other than 0. */
export interface ZaloAnswer {
  error: number;
  message: string;
  data?: { message_id?: string } & Record<string, unknown>;
}

/** The answer, or why there was none: a network failure or an HTTP status that is not 200. */
export type CallResult = { kind: 'answer'; answer: ZaloAnswer } | { kind: 'http'; status: number; body: string } | { kind: 'network'; error: string };

const TIMEOUT_MS = 15_000;

async function call(url: string, init: RequestInit): Promise<CallResult> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    return { kind: 'network', error: String(error) };
  }
  const body = await response.text().catch(() => '');
  if (response.status !== 200) return { kind: 'http', status: response.status, body: body.slice(0, 300) };
  try {
    const parsed = JSON.parse(body) as { error?: unknown; message?: unknown; data?: ZaloAnswer['data'] };
    const answer: ZaloAnswer = { error: Number(parsed.error ?? 0), message: typeof parsed.message === 'string' ? parsed.message : '' };
    return { kind: 'answer', answer: parsed.data ? { ...answer, data: parsed.data } : answer };
  } catch {
    return { kind: 'http', status: response.status, body: `not JSON: ${body.slice(0, 300)}` };
  }
}

/** A consultation message: text, or a picture by address with its text (`template_type: media`). */
export interface OaMessage {
  text: string;
  imageUrl?: string;
}

export function sendMessage(apiRoot: string, accessToken: string, userId: string, { text, imageUrl }: OaMessage): Promise<CallResult> {
  const attachment = imageUrl ? { type: 'template', payload: { template_type: 'media', elements: [{ media_type: 'image', url: imageUrl }] } } : undefined;
  return call(`${apiRoot}/v3.0/oa/message/cs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', access_token: accessToken },
    body: JSON.stringify({ recipient: { user_id: userId }, message: attachment ? { ...(text ? { text } : {}), attachment } : { text } }),
  });
}

export interface RefreshedTokens {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

/** The OAuth endpoint's own answer: the new pair, or an error of its own (`error`, `error_name`…). */
export async function refreshTokens(
  oauthRoot: string,
  settings: { appId: string; appSecret: string },
  refreshToken: string,
): Promise<RefreshedTokens> {
  let response: Response;
  try {
    response = await fetch(`${oauthRoot}/v4/oa/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: settings.appSecret },
      body: new URLSearchParams({ refresh_token: refreshToken, app_id: settings.appId, grant_type: 'refresh_token' }).toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new Error(`Zalo OA token refresh: ${String(error)}`);
  }
  const body = await response.text();
  let parsed: { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown } = {};
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    // reported below
  }
  if (response.status !== 200 || typeof parsed.access_token !== 'string' || typeof parsed.refresh_token !== 'string') {
    throw new Error(`Zalo OA token refresh refused: HTTP ${response.status} ${body.slice(0, 300)}`);
  }
  // expires_in comes as a string ("90000").
  const expires = Number(parsed.expires_in);
  return { accessToken: parsed.access_token, refreshToken: parsed.refresh_token, expiresInSeconds: Number.isFinite(expires) && expires > 0 ? expires : 3600 };
}

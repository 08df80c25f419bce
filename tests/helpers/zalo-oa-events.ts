/** OA webhook events in Zalo's shape (channels.md A1), serialised compactly and signed as Zalo signs them. */
import { zaloSignature } from '../../src/channels/zalo-oa/signature.js';
import { FIRST_ACCESS_TOKEN, FIRST_REFRESH_TOKEN, OA_APP_ID, OA_APP_SECRET, OA_SECRET_KEY, type ZaloOaStandIn } from './zalo-oa-stand-in.js';

export const OA_ID = '4024926008133882615';

/** The settings of an app whose OA is the stand-in, with `extra` on top. */
export function oaEnv(standIn: ZaloOaStandIn, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PUBLIC_URL: 'https://chiso.example.gov.vn',
    ZALO_OA_APP_ID: OA_APP_ID,
    ZALO_OA_ID: OA_ID,
    ZALO_OA_SECRET_KEY: OA_SECRET_KEY,
    ZALO_OA_APP_SECRET: OA_APP_SECRET,
    ZALO_OA_ACCESS_TOKEN: FIRST_ACCESS_TOKEN,
    ZALO_OA_REFRESH_TOKEN: FIRST_REFRESH_TOKEN,
    ZALO_OA_API_ROOT: standIn.url,
    ZALO_OAUTH_ROOT: standIn.oauthUrl,
    ...extra,
  };
}

let clock = 1_789_000_000_000;
/** Milliseconds as a string, distinct per event. */
export function nextTimestamp(): string {
  clock += 1000;
  return String(clock);
}

let messages = 0;

export function textEvent(userId: string, text: string, msgId = `msg-${++messages}-${Date.now()}`): Record<string, unknown> {
  return {
    app_id: OA_APP_ID,
    user_id_by_app: `app-${userId}`,
    event_name: 'user_send_text',
    timestamp: nextTimestamp(),
    sender: { id: userId },
    recipient: { id: OA_ID },
    message: { msg_id: msgId, text },
  };
}

/** The shape of the real capture in channels.md A1. */
export function followEvent(userId: string, name: 'follow' | 'unfollow' = 'follow'): Record<string, unknown> {
  return { oa_id: OA_ID, follower: { id: userId }, event_name: name, source: 'oa_profile', app_id: OA_APP_ID, timestamp: nextTimestamp() };
}

export function echoEvent(userId: string, text: string): Record<string, unknown> {
  return {
    app_id: OA_APP_ID,
    event_name: 'oa_send_text',
    timestamp: nextTimestamp(),
    sender: { id: OA_ID },
    recipient: { id: userId },
    message: { msg_id: `echo-${++messages}`, text },
  };
}

export function signBody(raw: string, timestamp: string, keys = { appId: OA_APP_ID, secretKey: OA_SECRET_KEY }): string {
  return zaloSignature(keys, raw, timestamp);
}

/** The body as sent and its signature header. */
export function signed(event: Record<string, unknown>): { raw: string; signature: string } {
  const raw = JSON.stringify(event);
  return { raw, signature: signBody(raw, String(event.timestamp)) };
}

/**
 * The OA webhook's signature (channels.md A1): `X-ZEvent-Signature: mac=<hex>`, the hex being
 * sha256(appId + raw body + timestamp + OA secret key), plain SHA-256 and not an HMAC, over the
 * bytes exactly as received, the timestamp read from the body.
 */
import { createHash } from 'node:crypto';
import { sameSecret } from '../../server/secrets.js';

export interface SigningKeys {
  appId: string;
  /** The OA Secret Key of the app's Webhook page, not the App Secret. */
  secretKey: string;
}

export function zaloSignature(keys: SigningKeys, rawBody: string, timestamp: string): string {
  return `mac=${createHash('sha256').update(`${keys.appId}${rawBody}${timestamp}${keys.secretKey}`).digest('hex')}`;
}

/** Constant time: neither the expected value nor how much of it matched leaks. */
export function signedByZalo(keys: SigningKeys, rawBody: string, timestamp: string, header: string | undefined): boolean {
  if (!header) return false;
  return sameSecret(header.trim().toLowerCase(), zaloSignature(keys, rawBody, timestamp));
}

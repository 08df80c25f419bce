/**
 * What may be shown of a secret (a token, a key, a password): its length, and its last four characters
 * when it is long enough that they give nothing away. Settings errors and logs go through here.
 */

/** Settings whose values are secrets: every token, secret, key and password, present or added later. */
export function isSecretSetting(key: string): boolean {
  return /TOKEN|SECRET|PASSWORD|_KEY$/.test(key);
}

/** Under this length, even the last four characters say too much. */
const SHOWS_TAIL_FROM = 12;

/** "27 ký tự, kết thúc bằng «…n-in»", or only the length of a short value. */
export function secretHint(value: string): string {
  return value.length >= SHOWS_TAIL_FROM ? `${value.length} ký tự, kết thúc bằng «…${value.slice(-4)}»` : `${value.length} ký tự`;
}

/** A database address without its password: "postgres://chiso:***@db:5432/chiso"; null when it is not a URL. */
export function withoutPassword(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return null;
  }
}

/** The password of a database address, for the list of what must never be printed. */
export function passwordOf(url: string): string | null {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password || null;
  } catch {
    return null;
  }
}

/**
 * Replaces every occurrence of the given secrets in a text by "…" and its last four characters (or by
 * "***" when it is short): an error's message may hold a request's URL, with the bot token in its path.
 */
export function scrubber(secrets: readonly (string | null | undefined)[]): (text: string) => string {
  const known = [...new Set(secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4))].sort((a, b) => b.length - a.length);
  if (known.length === 0) return (text) => text;
  const masks = known.map((secret) => ({ secret, mask: secret.length >= SHOWS_TAIL_FROM ? `…${secret.slice(-4)}` : '***' }));
  return (text) => {
    let out = text;
    for (const { secret, mask } of masks) if (out.includes(secret)) out = out.split(secret).join(mask);
    return out;
  };
}

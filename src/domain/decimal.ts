/**
 * Exact decimals as the sources print them. Values travel as strings with a dot ("91.34", "9.6"),
 * the form Postgres `numeric` returns, so no float ever touches a score that is shown.
 */

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function isDecimal(value: string): boolean {
  return DECIMAL.test(value);
}

/** "91,34" or "91.34" → "91.34"; "2.348" (Vietnamese thousands) is only read as a thousand when asked. */
export function parseDecimal(text: string, options: { thousands?: boolean } = {}): string | null {
  let t = text.trim().replace(/\s/g, '');
  if (options.thousands) t = t.replace(/\.(?=\d{3}(\D|$))/g, '');
  t = t.replace(',', '.');
  return DECIMAL.test(t) ? stripLeadingZeros(t) : null;
}

function stripLeadingZeros(t: string): string {
  const negative = t.startsWith('-');
  const body = negative ? t.slice(1) : t;
  const [int = '0', frac] = body.split('.');
  const intPart = int.replace(/^0+(?=\d)/, '');
  return (negative ? '-' : '') + intPart + (frac !== undefined ? `.${frac}` : '');
}

function toScaled(value: string, scale: number): bigint {
  const negative = value.startsWith('-');
  const [int = '0', frac = ''] = (negative ? value.slice(1) : value).split('.');
  const scaled = BigInt(int + frac.padEnd(scale, '0'));
  return negative ? -scaled : scaled;
}

function scaleOf(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

function fromScaled(n: bigint, scale: number): string {
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = scale > 0 ? digits.slice(-scale).replace(/0+$/, '') : '';
  return (negative ? '-' : '') + int + (frac ? `.${frac}` : '');
}

export function addDecimals(values: readonly string[]): string {
  const scale = Math.max(0, ...values.map(scaleOf));
  return fromScaled(values.reduce((sum, v) => sum + toScaled(v, scale), 0n), scale);
}

export function subtractDecimal(a: string, b: string): string {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  return fromScaled(toScaled(a, scale) - toScaled(b, scale), scale);
}

export function compareDecimals(a: string, b: string): number {
  const scale = Math.max(scaleOf(a), scaleOf(b));
  const d = toScaled(a, scale) - toScaled(b, scale);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** a / b as a float, for ordering only (never shown). */
export function ratio(a: string, b: string): number {
  return Number(a) / Number(b);
}

/** The mean of exact decimals, rounded half up to `places` decimals ("91.335" → "91.34"). */
export function averageDecimals(values: readonly string[], places = 2): string | null {
  if (values.length === 0) return null;
  const scale = Math.max(places, ...values.map(scaleOf));
  const sum = values.reduce((total, v) => total + toScaled(v, scale), 0n);
  const factor = 10n ** BigInt(scale - places);
  const divisor = BigInt(values.length) * factor;
  const negative = sum < 0n;
  const magnitude = negative ? -sum : sum;
  const rounded = (magnitude * 2n + divisor) / (divisor * 2n);
  return fromScaled(negative ? -rounded : rounded, places);
}

/** a / 2, exactly: one more decimal at most ("63.47" → "31.735"). */
export function halfOf(value: string): string {
  const scale = scaleOf(value) + 1;
  return fromScaled(toScaled(value, scale) / 2n, scale);
}

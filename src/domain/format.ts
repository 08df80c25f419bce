/** Numbers the Vietnamese way: "91,34", "2.348", "82,41%". Input is an exact decimal string. */

function groupThousands(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

export function formatDecimal(value: string): string {
  const negative = value.startsWith('-');
  const [int = '0', frac] = (negative ? value.slice(1) : value).split('.');
  return (negative ? '-' : '') + groupThousands(int) + (frac ? `,${frac}` : '');
}

export function formatPercent(value: string): string {
  return `${formatDecimal(value)}%`;
}

/** A count as the source printed it: "03" stays "03", "2348" becomes "2.348". */
export function formatCount(digits: string): string {
  return groupThousands(digits);
}

/** A signed change with its arrow: "↑ 2,15", "↓ 0,4", "= 0". */
export function formatChange(delta: string): string {
  if (/^-?0(\.0+)?$/.test(delta)) return '= 0';
  return delta.startsWith('-') ? `↓ ${formatDecimal(delta.slice(1))}` : `↑ ${formatDecimal(delta)}`;
}

const dateTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** "14:05 29/11/2026" in Vietnam time, whatever the process time zone. */
export function formatDateTime(date: Date): string {
  const parts = Object.fromEntries(dateTime.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
}

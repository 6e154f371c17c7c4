/**
 * meta/v1 Duration: nanoseconds in protobuf, Go's time.Duration text in JSON ("1h2m3.5s").
 * Nanoseconds are JS numbers, exact up to 2^53 ns (about 104 days).
 */

const units: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Go's Duration.String(). */
export function durationToJson(nanos: number): string {
  if (nanos === 0) return '0s';
  const sign = nanos < 0 ? '-' : '';
  const size = Math.abs(nanos);
  if (size < 1e3) return `${sign}${size}ns`;
  if (size < 1e6) return `${sign}${fraction(size, 3)}µs`;
  if (size < 1e9) return `${sign}${fraction(size, 6)}ms`;
  const hours = Math.floor(size / 3600e9);
  const minutes = Math.floor((size % 3600e9) / 60e9);
  const seconds = `${fraction(size % 60e9, 9)}s`;
  if (hours > 0) return `${sign}${hours}h${minutes}m${seconds}`;
  return minutes > 0 ? `${sign}${minutes}m${seconds}` : `${sign}${seconds}`;
}

// `value` / 10^digits, with the fraction's trailing zeros (and a lone dot) left out.
function fraction(value: number, digits: number): string {
  const scale = 10 ** digits;
  const decimals = String(value % scale)
    .padStart(digits, '0')
    .replace(/0+$/, '');
  return `${Math.floor(value / scale)}${decimals ? `.${decimals}` : ''}`;
}

/** Go's time.ParseDuration. */
export function durationFromJson(value: unknown, field: string): number {
  const text = typeof value === 'string' ? value : '';
  const invalid = new TypeError(`${field}: ${JSON.stringify(value)} is not a duration such as "1h2m3s"`);
  const match = /^([-+]?)((?:\d*\.?\d*(?:ns|us|µs|μs|ms|s|m|h))+|0)$/.exec(text);
  if (!match) throw invalid;
  let total = 0;
  for (const [, number = '', unit = ''] of (match[2] ?? '').matchAll(/(\d*\.?\d*)(ns|us|µs|μs|ms|s|m|h)/g)) {
    if (number === '' || number === '.') throw invalid;
    total += Number(number) * (units[unit] ?? 0);
  }
  return match[1] === '-' ? -Math.round(total) : Math.round(total);
}

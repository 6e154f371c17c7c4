// apimachinery's resource.Quantity as kube-apiserver decodes and writes it: "1024Mi" is
// stored as "1Gi", "0.5" as "500m", "1000m" as "1"; some inputs already canonical keep
// their text ("100m", "+1Gi", "1.500"); values finer than 1n round up, away from zero.

/** ParseQuantity's errors, word for word. */
export const quantityErrors = {
  format: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  suffix: "unable to parse quantity's suffix",
  numeric: 'unable to parse numeric part of quantity',
} as const;

export class QuantityError extends Error {}

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const decimalSuffixes: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const binarySuffixes: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const maxInt64 = (1n << 63n) - 1n;
const nanoScale = 9;

/** A parsed number: sign, digits before and after the point, suffix. */
interface Parts {
  readonly positive: boolean;
  readonly num: string;
  readonly denom: string;
  readonly suffix: string;
  readonly hasDigits: boolean;
}

/** The text Go writes for the quantity `text` (as JSON decodes it: surrounding spaces trimmed). */
export function canonicalQuantity(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') throw new QuantityError(quantityErrors.format);
  if (trimmed === '0') return '0';
  const parts = splitQuantity(trimmed);
  const { exponent, format } = interpretSuffix(parts.suffix);
  const path = fastPath(parts, exponent, format);
  if (path === 'keep') return trimmed;
  // The arbitrary-precision path reads the number itself, which needs a digit.
  if (path === 'slow' && !parts.hasDigits) throw new QuantityError(quantityErrors.numeric);
  return formatValue(valueOf(parts, exponent, format));
}

function splitQuantity(text: string): Parts {
  const match = /^([+-]?)0*(\d*)(?:\.(\d*))?(.*)$/s.exec(text);
  const [, sign = '', digits = '', denom = '', suffix = ''] = match ?? [];
  if (!/^[eEinumkKMGTP]*[-+]?\d*$/.test(suffix)) throw new QuantityError(quantityErrors.format);
  const hasDigits = /\d/.test(text.slice(0, text.length - suffix.length));
  return { positive: sign !== '-', num: digits === '' ? '0' : digits, denom, suffix, hasDigits };
}

function interpretSuffix(suffix: string): { exponent: number; format: Format; base: 2 | 10 } {
  const decimal = decimalSuffixes[suffix];
  if (decimal !== undefined && Object.hasOwn(decimalSuffixes, suffix))
    return { exponent: decimal, format: 'DecimalSI', base: 10 };
  const binary = binarySuffixes[suffix];
  if (binary !== undefined && Object.hasOwn(binarySuffixes, suffix))
    return { exponent: binary, format: 'BinarySI', base: 2 };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E') && /^[+-]?\d+$/.test(suffix.slice(1))) {
    return { exponent: Number(suffix.slice(1)), format: 'DecimalExponent', base: 10 };
  }
  throw new QuantityError(quantityErrors.suffix);
}

/**
 * ParseQuantity's int64 fast path: `keep` when it keeps the text (already canonical),
 * `int64` when it takes it but writes it canonically, `slow` for arbitrary precision.
 */
function fastPath({ num, denom }: Parts, exponent: number, format: Format): 'keep' | 'int64' | 'slow' {
  if (format === 'BinarySI') {
    if (denom !== '' || num.length > 15) return 'slow';
    const precision = 15 - num.length - Math.trunc(Math.fround((exponent * 3) / 10)) - 1;
    const value = BigInt(num);
    if (precision < 0 || value << BigInt(exponent) > maxInt64) return 'slow';
    return exponent % 10 === 0 && (value & 7n) !== 0n ? 'keep' : 'int64';
  }
  const scale = exponent - denom.length;
  if (18 - (num.length + denom.length) < 0 || scale < -nanoScale) return 'slow';
  const shifted = num + denom;
  return scale % 3 === 0 && !shifted.endsWith('000') && !shifted.startsWith('0') ? 'keep' : 'int64';
}

/** The value as unscaled × 10^-scale, rounded up to 1n, in its format. */
interface Value {
  readonly unscaled: bigint;
  readonly scale: number;
  readonly format: Format;
}

function valueOf({ positive, num, denom }: Parts, exponent: number, format: Format): Value {
  let unscaled = BigInt(num + denom);
  let scale = denom.length;
  if (format === 'BinarySI') unscaled <<= BigInt(exponent);
  else scale -= exponent;
  if (scale > nanoScale) {
    const divisor = 10n ** BigInt(scale - nanoScale);
    unscaled = (unscaled + divisor - 1n) / divisor; // RoundUp: away from zero, on the magnitude
    scale = nanoScale;
  }
  let resultFormat = format;
  if (format === 'BinarySI') {
    const max = maxInt64 * 10n ** BigInt(Math.max(scale, 0));
    if (scale >= 0 && unscaled > max) unscaled = max;
    if (unscaled !== 0n && unscaled < 10n ** BigInt(Math.max(scale, 0))) resultFormat = 'DecimalSI';
  }
  return { unscaled: positive ? unscaled : -unscaled, scale, format: resultFormat };
}

/** CanonicalizeBytes: BinarySI when a whole number of at least 1024 in magnitude, else decimal. */
function formatValue({ unscaled, scale, format }: Value): string {
  if (unscaled === 0n) return '0';
  const magnitude = unscaled < 0n ? -unscaled : unscaled;
  if (format === 'BinarySI' && magnitude >= 1024n * 10n ** BigInt(Math.max(scale, 0))) {
    const unit = 10n ** BigInt(Math.max(scale, 0));
    if (scale <= 0 || magnitude % unit === 0n) {
      let whole = scale <= 0 ? unscaled * 10n ** BigInt(-scale) : unscaled / unit;
      let times = 0;
      while ((whole < 0n ? -whole : whole) >= 1024n && whole % 1024n === 0n)
        [whole, times] = [whole / 1024n, times + 1];
      const suffix = Object.keys(binarySuffixes).find((key) => binarySuffixes[key] === times * 10) ?? '';
      return `${String(whole)}${suffix}`;
    }
  }
  let mantissa = unscaled;
  let exponent = -scale;
  while ((mantissa < 0n ? -mantissa : mantissa) >= 10n && mantissa % 10n === 0n)
    [mantissa, exponent] = [mantissa / 10n, exponent + 1];
  while (exponent % 3 !== 0) [mantissa, exponent] = [mantissa * 10n, exponent - 1];
  if (format === 'DecimalExponent') return `${String(mantissa)}${exponent === 0 ? '' : `e${String(exponent)}`}`;
  const suffix = Object.keys(decimalSuffixes).find((key) => decimalSuffixes[key] === exponent) ?? '';
  return `${String(mantissa)}${suffix}`;
}

/** What Quantity's UnmarshalJSON says of a JSON value (null decodes to zero); undefined when it decodes. */
export function quantityDecodeError(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number') return quantityErrors.format;
  try {
    canonicalQuantity(String(value));
    return undefined;
  } catch (error) {
    if (error instanceof QuantityError) return error.message;
    throw error;
  }
}

/** A quantity's exact value, as unscaled × 10^-scale (rounded up to 1n, as parsed). */
export interface Amount {
  readonly unscaled: bigint;
  readonly scale: number;
}

/** The value of a quantity that parses (`text` as ParseQuantity takes it). */
export function quantityAmount(text: string): Amount {
  const trimmed = text.trim();
  if (trimmed === '0') return { unscaled: 0n, scale: 0 };
  const parts = splitQuantity(trimmed);
  const { exponent, format } = interpretSuffix(parts.suffix);
  if (fastPath(parts, exponent, format) === 'slow' && !parts.hasDigits) throw new QuantityError(quantityErrors.numeric);
  const { unscaled, scale } = valueOf(parts, exponent, format);
  return { unscaled, scale };
}

const atScale = (amount: Amount, scale: number): bigint => amount.unscaled * 10n ** BigInt(scale - amount.scale);

/** Quantity.Add. */
export function addAmounts(a: Amount, b: Amount): Amount {
  const scale = Math.max(a.scale, b.scale);
  return { unscaled: atScale(a, scale) + atScale(b, scale), scale };
}

/** Quantity.Cmp: -1, 0 or 1. */
export function compareAmounts(a: Amount, b: Amount): number {
  const scale = Math.max(a.scale, b.scale);
  const [x, y] = [atScale(a, scale), atScale(b, scale)];
  return x < y ? -1 : x > y ? 1 : 0;
}

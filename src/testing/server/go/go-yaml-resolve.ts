import { readsAsGoYamlTimestamp } from './go-yaml-timestamp.ts';

/**
 * Whether go-yaml v2 (go.yaml.in/yaml/v2 v2.4.3) may write `text` as a plain scalar: only
 * when its YAML 1.1 resolver would read it back as a string, not as null, a bool, an int, a
 * float or a timestamp; base-60 floats ("1:20") are quoted too, for older readers.
 */
export function plainReadsAsString(text: string): boolean {
  return resolvesToString(text) && !isBase60Float(text);
}

/** The words go-yaml reads as null, bools and the special floats. */
const wordsOfOtherTypes = new Set(
  [
    ['', '~', 'null', 'Null', 'NULL'],
    ['y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO'],
    ['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'on', 'On', 'ON', 'off', 'Off', 'OFF'],
    ['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF'],
  ].flat(),
);

function resolvesToString(text: string): boolean {
  if (wordsOfOtherTypes.has(text)) return false;
  // The resolver looks further only at text starting like a number (its first byte).
  if (text.startsWith('.')) return !isGoFloatSyntax(text);
  if (/^[-+0-9]/.test(text)) return !readsAsNumberOrTimestamp(text);
  return true;
}

function readsAsNumberOrTimestamp(text: string): boolean {
  if (readsAsGoYamlTimestamp(text)) return true;
  const plain = text.replaceAll('_', '');
  if (goParseInt(plain, 0) !== undefined || goParseUint(plain, 0) !== undefined) return true;
  const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
  if (yamlStyleFloat.test(plain) && Number.isFinite(Number(plain))) return true;
  // The resolver's own binary forms, which also take a sign after "0b".
  if (plain.startsWith('0b'))
    return goParseInt(plain.slice(2), 2) !== undefined || goParseUint(plain.slice(2), 2) !== undefined;
  if (plain.startsWith('-0b')) return goParseInt(`-${plain.slice(3)}`, 2) !== undefined;
  return false;
}

const int64Limit = 2n ** 63n;
const uint64Limit = 2n ** 64n;

/** strconv.ParseInt(text, base, 64), or undefined on a syntax or range error. */
function goParseInt(text: string, base: 0 | 2): bigint | undefined {
  const negative = text.startsWith('-');
  const magnitude = goParseUint(/^[-+]/.test(text) ? text.slice(1) : text, base);
  if (magnitude === undefined) return undefined;
  if (negative ? magnitude > int64Limit : magnitude >= int64Limit) return undefined;
  return negative ? -magnitude : magnitude;
}

const prefixRadix = new Map([
  ['b', 2],
  ['o', 8],
  ['x', 16],
]);
/** Each radix's digits, and the prefix by which BigInt reads them. */
const radixForms = new Map([
  [2, { digits: /^[01]*$/, prefix: '0b' }],
  [8, { digits: /^[0-7]*$/, prefix: '0o' }],
  [10, { digits: /^[0-9]+$/, prefix: '' }],
  [16, { digits: /^[0-9a-fA-F]*$/, prefix: '0x' }],
]);

/** strconv.ParseUint(text, base, 64) for text without underscores; base 0 reads prefixes. */
function goParseUint(text: string, base: 0 | 2): bigint | undefined {
  if (text === '') return undefined;
  let radix = base === 2 ? 2 : 10;
  let digits = text;
  if (base === 0 && text.startsWith('0')) {
    const prefixed = text.length >= 3 ? prefixRadix.get(text.charAt(1).toLowerCase()) : undefined;
    radix = prefixed ?? 8; // a bare leading zero means octal
    digits = text.slice(prefixed === undefined ? 1 : 2);
  }
  const form = radixForms.get(radix);
  if (form === undefined || !form.digits.test(digits)) return undefined;
  const value = digits === '' ? 0n : BigInt(`${form.prefix}${digits}`);
  return value < uint64Limit ? value : undefined;
}

/**
 * strconv.ParseFloat's decimal syntax for text starting with a dot (no sign, no hex):
 * digits, an optional exponent, underscores only between digits, and a finite value.
 */
function isGoFloatSyntax(text: string): boolean {
  if (!/^\.[0-9_]*[0-9][0-9_]*([eE][-+]?[0-9][0-9_]*)?$/.test(text)) return false;
  if (/(^|[^0-9])_|_([^0-9]|$)/.test(text)) return false;
  return Number.isFinite(Number(text.replaceAll('_', '')));
}

const base60Float = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

function isBase60Float(text: string): boolean {
  return base60Float.test(text);
}

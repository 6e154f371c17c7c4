// JSON values as structured-merge-diff orders, compares and prints them, so that sets,
// keys and messages come out byte for byte as kube-apiserver writes them.
import type { JsonValue } from '../schema/schema.ts';

export type JsonObject = { [key: string]: JsonValue };

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Go's `strings.Compare` on UTF-8 bytes (JavaScript's `<` compares UTF-16 units). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a.charCodeAt(i), b.charCodeAt(i)];
    if (x !== y) return utf8Rank(x) < utf8Rank(y) ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}

// UTF-16 units in UTF-8 byte order: surrogates (characters past U+FFFF) sort after U+E000-U+FFFF.
const utf8Rank = (unit: number): number =>
  unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit;

// value.Compare: floats/ints < strings < booleans < lists < maps < null.
const rank = (value: JsonValue): number => {
  if (typeof value === 'number') return 0;
  if (typeof value === 'string') return 1;
  if (typeof value === 'boolean') return 2;
  if (Array.isArray(value)) return 3;
  if (value !== null) return 4;
  return 5;
};

/** The total order of structured-merge-diff's `value.Compare`. */
export function compareJson(a: JsonValue, b: JsonValue): number {
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return Math.sign(byRank);
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const c = compareJson(a[i] ?? null, b[i] ?? null);
      if (c !== 0) return c;
    }
    return Math.sign(a.length - b.length);
  }
  if (isObject(a) && isObject(b)) return compareObjects(a, b);
  return 0;
}

// value.MapCompare: keys in lexical order; the first difference decides, and a map that
// runs out of keys first is smaller.
function compareObjects(a: JsonObject, b: JsonObject): number {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(compareStrings);
  for (const key of keys) {
    if (!(key in a)) return 1;
    if (!(key in b)) return -1;
    const c = compareJson(a[key] ?? null, b[key] ?? null);
    if (c !== 0) return c;
  }
  return 0;
}

/** structured-merge-diff's `value.Equals`: deep equality, `null` distinct from `{}` and `[]`. */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => key in b && jsonEqual(a[key], b[key]));
  }
  return false;
}

/** JSON as Go's encoding/json writes it: HTML characters escaped, object keys sorted. */
export function goJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort(compareStrings);
    return `{${keys.map((key) => `${goJsonString(key)}:${goJson(value[key] ?? null)}`).join(',')}}`;
  }
  if (typeof value === 'string') return goJsonString(value);
  return JSON.stringify(value);
}

export function goJsonString(text: string): string {
  return goHtmlEscape(JSON.stringify(text));
}

/**
 * Go's HTML-safe escaping of a JSON text: `<`, `>`, `&`, U+2028 and U+2029 as \u003c and
 * the like. They can only occur inside JSON strings, so escaping the finished text is exact.
 */
export function goHtmlEscape(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A string as Go's `%q` prints it. */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const escape = goEscapes[char];
    if (escape !== undefined) out += escape;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return `${out}"`;
}

const goEscapes: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/** structured-merge-diff's `value.ToString`, used in printed paths such as `[name="nginx"]`. */
export function valueToString(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(valueToString).join(',')}]`;
  return Object.entries(value)
    .map(([key, item]) => `${key}=${valueToString(item)}`)
    .join('');
}

// Go's %T of a decoded JSON value.
export function goType(value: JsonValue): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  if (Array.isArray(value)) return '[]interface {}';
  return value === null ? '<nil>' : 'map[string]interface {}';
}

// Go's %v of a decoded JSON value.
export function goValue(value: JsonValue): string {
  if (value === null) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(goValue).join(' ')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort(compareStrings);
    return `map[${keys.map((key) => `${key}:${goValue(value[key] ?? null)}`).join(' ')}]`;
  }
  return String(value);
}

// Go's %#v of a decoded JSON value.
export function goSyntax(value: JsonValue): string {
  if (value === null) return 'interface {}(nil)';
  if (typeof value === 'string') return goQuote(value);
  if (Array.isArray(value)) return `[]interface {}{${value.map(goSyntax).join(', ')}}`;
  if (isObject(value)) {
    const keys = Object.keys(value).sort(compareStrings);
    return `map[string]interface {}{${keys.map((key) => `${goQuote(key)}:${goSyntax(value[key] ?? null)}`).join(', ')}}`;
  }
  return String(value);
}

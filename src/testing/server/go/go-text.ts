// How Go writes a decoded JSON value into kube-apiserver's messages: fmt's %v of a
// map[string]interface{}, and encoding/json's Marshal. Go writes map keys in byte order.
import { goHtmlEscape } from '../fields/json-value.ts';
import { byCodePoint } from '../selectors/code-point-order.ts';

/** Go's `%v` of a float64: shortest digits, exponent form below 1e-4 and from 1e6. */
function goFloat(value: number): string {
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value);
}

/**
 * Go's `%v` (and `%+v`) of a JSON value decoded into interface{} with integers kept as
 * int64: `map[a:1 b:map[c:x]]` with keys sorted, `[x 1 <nil> true]`, strings unquoted.
 */
export function goFormat(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? String(value) : goFloat(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goFormat).join(' ')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => byCodePoint(a, b));
  return `map[${entries.map(([key, item]) => `${key}:${goFormat(item)}`).join(' ')}]`;
}

/**
 * encoding/json's Marshal of a JSON value: the objects in `sorted` with their keys in
 * order (as Go writes a map), the others as they are (as Go writes a struct or passes raw
 * JSON through), and <, >, &, U+2028 and U+2029 escaped.
 */
export function goJson(value: unknown, sorted: (node: object) => boolean): string {
  const write = (node: unknown): string => {
    if (typeof node !== 'object' || node === null) return JSON.stringify(node);
    if (Array.isArray(node)) return `[${node.map(write).join(',')}]`;
    const entries = Object.entries(node as Record<string, unknown>);
    if (sorted(node)) entries.sort(([a], [b]) => byCodePoint(a, b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${write(item)}`).join(',')}}`;
  };
  // These characters only occur inside strings, where Go escapes them.
  return goHtmlEscape(write(value));
}

// One step of a field path, as structured-merge-diff names it: a field name, the key of
// a list item, the value of a set item, or an index.
import type { JsonValue } from '../schema/schema.ts';
import { compareJson, compareStrings, goJson, goJsonString, valueToString } from './json-value.ts';

/** One key field of a list item's key, such as `name: "nginx"`. */
export interface KeyField {
  readonly name: string;
  readonly value: JsonValue;
}

/** A step of a field path; exactly one of the properties is present. */
export type PathElement =
  | { readonly field: string }
  /** Key fields, sorted by name. */
  | { readonly key: readonly KeyField[] }
  | { readonly value: JsonValue }
  | { readonly index: number };

/** A path from the root of an object. */
export type FieldPath = readonly PathElement[];

// Fields sort before keys, keys before values, values before indexes.
const order = (pe: PathElement): number => ('field' in pe ? 0 : 'key' in pe ? 1 : 'value' in pe ? 2 : 3);

/** structured-merge-diff's `PathElement.Compare`. */
export function comparePathElements(a: PathElement, b: PathElement): number {
  const byType = order(a) - order(b);
  if (byType !== 0) return Math.sign(byType);
  if ('field' in a && 'field' in b) return compareStrings(a.field, b.field);
  if ('key' in a && 'key' in b) return compareKeys(a.key, b.key);
  if ('value' in a && 'value' in b) return compareJson(a.value, b.value);
  if ('index' in a && 'index' in b) return Math.sign(a.index - b.index);
  return 0;
}

function compareKeys(a: readonly KeyField[], b: readonly KeyField[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i] as KeyField, b[i] as KeyField];
    const c = compareStrings(x.name, y.name) || compareJson(x.value, y.value);
    if (c !== 0) return c;
  }
  return Math.sign(a.length - b.length);
}

/** The key of a FieldsV1 object: `f:name`, `k:{"name":"nginx"}`, `v:"a"`, `i:0`. */
export function serializePathElement(pe: PathElement): string {
  if ('field' in pe) return `f:${pe.field}`;
  if ('key' in pe) return `k:{${pe.key.map((k) => `${goJsonString(k.name)}:${goJson(k.value)}`).join(',')}}`;
  if ('value' in pe) return `v:${goJson(pe.value)}`;
  return `i:${String(pe.index)}`;
}

/** Parses a FieldsV1 key; undefined for a type this version does not know (ignored, as in Go). */
export function parsePathElement(text: string): PathElement | undefined {
  if (text.length < 2 || text[1] !== ':') throw new Error(`invalid path element: ${text}`);
  const content = text.slice(2);
  switch (text[0]) {
    case 'f':
      return { field: content };
    case 'v':
      return { value: JSON.parse(content) as JsonValue };
    case 'k': {
      const fields = JSON.parse(content) as Record<string, JsonValue>;
      const key = Object.entries(fields).map(([name, value]) => ({ name, value }));
      return { key: key.sort((x, y) => compareStrings(x.name, y.name)) };
    }
    case 'i':
      return { index: Number.parseInt(content, 10) };
    default:
      return undefined;
  }
}

/** A path as conflict messages print it: `.spec.template.spec.containers[name="nginx"].image`. */
export function pathToString(path: FieldPath): string {
  return path.map(pathElementToString).join('');
}

function pathElementToString(pe: PathElement): string {
  if ('field' in pe) return `.${pe.field}`;
  if ('key' in pe) return `[${pe.key.map((k) => `${k.name}=${valueToString(k.value)}`).join(',')}]`;
  if ('value' in pe) return `[=${valueToString(pe.value)}]`;
  return `[${String(pe.index)}]`;
}

// Where a JSON patch path points, and the four things an operation does there, with the
// rules of evanphx/json-patch v4 as kube-apiserver runs it rather than RFC 6901/6902's:
// whatever precedes the first "/" is ignored ("spec/x" is "/x"), array indexes may be
// negative (from the end), have a sign or leading zeros ("+1", "01"), and a missing
// object key reads as null instead of failing.

import { goQuote } from '../go/go-quote.ts';
import { getOwn, isJsonObject, type JsonObject, setOwn } from './json-value.ts';

/** An object or array of the document being patched. */
export type Container = JsonObject | unknown[];

/** Why a container operation failed, in the library's words. */
export class ContainerError extends Error {
  override readonly name = 'ContainerError';
}

/** A key in a container: the parent of a path and the path's last segment. */
export interface Location {
  readonly container: Container;
  readonly key: string;
}

// RFC 6901's escapes, replaced left to right: "~01" is "~1".
const unescapeSegment = (segment: string) => segment.replace(/~[01]/g, (escape) => (escape === '~1' ? '/' : '~'));

/** The container holding the last segment of `path`, or undefined when there is none. */
export function locate(document: Container, path: string): Location | undefined {
  const segments = path.split('/');
  if (segments.length < 2) return undefined;
  let container = document;
  for (const segment of segments.slice(1, -1)) {
    let next: unknown;
    try {
      next = get(container, unescapeSegment(segment));
    } catch {
      return undefined;
    }
    if (!Array.isArray(next) && !isJsonObject(next)) return undefined;
    container = next;
  }
  return { container, key: unescapeSegment(segments.at(-1) ?? '') };
}

/** The value at `key`; undefined when an object lacks it. */
export function get(container: Container, key: string): unknown {
  if (!Array.isArray(container)) return getOwn(container, key);
  return container[existingIndex(container, key)];
}

/** Sets an existing array element, or any object key (present or not). */
export function set(container: Container, key: string, value: unknown): void {
  if (Array.isArray(container)) container[existingIndex(container, key)] = value;
  else setOwn(container, key, value);
}

/** Inserts into an array (at an index up to its length, or "-" for the end) or sets a key. */
export function add(container: Container, key: string, value: unknown): void {
  if (!Array.isArray(container)) {
    setOwn(container, key, value);
    return;
  }
  if (key === '-') {
    container.push(value);
    return;
  }
  const index = goAtoi(key);
  if (typeof index === 'string') throw new ContainerError(`value was not a proper array index: '${key}': ${index}`);
  const size = container.length + 1;
  if (index >= size || index < -size) throw invalidIndex(index);
  container.splice(index < 0 ? index + size : index, 0, value);
}

/** Removes an array element or an object key, which must exist. */
export function remove(container: Container, key: string): void {
  if (Array.isArray(container)) {
    container.splice(existingIndex(container, key), 1);
    return;
  }
  if (!Object.hasOwn(container, key))
    throw new ContainerError(`Unable to remove nonexistent key: ${key}: missing value`);
  Reflect.deleteProperty(container, key);
}

function existingIndex(array: readonly unknown[], key: string): number {
  const index = goAtoi(key);
  if (typeof index === 'string') throw new ContainerError(index);
  if (index >= array.length || index < -array.length) throw invalidIndex(index);
  return index < 0 ? index + array.length : index;
}

const invalidIndex = (index: number) =>
  new ContainerError(`Unable to access invalid index: ${String(index)}: invalid index referenced`);

const int64 = { min: -(2n ** 63n), max: 2n ** 63n - 1n };

/** Go's `strconv.Atoi`: the integer, or its error message. */
function goAtoi(text: string): number | string {
  if (!/^[+-]?[0-9]+$/.test(text)) return `strconv.Atoi: parsing ${goQuote(text)}: invalid syntax`;
  const value = BigInt(text);
  if (value < int64.min || value > int64.max) return `strconv.Atoi: parsing ${goQuote(text)}: value out of range`;
  return Number(value);
}

// The equality of the `test` operation as kube-apiserver runs it. evanphx/json-patch
// compares objects by members, arrays by elements, and scalars by their JSON text: the
// document's as Go encoded it, the patch's as the client sent it. Go escapes <, > and &
// (and U+2028, U+2029) in strings; JSON.stringify, and so every JavaScript client, does
// not. A string holding one of them thus never passes a test on the real server, and
// neither here. Numbers compare by value, as their shortest texts agree.

import { crash } from './json-patch-error.ts';
import { isJsonObject } from './json-value.ts';

const escapedByGo = /[<>&\u2028\u2029]/;

/**
 * Whether the document's `actual` (not null) passes a test for `expected`.
 * @throws {JsonPatchError} `crash` where the real server dereferences nil: a `null`
 * element at a position both arrays have.
 */
export function testEquals(actual: unknown, expected: unknown): boolean {
  if (isJsonObject(actual)) {
    if (!isJsonObject(expected)) return false;
    const keys = Object.keys(actual);
    if (keys.length !== Object.keys(expected).length) return false;
    return keys.every((key) => {
      if (!Object.hasOwn(expected, key)) return false;
      const [left, right] = [actual[key], expected[key]];
      if (left === null || right === null) return left === right;
      return testEquals(left, right);
    });
  }
  if (Array.isArray(actual)) {
    if (!Array.isArray(expected) || actual.length !== expected.length) return false;
    return actual.every((left, i) => {
      const right: unknown = expected[i];
      if (left === null || right === null) throw crash();
      return testEquals(left, right);
    });
  }
  if (typeof actual === 'string') return actual === expected && !escapedByGo.test(actual);
  return actual === expected;
}

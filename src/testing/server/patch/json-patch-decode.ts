// Before applying a JSON patch, kube-apiserver (fieldValidation Warn, the default, or
// Strict) decodes the body into []struct{Op, Path, From string; Value any} with a
// case-sensitive decoder; its first type error is the 400 answer. Unknown keys and `null`
// anywhere pass; so does a `null` body, which then patches nothing.

import { goJsonKind, isJsonObject } from './json-value.ts';

const stringFields = new Set(['op', 'path', 'from']);

/** Go's error for the first thing in `operations` it cannot decode, or undefined. */
export function decodeFailure(operations: unknown): string | undefined {
  if (operations === null) return undefined;
  if (!Array.isArray(operations)) {
    return `json: cannot unmarshal ${goJsonKind(operations)} into Go value of type []handlers.jsonPatchOp`;
  }
  for (const operation of operations) {
    if (operation === null) continue;
    if (!isJsonObject(operation)) {
      return `json: cannot unmarshal ${goJsonKind(operation)} into Go value of type handlers.jsonPatchOp`;
    }
    for (const [key, value] of Object.entries(operation)) {
      if (stringFields.has(key) && value !== null && typeof value !== 'string') {
        return `json: cannot unmarshal ${goJsonKind(value)} into Go struct field jsonPatchOp.${key} of type string`;
      }
    }
  }
  return undefined;
}

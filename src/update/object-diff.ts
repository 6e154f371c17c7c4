import { isDeepStrictEqual } from 'node:util';

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** One RFC 6902 operation, as the JSON patch helper sends them. */
export type JsonPatchOperation =
  | { readonly op: 'test' | 'add' | 'replace'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Plain JSON of any value: class instances and Dates as the server would receive them. */
export const toJson = (value: unknown): Json => JSON.parse(JSON.stringify(value ?? null)) as Json;

/**
 * The RFC 7386 merge patch that turns `from` into `to`: changed members set, removed ones
 * `null`, objects recursed into, arrays replaced whole. A `null` in `to` cannot be told
 * from a removal: merge patch cannot set a value to null.
 */
export function mergePatchOf(from: unknown, to: unknown): JsonObject {
  const before = toJson(from);
  const after = toJson(to);
  if (!isObject(before) || !isObject(after)) throw new TypeError('a merge patch is made between two objects');
  return mergeDiff(before, after);
}

function mergeDiff(before: JsonObject, after: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const key of Object.keys(before)) if (!(key in after)) patch[key] = null;
  for (const [key, value] of Object.entries(after)) {
    const old = before[key];
    if (isDeepStrictEqual(old, value)) continue;
    patch[key] = isObject(old) && isObject(value) ? mergeDiff(old, value) : value;
  }
  return patch;
}

/**
 * RFC 6902 operations that turn `from` into `to`, each guarded by a `test` of what it
 * changes, so that the server applies them only if those values are still as read:
 * optimistic concurrency on the fields touched, not on the whole object. A changed or
 * removed member tests its old value; an added one tests its parent (absence cannot be
 * tested). Arrays are replaced whole.
 */
export function jsonPatchOf(from: unknown, to: unknown): JsonPatchOperation[] {
  const before = toJson(from);
  const after = toJson(to);
  if (!isObject(before) || !isObject(after)) throw new TypeError('a JSON patch is made between two objects');
  const operations: JsonPatchOperation[] = [];
  jsonDiff(before, after, '', operations);
  return operations;
}

function jsonDiff(before: JsonObject, after: JsonObject, path: string, out: JsonPatchOperation[]): void {
  // The parent's test comes first: later operations change the parent.
  if (Object.keys(after).some((key) => !(key in before))) out.push({ op: 'test', path, value: before });
  for (const key of Object.keys(before)) {
    if (key in after) continue;
    const at = `${path}/${escapePointer(key)}`;
    out.push({ op: 'test', path: at, value: before[key] }, { op: 'remove', path: at });
  }
  for (const [key, value] of Object.entries(after)) {
    const at = `${path}/${escapePointer(key)}`;
    const old = before[key];
    if (!(key in before)) out.push({ op: 'add', path: at, value });
    else if (isDeepStrictEqual(old, value)) continue;
    else if (isObject(old) && isObject(value)) jsonDiff(old, value, at, out);
    else out.push({ op: 'test', path: at, value: old }, { op: 'replace', path: at, value });
  }
}

/** RFC 6901: `~` and `/` in a member name. */
const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** Whether every `test` of `operations` passes on `object`, compared as JSON values. */
export function testsPass(operations: readonly JsonPatchOperation[], object: unknown): boolean {
  const document = toJson(object);
  return operations.every(
    (operation) =>
      operation.op !== 'test' || isDeepStrictEqual(valueAt(document, operation.path), toJson(operation.value)),
  );
}

function valueAt(document: Json, pointer: string): Json | undefined {
  if (pointer === '') return document;
  let current: Json | undefined = document;
  for (const token of pointer.slice(1).split('/')) {
    const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
    current = isObject(current) ? current[key] : Array.isArray(current) ? current[Number(key)] : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

import { cloneJson, getOwn, goJsonKind, isJsonObject, type JsonObject, setOwn } from './json-value.ts';

/**
 * Applies an RFC 7386 JSON merge patch as kube-apiserver v1.36 does (with
 * evanphx/json-patch v4), returning a new value; neither input is changed or shared with
 * the result. A patch object is merged key by key, `null` removing a key; anything else
 * replaces the target.
 *
 * One departure from the RFC is the real server's: where a patch object lands without
 * being merged (its key is new, null, or holds a non-object), its `null` members are
 * dropped at every depth, inside arrays too, so `{"a":[{"b":null}]}` sets `a` to `[{}]`
 * unless `a` was an object (then `a` becomes `[{"b":null}]`, as in the RFC). `null`
 * elements of arrays stay.
 *
 * The real server refuses bodies that are not objects before merging; see
 * {@link checkMergePatch}.
 */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(target)) return withoutNullMembers(patch);
  if (!isJsonObject(patch)) return cloneJson(patch);
  const result = cloneJson(target) as JsonObject;
  for (const [key, value] of Object.entries(patch)) {
    const current = getOwn(result, key);
    if (value === null) Reflect.deleteProperty(result, key);
    else if (current === undefined || current === null) setOwn(result, key, withoutNullMembers(value));
    else setOwn(result, key, applyMergePatch(current, value));
  }
  return result;
}

/** A copy of `value` whose objects, at any depth, have no `null` members. */
function withoutNullMembers(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullMembers);
  if (!isJsonObject(value)) return value;
  const copy: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== null) setOwn(copy, key, withoutNullMembers(item));
  }
  return copy;
}

/**
 * A merge patch body kube-apiserver refuses with 400 BadRequest; `message` is the
 * Status message, word for word.
 */
export class MergePatchError extends Error {
  override readonly name = 'MergePatchError';
}

/**
 * Refuses, as kube-apiserver does with its default `fieldValidation` (Warn, or Strict), a
 * merge patch body that is not a JSON object.
 *
 * @throws {MergePatchError} `Invalid JSON Patch` for `null`;
 * `error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}`
 * (or `string`, `number`, `bool`) for other non-objects.
 */
export function checkMergePatch(patch: unknown): asserts patch is JsonObject {
  if (patch === null) throw new MergePatchError('Invalid JSON Patch');
  if (!isJsonObject(patch)) {
    const kind = goJsonKind(patch);
    throw new MergePatchError(
      `error decoding patch: json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`,
    );
  }
}

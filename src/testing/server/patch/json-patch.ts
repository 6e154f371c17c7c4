import type { Container } from './json-patch-container.ts';
import { decodeFailure } from './json-patch-decode.ts';
import { decodeError, tooLarge } from './json-patch-error.ts';
import { applyOperation, type PatchState } from './json-patch-operations.ts';
import { cloneJson, isJsonObject, type JsonObject } from './json-value.ts';

export { type JsonPatchFailure, JsonPatchError } from './json-patch-error.ts';

const maxOperations = 10_000;

/**
 * Applies an RFC 6902 JSON patch (`add`, `remove`, `replace`, `move`, `copy`, `test`) as
 * kube-apiserver v1.36 does, with evanphx/json-patch v4, and returns the new document;
 * neither input is changed or shared with the result. Operations apply in order and the
 * patch is all or nothing. `target` is the stored object (an object or array).
 *
 * The real server departs from the RFC, and so does this:
 * - `replace` of an absent object key adds it; `test` of an absent key passes for
 *   `value: null` or no `value`; `copy` from an absent key copies `null`; `add` or
 *   `replace` without `value` writes `null`.
 * - Array indexes may be negative (`-1` is the last element, or the end for `add`) and
 *   are read by Go's Atoi (`+1`, `01`); anything before a path's first `/` is ignored;
 *   `~` escapes other than `~0` and `~1` are kept as they are.
 * - Only `replace` and `test` accept the path `""` (the whole document), `replace` only
 *   with an object or array.
 * - `test` finds strings holding `<`, `>` or `&` never equal (see json-patch-equal.ts),
 *   and crashes the server where arrays hold `null`.
 * - A `null` body patches nothing; unknown keys in an operation are ignored; at most
 *   10000 operations, and at most 3 MiB copied by `copy` operations in all.
 *
 * @throws {JsonPatchError} whose `reason` tells the real server's answer and whose
 * `message` is its Status message; see {@link JsonPatchFailure}. For example an object
 * body gives `decode` with
 * `error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp`,
 * and a `remove` of an absent key `invalid` with
 * `the server rejected our request due to an error in our request`.
 */
export function applyJsonPatch(target: unknown, operations: unknown): unknown {
  const failure = decodeFailure(operations);
  if (failure !== undefined) throw decodeError(failure);
  const list = (operations ?? []) as readonly (JsonObject | null)[];
  if (list.length > maxOperations) throw tooLarge(list.length);
  if (!Array.isArray(target) && !isJsonObject(target)) {
    throw new TypeError('applyJsonPatch: the target must be a JSON object or array');
  }
  const state: PatchState = { document: cloneJson(target) as Container, copiedBytes: 0 };
  for (const operation of list) applyOperation(state, operation ?? {});
  return state.document;
}

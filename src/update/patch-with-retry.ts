import { classify } from '../core/errors/classify.ts';
import type { Status } from '../core/errors/status.ts';
import type { KubeObject, ObjectRef, PatchingObjectClient } from '../core/object.ts';
import { type JsonPatchOperation, jsonPatchOf, mergePatchOf, testsPass } from './object-diff.ts';
import {
  type Mutation,
  readMutateWrite,
  type UpdateOptions,
  type UpdateResult,
  type Write,
} from './read-mutate-write.ts';

/**
 * A JSON patch whose `test` failed because another writer changed a tested field: a
 * conflict, reported as one (409 Conflict, so `isConflict` and `isStaleWriteConflict`
 * hold). kube-apiserver itself answers 422 with a message that does not tell a failed
 * test from a bad patch; the helper re-reads and compares to know which it was. The
 * server's answer is the `cause`.
 */
export class PatchTestConflict extends Error {
  override readonly name = 'PatchTestConflict';
  readonly code = 409;
  readonly status: Status;
  constructor(ref: ObjectRef, cause: unknown) {
    const message = `Operation cannot be fulfilled on ${ref.kind} ${ref.name}: a field the JSON patch tested was changed by another writer; read it again and retry`;
    super(message, { cause });
    this.status = {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      message,
      reason: 'Conflict',
      details: { name: ref.name, kind: ref.kind },
      code: 409,
    };
  }
}

/**
 * {@link updateWithRetry} sending a merge patch (RFC 7386) of what `mutate` changed, with
 * the resourceVersion read as precondition: conflicts as with PUT, but the body carries
 * only the change, and fields this client does not know are never sent back (or dropped).
 * A `null` set by `mutate` removes the field.
 */
export async function mergePatchWithRetry(
  client: PatchingObjectClient,
  ref: ObjectRef,
  mutate: Mutation,
  options: UpdateOptions = {},
): Promise<UpdateResult> {
  return readMutateWrite(client, ref, mutate, options, async (current, changed, signal) => {
    if (changed === undefined) return { stored: current };
    const patch = mergePatchOf(withoutServerFields(current), withoutServerFields(changed));
    const metadata = {
      ...(patch.metadata as object | undefined),
      resourceVersion: current.metadata?.resourceVersion ?? null,
    };
    return { stored: await client.patch(ref, { ...patch, metadata }, 'merge', { ...(signal && { signal }) }) };
  });
}

/**
 * {@link updateWithRetry} sending a JSON patch (RFC 6902) of what `mutate` changed, each
 * change guarded by a `test` of the value read: the server applies it only if those
 * fields are unchanged, so writers that change other fields (a controller updating
 * status, say) never conflict with it. A failed test is a {@link PatchTestConflict},
 * retried like a stale write. kube-apiserver answers a failed test and a bad patch alike
 * (422); the read that starts the next attempt tells them apart (did a tested field
 * change?), so a retry costs one GET and one PATCH, as a first attempt does.
 */
export async function jsonPatchWithRetry(
  client: PatchingObjectClient,
  ref: ObjectRef,
  mutate: Mutation,
  options: UpdateOptions = {},
): Promise<UpdateResult> {
  /** The last 422 and the operations it refused, until a read tells what it was. */
  let refused: { operations: JsonPatchOperation[]; error: Error } | undefined;
  const wasBadPatch = (current: KubeObject) => {
    const last = refused;
    refused = undefined;
    return last !== undefined && testsPass(last.operations, current) ? last.error : undefined;
  };
  try {
    const write: Write = async (current, changed, signal) => {
      if (changed === undefined) return { stored: current };
      const operations = guardedOperations(current, changed);
      try {
        return { stored: await client.patch(ref, operations, 'json', { ...(signal && { signal }) }) };
      } catch (error) {
        if (classify(error) !== 'Invalid') throw error;
        refused = { operations, error: error as Error };
        return { conflict: new PatchTestConflict(ref, error) };
      }
    };
    return await readMutateWrite(client, ref, mutate, options, write, wasBadPatch);
  } catch (error) {
    // Out of steps or time right after a 422: one read says which it was.
    if (!(error instanceof PatchTestConflict) || refused === undefined) throw error;
    const badPatch = wasBadPatch(await client.read(ref, options.signal));
    throw badPatch ?? error;
  }
}

/** Go escapes <, >, & and U+2028/9 in what it stores, so a `test` of such a string never passes. */
const escapedByGo = /[<>&\u2028\u2029]/;

/** Parents whose value changes with every write (resourceVersion, managedFields): testing them always fails. */
const everChanging = new Set(['', '/metadata']);

/**
 * The field-guarded operations; when a tested value holds a string the server cannot
 * test, or is the whole object or its metadata (adding a member there), one test of the resourceVersion guards the whole object instead.
 */
function guardedOperations(current: KubeObject, changed: KubeObject): JsonPatchOperation[] {
  const operations = jsonPatchOf(withoutServerFields(current), withoutServerFields(changed));
  const testable = operations.every(
    (operation) =>
      operation.op !== 'test' ||
      (!escapedByGo.test(JSON.stringify(operation.value)) && !everChanging.has(operation.path)),
  );
  if (testable) return operations;
  const guard = { op: 'test' as const, path: '/metadata/resourceVersion', value: current.metadata?.resourceVersion };
  return [guard, ...operations.filter((operation) => operation.op !== 'test')];
}

/** What the server keeps for itself: a patch never tests or sends these. */
function withoutServerFields(object: KubeObject): KubeObject {
  const { resourceVersion: _rv, managedFields: _mf, ...metadata } = object.metadata ?? {};
  return { ...object, metadata };
}

// The six operations of a JSON patch, one function each, worded and ordered as
// evanphx/json-patch v4 checks them, so that `detail` reads as the library's own error.

import { maxNestingDepth } from '../http/nesting-limit.ts';
import {
  add,
  type Container,
  ContainerError,
  get,
  type Location,
  locate,
  remove,
  set,
} from './json-patch-container.ts';
import { crash, invalid, testFailed } from './json-patch-error.ts';
import { testEquals } from './json-patch-equal.ts';
import { cloneJson, getOwn, isJsonObject, type JsonObject, nestingDepth } from './json-value.ts';

// kube-apiserver's JSONPatchMaxCopyBytes, which no flag changes.
const maxCopyBytes = 3 * 1024 * 1024;

/** The document being patched, and how much `copy` has added to it so far. */
export interface PatchState {
  document: Container;
  copiedBytes: number;
}

/** An operation's `op`, `path` or `from` as evanphx reads it: `null` counts as absent. */
const stringField = (operation: JsonObject, name: string) => {
  const value = getOwn(operation, name);
  return typeof value === 'string' ? value : undefined;
};
const kindOf = (operation: JsonObject) => stringField(operation, 'op') ?? 'unknown';
/** The `value`; `hasValue` tells an absent one from `null`, as `test` and `replace ""` do. */
const valueOf = (operation: JsonObject): unknown => getOwn(operation, 'value');
const hasValue = (operation: JsonObject) => Object.hasOwn(operation, 'value');

const missingPath = 'operation missing path field: missing value';
const missingFrom = 'operation, missing from field: missing value';

/** Applies one operation to `state`, or throws the JsonPatchError the server would answer with. */
export function applyOperation(state: PatchState, operation: JsonObject): void {
  const kind = kindOf(operation);
  const run = operationsByKind.get(kind);
  if (run === undefined) throw invalid(`Unexpected kind: ${kind}`);
  run(state, operation);
}

/** Runs `action`, turning a container failure into the operation's own message. */
function guarded<T>(action: () => T, describe: (reason: string) => string): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof ContainerError) throw invalid(describe(error.message));
    throw error;
  }
}

function addOperation(state: PatchState, operation: JsonObject): void {
  const path = stringField(operation, 'path');
  if (path === undefined) throw invalid('add operation failed to decode path: missing value');
  const { container, key } = located(state, path, `add operation does not apply: doc is missing path: "${path}"`);
  checkDepth(path, valueOf(operation));
  const value = cloneJson(valueOf(operation) ?? null);
  guarded(
    () => {
      add(container, key, value);
    },
    (reason) => `error in add for path: '${path}': ${reason}`,
  );
}

function removeOperation(state: PatchState, operation: JsonObject): void {
  const path = stringField(operation, 'path');
  if (path === undefined) throw invalid('remove operation failed to decode path: missing value');
  const { container, key } = located(state, path, `remove operation does not apply: doc is missing path: "${path}"`);
  guarded(
    () => {
      remove(container, key);
    },
    (reason) => `error in remove for path: '${path}': ${reason}`,
  );
}

function replaceOperation(state: PatchState, operation: JsonObject): void {
  const path = stringField(operation, 'path');
  if (path === undefined) throw invalid(`replace operation failed to decode path: ${missingPath}`);
  checkDepth(path, valueOf(operation));
  const value = cloneJson(valueOf(operation) ?? null);
  if (path === '') {
    if (!hasValue(operation)) throw crash();
    // Go formats its nil error with %w here, hence the odd tail.
    if (!Array.isArray(value) && !isJsonObject(value)) {
      throw invalid('replace operation value must be object or array: %!w(<nil>)');
    }
    state.document = value;
    return;
  }
  const { container, key } = located(state, path, `replace operation does not apply: doc is missing path: ${path}`);
  guarded(
    () => {
      set(container, key, value);
    },
    () => `replace operation does not apply: doc is missing key: ${path}: missing value`,
  );
}

function moveOperation(state: PatchState, operation: JsonObject): void {
  const from = stringField(operation, 'from');
  if (from === undefined) throw invalid(`move operation failed to decode from: ${missingFrom}`);
  const source = located(state, from, `move operation does not apply: doc is missing from path: ${from}`);
  // The library names the key, not the path, in these two messages.
  const describe = (reason: string) => `error in move for path: '${source.key}': ${reason}`;
  const value = guarded(() => get(source.container, source.key), describe);
  guarded(() => {
    remove(source.container, source.key);
  }, describe);
  const path = stringField(operation, 'path');
  if (path === undefined) throw invalid(`move operation failed to decode path: ${missingPath}`);
  const { container, key } = located(
    state,
    path,
    `move operation does not apply: doc is missing destination path: ${path}`,
  );
  checkDepth(path, value);
  guarded(
    () => {
      add(container, key, value);
    },
    (reason) => `error in move for path: '${path}': ${reason}`,
  );
}

function copyOperation(state: PatchState, operation: JsonObject): void {
  const from = stringField(operation, 'from');
  if (from === undefined) throw invalid(`copy operation failed to decode from: ${missingFrom}`);
  const source = located(state, from, `copy operation does not apply: doc is missing from path: ${from}`);
  const value = guarded(
    () => get(source.container, source.key) ?? null,
    (reason) => `error in copy for from: '${from}': ${reason}`,
  );
  const path = stringField(operation, 'path');
  if (path === undefined) throw invalid('copy operation failed to decode path: missing value');
  const { container, key } = located(
    state,
    path,
    `copy operation does not apply: doc is missing destination path: ${path}`,
  );
  checkDepth(path, value);
  state.copiedBytes += goJsonBytes(value);
  if (state.copiedBytes > maxCopyBytes) {
    throw invalid(
      `Unable to complete the copy, the accumulated size increase of copy is ${String(state.copiedBytes)}, exceeding the limit ${String(maxCopyBytes)}`,
    );
  }
  const copy = cloneJson(value);
  guarded(
    () => {
      add(container, key, copy);
    },
    (reason) => `error while adding value during copy: ${reason}`,
  );
}

function testOperation(state: PatchState, operation: JsonObject): void {
  const path = stringField(operation, 'path');
  if (path === undefined) throw invalid(`test operation failed to decode path: ${missingPath}`);
  const expected = valueOf(operation) ?? null;
  if (path === '') {
    if (!hasValue(operation)) throw crash();
    if (!testEquals(state.document, expected)) throw testFailed(path);
    return;
  }
  const { container, key } = located(state, path, `test operation does not apply: is missing path: ${path}`);
  const actual = guarded(
    () => get(container, key) ?? null,
    (reason) => `error in test for path: '${path}': ${reason}`,
  );
  const passes =
    actual === null ? expected === null : hasValue(operation) && expected !== null && testEquals(actual, expected);
  if (!passes) throw testFailed(path);
}

const operationsByKind = new Map<string, (state: PatchState, operation: JsonObject) => void>([
  ['add', addOperation],
  ['remove', removeOperation],
  ['replace', replaceOperation],
  ['move', moveOperation],
  ['copy', copyOperation],
  ['test', testOperation],
]);

/**
 * Refuses to put `value` at `path` when the document would then nest deeper than the
 * embedded server's limit (see http/nesting-limit.ts): kube-apiserver refuses a patch
 * whose result nests deeper than its own, 10000, with the same 422.
 */
function checkDepth(path: string, value: unknown): void {
  const depth = path.split('/').length - 1 + nestingDepth(value);
  if (depth > maxNestingDepth) throw invalid(`the patched document would nest ${String(depth)} levels deep`);
}

function located(state: PatchState, path: string, missing: string): Location {
  const location = locate(state.document, path);
  if (location === undefined) throw invalid(`${missing}: missing value`);
  return location;
}

/** Bytes of `value` as Go's encoding/json writes it, which escapes <, >, & and U+2028/9. */
function goJsonBytes(value: unknown): number {
  if (value === null) return 0; // the library copies null without encoding it
  const text = JSON.stringify(value);
  const htmlEscapes = text.match(/[<>&]/g)?.length ?? 0;
  const separatorEscapes = text.match(/[\u2028\u2029]/g)?.length ?? 0;
  return Buffer.byteLength(text, 'utf8') + 5 * htmlEscapes + 3 * separatorEscapes;
}

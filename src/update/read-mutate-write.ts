import { isDeepStrictEqual } from 'node:util';
import { type Backoff, DefaultRetry } from '../core/backoff.ts';
import { isStaleWriteConflict, isTransient } from '../core/errors/classify.ts';
import { onError, type RetryOptions } from '../core/retry.ts';
import type { KubeObject, ObjectClient, ObjectRef } from '../core/object.ts';
import { LostWrite } from './lost-write.ts';
import {
  type ExactlyOnce,
  type ExactlyOnceOptions,
  exactlyOnceOf,
  OutcomeUnknownError,
  withOperationRecorded,
} from './operation-ids.ts';

/** What `mutate` returns to say "leave it as it is": no write is made. */
export const noChange: unique symbol = Symbol('kubeconflict.noChange');

/** Changes a copy of the object it is given; returns it, or {@link noChange}. May be async. */
export type Mutation = (current: KubeObject) => KubeObject | typeof noChange | Promise<KubeObject | typeof noChange>;

export interface UpdateOptions extends RetryOptions {
  /** The retry schedule for stale-write conflicts (and transient failures, when retried). @default DefaultRetry */
  readonly backoff?: Backoff;
  /**
   * Also retry, on the same schedule, failures that may pass: 429, 5xx, timeouts and
   * broken connections. A write that failed so may still have landed; retried without
   * `exactlyOnce`, a mutation that changes a value (a counter) can then be applied twice.
   * Safe alone only for mutations that set absolute values. @default true with exactlyOnce, else false
   */
  readonly retryTransient?: boolean;
  /**
   * Apply the mutation exactly once, even when a write's answer is lost: each update
   * records an operation id in the object's `kubeconflict.io/recent-operations`
   * annotation, and an attempt that finds its id there knows an earlier write landed and
   * stops. Costs one annotation of at most `history` ids on the object. @default false
   */
  readonly exactlyOnce?: boolean | ExactlyOnceOptions;
}

export interface UpdateResult {
  /** The object as stored after the update (or as read, when nothing changed). */
  readonly object: KubeObject;
  /** Whether a write was made: false when `mutate` changed nothing. */
  readonly written: boolean;
  /** Read-modify-write attempts made (1 without conflicts). */
  readonly attempts: number;
  /** Stale-write conflicts met and retried. */
  readonly conflicts: number;
  /**
   * With `exactlyOnce`: an attempt whose answer was lost had in fact landed; the object is
   * as read after it, and the mutation was not applied again.
   */
  readonly alreadyApplied?: boolean;
}

/** How one write ended: the object as stored, or the conflict that refused it. */
export type WriteOutcome = { stored: KubeObject } | { conflict: Error };
export type Write = (
  current: KubeObject,
  changed: KubeObject | undefined,
  signal: AbortSignal | undefined,
) => Promise<WriteOutcome>;

/**
 * GET, mutate, `write` (`changed` undefined when nothing changed), retried on stale-write
 * conflicts. `judge` sees each read first and may return the error the last attempt
 * really was.
 */
export async function readMutateWrite(
  client: Pick<ObjectClient, 'read' | 'watch'>,
  ref: ObjectRef,
  mutate: Mutation,
  options: UpdateOptions,
  write: Write,
  judge: (current: KubeObject) => Error | undefined = () => undefined,
): Promise<UpdateResult> {
  const { backoff = DefaultRetry, exactlyOnce: exactlyOnceOption, retryTransient, ...retryOptions } = options;
  const exactlyOnce = exactlyOnceOf(exactlyOnceOption);
  const retryingTransient = retryTransient ?? exactlyOnce !== undefined;
  let attempts = 0;
  let conflicts = 0;
  const lostWrite = exactlyOnce && new LostWrite(client, ref, exactlyOnce);
  const alreadyApplied = (object: KubeObject): UpdateResult => ({
    object,
    written: true,
    attempts,
    conflicts,
    alreadyApplied: true,
  });
  try {
    return await onError(
      backoff,
      (error) => {
        if (error instanceof OutcomeUnknownError) return false;
        const conflict = isStaleWriteConflict(error);
        if (conflict) conflicts++;
        return conflict || (retryingTransient && isTransient(error));
      },
      async ({ signal }) => {
        attempts++;
        const current = await client.read(ref, signal);
        if (lostWrite && (await lostWrite.judge(current, signal)) === 'landed') return alreadyApplied(current);
        const earlier = judge(current);
        if (earlier !== undefined) {
          conflicts--; // the last attempt's 422 was a bad patch, not a conflict
          throw earlier;
        }
        const toWrite = await changeToWrite(mutate, current, exactlyOnce, lostWrite);
        const outcome = await writeNotingLoss(write, current, toWrite, signal, lostWrite);
        if ('conflict' in outcome) throw outcome.conflict;
        return toWrite === undefined
          ? { object: current, written: false, attempts, conflicts }
          : { object: outcome.stored, written: true, attempts, conflicts };
      },
      retryOptions,
    );
  } catch (error) {
    // Out of steps or time with a write's fate open: one more read settles what it can.
    if (!lostWrite) throw error;
    return alreadyApplied(await lostWrite.settle(error, options.signal));
  }
}

/**
 * What `mutate` makes of `current`, to be written (with the operation recorded, under
 * exactlyOnce); undefined when it changes nothing.
 */
async function changeToWrite(
  mutate: Mutation,
  current: KubeObject,
  exactlyOnce: ExactlyOnce | undefined,
  lostWrite: LostWrite | undefined,
): Promise<KubeObject | undefined> {
  const changed = await mutated(mutate, current);
  const same = changed === noChange || sameJson(changed, current);
  if (same) lostWrite?.nothingToWrite();
  return same ? undefined : exactlyOnce ? withOperationRecorded(changed, exactlyOnce) : changed;
}

/** `write`, telling `lostWrite` of a failure: one that may have landed is judged by the next read. */
async function writeNotingLoss(
  write: Write,
  current: KubeObject,
  toWrite: KubeObject | undefined,
  signal: AbortSignal | undefined,
  lostWrite: LostWrite | undefined,
): Promise<WriteOutcome> {
  try {
    return await write(current, toWrite, signal);
  } catch (error) {
    lostWrite?.failed(current, error);
    throw error;
  }
}

/**
 * Runs `mutate` on a copy of `current` and checks what it returned. Forgetting `return object`
 * is easy in JavaScript: that fails with a message saying so, not with a write of nothing.
 */
export async function mutated(mutate: Mutation, current: KubeObject): Promise<KubeObject | typeof noChange> {
  const changed: unknown = await mutate(structuredClone(current));
  if (changed !== noChange && (typeof changed !== 'object' || changed === null || Array.isArray(changed))) {
    const got = changed === null ? 'null' : Array.isArray(changed) ? 'an array' : describeValue(changed);
    throw new TypeError(`a mutation must return the object it was given, changed, or noChange; it returned ${got}`);
  }
  return changed as KubeObject | typeof noChange;
}

/** A value that is not an object, as a message names it. */
function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'undefined';
    case 'function':
      return 'a function';
    case 'symbol':
      return value.toString();
    case 'bigint':
      return `${value.toString()}n`;
    default:
      return JSON.stringify(value);
  }
}

/** Equal as JSON: clients hand out class instances and Dates that a copy turns into plain values. */
export function sameJson(a: unknown, b: unknown): boolean {
  const [left, right] = [JSON.stringify(a), JSON.stringify(b)];
  if (left === right) return true;
  // Equal values with keys in another order make texts of one length: only then compare parsed.
  return left.length === right.length && isDeepStrictEqual(JSON.parse(left), JSON.parse(right));
}

/** `mutate` may have dropped or changed metadata.resourceVersion: the write carries the one read. */
export function withResourceVersionOf(object: KubeObject, read: KubeObject): KubeObject {
  return { ...object, metadata: { ...object.metadata, resourceVersion: read.metadata?.resourceVersion } };
}

import type { Mutation } from '../update/read-mutate-write.ts';
import type { KubeObject } from '../core/object.ts';

/** What each caller's {@link Coalescer.update} resolves with. */
export interface CoalescedUpdate {
  /**
   * The object as stored by the write that carried this call (as read, when nothing
   * changed). One object shared by the batch: do not modify it.
   */
  readonly object: KubeObject;
  /** Whether a write was made: false when the batch, all told, changed nothing. */
  readonly written: boolean;
  /** How many calls the cycle took from the queue, failed and aborted ones included. */
  readonly batchSize: number;
  /** Read-modify-write attempts the cycle made (1 without conflicts). */
  readonly attempts: number;
}

/** One caller's {@link Coalescer.update}: its mutation, its promise's ends, and where it stands. */
export interface CoalescerCall {
  readonly mutate: Mutation;
  readonly signal: AbortSignal | undefined;
  readonly resolve: (result: CoalescedUpdate) => void;
  readonly reject: (error: unknown) => void;
  readonly onAbort: () => void;
  settled: boolean;
  /** Part of a write in flight: an abort now cannot undo it, so its fate follows the write. */
  inWrite: boolean;
}

/**
 * A call for `mutate`, listening to `signal`: an abort before its write is in flight takes
 * it off the queue (`dequeue`) and rejects it with the signal's reason.
 */
export function queuedCall(
  mutate: Mutation,
  signal: AbortSignal | undefined,
  dequeue: (call: CoalescerCall) => void,
): { readonly call: CoalescerCall; readonly promise: Promise<CoalescedUpdate> } {
  const { promise, resolve, reject } = Promise.withResolvers<CoalescedUpdate>();
  const call: CoalescerCall = {
    mutate,
    signal,
    resolve,
    reject,
    settled: false,
    inWrite: false,
    onAbort: () => {
      if (call.inWrite) return;
      dequeue(call);
      settle(call, () => {
        reject(signal?.reason);
      });
    },
  };
  signal?.addEventListener('abort', call.onAbort, { once: true });
  return { call, promise };
}

/** Runs `outcome` unless the call is settled already, and stops listening for its abort. */
export function settle(call: CoalescerCall, outcome: () => void): void {
  if (call.settled) return;
  call.settled = true;
  call.signal?.removeEventListener('abort', call.onAbort);
  outcome();
}

/** Resolves each of `calls` not yet settled with `result`. */
export function resolveAll(calls: Iterable<CoalescerCall>, result: CoalescedUpdate): void {
  for (const call of calls) {
    settle(call, () => {
      call.resolve(result);
    });
  }
}

/** Rejects each of `calls` not yet settled with `error`. */
export function rejectAll(calls: Iterable<CoalescerCall>, error: unknown): void {
  for (const call of calls) {
    settle(call, () => {
      call.reject(error);
    });
  }
}

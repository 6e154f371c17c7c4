import type { KubeObject, ObjectRef } from '../../core/object.ts';
import { type Mutation, mutated, noChange, type UpdateResult } from '../../update/read-mutate-write.ts';
import type { QueueClient } from './queue-entries.ts';
import { type QueueOptions, queuedUpdate } from './queued-update.ts';

export interface ObjectQueueOptions extends Omit<QueueOptions, 'signal' | 'onQueued' | 'exactlyOnce'> {
  /** Each turn's write is one exactly-once operation, with an id of its own. @default false */
  readonly exactlyOnce?: boolean | { readonly history?: number };
}

export interface QueuedCallOptions {
  readonly signal?: AbortSignal;
  /** Told, in epoch milliseconds, when this call waited from and when its turn came. */
  readonly onQueued?: (startMs: number, endMs: number) => void;
}

/** One process's writer of one object through its queue. */
export interface ObjectQueue {
  /**
   * Applies `mutate` in this process's next turn on the object. Calls made while that turn
   * is awaited share it: their mutations apply in call order, in one write. `mutate` may
   * run more than once (when another client wrote meanwhile): it must be a pure function
   * of the object it is given. It must not await another `update` of this queue: that one
   * waits for the next turn, which waits for this one.
   */
  update(mutate: Mutation, options?: QueuedCallOptions): Promise<UpdateResult>;
}

interface Call {
  readonly mutate: Mutation;
  readonly options: QueuedCallOptions;
  readonly since: number;
  /** The error its mutation threw on the last application: it fails this call only. */
  failure?: { error: unknown };
}

/**
 * A process's queued writer for one object, combining: every call made while the process
 * waits for its turn joins that turn, so one turn carries all of them in one write (flat
 * combining). Writers in other processes take turns with it through the object's queue,
 * as {@link queuedUpdate}'s do.
 */
export function objectQueue(client: QueueClient, ref: ObjectRef, options: ObjectQueueOptions = {}): ObjectQueue {
  const now = () => (options.clock ?? Date).now();
  /** The turn this process waits for: calls made now join it. */
  let waiting: Turn | undefined;

  const startTurn = (): Turn => {
    const turn = { calls: [] as Call[], started: false, stop: new AbortController() };
    const combined: Mutation = (object) => {
      if (!turn.started) {
        turn.started = true;
        if (waiting === turn) waiting = undefined; // later calls wait for the next turn
        const at = now();
        for (const call of turn.calls) call.options.onQueued?.(call.since, at);
      }
      return applyAll(turn.calls, object);
    };
    const done = queuedUpdate(client, ref, combined, { ...options, signal: turn.stop.signal });
    done.catch(() => undefined); // each call hears of a failure through its own await
    return Object.assign(turn, { done });
  };

  return {
    async update(mutate, callOptions = {}) {
      const { signal } = callOptions;
      signal?.throwIfAborted();
      const turn = (waiting ??= startTurn());
      const left = Promise.withResolvers<never>();
      const call: Call = { mutate, options: callOptions, since: now() };
      turn.calls.push(call);
      // Before its turn a call can leave; once the turn has come, its fate follows the write.
      const leave = () => {
        if (turn.started) return;
        turn.calls.splice(turn.calls.indexOf(call), 1);
        if (turn.calls.length === 0) {
          if (waiting === turn) waiting = undefined;
          turn.stop.abort(signal?.reason);
        }
        left.reject(signal?.reason as Error);
      };
      signal?.addEventListener('abort', leave, { once: true });
      try {
        const result = await Promise.race([turn.done, left.promise]);
        if (call.failure) throw call.failure.error;
        return result;
      } finally {
        signal?.removeEventListener('abort', leave);
      }
    },
  };
}

interface Turn {
  readonly calls: Call[];
  started: boolean;
  readonly stop: AbortController;
  readonly done: Promise<UpdateResult>;
}

/** Applies each call's mutation to the result of the one before; one that throws is left out. */
async function applyAll(calls: readonly Call[], object: KubeObject): Promise<KubeObject | typeof noChange> {
  let current = object;
  let changed = false;
  for (const call of calls) {
    delete call.failure;
    try {
      const next = await mutated(call.mutate, current);
      if (next === noChange) continue;
      current = next;
      changed = true;
    } catch (error) {
      call.failure = { error };
    }
  }
  return changed ? current : noChange;
}

import { Backoff } from '../core/backoff.ts';
import type { Clock } from '../core/clock.ts';
import type { Random } from '../core/random.ts';
import type { ObjectClient, ObjectRef } from '../core/object.ts';
import { exactlyOnceOf } from '../update/operation-ids.ts';
import type { Mutation } from '../update/read-mutate-write.ts';
import { type CoalescedUpdate, type CoalescerCall, queuedCall, rejectAll } from './coalescer-call.ts';

export type { CoalescedUpdate } from './coalescer-call.ts';
import { CoalescerCycle, type CycleSettings } from './coalescer-cycle.ts';

/**
 * The coalescer's conflict schedule: 10 calls, sleeps growing ×1.5 from 10 ms with up to
 * 100 % additive jitter (about 0.75–1.5 s in all). More steps than `DefaultRetry`, because
 * giving up fails a whole batch of callers at once; full jitter, because the writers it
 * conflicts with are other processes, often running the same code in lockstep.
 */
export const DefaultCoalescerBackoff = new Backoff({ steps: 10, duration: 10, factor: 1.5, jitter: 1 });

export interface CoalescerOptions {
  /** The most calls one write carries: an integer ≥ 1. @default 100 */
  readonly maxBatch?: number;
  /** The retry schedule for stale-write conflicts. @default DefaultCoalescerBackoff */
  readonly backoff?: Backoff;
  /** The clock the backoff sleeps on. @default systemClock */
  readonly clock?: Clock;
  /** The jitter source, in [0, 1). @default Math.random */
  readonly random?: Random;
  /** Also retry 429, 5xx, timeouts and broken connections, as the update helpers' option. @default true with exactlyOnce */
  readonly retryTransient?: boolean;
  /**
   * Never apply a batch twice when a write's answer is lost: each cycle records an
   * operation id of its own, as the update helpers' `exactlyOnce`. @default false
   */
  readonly exactlyOnce?: boolean | { readonly history?: number };
}

export interface Coalescer {
  /**
   * Queues `mutate` and resolves once a write that includes it is stored. `mutate` may run
   * more than once (every conflict re-applies the batch): it must be a pure function of the
   * object it is given. It must not await another `update` of this coalescer (deadlock).
   */
  update(mutate: Mutation, options?: { readonly signal?: AbortSignal }): Promise<CoalescedUpdate>;
  /** Rejects every queued call, refuses new ones, and resolves once the cycle in flight ends. */
  close(): Promise<void>;
}

/**
 * Group commit for one object in one process: concurrent `update` calls are applied
 * together, in call order, in one read-modify-write, instead of each paying (and conflicting
 * on) a write of its own.
 *
 * - A cycle starts on a microtask when no cycle is running, so calls made in the same tick
 *   join; calls made while a write is in flight wait for the next cycle. A cycle takes up to
 *   `maxBatch` queued calls, oldest first.
 * - A cycle reads (plain GET), applies each mutation to a copy of the previous one's result,
 *   and, if the result differs as JSON, writes once (PUT with the resourceVersion read).
 * - A mutation that throws rejects its own caller only; the rest go on from the object
 *   before it. {@link noChange} leaves the object as it is.
 * - A stale-write conflict re-reads and re-applies the batch, per `backoff`. When retries run
 *   out, or any other error occurs, every call of the batch rejects with that error.
 * - An aborted call rejects with the signal's reason and is not applied, unless its write is
 *   already in flight: then it resolves if that write lands (its change did), and rejects
 *   with the reason if the write conflicts (it is left out of the retry).
 */
export function createCoalescer(client: ObjectClient, ref: ObjectRef, options: CoalescerOptions = {}): Coalescer {
  const { maxBatch = 100, backoff = DefaultCoalescerBackoff, clock, random } = options;
  // Checked here, not in the first cycle; each cycle then draws an operation id of its own.
  const retryingTransient = options.retryTransient ?? exactlyOnceOf(options.exactlyOnce) !== undefined;
  if (!Number.isInteger(maxBatch) || maxBatch < 1) {
    throw new RangeError(`maxBatch must be an integer ≥ 1; got ${String(maxBatch)}`);
  }
  const settings: CycleSettings = {
    client,
    ref,
    backoff,
    clock,
    random,
    retryingTransient,
    exactlyOnce: options.exactlyOnce,
  };
  let queue: CoalescerCall[] = [];
  let cycle: Promise<void> | undefined;
  let scheduled = false;
  let closed = false;

  const schedule = () => {
    if (scheduled || cycle !== undefined || queue.length === 0) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (cycle !== undefined || queue.length === 0) return;
      cycle = new CoalescerCycle(queue.splice(0, maxBatch), settings).run().finally(() => {
        cycle = undefined;
        schedule();
      });
    });
  };

  return {
    update(mutate, { signal } = {}) {
      if (closed) return Promise.reject(new Error(`the coalescer for ${describe(ref)} is closed`));
      if (signal?.aborted === true) return Promise.reject(signal.reason as Error);
      const { call, promise } = queuedCall(mutate, signal, (aborted) => {
        queue = queue.filter((queued) => queued !== aborted);
      });
      queue.push(call);
      schedule();
      return promise;
    },
    async close() {
      closed = true;
      const dropped = queue;
      queue = [];
      rejectAll(dropped, new Error(`the coalescer for ${describe(ref)} was closed before this update was applied`));
      await cycle;
    },
  };
}

const describe = (ref: ObjectRef) => `${ref.kind} ${ref.namespace === undefined ? '' : `${ref.namespace}/`}${ref.name}`;

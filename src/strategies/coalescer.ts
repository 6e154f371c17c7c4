import { Backoff } from '../core/backoff.ts';
import type { Clock } from '../core/clock.ts';
import { isStaleWriteConflict, isTransient } from '../core/errors/classify.ts';
import type { Random } from '../core/random.ts';
import { onError } from '../core/retry.ts';
import type { KubeObject, ObjectClient, ObjectRef } from '../core/object.ts';
import { LostWrite } from '../update/lost-write.ts';
import { exactlyOnceOf, OutcomeUnknownError, withOperationRecorded } from '../update/operation-ids.ts';
import { type Mutation, mutated, noChange, sameJson, withResourceVersionOf } from '../update/read-mutate-write.ts';

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

interface Call {
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
  let queue: Call[] = [];
  let cycle: Promise<void> | undefined;
  let scheduled = false;
  let closed = false;

  const settle = (call: Call, outcome: () => void) => {
    if (call.settled) return;
    call.settled = true;
    call.signal?.removeEventListener('abort', call.onAbort);
    outcome();
  };

  const schedule = () => {
    if (scheduled || cycle !== undefined || queue.length === 0) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (cycle !== undefined || queue.length === 0) return;
      cycle = run(queue.splice(0, maxBatch)).finally(() => {
        cycle = undefined;
        schedule();
      });
    });
  };

  async function run(batch: readonly Call[]): Promise<void> {
    const live = () => batch.filter((call) => !call.settled);
    let attempts = 0;
    /** Each cycle is one exactly-once operation: its own id, whatever its attempts. */
    const exactlyOnce = exactlyOnceOf(options.exactlyOnce);
    const lostWrite = exactlyOnce && new LostWrite(client, ref, exactlyOnce);
    /** The calls the lost write carried: their fate follows it. */
    let lostCarried: Call[] | undefined;
    /** Calls of the lost write whose mutation failed when applied again: they wait for its fate. */
    const held = new Map<Call, unknown>();
    const rejectHeld = () => {
      for (const [call, error] of held)
        settle(call, () => {
          call.reject(error);
        });
      held.clear();
    };
    try {
      const { object, written, carried } = await onError(
        backoff,
        (error) => isStaleWriteConflict(error) || (retryingTransient && isTransient(error)),
        async () => {
          attempts++;
          // Every call aborted during a backoff sleep: nothing left to read or write for.
          if (live().length === 0) return { object: {}, written: false, carried: [] };
          const current = await client.read(ref);
          if (lostWrite) {
            const outcome = await lostWrite.judge(current, undefined);
            // The cycle's id is on the object: the lost write carried exactly the calls waiting on it.
            if (outcome === 'landed') return { object: current, written: true, carried: lostCarried ?? live() };
            if (outcome === 'not-landed') {
              rejectHeld();
              for (const call of lostCarried ?? []) {
                call.inWrite = false; // it cannot land: an abort meanwhile now counts
                if (call.signal?.aborted === true) call.onAbort();
              }
              lostCarried = undefined;
            }
            if (live().length === 0) return { object: current, written: false, carried: [] };
          }
          let next: KubeObject;
          let carried: Call[];
          do {
            next = current;
            carried = [];
            for (const call of live()) {
              let changed: unknown;
              try {
                // A mutation that returns no object fails its caller, not the batch.
                changed = await mutated(call.mutate, next);
              } catch (error) {
                // Its change may yet land with the lost write: its fate waits for that one.
                if (lostCarried?.includes(call)) held.set(call, error);
                else
                  settle(call, () => {
                    call.reject(error);
                  });
                continue;
              }
              if (call.settled) continue; // aborted while its mutation ran
              if (changed !== noChange) next = changed as KubeObject;
              carried.push(call);
            }
            // A call aborted before the write goes out must not land: apply again without it.
          } while (carried.some((call) => call.settled));
          if (carried.length === 0 || sameJson(next, current)) {
            lostWrite?.nothingToWrite();
            return { object: current, written: false, carried };
          }
          for (const call of carried) call.inWrite = true;
          const toWrite = exactlyOnce ? withOperationRecorded(next, exactlyOnce) : next;
          try {
            const stored = await client.replace(withResourceVersionOf(toWrite, current));
            return { object: stored, written: true, carried };
          } catch (error) {
            if (lostWrite?.failed(current, error)) {
              // It may have landed: the next read decides, and these calls wait for it. A lost
              // write still pending was made on the same record and carried these calls too.
              lostCarried ??= carried;
              throw error;
            }
            for (const call of carried) {
              if (lostCarried?.includes(call)) continue; // its fate follows the lost write
              call.inWrite = false;
              if (call.signal?.aborted === true && isStaleWriteConflict(error)) call.onAbort();
            }
            throw error;
          }
        },
        { clock, random },
      );
      const result = { object, written, batchSize: batch.length, attempts };
      for (const call of carried) {
        settle(call, () => {
          call.resolve(result);
        });
      }
    } catch (error) {
      let failure = error;
      if (lostWrite?.open === true && lostCarried) {
        // A write's fate is open: one more read settles what it can, as the helpers do.
        try {
          const object = await lostWrite.settle(error, undefined);
          const result = { object, written: true, batchSize: batch.length, attempts };
          for (const call of lostCarried)
            settle(call, () => {
              call.resolve(result);
            });
        } catch (settled) {
          failure = settled;
          if (!(settled instanceof OutcomeUnknownError)) rejectHeld(); // it cannot land
        }
      }
      for (const call of live()) {
        settle(call, () => {
          call.reject(failure);
        });
      }
    }
  }

  return {
    update(mutate, { signal } = {}) {
      if (closed) return Promise.reject(new Error(`the coalescer for ${describe(ref)} is closed`));
      if (signal?.aborted === true) return Promise.reject(signal.reason as Error);
      const { promise, resolve, reject } = Promise.withResolvers<CoalescedUpdate>();
      const call: Call = {
        mutate,
        signal,
        resolve,
        reject,
        settled: false,
        inWrite: false,
        onAbort: () => {
          if (call.inWrite) return;
          queue = queue.filter((queued) => queued !== call);
          settle(call, () => {
            reject(signal?.reason);
          });
        },
      };
      signal?.addEventListener('abort', call.onAbort, { once: true });
      queue.push(call);
      schedule();
      return promise;
    },
    async close() {
      closed = true;
      const dropped = queue;
      queue = [];
      const error = new Error(`the coalescer for ${describe(ref)} was closed before this update was applied`);
      for (const call of dropped) {
        settle(call, () => {
          call.reject(error);
        });
      }
      await cycle;
    },
  };
}

const describe = (ref: ObjectRef) => `${ref.kind} ${ref.namespace === undefined ? '' : `${ref.namespace}/`}${ref.name}`;

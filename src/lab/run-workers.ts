import type { Backoff } from '../core/backoff.ts';
import { seededRandom } from '../core/random.ts';
import type { LabClient, LabObjectRef } from './lab-object.ts';
import type { LabStrategy, WorkerResult } from './strategies.ts';
import { Timeline } from './timeline.ts';

export interface WorkerBatch {
  readonly strategy: LabStrategy;
  readonly client: LabClient;
  readonly ref: LabObjectRef;
  readonly backoff: Backoff;
  readonly deadlineMs: number;
  readonly exactlyOnce: boolean;
  /** Worker numbers this batch runs (all of them in one process, a share in several). */
  readonly workers: readonly number[];
  readonly seed: number;
  readonly timeline: Timeline;
  readonly signal: AbortSignal;
  readonly onWorkerDone?: (result: WorkerResult) => void;
}

/** Runs the batch's workers concurrently, from the same instant. */
export function runWorkers(batch: WorkerBatch): Promise<WorkerResult[]> {
  const shared = new Map<string, unknown>();
  return Promise.all(
    batch.workers.map(async (worker) => {
      const result = await batch.strategy.run({
        worker,
        client: batch.client,
        ref: batch.ref,
        timeline: batch.timeline,
        backoff: batch.backoff,
        deadlineMs: batch.deadlineMs,
        exactlyOnce: batch.exactlyOnce,
        shared,
        // One replayable random stream per worker, whatever process runs it.
        random: seededRandom((batch.seed + worker * 7919) | 0),
        signal: batch.signal,
      });
      batch.onWorkerDone?.(result);
      return result;
    }),
  );
}

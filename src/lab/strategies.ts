import { Backoff } from '../core/backoff.ts';
import { isConflict } from '../core/errors/classify.ts';
import { KubeApiError } from '../core/errors/kube-api-error.ts';
import type { Random } from '../core/random.ts';
import { retryOnConflict } from '../core/retry.ts';
import { counterOf, type LabClient, type LabObjectRef, withCounter } from './lab-object.ts';
import type { Timeline } from './timeline.ts';

/** What one worker did. */
export interface WorkerResult {
  readonly worker: number;
  readonly succeeded: boolean;
  /** Read-modify-write attempts (each is one GET and one PUT). */
  readonly attempts: number;
  readonly conflicts: number;
  readonly requests: number;
  /** From the worker's start to its successful write, ms; undefined when it failed. */
  readonly latencyMs: number | undefined;
  /** Why it failed, when that was not a conflict: what the server or the network said. */
  readonly error?: string;
}

export interface WorkerContext {
  readonly worker: number;
  readonly client: LabClient;
  readonly ref: LabObjectRef;
  readonly timeline: Timeline;
  readonly backoff: Backoff;
  readonly random: Random;
  readonly signal: AbortSignal;
}

/** A way to do the increment; `promisesCorrectness` strategies must end at the expected value. */
export interface LabStrategy {
  readonly name: string;
  readonly summary: string;
  readonly promisesCorrectness: boolean;
  run(context: WorkerContext): Promise<WorkerResult>;
}

interface Tally {
  attempts: number;
  conflicts: number;
  requests: number;
}

/** One GET, +1, one PUT; with `keepResourceVersion` false the write is unconditional. */
async function readModifyWrite(context: WorkerContext, tally: Tally, keepResourceVersion: boolean): Promise<void> {
  const { client, ref, timeline, worker } = context;
  tally.attempts++;
  tally.requests++;
  const current = await timeline.time(worker, 'get', () => client.read());
  let next = withCounter(current, ref, counterOf(current, ref) + 1);
  if (!keepResourceVersion) next = { ...next, metadata: { ...next.metadata, resourceVersion: undefined } };
  tally.requests++;
  const started = timeline.now();
  try {
    await client.replace(next);
    timeline.add(worker, 'put', started);
  } catch (error) {
    timeline.add(worker, isConflict(error) ? 'conflict' : 'put', started);
    if (isConflict(error)) tally.conflicts++;
    throw error;
  }
}

async function runWorker(context: WorkerContext, body: (tally: Tally) => Promise<void>): Promise<WorkerResult> {
  const tally: Tally = { attempts: 0, conflicts: 0, requests: 0 };
  const started = context.timeline.now();
  try {
    await body(tally);
    const end = context.timeline.now();
    context.timeline.add(context.worker, 'success', end, end);
    return { worker: context.worker, succeeded: true, ...tally, latencyMs: end - started };
  } catch (error) {
    const end = context.timeline.now();
    context.timeline.add(context.worker, 'failure', end, end);
    return {
      worker: context.worker,
      succeeded: false,
      ...tally,
      latencyMs: undefined,
      ...(!isConflict(error) && { error: describeError(error, context.ref) }),
    };
  }
}

export const naive: LabStrategy = {
  name: 'naive',
  summary: 'GET, +1, PUT with the resourceVersion read; a 409 ends the worker',
  promisesCorrectness: false,
  run: (context) => runWorker(context, (tally) => readModifyWrite(context, tally, true)),
};

export const blind: LabStrategy = {
  name: 'blind',
  summary: 'GET, +1, PUT without resourceVersion: never a 409, increments silently lost',
  promisesCorrectness: false,
  run: (context) => runWorker(context, (tally) => readModifyWrite(context, tally, false)),
};

export const retry: LabStrategy = {
  name: 'retry',
  summary: "naive inside retryOnConflict (client-go's RetryOnConflict semantics, the backoff given)",
  promisesCorrectness: true,
  run: (context) =>
    runWorker(context, (tally) =>
      retryOnConflict(context.backoff, () => readModifyWrite(context, tally, true), {
        random: context.random,
        signal: context.signal,
        onRetry: ({ delay }) => {
          const now = context.timeline.now();
          context.timeline.add(context.worker, 'sleep', now, now + delay);
        },
      }),
    ),
};

export const strategies: readonly LabStrategy[] = [naive, blind, retry];

export function strategyNamed(name: string): LabStrategy | undefined {
  return strategies.find((strategy) => strategy.name === name);
}

/** A failure as a person reads it: the server's Status with the request, or the error message. */
export function describeError(error: unknown, ref: LabObjectRef, verb = 'update'): string {
  const resource = ref.kind === 'deployment' ? 'deployments.apps' : 'configmaps';
  const apiError = KubeApiError.from(error, { verb, resource, namespace: ref.namespace, name: ref.name });
  if (apiError) return apiError.message;
  return error instanceof Error ? error.message : String(error);
}

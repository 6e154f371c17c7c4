import { type Backoff, DefaultRetry } from '../core/backoff.ts';
import { isConflict, isStaleWriteConflict, isTransient } from '../core/errors/classify.ts';
import { KubeApiError } from '../core/errors/kube-api-error.ts';
import type { Random } from '../core/random.ts';
import { onError, type RetryOptions, retryOnConflict } from '../core/retry.ts';
import { adaptiveUpdate } from '../strategies/adaptive.ts';
import { createCoalescer } from '../strategies/coalescer.ts';
import { objectQueue } from '../strategies/queue/queue-handle.ts';
import type { KubeObject } from '../core/object.ts';
import { applyObject } from '../update/apply-object.ts';
import { jsonPatchWithRetry, mergePatchWithRetry } from '../update/patch-with-retry.ts';
import { OutcomeUnknownError } from '../update/operation-ids.ts';
import type { UpdateOptions } from '../update/read-mutate-write.ts';
import { updateWithRetry } from '../update/update-with-retry.ts';
import { counterOf, type LabClient, type LabObjectRef, withCounter } from './lab-object.ts';
import { phaseRecorder, type Timeline } from './timeline.ts';
import { emptyTally, type Tally, type WorkerClient, workerClient } from './worker-client.ts';

/** What one worker did. */
export interface WorkerResult {
  readonly worker: number;
  readonly succeeded: boolean;
  /** Writes tried (read-modify-write cycles, patches, applies). */
  readonly attempts: number;
  readonly conflicts: number;
  readonly requests: number;
  /** Failures other than conflicts the worker met, by kind. */
  readonly faults: Record<string, number>;
  /** Requests sent again after a failure, by the failure's kind. */
  readonly retries: Record<string, number>;
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
  /** The lab's backoff flags: the schedule of `backoff` and the patch and apply strategies. */
  readonly backoff: Backoff;
  /** How long `adaptive` keeps trying, ms. */
  readonly deadlineMs: number;
  /** Whether the update helpers' strategies record operation ids (`--exactly-once`). */
  readonly exactlyOnce: boolean;
  readonly random: Random;
  readonly signal: AbortSignal;
  /** One per strategy run and process: what workers of one process share (the coalescer). */
  readonly shared: Map<string, unknown>;
}

/** A way to do the increment; `promisesCorrectness` strategies must end at the expected value. */
export interface LabStrategy {
  readonly name: string;
  readonly summary: string;
  readonly promisesCorrectness: boolean;
  run(context: WorkerContext): Promise<WorkerResult>;
}

/** Runs one worker's increment, counting its requests and drawing its lane. */
function strategy(
  name: string,
  summary: string,
  promisesCorrectness: boolean,
  increment: (client: WorkerClient, context: WorkerContext, tally: Tally) => Promise<unknown>,
): LabStrategy {
  return {
    name,
    summary,
    promisesCorrectness,
    run: async (context) => {
      const { timeline, worker } = context;
      const tally = emptyTally();
      const client = workerClient(context.client.objects, worker, timeline, tally);
      const started = timeline.now();
      try {
        await increment(client, context, tally);
        const end = timeline.now();
        timeline.add(worker, 'success', end, end);
        return { worker, succeeded: true, ...tally, latencyMs: end - started };
      } catch (error) {
        const end = timeline.now();
        timeline.add(worker, 'failure', end, end);
        // Lost races and faults are what the lab measures; anything else stops the run.
        const measured =
          isConflict(error) ||
          isTransient(error) ||
          error instanceof OutcomeUnknownError ||
          (error instanceof DOMException && error.name === 'TimeoutError');
        const failure = { worker, succeeded: false, ...tally, latencyMs: undefined };
        return measured ? failure : { ...failure, error: describeError(error, context.ref) };
      }
    },
  };
}

const plusOne = (ref: LabObjectRef) => (object: KubeObject) => withCounter(object, ref, counterOf(object, ref) + 1);

/** One GET, +1, one PUT; with `keepResourceVersion` false the write is unconditional. */
async function readModifyWrite(client: WorkerClient, context: WorkerContext, keepResourceVersion: boolean) {
  const next = plusOne(context.ref)(await client.read(context.client.objectRef));
  const { resourceVersion, ...metadata } = next.metadata ?? {};
  await client.replace(keepResourceVersion ? next : { ...next, metadata }, context.signal);
  return resourceVersion;
}

/**
 * The update helpers' options for the strategies built on them: the backoff flags, and
 * faults (429, 5xx, timeouts, resets) retried as conflicts are; with `--exactly-once`,
 * each increment carries an operation id so a retried one that had landed is not redone.
 */
const helperOptions = (context: WorkerContext): UpdateOptions => ({
  backoff: context.backoff,
  retryTransient: true,
  exactlyOnce: context.exactlyOnce,
  ...retryOptions(context),
});

/** The retry options every retrying strategy passes: sleeps drawn on the lane. */
const retryOptions = (context: WorkerContext): RetryOptions => ({
  random: context.random,
  signal: context.signal,
  onRetry: ({ delay }) => {
    const now = context.timeline.now();
    context.timeline.add(context.worker, 'sleep', now, now + delay);
  },
});

export const strategies: readonly LabStrategy[] = [
  strategy('naive', 'GET, +1, PUT with the resourceVersion read; a 409 ends the worker', false, (client, context) =>
    readModifyWrite(client, context, true),
  ),
  strategy(
    'blind',
    'GET, +1, PUT without resourceVersion: never a 409, increments silently lost',
    false,
    (client, context) => readModifyWrite(client, context, false),
  ),
  strategy('retry', "naive inside client-go's RetryOnConflict(DefaultRetry), exactly", true, (client, context) =>
    retryOnConflict(DefaultRetry, () => readModifyWrite(client, context, true), retryOptions(context)),
  ),
  strategy(
    'backoff',
    'updateWithRetry: GET, +1, PUT, retried with the backoff flags (default: 30 steps, 10 ms, x1.5, jitter 1)',
    true,
    (client, context) =>
      updateWithRetry(client, context.client.objectRef, plusOne(context.ref), helperOptions(context)),
  ),
  strategy(
    'merge-patch',
    'GET, +1, merge patch with the resourceVersion as precondition; backoff flags',
    true,
    (client, context) =>
      mergePatchWithRetry(client, context.client.objectRef, plusOne(context.ref), helperOptions(context)),
  ),
  strategy(
    'json-patch',
    'GET, +1, JSON patch guarded by a test of the label read; backoff flags',
    true,
    (client, context) =>
      jsonPatchWithRetry(client, context.client.objectRef, plusOne(context.ref), helperOptions(context)),
  ),
  strategy(
    'apply',
    'GET, forced server-side apply of label+1 with the resourceVersion as precondition; backoff flags',
    true,
    (client, context) =>
      onError(
        context.backoff,
        (error) => isStaleWriteConflict(error) || isTransient(error),
        async () => {
          const current = await client.read(context.client.objectRef);
          const { apiVersion, kind } = current;
          const metadata = {
            name: context.ref.name,
            namespace: context.ref.namespace,
            labels: { [context.ref.label]: String(counterOf(current, context.ref) + 1) },
          };
          const resourceVersion = current.metadata?.resourceVersion;
          return applyObject(
            client,
            { apiVersion, kind, metadata },
            {
              fieldManager: 'kubeconflict-lab',
              // The workers are the label's one authority: they take it over from whoever
              // wrote it last; the resourceVersion precondition keeps that from losing updates.
              force: true,
              ...(resourceVersion !== undefined && { resourceVersion }),
            },
          );
        },
        retryOptions(context),
      ),
  ),
  strategy(
    'adaptive',
    'reads and writes at once; after a conflict watches instead of reading and defers to rivals, window sized by contention seen; bounded by --deadline',
    true,
    (client, context) => {
      // One shared read, turn and watch per process, as writers sharing a client share them; counted on the first worker.
      const watch = perProcess(context, 'watch', () => client.watch);
      return adaptiveUpdate({ ...client, watch }, context.client.objectRef, plusOne(context.ref), {
        signal: context.signal,
        timeout: context.deadlineMs,
        random: context.random,
        retryTransient: true,
        exactlyOnce: context.exactlyOnce,
        onPhase: phaseRecorder(context.timeline, context.worker),
      });
    },
  ),
  strategy(
    'queue',
    "processes take turns through the object's queue (a Lease each, woken by a filtered watch); a process's increments share its turn",
    true,
    async (client, context, tally) => {
      // As with coalesce, the first worker of a process makes the shared writer: its lane shows the turns.
      const queue = perProcess(context, 'queue', () =>
        objectQueue(client, context.client.objectRef, {
          timeout: context.deadlineMs,
          retryTransient: true,
          exactlyOnce: context.exactlyOnce,
        }),
      );
      const queued = phaseRecorder(context.timeline, context.worker);
      const result = await queue.update(plusOne(context.ref), {
        signal: context.signal,
        onQueued: (startMs, endMs) => {
          queued('queued', startMs, endMs);
        },
      });
      if (tally.attempts === 0) tally.attempts = result.attempts;
    },
  ),
  strategy(
    'coalesce',
    "one process's concurrent increments grouped into one write (group commit)",
    true,
    async (client, context, tally) => {
      // The first worker of a process makes the shared writer: its lane shows the batches.
      const coalescer = perProcess(context, 'coalescer', () =>
        createCoalescer(client, context.client.objectRef, {
          random: context.random,
          retryTransient: true,
          exactlyOnce: context.exactlyOnce,
        }),
      );
      const result = await coalescer.update(plusOne(context.ref), { signal: context.signal });
      if (tally.attempts === 0) tally.attempts = result.attempts;
    },
  ),
];

/** What the workers of one process share, made by the first that asks for it. */
function perProcess<T>(context: WorkerContext, key: string, make: () => T): T {
  if (!context.shared.has(key)) context.shared.set(key, make());
  return context.shared.get(key) as T;
}

export function strategyNamed(name: string): LabStrategy | undefined {
  return strategies.find((candidate) => candidate.name === name);
}

/** A failure as a person reads it: the server's Status with the request, or the error message. */
export function describeError(error: unknown, ref: LabObjectRef, verb = 'update'): string {
  const resource = ref.kind === 'deployment' ? 'deployments.apps' : 'configmaps';
  // The client records the request it really sent (a patch, say); `verb` is only a fallback.
  const recorded = KubeApiError.from(error);
  const apiError = recorded?.request
    ? recorded
    : KubeApiError.from(error, { verb, resource, namespace: ref.namespace, name: ref.name });
  if (apiError) return apiError.message;
  return error instanceof Error ? error.message : String(error);
}

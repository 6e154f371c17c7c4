import type { KubeConfig } from '@kubernetes/client-node';
import { Backoff } from '../core/backoff.ts';
import { classify, isNotFound } from '../core/errors/classify.ts';
import { onError } from '../core/retry.ts';
import { labClient } from './lab-client.ts';
import { counterOf, LabInputError, type LabClient, type LabObjectRef } from './lab-object.ts';
import { type Measures, measure } from './measures.ts';
import { runWorkers } from './run-workers.ts';
import { describeError, type LabStrategy, type WorkerResult } from './strategies.ts';
import { Timeline, type TimelineEvent } from './timeline.ts';
import { runInProcesses } from './worker-processes.ts';

/**
 * What the lab needs of a server's fault injector (the embedded server's `faultInjector`): an
 * on/off switch, so that set-up and checks run clean, and the faults injected so far, by kind.
 */
export interface FaultSwitch {
  active: boolean;
  counts(): Readonly<Record<string, number>>;
}

export interface LabOptions {
  readonly kubeConfig: KubeConfig;
  readonly ref: LabObjectRef;
  readonly workers: number;
  readonly start: number;
  readonly strategies: readonly LabStrategy[];
  readonly backoff: Backoff;
  /** How long the `adaptive` strategy keeps trying, ms. */
  readonly deadlineMs: number;
  /** The update helpers' strategies record operation ids (`--exactly-once`). @default false */
  readonly exactlyOnce?: boolean;
  /** How long a request may go without an answer before it fails as a timeout, ms. @default 30000 */
  readonly requestTimeoutMs?: number;
  /** The server's fault injector (`--faults`): switched on only while workers run. */
  readonly faults?: FaultSwitch;
  readonly seed: number;
  /** Spread workers over this many OS processes (1: all in this one). */
  readonly processes: number;
  /** Leave the object in place after the last strategy. */
  readonly keep: boolean;
  /** Use an existing object (its current value is the start); otherwise one is created. */
  readonly reuse: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: LabProgress) => void;
}

export interface LabProgress {
  readonly strategy: string;
  readonly strategyIndex: number;
  readonly strategies: number;
  readonly workersDone: number;
  readonly workers: number;
}

/** One strategy's run: what happened and what it measured. */
export interface StrategyRun {
  readonly strategy: string;
  readonly summary: string;
  readonly promisesCorrectness: boolean;
  /** final = expected, nothing lost or duplicated, no worker failed. */
  readonly correct: boolean;
  readonly measures: Measures;
  readonly timeline: readonly TimelineEvent[];
  /** Timeline events left out past 100,000 (the measures count everything). */
  readonly timelineDropped: number;
}

/** Stops a run: the environment refused (auth, missing namespace, network), not contention. */
export class LabRunError extends Error {
  override readonly name = 'LabRunError';
}

/**
 * Runs each strategy on a fresh copy of the object (or the reused one): all workers
 * released at once, then the final value read back and the measures (docs/LAB.md) taken.
 * The object is deleted afterwards unless `keep`, also when the run fails or is aborted.
 */
export async function runLab(options: LabOptions): Promise<{ serialBoundMs: number; runs: StrategyRun[] }> {
  const { kubeConfig, ref, workers } = options;
  const client = labClient(kubeConfig, ref, { requestTimeoutMs: options.requestTimeoutMs ?? 30_000 });
  if (options.faults) options.faults.active = false;
  let serialBoundMs: number | undefined;
  const runs: StrategyRun[] = [];
  for (const [index, strategy] of options.strategies.entries()) {
    options.signal?.throwIfAborted();
    const last = index === options.strategies.length - 1;
    const start = options.reuse ? await readCounter(client, ref) : await createObject(client, ref, options.start);
    try {
      // Measured once the object itself is known to work, so errors name it, not the scratch one.
      serialBoundMs ??= (await measureOneCycle(kubeConfig, ref, options.start)) * workers;
      runs.push(await runStrategy(options, client, strategy, index, start, serialBoundMs));
    } finally {
      if (!options.reuse && !(options.keep && last)) await client.delete().catch(() => undefined);
    }
  }
  return { serialBoundMs: serialBoundMs ?? 0, runs };
}

async function readCounter(client: LabClient, ref: LabObjectRef): Promise<number> {
  try {
    return counterOf(await client.read(), ref);
  } catch (error) {
    if (error instanceof LabInputError) throw error;
    if (classify(error) === 'NotFound') {
      throw new LabInputError(
        `--reuse: ${ref.kind} ${ref.namespace}/${ref.name} does not exist; drop --reuse to create it`,
      );
    }
    throw new LabRunError(
      `could not read ${ref.kind} ${ref.namespace}/${ref.name}: ${describeError(error, ref, 'get')}`,
    );
  }
}

async function runStrategy(
  options: LabOptions,
  client: LabClient,
  strategy: LabStrategy,
  strategyIndex: number,
  start: number,
  serialBoundMs: number,
): Promise<StrategyRun> {
  const { ref, workers } = options;
  const timeline = new Timeline();
  const controller = new AbortController();
  const abort = () => {
    controller.abort(options.signal?.reason);
  };
  options.signal?.addEventListener('abort', abort, { once: true });
  let done = 0;
  const progress = () => {
    options.onProgress?.({
      strategy: strategy.name,
      strategyIndex,
      strategies: options.strategies.length,
      workersDone: done,
      workers,
    });
  };
  progress();
  // Connections are opened before the release, so that workers start together rather
  // than one TLS handshake apart, and handshakes stay out of the measured wall time.
  if (options.processes === 1) await Promise.all(Array.from({ length: Math.min(workers, 64) }, () => client.read()));
  let released = timeline.now();
  let results: WorkerResult[];
  const injectedBefore = options.faults?.counts();
  // From the release on: worker processes connect and warm up clean, as one process does.
  const release = () => {
    released = timeline.now();
    if (options.faults) options.faults.active = true;
  };
  try {
    results = await launchWorkers(options, client, strategy, timeline, controller.signal, release, () => {
      done++;
      progress();
    });
  } finally {
    if (options.faults) options.faults.active = false;
    options.signal?.removeEventListener('abort', abort);
  }
  const injected = options.faults && injectedBefore && difference(options.faults.counts(), injectedBefore);
  const wallMs = timeline.now() - released;
  options.signal?.throwIfAborted();
  const refused = results.find((result) => result.error !== undefined);
  if (refused?.error !== undefined) throw new LabRunError(`strategy ${strategy.name}: ${refused.error}`);
  const final = counterOf(await client.read(), ref);
  const measured = { results, start, final, wallMs, serialBoundMs, injected };
  return strategyRun(strategy, measured, timeline, released);
}

/** Workers released in this process, or spread over worker processes (`--processes`). */
function launchWorkers(
  options: LabOptions,
  client: LabClient,
  strategy: LabStrategy,
  timeline: Timeline,
  signal: AbortSignal,
  release: () => void,
  onWorkerDone: () => void,
): Promise<WorkerResult[]> {
  if (options.processes > 1) {
    return runInProcesses({
      ...options,
      exactlyOnce: options.exactlyOnce ?? false,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      strategy,
      timeline,
      onReady: release,
    });
  }
  release();
  return runWorkers({
    strategy,
    client,
    ref: options.ref,
    backoff: options.backoff,
    deadlineMs: options.deadlineMs,
    exactlyOnce: options.exactlyOnce ?? false,
    workers: Array.from({ length: options.workers }, (_, w) => w),
    seed: options.seed,
    timeline,
    signal,
    onWorkerDone,
  });
}

/** The run's measures and verdict, with its timeline in ms from the release. */
function strategyRun(
  strategy: LabStrategy,
  measured: Omit<Parameters<typeof measure>[0], 'timeline' | 'timelineDropped'>,
  timeline: Timeline,
  released: number,
): StrategyRun {
  const events = timeline.events.map((e) => ({ ...e, start: round(e.start - released), end: round(e.end - released) }));
  const measures = measure({ ...measured, timeline: events, timelineDropped: timeline.dropped });
  const correct =
    measures.final === measures.expected &&
    measures.lostUpdates === 0 &&
    measures.duplicatedUpdates === 0 &&
    measures.failed === 0;
  return {
    strategy: strategy.name,
    summary: strategy.summary,
    promisesCorrectness: strategy.promisesCorrectness,
    correct,
    measures,
    timeline: events,
    timelineDropped: timeline.dropped,
  };
}

/** A created object may be NotFound to a read for a moment: read again every 100 ms, 51 reads in all (5 s). */
const readableBackoff = new Backoff({ duration: 100, steps: 51 });

/** Creates the object at `start`, never overwriting one that exists; waits until it reads back. */
async function createObject(client: LabClient, ref: LabObjectRef, start: number): Promise<number> {
  try {
    await client.create(start);
  } catch (error) {
    const kind = classify(error);
    if (kind === 'AlreadyExists') {
      throw new LabInputError(
        `${ref.kind} ${ref.namespace}/${ref.name} already exists; the lab never overwrites an object: pass --reuse to count in it, or --name to use another`,
      );
    }
    if (kind === 'NotFound')
      throw new LabInputError(`namespace ${ref.namespace} does not exist; create it or pass -n with another`);
    throw new LabRunError(
      `could not create ${ref.kind} ${ref.namespace}/${ref.name}: ${describeError(error, ref, 'create')}`,
    );
  }
  // Waits for what is needed (the object readable), not for time.
  return counterOf(await onError(readableBackoff, isNotFound, () => client.read()), ref);
}

/** One uncontended GET+PUT on a scratch object, the median of five: the serial bound's unit. */
async function measureOneCycle(kubeConfig: KubeConfig, ref: LabObjectRef, start: number): Promise<number> {
  const scratchRef = { ...ref, name: `${ref.name}-serial-bound`.slice(0, 253) };
  const scratch = labClient(kubeConfig, scratchRef);
  let created = false;
  try {
    await createObject(scratch, scratchRef, start);
    created = true;
    const cycles: number[] = [];
    for (let i = 0; i < 5; i++) {
      const began = performance.now();
      const object = await scratch.read();
      const labels = { ...object.metadata?.labels, [ref.label]: String(start + i + 1) };
      await scratch.replace({ ...object, metadata: { ...object.metadata, labels } });
      cycles.push(performance.now() - began);
    }
    return cycles.sort((a, b) => a - b)[2] ?? 0;
  } catch (error) {
    // The user named another object: say what this one is for, and what the lab needs.
    const why =
      error instanceof LabRunError || error instanceof LabInputError ? error.message : describeError(error, scratchRef);
    throw new LabRunError(
      `could not time one uncontended GET+PUT on the lab's scratch ${ref.kind} ${scratchRef.namespace}/${scratchRef.name} (the lab needs get, create, update and delete there): ${why}`,
    );
  } finally {
    // Only what the lab made is deleted: an object of that name it did not create stays.
    if (created) await scratch.delete().catch(() => undefined);
  }
}

/** Counts of `after` less those of `before`, key by key: what one strategy's run added. */
function difference(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(after).map(([key, value]) => [key, value - (before[key] ?? 0)]));
}

const round = (value: number) => Math.round(value * 100) / 100;

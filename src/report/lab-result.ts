import type { Backoff, BackoffOptions } from '../core/backoff.ts';
import type { LabObjectRef } from '../lab/lab-object.ts';
import type { StrategyRun } from '../lab/run-lab.ts';

/**
 * The lab's result, as `--json` writes it and the HTML report embeds it. Stable: fields
 * are only ever added; a change of meaning gets a new `schema`. Documented in docs/LAB.md.
 */
export interface LabResult {
  readonly schema: 'kubeconflict.lab/v1';
  readonly startedAt: string;
  readonly target: {
    readonly kind: 'embedded' | 'apiserver' | 'kubeconfig';
    readonly server: string;
    readonly context?: string;
  };
  readonly object: LabObjectRef;
  readonly workers: number;
  readonly start: number;
  readonly processes: number;
  readonly seed: number;
  /** The backoff flags: the schedule of the backoff, merge-patch, json-patch and apply strategies. */
  readonly backoff: Required<BackoffOptions>;
  /** How long `adaptive` keeps trying, ms. */
  readonly deadlineMs: number;
  /** How long a request may go without an answer before it fails as a timeout, ms. */
  readonly requestTimeoutMs: number;
  /** Whether the update helpers' strategies recorded operation ids (`--exactly-once`). */
  readonly exactlyOnce: boolean;
  /** The embedded server's fault injection (`--faults`), seeded by `seed`; absent when off. */
  readonly faults?: { readonly rate: number };
  /** workers × one uncontended GET+PUT, measured in this run. */
  readonly serialBoundMs: number;
  /** Every strategy that promises correctness ended correct. */
  readonly correct: boolean;
  readonly strategies: readonly StrategyRun[];
}

/** What a lab run was asked for and what it found: the makings of its LabResult. */
export interface LabRun {
  readonly startedAt: string;
  readonly target: LabResult['target'];
  readonly object: LabObjectRef;
  readonly workers: number;
  /** The start asked for; a reused object's own value, as the runs measured it, wins. */
  readonly start: number;
  readonly processes: number;
  readonly seed: number;
  readonly backoff: Backoff;
  readonly deadlineMs: number;
  readonly requestTimeoutMs: number;
  readonly exactlyOnce: boolean;
  /** The share of requests the embedded server faulted; undefined when off. */
  readonly faultRate?: number;
  readonly serialBoundMs: number;
  readonly runs: readonly StrategyRun[];
}

/** The LabResult of a run: its settings as the reports show them, and the overall verdict. */
export function labResult(run: LabRun): LabResult {
  const { faultRate, runs } = run;
  return {
    schema: 'kubeconflict.lab/v1',
    startedAt: run.startedAt,
    target: run.target,
    object: run.object,
    workers: run.workers,
    start: runs[0]?.measures.start ?? run.start,
    processes: run.processes,
    seed: run.seed,
    backoff: run.backoff.toJSON(),
    deadlineMs: run.deadlineMs,
    requestTimeoutMs: run.requestTimeoutMs,
    exactlyOnce: run.exactlyOnce,
    ...(faultRate !== undefined && { faults: { rate: faultRate } }),
    serialBoundMs: run.serialBoundMs,
    correct: runs.every((each) => !each.promisesCorrectness || each.correct),
    strategies: runs,
  };
}

import type { BackoffOptions } from '../core/backoff.ts';
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

import type { WorkerResult } from './strategies.ts';
import { type TimeShares, timeShares } from './time-shares.ts';
import type { TimelineEvent } from './timeline.ts';

/** The measures of one strategy's run (defined in docs/LAB.md); the same names in text, JSON and HTML. */
export interface Measures {
  readonly workers: number;
  readonly start: number;
  readonly expected: number;
  readonly final: number;
  readonly missing: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly lostUpdates: number;
  readonly duplicatedUpdates: number;
  readonly conflicts: number;
  /** Failures other than conflicts the workers met, by kind (the transport's retried ones too). */
  readonly faults: Record<string, number>;
  /** Requests sent again after a failure, by the failure's kind. */
  readonly retries: Record<string, number>;
  /** Faults the embedded server injected during the run, by fault kind (`--faults`); null otherwise. */
  readonly injectedFaults: Record<string, number> | null;
  readonly requests: number;
  readonly requestsPerSuccess: number | null;
  /** attempts → number of workers that made that many. */
  readonly attemptsHistogram: Record<string, number>;
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number } | null;
  readonly wallMs: number;
  readonly serialBoundMs: number;
  readonly wallOverSerialBound: number;
  /**
   * % of worker-time spent waiting (waiting + deferring), requesting (get, put, conflict) and
   * sleeping; null when the timeline is empty or events were dropped (the shares would be wrong).
   */
  readonly timeShares: TimeShares | null;
}

export function measure(options: {
  results: readonly WorkerResult[];
  start: number;
  final: number;
  wallMs: number;
  serialBoundMs: number;
  injected?: Record<string, number> | undefined;
  /** The workers' timeline, and how many of its events were not kept. */
  timeline?: readonly TimelineEvent[];
  timelineDropped?: number;
}): Measures {
  const { results, start, final, wallMs, serialBoundMs } = options;
  const workers = results.length;
  const succeeded = results.filter((r) => r.succeeded).length;
  const applied = final - start;
  const requests = sum(results.map((r) => r.requests));
  const latencies = results.flatMap((r) => (r.latencyMs === undefined ? [] : [r.latencyMs])).sort((a, b) => a - b);
  const attemptsHistogram: Record<string, number> = {};
  for (const r of results) attemptsHistogram[String(r.attempts)] = (attemptsHistogram[String(r.attempts)] ?? 0) + 1;
  return {
    workers,
    start,
    expected: start + workers,
    final,
    missing: start + workers - final,
    succeeded,
    failed: workers - succeeded,
    lostUpdates: Math.max(0, succeeded - applied),
    duplicatedUpdates: Math.max(0, applied - succeeded),
    conflicts: sum(results.map((r) => r.conflicts)),
    faults: sumByKey(results.map((r) => r.faults)),
    retries: sumByKey(results.map((r) => r.retries)),
    injectedFaults: options.injected ?? null,
    requests,
    requestsPerSuccess: succeeded === 0 ? null : round(requests / succeeded),
    attemptsHistogram,
    latencyMs:
      latencies.length === 0
        ? null
        : {
            p50: round(percentile(latencies, 50)),
            p90: round(percentile(latencies, 90)),
            p99: round(percentile(latencies, 99)),
            max: round(latencies.at(-1) ?? 0),
          },
    wallMs: round(wallMs),
    serialBoundMs: round(serialBoundMs),
    wallOverSerialBound: serialBoundMs > 0 ? round(wallMs / serialBoundMs) : 0,
    timeShares: (options.timelineDropped ?? 0) > 0 ? null : timeShares(options.timeline ?? []),
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

function sumByKey(counts: readonly Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const count of counts) for (const [key, value] of Object.entries(count)) total[key] = (total[key] ?? 0) + value;
  return total;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const round = (value: number) => Math.round(value * 100) / 100;

// A LabResult made by hand, for the reports' tests: one run per given timeline, measured
// by the lab's own `measure`, every worker succeeding on a counter that ends correct.
import { measure } from '../../src/lab/measures.ts';
import type { StrategyRun } from '../../src/lab/run-lab.ts';
import type { TimelineEvent } from '../../src/lab/timeline.ts';
import type { LabResult } from '../../src/report/lab-result.ts';

export function strategyRunOf(strategy: string, timeline: readonly TimelineEvent[]): StrategyRun {
  const workers = [...new Set(timeline.map((event) => event.worker))].sort((a, b) => a - b);
  const results = workers.map((worker) => ({
    worker,
    succeeded: true,
    attempts: 1,
    conflicts: 0,
    requests: 2,
    faults: {},
    retries: {},
    latencyMs: Math.max(...timeline.filter((e) => e.worker === worker).map((e) => e.end)),
  }));
  const wallMs = Math.max(...timeline.map((event) => event.end));
  const measures = measure({ results, start: 0, final: workers.length, wallMs, serialBoundMs: wallMs, timeline });
  return {
    strategy,
    summary: `${strategy}, by hand`,
    promisesCorrectness: true,
    correct: true,
    measures,
    timeline,
    timelineDropped: 0,
  };
}

export function labResultOf(runs: readonly StrategyRun[]): LabResult {
  return {
    schema: 'kubeconflict.lab/v1',
    startedAt: '2026-01-01T00:00:00.000Z',
    target: { kind: 'embedded', server: 'https://127.0.0.1:1' },
    object: { kind: 'configmap', namespace: 'default', name: 'by-hand', label: 'counter' },
    workers: runs[0]?.measures.workers ?? 0,
    start: 0,
    processes: 1,
    seed: 1,
    backoff: { duration: 10, steps: 30, factor: 1.5, jitter: 1, cap: 0, jitterMode: 'additive' },
    deadlineMs: 30_000,
    requestTimeoutMs: 30_000,
    exactlyOnce: false,
    serialBoundMs: 1,
    correct: true,
    strategies: runs,
  };
}

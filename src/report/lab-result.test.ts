import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DefaultRetry } from '../core/backoff.ts';
import type { StrategyRun } from '../lab/run-lab.ts';
import type { TimelineEvent } from '../lab/timeline.ts';
import { strategyRunOf } from '../../test/support/lab-result-fixture.ts';
import { type LabRun, labResult } from './lab-result.ts';

const oneWorker: TimelineEvent[] = [{ worker: 0, kind: 'success', start: 5, end: 5 }];
const wrong = (run: StrategyRun): StrategyRun => ({ ...run, correct: false });
const labRun = (runs: readonly StrategyRun[], more: Partial<LabRun> = {}): LabRun => ({
  startedAt: '2026-01-01T00:00:00.000Z',
  target: { kind: 'embedded', server: 'https://127.0.0.1:1' },
  object: { kind: 'configmap', namespace: 'default', name: 'by-hand', label: 'counter' },
  workers: 1,
  start: 101,
  processes: 1,
  seed: 7,
  backoff: DefaultRetry,
  deadlineMs: 60_000,
  requestTimeoutMs: 30_000,
  exactlyOnce: false,
  serialBoundMs: 3,
  runs,
  ...more,
});

describe('labResult', () => {
  it('is correct only when every strategy that promises correctness ended correct', () => {
    const retry = strategyRunOf('retry', oneWorker);
    const naive = { ...wrong(strategyRunOf('naive', oneWorker)), promisesCorrectness: false };
    assert.equal(labResult(labRun([retry, naive])).correct, true, 'naive may end wrong');
    assert.equal(labResult(labRun([wrong(retry), naive])).correct, false);
  });

  it('the start is the one the runs measured (a reused object’s own value), else the one asked for', () => {
    assert.equal(labResult(labRun([strategyRunOf('retry', oneWorker)])).start, 0, 'the fixture counts from 0');
    assert.equal(labResult(labRun([])).start, 101);
  });

  it('the backoff as its options, faults only when on', () => {
    const result = labResult(labRun([]));
    assert.deepEqual(result.backoff, DefaultRetry.toJSON());
    assert.equal('faults' in result, false);
    assert.deepEqual(labResult(labRun([], { faultRate: 0.1 })).faults, { rate: 0.1 });
  });
});

// Replays what the real client-go did (test/vectors/client-go.json, written by
// tools/vectors from k8s.io/client-go v0.36.3) against kubeconflict's implementation.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ManualClock } from '../testing/manual-clock.ts';
import { nextDelay, type DelayState } from './delay.ts';
import { isAlreadyExists, isConflict, isNotFound, isTooManyRequests } from './errors/classify.ts';
import { onError, retryOnConflict } from './retry.ts';

interface BackoffVector {
  durationMs: number;
  factor: number;
  jitter: number;
  steps: number;
  capMs: number;
}
interface Vectors {
  step: { name: string; backoff: BackoffVector; results: { sleepMs: number; durationMs: number; steps: number }[] }[];
  retry: {
    name: string;
    function: 'RetryOnConflict' | 'OnErrorAlways';
    backoff: BackoffVector;
    outcomes: ('ok' | 'conflict' | 'notFound')[];
    calls: number;
    sleepsMs: number[];
    result: { kind: 'ok' } | { kind: 'error'; fromCall: number };
  }[];
  classify: {
    reason: string;
    code: number;
    causeTypes: string[];
    isConflict: boolean;
    isTooManyRequests: boolean;
    isNotFound: boolean;
    isAlreadyExists: boolean;
  }[];
}

const vectors = JSON.parse(
  readFileSync(new URL('../../test/vectors/client-go.json', import.meta.url), 'utf8'),
) as Vectors;

function stateOf(b: BackoffVector): DelayState {
  return {
    duration: b.durationMs,
    factor: b.factor,
    jitter: b.jitter,
    steps: b.steps,
    cap: b.capMs,
    jitterMode: 'additive',
    initial: b.durationMs,
    previousDelay: b.durationMs,
  };
}

class CallError extends Error {
  readonly call: number;
  readonly status: object;
  constructor(call: number, status: object) {
    super(`call ${String(call)}`);
    this.call = call;
    this.status = status;
  }
}

function outcomeOf(outcome: string, call: number): CallError | undefined {
  if (outcome === 'ok') return undefined;
  const reason = outcome === 'conflict' ? 'Conflict' : 'NotFound';
  return new CallError(call, { kind: 'Status', reason, code: outcome === 'conflict' ? 409 : 404 });
}

describe('client-go vectors', () => {
  it('were generated', () => {
    assert.ok(vectors.step.length >= 5 && vectors.retry.length >= 8 && vectors.classify.length >= 10);
  });

  describe('wait.Backoff.Step()', () => {
    for (const vector of vectors.step) {
      it(vector.name, () => {
        let state = stateOf(vector.backoff);
        const got = vector.results.map(() => {
          const { delay, next } = nextDelay(state, () => 0);
          state = next;
          return { sleepMs: delay, durationMs: next.duration, steps: next.steps };
        });
        assert.deepEqual(got, vector.results);
      });
    }
  });

  describe('retry.RetryOnConflict and retry.OnError', () => {
    for (const vector of vectors.retry) {
      if (vector.backoff.steps < 1) continue; // kubeconflict refuses steps < 1: see the backoff tests
      it(vector.name, async () => {
        const clock = new ManualClock({ autoAdvance: true });
        let calls = 0;
        const fn = () => {
          calls++;
          const failure = outcomeOf(vector.outcomes[calls - 1] ?? 'missing', calls);
          if (failure) throw failure;
          return 'ok';
        };
        const backoff = {
          duration: vector.backoff.durationMs,
          factor: vector.backoff.factor,
          jitter: vector.backoff.jitter,
          steps: vector.backoff.steps,
          cap: vector.backoff.capMs,
        };
        const run =
          vector.function === 'RetryOnConflict'
            ? retryOnConflict(backoff, fn, { clock })
            : onError(backoff, () => true, fn, { clock });
        const result = await run.then(
          () => ({ kind: 'ok' as const }),
          (error: unknown) => {
            assert.ok(error instanceof CallError, `unexpected error ${String(error)}`);
            return { kind: 'error' as const, fromCall: error.call };
          },
        );
        assert.deepEqual(
          { calls, sleepsMs: clock.sleeps, result },
          {
            calls: vector.calls,
            sleepsMs: vector.sleepsMs,
            result: vector.result,
          },
        );
      });
    }
    it('includes the steps-0 case that kubeconflict deliberately refuses', () => {
      const stepsZero = vectors.retry.find((v) => v.backoff.steps === 0);
      assert.deepEqual(stepsZero && { calls: stepsZero.calls, result: stepsZero.result }, {
        calls: 0,
        result: { kind: 'ok' },
      });
    });
  });

  describe('errors.IsConflict and friends on a wrapped StatusError', () => {
    for (const vector of vectors.classify) {
      it(`reason ${JSON.stringify(vector.reason)} code ${String(vector.code)} causes [${vector.causeTypes.join(',')}]`, () => {
        const status = {
          kind: 'Status',
          code: vector.code,
          reason: vector.reason,
          ...(vector.causeTypes.length > 0 && { details: { causes: vector.causeTypes.map((reason) => ({ reason })) } }),
        };
        const wrapped = new Error('update failed', { cause: status });
        assert.deepEqual(
          {
            isConflict: isConflict(wrapped),
            isTooManyRequests: isTooManyRequests(wrapped),
            isNotFound: isNotFound(wrapped),
            isAlreadyExists: isAlreadyExists(wrapped),
          },
          {
            isConflict: vector.isConflict,
            isTooManyRequests: vector.isTooManyRequests,
            isNotFound: vector.isNotFound,
            isAlreadyExists: vector.isAlreadyExists,
          },
        );
      });
    }
  });
});

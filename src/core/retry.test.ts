import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../testing/manual-clock.ts';
import { Backoff, DefaultRetry } from './backoff.ts';
import { onError, type RetryEvent, retryOnConflict } from './retry.ts';

const conflict = () => ({
  kind: 'Status',
  code: 409,
  reason: 'Conflict',
  message: 'Operation cannot be fulfilled on deployments.apps "demo-deployment": the object has been modified',
});
const notFound = { kind: 'Status', code: 404, reason: 'NotFound', message: 'deployments.apps "nope" not found' };

/** An operation that throws the given errors in turn, then returns 'done'. */
function scripted(...failures: unknown[]) {
  const calls: number[] = [];
  const fn = ({ attempt }: { attempt: number }) => {
    calls.push(attempt);
    const failure = failures[attempt - 1];
    if (failure !== undefined) throw failure;
    return Promise.resolve('done');
  };
  return { fn, calls };
}

/** Lets pending promise callbacks run, without moving the manual clock. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('retryOnConflict', () => {
  it('DefaultRetry makes 5 calls and sleeps 4 times, then throws the last conflict', async () => {
    const clock = new ManualClock({ autoAdvance: true });
    const errors = [conflict(), conflict(), conflict(), conflict(), conflict()];
    const { fn, calls } = scripted(...errors);
    await assert.rejects(retryOnConflict(DefaultRetry, fn, { clock, random: () => 0 }), (e) => e === errors[4]);
    assert.deepEqual(calls, [1, 2, 3, 4, 5]);
    assert.deepEqual(clock.sleeps, [10, 10, 10, 10]);
  });

  it('returns what the operation returned once it succeeds', async () => {
    const clock = new ManualClock({ autoAdvance: true });
    const { fn, calls } = scripted(conflict(), conflict());
    assert.equal(await retryOnConflict(DefaultRetry, fn, { clock }), 'done');
    assert.equal(calls.length, 3);
  });

  it('the cap example {10 ms, ×2, 10 steps, cap 50 ms} makes only 3 calls', async () => {
    const clock = new ManualClock({ autoAdvance: true });
    const errors = Array.from({ length: 10 }, conflict);
    const { fn, calls } = scripted(...errors);
    const backoff = { duration: 10, factor: 2, steps: 10, cap: 50 };
    await assert.rejects(retryOnConflict(backoff, fn, { clock }), (e) => e === errors[2]);
    assert.equal(calls.length, 3);
    assert.deepEqual(clock.sleeps, [10, 20, 40], 'client-go sleeps once more after the third call');
  });

  it('jitter never shortens a sleep below the duration', async () => {
    const clock = new ManualClock({ autoAdvance: true });
    const { fn } = scripted(conflict(), conflict(), conflict(), conflict());
    await retryOnConflict(DefaultRetry, fn, { clock });
    assert.equal(clock.sleeps.length, 4);
    for (const sleep of clock.sleeps) assert.ok(sleep >= 10 && sleep <= 11, `sleep ${String(sleep)}`);
  });

  it('a non-conflict error stops the loop at once and is thrown as is', async () => {
    const clock = new ManualClock({ autoAdvance: true });
    const { fn, calls } = scripted(conflict(), notFound, conflict());
    await assert.rejects(retryOnConflict(DefaultRetry, fn, { clock }), (e) => e === notFound);
    assert.deepEqual(calls, [1, 2]);
    assert.equal(clock.sleeps.length, 1);
  });

  it('retries conflicts thrown in the shapes real clients use', async () => {
    const clock = new ManualClock({ autoAdvance: true });
    const apiException = Object.assign(new Error('HTTP-Code: 409\nMessage: Unknown API Status Code!'), {
      code: 409,
      body: JSON.stringify(conflict()),
      headers: {},
    });
    const wrapped = new Error('update failed', { cause: apiException });
    const { fn, calls } = scripted(apiException, wrapped);
    assert.equal(await retryOnConflict(DefaultRetry, fn, { clock }), 'done');
    assert.equal(calls.length, 3);
  });

  it('accepts plain options as well as a Backoff', async () => {
    const clock = new ManualClock({ autoAdvance: true });
    const { fn, calls } = scripted(conflict());
    await retryOnConflict({ duration: 1, steps: 2 }, fn, { clock });
    assert.equal(calls.length, 2);
  });

  it('refuses steps < 1 instead of silently calling nothing', async () => {
    const { fn, calls } = scripted();
    await assert.rejects(async () => retryOnConflict({ duration: 10, steps: 0 }, fn), {
      name: 'RangeError',
      message: /steps must be an integer ≥ 1/,
    });
    assert.equal(calls.length, 0);
  });
});

describe('onError', () => {
  it('retries what the predicate accepts', async () => {
    const clock = new ManualClock({ autoAdvance: true });
    const { fn, calls } = scripted(notFound, notFound);
    assert.equal(await onError(new Backoff({ duration: 5, steps: 3 }), () => true, fn, { clock }), 'done');
    assert.deepEqual(calls, [1, 2, 3]);
  });

  it('tells onRetry about each retry: the failed attempt, the sleep and the error', async () => {
    const clock = new ManualClock({ autoAdvance: true });
    const events: RetryEvent[] = [];
    const errors = [conflict(), conflict()];
    const { fn } = scripted(...errors);
    await retryOnConflict({ duration: 10, factor: 2, steps: 5 }, fn, {
      clock,
      onRetry: (e) => {
        events.push(e);
      },
    });
    assert.deepEqual(events, [
      { attempt: 1, delay: 10, error: errors[0] },
      { attempt: 2, delay: 20, error: errors[1] },
    ]);
  });

  it('replays the same jittered sleeps from the same random source', async () => {
    const run = async () => {
      const clock = new ManualClock({ autoAdvance: true });
      const { fn } = scripted(conflict(), conflict(), conflict());
      let seed = 0;
      await retryOnConflict(DefaultRetry, fn, { clock, random: () => (seed = (seed + 0.37) % 1) });
      return clock.sleeps;
    };
    assert.deepEqual(await run(), await run());
  });
});

describe('cancellation', () => {
  it('an abort during a sleep rejects at once with the abort reason, without moving time', async () => {
    const clock = new ManualClock();
    const controller = new AbortController();
    const { fn, calls } = scripted(conflict(), conflict());
    const result = retryOnConflict(DefaultRetry, fn, { clock, signal: controller.signal });
    await settle();
    assert.equal(clock.pendingSleeps, 1);
    const reason = new Error('shutting down');
    controller.abort(reason);
    await assert.rejects(result, (e) => e === reason);
    assert.equal(clock.pendingSleeps, 0);
    assert.equal(clock.now(), 0);
    assert.equal(calls.length, 1);
  });

  it('an aborted signal stops the loop before the first call', async () => {
    const { fn, calls } = scripted();
    await assert.rejects(retryOnConflict(DefaultRetry, fn, { signal: AbortSignal.abort() }), { name: 'AbortError' });
    assert.equal(calls.length, 0);
  });

  it('a call that succeeds after the abort still returns its result (its write landed)', async () => {
    const controller = new AbortController();
    const result = await retryOnConflict(
      DefaultRetry,
      () => {
        controller.abort();
        return 'written';
      },
      { signal: controller.signal },
    );
    assert.equal(result, 'written');
  });

  it('passes the signal to the operation so it can cancel its own requests', async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    await retryOnConflict(
      DefaultRetry,
      ({ signal }) => {
        seen = signal;
      },
      { signal: controller.signal },
    );
    assert.equal(seen, controller.signal);
  });

  it('with the system clock, an abort cuts a long real sleep short', async () => {
    const controller = new AbortController();
    const { fn } = scripted(conflict());
    const result = retryOnConflict({ duration: 60_000, steps: 2 }, fn, { signal: controller.signal });
    setImmediate(() => {
      controller.abort(new Error('stop'));
    });
    await assert.rejects(result, { message: 'stop' });
  });
});

describe('deadline and timeout', () => {
  it('gives up with the last conflict rather than sleep past the deadline', async () => {
    const clock = new ManualClock({ start: 1_000, autoAdvance: true });
    const errors = Array.from({ length: 10 }, conflict);
    const { fn, calls } = scripted(...errors);
    const backoff = { duration: 10, steps: 10 };
    await assert.rejects(retryOnConflict(backoff, fn, { clock, deadline: 1_035 }), (e) => e === errors[3]);
    assert.equal(calls.length, 4);
    assert.deepEqual(clock.sleeps, [10, 10, 10]);
  });

  it('timeout counts from the start of the loop', async () => {
    const clock = new ManualClock({ start: 50, autoAdvance: true });
    const { fn, calls } = scripted(...Array.from({ length: 10 }, conflict));
    await assert.rejects(retryOnConflict({ duration: 10, steps: 10 }, fn, { clock, timeout: 25 }));
    assert.equal(calls.length, 3);
  });

  it('the earlier of deadline and timeout wins', async () => {
    const clock = new ManualClock({ autoAdvance: true });
    const { fn, calls } = scripted(...Array.from({ length: 10 }, conflict));
    await assert.rejects(retryOnConflict({ duration: 10, steps: 10 }, fn, { clock, timeout: 100, deadline: 15 }));
    assert.equal(calls.length, 2);
  });

  it('a deadline already past calls nothing and rejects with TimeoutError', async () => {
    const clock = new ManualClock({ start: 100 });
    const { fn, calls } = scripted();
    await assert.rejects(retryOnConflict(DefaultRetry, fn, { clock, deadline: 100 }), { name: 'TimeoutError' });
    assert.equal(calls.length, 0);
  });

  it('refuses a timeout that is not a positive number and a deadline that is not finite', async () => {
    const { fn } = scripted();
    await assert.rejects(retryOnConflict(DefaultRetry, fn, { timeout: 0 }), {
      name: 'RangeError',
      message: /timeout must be a finite number of milliseconds > 0; got 0/,
    });
    await assert.rejects(retryOnConflict(DefaultRetry, fn, { deadline: Number.NaN }), {
      name: 'RangeError',
      message: /deadline must be a finite epoch time/,
    });
  });
});

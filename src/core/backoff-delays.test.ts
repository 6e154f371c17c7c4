import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ManualClock } from '../testing/manual-clock.ts';
import { Backoff, DefaultBackoff, DefaultRetry } from './backoff.ts';
import { type BackoffDelay, backoffDelays } from './backoff-delays.ts';
import { seededRandom } from './random.ts';
import { onError } from './retry.ts';

const noJitter = () => 0;
const all = (backoff: Backoff, random = noJitter): BackoffDelay[] => [...backoffDelays(backoff, random)];

interface RetryVector {
  name: string;
  backoff: { durationMs: number; factor: number; jitter: number; steps: number; capMs: number };
  outcomes: string[];
  calls: number;
  sleepsMs: number[];
  result: { kind: 'ok' } | { kind: 'error'; fromCall: number };
}
const { retry: retryVectors } = JSON.parse(
  readFileSync(new URL('../../test/vectors/client-go.json', import.meta.url), 'utf8'),
) as { retry: RetryVector[] };

describe('backoffDelays', () => {
  it('sleeps as client-go did in every recorded loop that failed until it gave up', () => {
    const exhausted = retryVectors.filter(
      (v) => v.backoff.steps >= 1 && v.result.kind === 'error' && v.outcomes.every((o) => o === 'conflict'),
    );
    assert.ok(exhausted.length >= 3, 'the vectors hold loops that ran out of steps, one ended by a cap');
    for (const { name, backoff, calls, sleepsMs } of exhausted) {
      const { durationMs: duration, factor, jitter, steps, capMs: cap } = backoff;
      const delays = all(new Backoff({ duration, factor, jitter, steps, cap }));
      assert.deepEqual(
        delays.map((d) => d.delay),
        sleepsMs,
        name,
      );
      assert.equal(delays.filter((d) => d.retry).length + 1, calls, `${name}: one call, then one per retry`);
    }
  });

  it('steps: at most steps − 1 sleeps, each followed by another call', () => {
    assert.deepEqual(
      all(DefaultRetry),
      [10, 10, 10, 10].map((delay) => ({ delay, retry: true })),
    );
    assert.deepEqual(
      all(DefaultBackoff).map((d) => d.delay),
      [10, 50, 250],
    );
    assert.deepEqual(all(new Backoff({ duration: 10, steps: 1 })), [], 'one call, nothing to sleep');
  });

  it('cap: growth past it ends the steps, after one last sleep that no call follows', () => {
    assert.deepEqual(all(new Backoff({ duration: 10, factor: 2, steps: 10, cap: 50 })), [
      { delay: 10, retry: true },
      { delay: 20, retry: true },
      { delay: 40, retry: false },
    ]);
    assert.deepEqual(
      all(new Backoff({ duration: 10, factor: 2, steps: 3, cap: 50 })),
      [
        { delay: 10, retry: true },
        { delay: 20, retry: true },
      ],
      'steps run out before the cap is reached: no extra sleep',
    );
  });

  it('jitter: the sleeps Backoff.step draws from the same seed, never below the duration', () => {
    const backoff = new Backoff({ duration: 10, factor: 2, jitter: 0.5, steps: 6 });
    const delays = all(backoff, seededRandom(7)).map((d) => d.delay);
    const random = seededRandom(7);
    let schedule = backoff;
    const stepped = delays.map(() => {
      const { delay, next } = schedule.step(random);
      schedule = next;
      return delay;
    });
    assert.deepEqual(delays, stepped);
    assert.deepEqual(
      all(backoff, seededRandom(7)).map((d) => d.delay),
      delays,
      'the same seed replays the same sleeps',
    );
    assert.notDeepEqual(
      all(backoff, seededRandom(8)).map((d) => d.delay),
      delays,
      'another seed draws other sleeps',
    );
    delays.forEach((delay, i) => {
      const duration = 10 * 2 ** i;
      assert.ok(delay >= duration && delay < duration * 1.5, `sleep ${String(i)} (${String(delay)} ms) in [d, 1.5 d)`);
    });
  });

  it('draws jitter only for the sleeps asked for', () => {
    let draws = 0;
    const counting = () => {
      draws++;
      return 0.5;
    };
    const sleeps = backoffDelays(DefaultRetry, counting);
    assert.equal(draws, 0);
    sleeps.next();
    sleeps.next();
    assert.equal(draws, 2);
  });

  it('is the schedule onError sleeps on, jitter included', async () => {
    const backoff = new Backoff({ duration: 10, factor: 3, jitter: 0.2, steps: 8, cap: 500 });
    const clock = new ManualClock({ autoAdvance: true });
    let calls = 0;
    await assert.rejects(
      onError(
        backoff,
        () => true,
        () => {
          calls++;
          throw new Error(`call ${String(calls)}`);
        },
        { clock, random: seededRandom(3) },
      ),
      { message: 'call 4' },
    );
    const expected = all(backoff, seededRandom(3));
    assert.deepEqual(
      clock.sleeps,
      expected.map((d) => d.delay),
    );
    assert.equal(expected.at(-1)?.retry, false, 'the cap ended it: after 270 the duration would be 810 > 500');
    assert.equal(
      clock.now(),
      expected.reduce((total, d) => total + d.delay, 0),
    );
  });
});

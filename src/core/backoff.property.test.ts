import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ManualClock } from '../testing/manual-clock.ts';
import { Backoff } from './backoff.ts';
import { jitterModes } from './jitter.ts';
import { retryOnConflict } from './retry.ts';

const backoffs = fc.record({
  duration: fc.double({ min: 0, max: 1_000, noNaN: true }),
  factor: fc.double({ min: 0, max: 10, noNaN: true }),
  jitter: fc.double({ min: 0, max: 2, noNaN: true }),
  steps: fc.integer({ min: 1, max: 40 }),
  cap: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5_000, noNaN: true })),
});
const unitRandom = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

function schedule(backoff: Backoff, randoms: readonly number[]): number[] {
  const delays: number[] = [];
  let current = backoff;
  for (const r of randoms) {
    const { delay, next } = current.step(() => r);
    delays.push(delay);
    current = next;
  }
  return delays;
}

describe('backoff properties', () => {
  // A cap below the first duration shrinks the next sleep to the cap, in client-go too
  // (see the vector "cap below the initial duration"), so such caps are left out here.
  it('without jitter, delays never shrink when factor ≥ 1 and cap is 0 or ≥ duration', () => {
    fc.assert(
      fc.property(backoffs, fc.double({ min: 1, max: 10, noNaN: true }), (options, factor) => {
        const backoff = new Backoff({ ...options, factor, jitter: 0 });
        fc.pre(backoff.cap === 0 || backoff.cap >= backoff.duration);
        const delays = schedule(backoff, Array(options.steps + 2).fill(0));
        delays.slice(1).forEach((delay, i) => {
          assert.ok(delay >= delays[i]!, `${String(delay)} < ${String(delays[i])}`);
        });
      }),
    );
  });

  it('additive jitter never subtracts, and no delay exceeds max(duration, cap) × (1 + jitter)', () => {
    fc.assert(
      fc.property(backoffs, fc.array(unitRandom, { minLength: 1, maxLength: 50 }), (options, randoms) => {
        const plain = schedule(new Backoff({ ...options, jitter: 0 }), randoms);
        const backoff = new Backoff(options);
        const jittered = schedule(backoff, randoms);
        const ceiling = backoff.cap > 0 ? Math.max(backoff.duration, backoff.cap) : Infinity;
        jittered.forEach((delay, i) => {
          assert.ok(delay >= plain[i]! - 1e-6, 'jitter subtracted');
          assert.ok(delay <= ceiling * (1 + options.jitter) + 1e-6, `${String(delay)} over the cap`);
        });
      }),
    );
  });

  it('every jitter mode stays within [0, max(duration, cap) × 3] and is reproducible from the same randoms', () => {
    fc.assert(
      fc.property(
        backoffs,
        fc.constantFrom(...jitterModes.filter((mode) => mode !== 'additive')),
        fc.array(unitRandom, { minLength: 1, maxLength: 30 }),
        (options, jitterMode, randoms) => {
          const backoff = new Backoff({ ...options, jitter: 0, jitterMode });
          const delays = schedule(backoff, randoms);
          assert.deepEqual(schedule(backoff, randoms), delays);
          for (const delay of delays) assert.ok(delay >= 0 && Number.isFinite(delay));
          if (backoff.cap > 0 && jitterMode === 'decorrelated') {
            for (const delay of delays) assert.ok(delay <= Math.max(backoff.cap, backoff.duration) + 1e-9);
          }
        },
      ),
    );
  });

  it('the retry loop never calls more than steps times, and sleeps at most steps times', async () => {
    await fc.assert(
      fc.asyncProperty(backoffs, fc.integer({ min: 0, max: 60 }), async (options, conflictsBeforeSuccess) => {
        const clock = new ManualClock({ autoAdvance: true });
        let calls = 0;
        const fn = () => {
          calls++;
          if (calls <= conflictsBeforeSuccess) throw { kind: 'Status', code: 409, reason: 'Conflict' };
          return calls;
        };
        const result = await retryOnConflict(options, fn, { clock }).then(
          () => 'ok',
          () => 'gave up',
        );
        assert.ok(calls <= options.steps, `${String(calls)} calls for ${String(options.steps)} steps`);
        assert.ok(clock.sleeps.length <= options.steps);
        assert.equal(result, calls > conflictsBeforeSuccess ? 'ok' : 'gave up');
      }),
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Backoff, DefaultBackoff, DefaultRetry } from './backoff.ts';
import { seededRandom } from './random.ts';

const noJitter = () => 0;
const maxJitter = () => 0.999_999;

function delays(backoff: Backoff, random: () => number, count: number): number[] {
  const out: number[] = [];
  let current = backoff;
  for (let i = 0; i < count; i++) {
    const { delay, next } = current.step(random);
    out.push(delay);
    current = next;
  }
  return out;
}

describe('Backoff', () => {
  it("has client-go's DefaultRetry and DefaultBackoff values", () => {
    assert.deepEqual(DefaultRetry.toJSON(), {
      duration: 10,
      steps: 5,
      factor: 1,
      jitter: 0.1,
      cap: 0,
      jitterMode: 'additive',
    });
    assert.deepEqual(DefaultBackoff.toJSON(), {
      duration: 10,
      steps: 4,
      factor: 5,
      jitter: 0.1,
      cap: 0,
      jitterMode: 'additive',
    });
  });

  it('steps down and multiplies the duration by the factor', () => {
    const { delay, next } = new Backoff({ duration: 10, factor: 2, steps: 3 }).step(noJitter);
    assert.equal(delay, 10);
    assert.equal(next.duration, 20);
    assert.equal(next.steps, 2);
  });

  it('is immutable: stepping returns a new value and leaves the old one alone', () => {
    const backoff = new Backoff({ duration: 10, factor: 2, steps: 3 });
    backoff.step(noJitter);
    assert.equal(backoff.duration, 10);
    assert.equal(backoff.steps, 3);
    assert.ok(Object.isFrozen(backoff) || backoff.step(noJitter).next !== backoff);
  });

  it('caps the duration and ends the steps when growth passes cap', () => {
    const backoff = new Backoff({ duration: 10, factor: 2, steps: 10, cap: 50 });
    assert.deepEqual(delays(backoff, noJitter, 4), [10, 20, 40, 50]);
    const third = backoff.step(noJitter).next.step(noJitter).next.step(noJitter).next;
    assert.equal(third.steps, 0);
    assert.equal(third.duration, 50);
  });

  it('delayFunc gives the sleeps step() gives, and goes on past the steps at the last duration', () => {
    const backoff = new Backoff({ duration: 10, factor: 2, jitter: 0.5, steps: 3 });
    const random = seededRandom(5);
    const nextDelay = backoff.delayFunc(seededRandom(5));
    assert.deepEqual(
      Array.from({ length: 6 }, () => nextDelay()),
      delays(backoff, random, 6),
    );
    const capped = new Backoff({ duration: 10, factor: 2, steps: 10, cap: 50 }).delayFunc(noJitter);
    assert.deepEqual(
      Array.from({ length: 7 }, () => capped()),
      [10, 20, 40, 50, 50, 50, 50],
    );
    const plain = new Backoff({ duration: 10, factor: 2, steps: 3 });
    assert.deepEqual(
      Array.from({ length: 5 }, plain.delayFunc(noJitter)),
      [10, 20, 40, 80, 80],
      'client-go: with no cap, the duration grows for `steps` sleeps, then stays',
    );
    assert.equal(plain.steps, 3, 'the Backoff itself is left as it was');
  });

  it('additive jitter only adds, up to jitter × duration', () => {
    const backoff = new Backoff({ duration: 10, steps: 3, jitter: 0.5 });
    assert.equal(backoff.step(noJitter).delay, 10);
    assert.ok(Math.abs(backoff.step(maxJitter).delay - 15) < 1e-5);
    assert.equal(backoff.step(() => 0.5).delay, 12.5);
  });

  it('jitter does not feed into the next duration', () => {
    const next = new Backoff({ duration: 10, factor: 2, steps: 3, jitter: 1 }).step(maxJitter).next;
    assert.equal(next.duration, 20);
  });

  it('full and equal jitter stay within the duration', () => {
    const full = new Backoff({ duration: 10, steps: 3, jitterMode: 'full' });
    const equal = new Backoff({ duration: 10, steps: 3, jitterMode: 'equal' });
    assert.equal(full.step(noJitter).delay, 0);
    assert.equal(full.step(() => 0.5).delay, 5);
    assert.equal(equal.step(noJitter).delay, 5);
    assert.equal(equal.step(() => 0.5).delay, 7.5);
  });

  it('decorrelated jitter grows from the previous sleep, between duration and 3× it, under cap', () => {
    const backoff = new Backoff({ duration: 10, steps: 5, jitterMode: 'decorrelated', cap: 100 });
    assert.deepEqual(delays(backoff, maxJitter, 4).map(Math.round), [30, 90, 100, 100]);
    assert.deepEqual(delays(backoff, noJitter, 3), [10, 10, 10]);
  });

  describe('refuses bad settings with an error naming the setting', () => {
    const cases: [string, object, RegExp][] = [
      ['steps 0 (client-go would call nothing)', { duration: 10, steps: 0 }, /steps must be an integer ≥ 1.*client-go/],
      ['negative steps', { duration: 10, steps: -1 }, /steps must be an integer ≥ 1/],
      [
        'fractional steps',
        { duration: 10, steps: 2.5 },
        /steps must be an integer ≥ 1 \(the number of calls\); got 2.5/,
      ],
      ['missing steps', { duration: 10 }, /steps must be an integer ≥ 1 \(the number of calls\); got undefined/],
      ['negative duration', { duration: -1, steps: 1 }, /duration must be a finite number ≥ 0; got -1/],
      ['NaN factor', { duration: 1, steps: 1, factor: Number.NaN }, /factor must be a finite number ≥ 0; got NaN/],
      ['infinite cap', { duration: 1, steps: 1, cap: Infinity }, /cap must be a finite number ≥ 0; got Infinity/],
      ['negative jitter', { duration: 1, steps: 1, jitter: -0.1 }, /jitter must be a finite number ≥ 0/],
      [
        'unknown jitter mode',
        { duration: 1, steps: 1, jitterMode: 'wild' },
        /jitterMode must be one of additive, full, equal, decorrelated; got wild/,
      ],
      [
        'jitter with a non-additive mode',
        { duration: 1, steps: 1, jitter: 0.2, jitterMode: 'full' },
        /jitter \(0.2\) applies only to jitterMode 'additive'/,
      ],
    ];
    for (const [name, options, message] of cases) {
      it(name, () => {
        assert.throws(() => new Backoff(options as never), { name: 'RangeError', message });
      });
    }
    it('options that are not an object', () => {
      assert.throws(() => new Backoff(null as never), { name: 'TypeError', message: /must be an object/ });
    });
  });
});

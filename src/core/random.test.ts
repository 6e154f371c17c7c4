import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from './random.ts';

describe('seededRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const take = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    assert.deepEqual(take(42), take(42));
    assert.notDeepEqual(take(42), take(43));
  });

  it('stays in [0, 1) and spreads evenly', () => {
    const random = seededRandom(7);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const value = random();
      assert.ok(value >= 0 && value < 1);
      buckets[Math.floor(value * 10)]!++;
    }
    for (const count of buckets) assert.ok(count > 9_000 && count < 11_000, `bucket of ${String(count)}`);
  });

  it('refuses a seed that is not an integer', () => {
    assert.throws(() => seededRandom(1.5), { name: 'TypeError', message: 'seed must be an integer, got 1.5' });
  });
});

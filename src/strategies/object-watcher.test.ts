import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { watchReopenBackoff } from './object-watcher.ts';

describe('watchReopenBackoff', () => {
  it('reopens a broken watch after 100 ms, doubling to 5 s, then every 5 s, without jitter', () => {
    const pauses = Array.from(
      { length: 9 },
      watchReopenBackoff.delayFunc(() => 0.9),
    );
    assert.deepEqual(pauses, [100, 200, 400, 800, 1_600, 3_200, 5_000, 5_000, 5_000]);
  });
});

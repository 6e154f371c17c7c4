import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { turnWatchReopenBackoff } from './turn-watch.ts';

describe('turnWatchReopenBackoff', () => {
  it('reopens a broken turn watch after 50 ms, doubling to 1 s, then every 1 s, without jitter', () => {
    const pauses = Array.from(
      { length: 8 },
      turnWatchReopenBackoff.delayFunc(() => 0.9),
    );
    assert.deepEqual(pauses, [50, 100, 200, 400, 800, 1_000, 1_000, 1_000]);
  });
});

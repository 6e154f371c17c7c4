import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from '../testing/manual-clock.ts';
import { InMemoryObject } from '../../test/support/in-memory-object.ts';
import { ObjectWatcher, watchReopenBackoff } from './object-watcher.ts';

const settle = async () => {
  for (let turn = 0; turn < 5; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
};

describe('watchReopenBackoff', () => {
  it('reopens a broken watch after 100 ms, doubling to 5 s, then every 5 s, without jitter', () => {
    const pauses = Array.from(
      { length: 9 },
      watchReopenBackoff.delayFunc(() => 0.9),
    );
    assert.deepEqual(pauses, [100, 200, 400, 800, 1_600, 3_200, 5_000, 5_000, 5_000]);
  });
});

describe('ObjectWatcher reopening its watch', () => {
  it('waits longer after each refused reopen, and starts again at 100 ms once a watch delivered', async () => {
    const clock = new ManualClock({ start: 0 });
    const object = new InMemoryObject();
    const watcher = new ObjectWatcher(object.client, object.ref, undefined, clock);
    /** Moves the clock in 50 ms steps, letting the watcher act after each. */
    const advance = async (ms: number) => {
      for (let moved = 0; moved < ms; moved += 50) {
        clock.advance(50);
        await settle();
      }
    };
    watcher.watch();
    object.answerWatches();
    await settle();
    assert.equal(object.counts.watches, 1);

    object.refuseWatches = true;
    object.breakWatches();
    await settle();
    await advance(100 + 200 + 400 + 800 + 1_600 + 3_200);
    assert.equal(object.counts.watches, 7, 'six refused reopens, each after a doubled pause');
    await advance(4_950);
    assert.equal(object.counts.watches, 7, 'the pause has reached its 5 s cap');

    object.refuseWatches = false;
    await advance(50);
    assert.equal(object.counts.watches, 8);
    object.rivalWrite();
    await settle();
    assert.equal(watcher.latest.object?.metadata?.resourceVersion, '2', 'the reopened watch delivered');

    object.breakWatches();
    await settle();
    await advance(50);
    assert.equal(object.counts.watches, 8);
    await advance(50);
    assert.equal(object.counts.watches, 9, 'reopened after 100 ms, not 5 s');
    watcher.close();
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ManualClock } from './manual-clock.ts';

describe('ManualClock', () => {
  it('completes sleeps only when time is advanced past them, in order', async () => {
    const clock = new ManualClock({ start: 100 });
    const done: number[] = [];
    const first = clock.sleep(20).then(() => done.push(20));
    const second = clock.sleep(10).then(() => done.push(10));
    clock.advance(15);
    await second;
    assert.deepEqual(done, [10]);
    clock.advance(5);
    await first;
    assert.deepEqual(done, [10, 20]);
    assert.equal(clock.now(), 120);
    assert.deepEqual(clock.sleeps, [20, 10]);
  });

  it('rejects an aborted sleep with the reason and forgets it', async () => {
    const clock = new ManualClock();
    const controller = new AbortController();
    const sleeping = clock.sleep(50, controller.signal);
    controller.abort(new Error('cancelled'));
    await assert.rejects(sleeping, { message: 'cancelled' });
    assert.equal(clock.pendingSleeps, 0);
  });

  it('with autoAdvance, completes every sleep at once and moves time', async () => {
    const clock = new ManualClock({ autoAdvance: true });
    await clock.sleep(30);
    assert.equal(clock.now(), 30);
  });
});

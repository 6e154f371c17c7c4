// Concurrent adaptiveUpdate calls on one object through one client share one watch: on a
// ManualClock and an in-memory object, so that nothing sleeps for real.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from '../core/random.ts';
import { ManualClock } from '../testing/manual-clock.ts';
import { InMemoryObject, increment } from '../../test/support/in-memory-object.ts';
import { adaptiveUpdate } from './adaptive.ts';

const settle = async () => {
  for (let turn = 0; turn < 5; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
};

/** Outcomes of promises, as they settle. */
function watched<T>(promises: Promise<T>[]) {
  const outcomes: ({ value: T } | { error: unknown } | undefined)[] = promises.map(() => undefined);
  promises.forEach((promise, index) => {
    promise.then(
      (value) => (outcomes[index] = { value }),
      (error: unknown) => (outcomes[index] = { error }),
    );
  });
  return outcomes;
}

/** Moves the clock a millisecond at a time until every outcome is in. */
async function runToEnd(clock: ManualClock, ...lists: (readonly unknown[])[]) {
  for (let step = 0; lists.some((outcomes) => outcomes.includes(undefined)); step++) {
    assert.ok(step < 100_000, 'the writers end');
    clock.advance(1);
    await settle();
  }
}

describe('adaptiveUpdate’s shared watch', { timeout: 20_000 }, () => {
  const start = () => {
    const clock = new ManualClock({ start: 1_700_000_000_000 });
    const object = new InMemoryObject();
    const writer = (seed: number, client = object.client, signal?: AbortSignal) =>
      adaptiveUpdate(client, object.ref, increment, { clock, random: seededRandom(seed), ...(signal && { signal }) });
    return { clock, object, writer };
  };

  it('writers on one object through one client (or copies of it) hold one watch, closed when the last ends', async () => {
    const { clock, object, writer } = start();
    const counted = { ...object.client, replace: object.client.replace };
    const outcomes = watched([writer(1), writer(2), writer(3, counted)]);
    await settle();
    assert.deepEqual([object.counts.watches, object.openWatches], [1, 1]);
    clock.advance(10);
    object.answerWatches();
    await runToEnd(clock, outcomes);
    assert.ok(outcomes.every((outcome) => outcome && 'value' in outcome && outcome.value.written));
    assert.equal(object.counter, 103);
    assert.deepEqual([object.counts.watches, object.openWatches], [1, 0]);
    const later = watched([writer(4)]);
    await settle();
    assert.equal(object.counts.watches, 2, 'a writer after them opens a watch of its own');
    object.answerWatches();
    await runToEnd(clock, later);
  });

  it('clients with watches of their own do not share', async () => {
    const { clock, object, writer } = start();
    const other = { ...object.client, watch: object.client.watch.bind(undefined) };
    const outcomes = watched([writer(1), writer(2, other)]);
    await settle();
    assert.equal(object.openWatches, 2);
    object.answerWatches();
    await runToEnd(clock, outcomes);
    assert.equal(object.counter, 102);
  });

  it('a writer joining an open watch takes its round trip as its write time', async () => {
    const { clock, object, writer } = start();
    const outcomes = watched([writer(1)]);
    await settle();
    clock.advance(10);
    object.answerWatches();
    await settle();
    const sleeps = clock.sleeps.length;
    const joiner = watched([writer(7)]);
    await settle();
    const draw = seededRandom(7)();
    assert.deepEqual(clock.sleeps.slice(sleeps), [draw * 8 * 10], 'its first window: 8 round trips of 10 ms');
    await runToEnd(clock, outcomes, joiner);
  });

  it('writers of one process take turns: none writes on a version another one is writing on', async () => {
    const { clock, object, writer } = start();
    const held = Promise.withResolvers<undefined>();
    object.writesHeld = held.promise.then(() => undefined);
    const outcomes = watched([writer(1), writer(2), writer(3)]);
    await settle();
    clock.advance(10);
    object.answerWatches();
    // Long past every writer's first window (80 ms): each has had its turn to write.
    for (let step = 0; step < 200; step++) {
      clock.advance(1);
      await settle();
    }
    assert.equal(object.writesInFlight, 1, 'one write in flight; the others wait for its change');
    object.writesHeld = undefined;
    held.resolve(undefined);
    await runToEnd(clock, outcomes);
    assert.deepEqual([object.counter, object.counts.conflicts], [103, 0]);
  });

  it('the object deleted: every writer on the watch fails with it', async () => {
    const { clock, object, writer } = start();
    const outcomes = watched([writer(1), writer(2)]);
    await settle();
    object.answerWatches();
    await settle();
    object.delete();
    await runToEnd(clock, outcomes);
    for (const outcome of outcomes) {
      assert.ok(outcome && 'error' in outcome);
      assert.match(String(outcome.error), /ConfigMap busy was deleted while it was being updated/);
    }
    assert.equal(object.openWatches, 0);
  });

  it('one writer’s signal ends its own wait only', async () => {
    const { clock, object, writer } = start();
    const controller = new AbortController();
    const outcomes = watched([writer(1, object.client, controller.signal), writer(2)]);
    await settle();
    const reason = new Error('this writer stops');
    controller.abort(reason);
    await settle();
    assert.deepEqual(outcomes[0], { error: reason });
    assert.equal(outcomes[1], undefined, 'the other still waits');
    assert.equal(object.openWatches, 1, 'on the watch, still open');
    object.answerWatches();
    await runToEnd(clock, outcomes);
    assert.equal(object.counter, 101);
    assert.equal(object.openWatches, 0);
  });
});

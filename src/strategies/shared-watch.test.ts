// Concurrent adaptiveUpdate calls on one object through one client share one read, one turn
// and, once a rival showed, one watch: on a ManualClock and an in-memory object, so that
// nothing sleeps for real.
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

describe('adaptiveUpdate’s shared state', { timeout: 20_000 }, () => {
  const start = () => {
    const clock = new ManualClock({ start: 1_700_000_000_000 });
    const object = new InMemoryObject();
    const writer = (seed: number, client = object.client, signal?: AbortSignal) =>
      adaptiveUpdate(client, object.ref, increment, { clock, random: seededRandom(seed), ...(signal && { signal }) });
    /** Another process's write lands just before the next write of this one. */
    const rivalBeforeNextWrite = () => {
      object.beforeReplace = () => {
        object.beforeReplace = undefined;
        object.rivalWrite();
      };
    };
    return { clock, object, writer, rivalBeforeNextWrite };
  };

  it('writers of one object through one client, no rival: one read, then each writes in turn, no watch', async () => {
    const { clock, object, writer } = start();
    const outcomes = watched([writer(1), writer(2), writer(3)]);
    await settle();
    assert.ok(!outcomes.includes(undefined), 'all done, and the clock never moved');
    assert.equal(object.counter, 103);
    assert.deepEqual(object.counts, { watches: 0, writes: 3, conflicts: 0, reads: 1 });
    assert.equal(clock.now(), 1_700_000_000_000);
  });

  it('a rival seen: the writers (through the client or copies of it) hold one watch, closed when the last ends', async () => {
    const { clock, object, writer, rivalBeforeNextWrite } = start();
    rivalBeforeNextWrite();
    const counted = { ...object.client, replace: object.client.replace };
    const outcomes = watched([writer(1), writer(2), writer(3, counted)]);
    await runToEnd(clock, outcomes);
    assert.ok(outcomes.every((outcome) => outcome && 'value' in outcome && outcome.value.written));
    assert.equal(object.counter, 104);
    assert.deepEqual([object.counts.watches, object.openWatches, object.counts.reads], [1, 0, 1]);
    const later = watched([writer(4)]);
    await runToEnd(clock, later);
    assert.deepEqual(
      [object.counts.reads, object.counts.watches],
      [2, 1],
      'a writer after them starts afresh: a read, and no watch until a rival shows',
    );
  });

  it('clients with watches of their own do not share', async () => {
    const { clock, object, writer } = start();
    const other = { ...object.client, watch: object.client.watch.bind(undefined) };
    const outcomes = watched([writer(1), writer(2, other)]);
    await runToEnd(clock, outcomes);
    assert.equal(object.counter, 102);
    assert.equal(object.counts.reads, 2);
  });

  it('a writer joining after a rival showed takes the first read’s time as its write time', async () => {
    const { clock, object, writer, rivalBeforeNextWrite } = start();
    const read = Promise.withResolvers<undefined>();
    object.readsHeld = read.promise;
    rivalBeforeNextWrite();
    const outcomes = watched([writer(1)]);
    await settle();
    clock.advance(10);
    read.resolve(undefined);
    await settle();
    assert.equal(object.openWatches, 1);
    const sleeps = clock.sleeps.length;
    const joiner = watched([writer(7)]);
    await settle();
    assert.equal(clock.sleeps.length, sleeps, 'it waits in line while the first writer listens');
    clock.advance(clock.sleeps.at(-1) ?? 0); // the first writer's round ends; the line moves on
    await settle();
    const draw = seededRandom(7)();
    assert.deepEqual(clock.sleeps.slice(sleeps), [draw * 2 * 10], 'its first window: 2 write times of 10 ms');
    await runToEnd(clock, outcomes, joiner);
  });

  it('after a rival showed, the writers of one process contend one at a time', async () => {
    const { clock, object, writer, rivalBeforeNextWrite } = start();
    rivalBeforeNextWrite();
    const outcomes = watched([writer(1), writer(2), writer(3)]);
    await settle();
    assert.equal(object.counts.conflicts, 1);
    for (let step = 0; step < 50 && outcomes.includes(undefined); step++) {
      assert.ok(clock.pendingSleeps <= 1, 'one writer listens (or waits for a change); the others wait in line');
      assert.ok(object.writesInFlight <= 1);
      clock.advance(1);
      await settle();
    }
    await runToEnd(clock, outcomes);
    assert.deepEqual([object.counter, object.counts.conflicts], [104, 1]);
  });

  it('writers of one process take turns: none writes on a version another one is writing on', async () => {
    const { clock, object, writer } = start();
    const held = Promise.withResolvers<undefined>();
    object.writesHeld = held.promise.then(() => undefined);
    const outcomes = watched([writer(1), writer(2), writer(3)]);
    for (let step = 0; step < 200; step++) {
      clock.advance(1);
      await settle();
    }
    assert.equal(object.writesInFlight, 1, 'one write in flight; the others wait for its answer');
    object.writesHeld = undefined;
    held.resolve(undefined);
    await runToEnd(clock, outcomes);
    assert.deepEqual([object.counter, object.counts.conflicts], [103, 0]);
  });

  it('the object deleted: every writer fails with it, on the watch or not', async () => {
    const { clock, object, writer, rivalBeforeNextWrite } = start();
    rivalBeforeNextWrite();
    const outcomes = watched([writer(1), writer(2)]);
    await settle();
    assert.equal(object.openWatches, 1);
    object.delete();
    await runToEnd(clock, outcomes);
    for (const outcome of outcomes) {
      assert.ok(outcome && 'error' in outcome);
      assert.match(String(outcome.error), /ConfigMap busy was deleted while it was being updated/);
    }
    assert.equal(object.openWatches, 0);
    const late = watched([writer(3)]);
    await runToEnd(clock, late);
    assert.ok(late[0] && 'error' in late[0]);
    assert.match(String(late[0].error), /not found/);
  });

  it('one writer’s signal ends its own wait only', async () => {
    const { clock, object, writer } = start();
    const read = Promise.withResolvers<undefined>();
    object.readsHeld = read.promise;
    const controller = new AbortController();
    const outcomes = watched([writer(1, object.client, controller.signal), writer(2)]);
    await settle();
    const reason = new Error('this writer stops');
    controller.abort(reason);
    await settle();
    assert.deepEqual(outcomes[0], { error: reason });
    assert.equal(outcomes[1], undefined, 'the other still waits for the read');
    read.resolve(undefined);
    await runToEnd(clock, outcomes);
    assert.equal(object.counter, 101);
  });
});

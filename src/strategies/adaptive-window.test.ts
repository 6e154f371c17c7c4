// adaptiveUpdate's rules, on a ManualClock and a seeded random source: every wait it makes is
// a clock sleep the test sees and ends, so nothing here sleeps for real.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isStaleWriteConflict } from '../core/errors/classify.ts';
import { seededRandom } from '../core/random.ts';
import { ManualClock } from '../testing/manual-clock.ts';
import { InMemoryObject, increment } from '../../test/support/in-memory-object.ts';
import type { UpdateResult } from '../update/read-mutate-write.ts';
import { adaptiveUpdate, type AdaptiveOptions } from './adaptive.ts';

/** Lets every pending promise chain run: the clock does not move. */
const settle = async () => {
  for (let turn = 0; turn < 5; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
};

/** The numbers `seededRandom(seed)` draws first: what the writer given it will draw. */
const drawsOf = (seed: number): [number, number] => {
  const random = seededRandom(seed);
  return [random(), random()];
};

const summaryOf = (result: UpdateResult | undefined) =>
  result && { written: result.written, attempts: result.attempts, conflicts: result.conflicts };

/** The first read takes this long: the writer's first write time. */
const readMs = 10;
/** Its write time after its first conflict: 80% the read's and 20% the PUT's (no time, counted as 1 ms). */
const writeMs = 0.8 * readMs + 0.2 * 1;
/** Its window after that conflict: 2 write times (one rival), doubled. */
const windowMs = 2 * 2 * readMs;

/**
 * One writer on an in-memory object, its read answered after `readMs`. With `rival`, another
 * process's write lands just before the writer's first one (and is watched as it happens, or
 * only at `showChanges()` when `unseen`). `draws` are the random numbers it drew, `sleeps` the
 * waits it asked the clock for.
 */
async function oneWriter(seed: number, rival?: 'seen' | 'unseen', options: AdaptiveOptions = {}) {
  const clock = new ManualClock({ start: 1_700_000_000_000 });
  const object = new InMemoryObject();
  const draws: number[] = [];
  const seeded = seededRandom(seed);
  const random = () => {
    const draw = seeded();
    draws.push(draw);
    return draw;
  };
  const read = Promise.withResolvers<undefined>();
  object.readsHeld = read.promise;
  if (rival) {
    object.beforeReplace = () => {
      object.beforeReplace = undefined;
      object.rivalWrite({ unseen: rival === 'unseen' });
    };
  }
  const phases: { phase: string; start: number; end: number }[] = [];
  let outcome: { value?: UpdateResult; error?: unknown } | undefined;
  adaptiveUpdate(object.client, object.ref, increment, {
    clock,
    random,
    onPhase: (phase, start, end) => phases.push({ phase, start, end }),
    ...options,
  }).then(
    (value) => (outcome = { value }),
    (error: unknown) => (outcome = { error }),
  );
  await settle();
  assert.equal(object.counts.reads, 1, 'it reads first');
  clock.advance(readMs);
  read.resolve(undefined);
  await settle();
  return {
    clock,
    object,
    draws,
    phases,
    sleeps: () => clock.sleeps,
    /** Ends the last wait by moving time past it. */
    endLastWait: async () => {
      clock.advance(clock.sleeps.at(-1) ?? 0);
      await settle();
    },
    outcome: () => outcome,
  };
}

describe('adaptiveUpdate, alone: it writes at once', () => {
  it('one read and one write, no wait, no watch', async () => {
    const writer = await oneWriter(7);
    assert.deepEqual(writer.sleeps(), []);
    assert.deepEqual(writer.object.counts, { watches: 0, writes: 1, conflicts: 0, reads: 1 });
    assert.equal(writer.object.counter, 101);
    assert.deepEqual(summaryOf(writer.outcome()?.value), { written: true, attempts: 1, conflicts: 0 });
    assert.deepEqual(writer.draws, [], 'nothing drawn');
  });

  it('reports its read as waiting, in the clock’s epoch milliseconds', async () => {
    const writer = await oneWriter(7);
    const start = 1_700_000_000_000;
    assert.deepEqual(writer.phases, [{ phase: 'waiting', start, end: start + readMs }]);
  });
});

describe('adaptiveUpdate after a conflict: its window, on a manual clock', () => {
  it('a conflict opens the watch; the winner’s change seen, it listens a draw in a window of 4 first write times', async () => {
    const [draw] = drawsOf(7);
    assert.ok(draw * windowMs < 3 * writeMs, 'seed 7 draws within 3 write times');
    const writer = await oneWriter(7, 'seen');
    assert.deepEqual([writer.object.counts.conflicts, writer.object.counts.watches], [1, 1]);
    assert.deepEqual(writer.sleeps(), [draw * windowMs]);
    await writer.endLastWait();
    assert.equal(writer.object.counter, 102, 'it writes on top of the rival’s change');
    assert.deepEqual(summaryOf(writer.outcome()?.value), { written: true, attempts: 2, conflicts: 1 });
    assert.deepEqual(
      [writer.object.counts.reads, writer.object.openWatches],
      [1, 0],
      'no second read; the watch closed',
    );
  });

  it('a rival’s write landing during the listen: it defers, and the window shrinks by 0.9', async () => {
    const [first, second] = drawsOf(7);
    assert.ok(second * windowMs * 0.9 < 3 * writeMs, 'seed 7 draws within 3 write times');
    const writer = await oneWriter(7, 'seen');
    writer.clock.advance((first * windowMs) / 2);
    writer.object.rivalWrite();
    await settle();
    assert.deepEqual([writer.object.counter, writer.object.counts.writes], [102, 0], 'only the two rivals wrote');
    assert.deepEqual(writer.sleeps(), [first * windowMs, second * windowMs * 0.9]);
    await writer.endLastWait();
    assert.equal(writer.object.counter, 103);
    assert.equal(writer.object.counts.conflicts, 1, 'no conflict but the first');
  });

  it('a line quiet for 3 write times, its draw not yet due: the window halves, and no write', async () => {
    const seed = [1, 2, 3, 4, 5, 6, 8, 9].find((candidate) => {
      const [first, second] = drawsOf(candidate);
      return first * windowMs > 3 * writeMs && (second * windowMs) / 2 < 3 * writeMs;
    });
    assert.ok(seed !== undefined, 'a seed that draws past 3 write times, then within');
    const [, second] = drawsOf(seed);
    const writer = await oneWriter(seed, 'seen');
    assert.deepEqual(writer.sleeps(), [3 * writeMs], 'it listens 3 write times, not the whole draw');
    await writer.endLastWait();
    assert.equal(writer.object.counts.writes, 0);
    assert.deepEqual(writer.sleeps(), [3 * writeMs, (second * windowMs) / 2]);
    await writer.endLastWait();
    assert.equal(writer.object.counter, 102);
  });

  it('the winner’s change not yet seen: it waits for it, without a draw, a read or a write', async () => {
    const [draw] = drawsOf(7);
    const writer = await oneWriter(7, 'unseen');
    const patience = Math.max(windowMs, 50 * writeMs);
    assert.deepEqual(writer.sleeps(), [patience], 'it waits for the winner, not a draw');
    writer.clock.advance(patience / 2);
    await settle();
    assert.deepEqual([writer.draws.length, writer.object.counts.reads, writer.object.counts.writes], [0, 1, 0]);
    writer.object.showChanges();
    await settle();
    assert.deepEqual(writer.sleeps().at(-1), draw * windowMs);
    await writer.endLastWait();
    assert.equal(writer.object.counter, 102);
  });

  it('every write overtaken: at its deadline it throws the last conflict', async () => {
    const timeout = 2_000;
    const writer = await oneWriter(3, 'seen', { timeout });
    const began = writer.clock.now() - readMs;
    writer.object.beforeReplace = () => {
      writer.object.rivalWrite();
    };
    while (writer.outcome() === undefined) {
      writer.clock.advance(5);
      await settle();
    }
    const { error } = writer.outcome() ?? {};
    assert.ok(isStaleWriteConflict(error), String(error));
    assert.ok(writer.object.counts.conflicts > 2, 'it kept trying until then');
    assert.ok(writer.clock.now() - began >= timeout, 'not before the deadline');
    assert.ok(writer.clock.now() - began < timeout + 10, 'nor long after it');
    assert.equal(writer.object.openWatches, 0);
  });
});

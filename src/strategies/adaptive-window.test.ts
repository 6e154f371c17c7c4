// adaptiveUpdate's window rules, on a ManualClock and a seeded random source: every wait it
// makes is a clock sleep the test sees and ends, so nothing here sleeps for real.
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

/** The watch's first event takes this long: the writer's first write time. */
const writeMs = 10;
/** How long the writer waits for the watch's first event before reading instead. */
const firstEventPatienceMs = 500;

/**
 * One writer on an in-memory object, its watch answered after `writeMs`. `draws` are the
 * random numbers it drew, `sleeps` the waits it asked the clock for (after the first).
 */
async function oneWriter(seed: number, options: AdaptiveOptions = {}) {
  const clock = new ManualClock({ start: 1_700_000_000_000 });
  const object = new InMemoryObject();
  const draws: number[] = [];
  const seeded = seededRandom(seed);
  const random = () => {
    const draw = seeded();
    draws.push(draw);
    return draw;
  };
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
  assert.deepEqual(clock.sleeps, [firstEventPatienceMs], 'it waits for the watch first');
  clock.advance(writeMs);
  object.answerWatches();
  await settle();
  return {
    clock,
    object,
    draws,
    phases,
    /** The waits after the first one, in order. */
    sleeps: () => clock.sleeps.slice(1),
    /** Ends the last wait by moving time past it. */
    endLastWait: async () => {
      clock.advance(clock.sleeps.at(-1) ?? 0);
      await settle();
    },
    outcome: () => outcome,
  };
}

describe('adaptiveUpdate’s window, on a manual clock', () => {
  it('the first window is 8 write times; a quiet listen as long as the draw ends in one write', async () => {
    const [draw] = drawsOf(7);
    assert.ok(draw * 8 < 3, 'seed 7 draws within 3 write times');
    const writer = await oneWriter(7);
    assert.deepEqual(writer.sleeps(), [draw * 8 * writeMs]);
    assert.equal(writer.object.counts.writes, 0, 'no write before the listen ends');
    await writer.endLastWait();
    assert.deepEqual(writer.object.counts, { watches: 1, writes: 1, conflicts: 0, reads: 0 });
    assert.equal(writer.object.counter, 101);
    assert.deepEqual(summaryOf(writer.outcome()?.value), { written: true, attempts: 1, conflicts: 0 });
    assert.equal(writer.object.openWatches, 0, 'its watch is closed');
  });

  it('reports its waits in the clock’s epoch milliseconds', async () => {
    const writer = await oneWriter(7);
    await writer.endLastWait();
    const start = 1_700_000_000_000;
    assert.deepEqual(writer.phases, [
      { phase: 'waiting', start, end: start + writeMs },
      { phase: 'deferring', start: start + writeMs, end: writer.clock.now() },
    ]);
  });

  it('a rival’s write landing during the listen: it defers, and the window shrinks by 0.9', async () => {
    const [first, second] = drawsOf(7);
    assert.ok(first * 8 < 3 && second * 8 * 0.9 < 3, 'seed 7 draws within 3 write times');
    const writer = await oneWriter(7);
    writer.clock.advance((first * 8 * writeMs) / 2);
    writer.object.rivalWrite();
    await settle();
    assert.deepEqual([writer.object.counter, writer.object.counts.writes], [101, 0], 'only the rival wrote');
    assert.deepEqual(writer.sleeps(), [first * 8 * writeMs, second * 8 * 0.9 * writeMs]);
    await writer.endLastWait();
    assert.equal(writer.object.counter, 102, 'then it writes on top of the rival’s change, without a conflict');
    assert.equal(writer.object.counts.conflicts, 0);
  });

  it('a line quiet for 3 write times, its draw not yet due: the window halves, and no write', async () => {
    const [first, second] = drawsOf(1);
    assert.ok(first * 8 > 3 && second * 4 < 3, 'seed 1 draws past 3 write times, then within');
    const writer = await oneWriter(1);
    assert.deepEqual(writer.sleeps(), [3 * writeMs], 'it listens 3 write times, not the whole draw');
    await writer.endLastWait();
    assert.equal(writer.object.counts.writes, 0);
    assert.deepEqual(writer.sleeps(), [3 * writeMs, second * 4 * writeMs]);
    await writer.endLastWait();
    assert.equal(writer.object.counter, 101);
  });

  it('its own conflict: it waits for the winner’s change, then draws in a window twice as wide', async () => {
    const [first, second] = drawsOf(7);
    const writer = await oneWriter(7);
    // The rival's write lands before ours, and the watch shows it only later.
    writer.object.beforeReplace = () => {
      writer.object.beforeReplace = undefined;
      writer.object.rivalWrite({ unseen: true });
    };
    await writer.endLastWait();
    assert.equal(writer.object.counts.conflicts, 1);
    // Its write time is now measured: 80% the old 10 ms and 20% the PUT's (under 1 ms, counted as 1).
    const measured = 0.8 * writeMs + 0.2 * 1;
    const patience = Math.max(2 * 8 * writeMs, 50 * measured);
    assert.deepEqual(writer.sleeps(), [first * 8 * writeMs, patience], 'it waits for the winner, not a draw');
    writer.clock.advance(patience / 2);
    await settle();
    assert.equal(writer.draws.length, 1, 'no draw and no write before the winner’s change is seen');
    writer.object.showChanges();
    await settle();
    assert.ok(second * 16 * writeMs < 3 * measured, 'seed 7 draws within 3 write times');
    assert.deepEqual(writer.sleeps().at(-1), second * 16 * writeMs);
    await writer.endLastWait();
    assert.equal(writer.object.counter, 102);
    assert.deepEqual(
      { ...writer.outcome()?.value, object: undefined },
      {
        object: undefined,
        written: true,
        attempts: 2,
        conflicts: 1,
      },
    );
  });

  it('every write overtaken: at its deadline it throws the last conflict', async () => {
    const timeout = 2_000;
    const writer = await oneWriter(3, { timeout });
    const began = writer.clock.now() - writeMs;
    writer.object.beforeReplace = () => {
      writer.object.rivalWrite();
    };
    while (writer.outcome() === undefined) {
      writer.clock.advance(5);
      await settle();
    }
    const { error } = writer.outcome() ?? {};
    assert.ok(isStaleWriteConflict(error), String(error));
    assert.ok(writer.object.counts.conflicts > 1, 'it kept trying until then');
    assert.ok(writer.clock.now() - began >= timeout, 'not before the deadline');
    assert.ok(writer.clock.now() - began < timeout + 10, 'nor long after it');
    assert.equal(writer.object.openWatches, 0);
  });
});

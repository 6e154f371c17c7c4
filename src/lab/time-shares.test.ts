import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coveredMs, timeShares } from './time-shares.ts';
import type { TimelineEvent, TimelineKind } from './timeline.ts';

const event = (worker: number, kind: TimelineKind, start: number, end: number): TimelineEvent => ({
  worker,
  kind,
  start,
  end,
});

describe('timeShares', () => {
  it('gives each category its % of the time from the release to each worker’s end, summed over workers', () => {
    const events = [
      // worker 0, 100 ms: 20 requesting, 50 waiting (30 + 20 deferring), 10 sleeping, 20 undrawn.
      event(0, 'get', 0, 10),
      event(0, 'waiting', 10, 40),
      event(0, 'deferring', 40, 60),
      event(0, 'sleep', 60, 70),
      event(0, 'put', 80, 90),
      event(0, 'success', 100, 100),
      // worker 1, 100 ms: 50 requesting (a 409 among them), 50 sleeping.
      event(1, 'get', 0, 20),
      event(1, 'conflict', 20, 50),
      event(1, 'sleep', 50, 100),
      event(1, 'failure', 100, 100),
    ];
    assert.deepEqual(timeShares(events), { waiting: 25, requesting: 35, sleeping: 30, workerMs: 200 });
  });

  it('counts overlapping events of one category once, and a sleep only up to the worker’s end', () => {
    const events = [
      event(0, 'waiting', 0, 60),
      event(0, 'deferring', 40, 80),
      event(0, 'sleep', 80, 500),
      event(0, 'success', 100, 100),
    ];
    assert.deepEqual(timeShares(events), { waiting: 80, requesting: 0, sleeping: 20, workerMs: 100 });
  });

  it('counts an instant in two shares once, for requesting before waiting before sleeping', () => {
    const events = [
      event(0, 'waiting', 0, 50),
      event(0, 'get', 40, 60), // 10 ms inside the wait: requesting
      event(0, 'sleep', 55, 80), // 5 ms inside the GET: requesting
      event(0, 'deferring', 75, 90), // 5 ms inside the sleep: waiting
      event(0, 'success', 100, 100),
    ];
    assert.deepEqual(timeShares(events), { waiting: 55, requesting: 20, sleeping: 15, workerMs: 100 });
  });

  it('is null when there is no worker-time to share', () => {
    assert.equal(timeShares([]), null);
    assert.equal(timeShares([event(0, 'success', 0, 0)]), null);
  });
});

describe('coveredMs', () => {
  it('merges overlaps, clips to [0, end] and ignores empty intervals', () => {
    const intervals = [
      { start: -5, end: 10 },
      { start: 5, end: 15 },
      { start: 20, end: 20 },
      { start: 30, end: 40 },
      { start: 35, end: 38 },
      { start: 45, end: 90 },
    ];
    assert.equal(coveredMs(intervals, 50), 15 + 10 + 5);
  });
});

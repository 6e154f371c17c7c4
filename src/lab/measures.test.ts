import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { measure } from './measures.ts';
import type { WorkerResult } from './strategies.ts';
import type { TimelineEvent } from './timeline.ts';

const result: WorkerResult = {
  worker: 0,
  succeeded: true,
  attempts: 1,
  conflicts: 0,
  requests: 2,
  faults: {},
  retries: {},
  latencyMs: 100,
};
// 100 ms: 50 waiting, 30 requesting, 10 sleeping, 10 undrawn.
const timeline: TimelineEvent[] = [
  { worker: 0, kind: 'deferring', start: 0, end: 10 },
  { worker: 0, kind: 'waiting', start: 10, end: 50 },
  { worker: 0, kind: 'get', start: 50, end: 60 },
  { worker: 0, kind: 'sleep', start: 60, end: 70 },
  { worker: 0, kind: 'put', start: 70, end: 90 },
  { worker: 0, kind: 'success', start: 100, end: 100 },
];
const base = { results: [result], start: 0, final: 1, wallMs: 100, serialBoundMs: 50 };

describe('measure: timeShares, as the JSON gives them', () => {
  it('are the % of worker-time waiting, requesting and sleeping', () => {
    assert.deepEqual(measure({ ...base, timeline, timelineDropped: 0 }).timeShares, {
      waiting: 50,
      requesting: 30,
      sleeping: 10,
      workerMs: 100,
    });
  });

  it('are null when timeline events were dropped, or there is no timeline', () => {
    assert.equal(measure({ ...base, timeline, timelineDropped: 1 }).timeShares, null);
    assert.equal(measure(base).timeShares, null);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { timeShares } from './time-shares.ts';
import { phaseRecorder, Timeline } from './timeline.ts';

// `adaptiveUpdate` reports its phases in epoch ms (`Date.now()`); the lab's lanes count from their origin.
const origin = Date.UTC(2026, 0, 1);

describe('phaseRecorder, the onPhase the lab gives adaptiveUpdate', () => {
  it('draws waiting and deferring on the worker’s lane, in ms from the timeline’s origin', () => {
    const timeline = new Timeline(origin);
    const onPhase = phaseRecorder(timeline, 3);
    onPhase('waiting', origin + 5, origin + 45.5);
    onPhase('deferring', origin + 45.5, origin + 60);
    assert.deepEqual(timeline.events, [
      { worker: 3, kind: 'waiting', start: 5, end: 45.5 },
      { worker: 3, kind: 'deferring', start: 45.5, end: 60 },
    ]);
  });

  it('gives phases that count as waiting in the time shares', () => {
    const timeline = new Timeline(origin);
    const onPhase = phaseRecorder(timeline, 0);
    timeline.add(0, 'get', 0, 10);
    onPhase('waiting', origin + 10, origin + 70);
    onPhase('deferring', origin + 70, origin + 80);
    timeline.add(0, 'put', 80, 100);
    timeline.add(0, 'success', 100, 100);
    assert.deepEqual(timeShares(timeline.events), { waiting: 70, requesting: 30, sleeping: 0, workerMs: 100 });
  });

  it('keeps to its limit, counting what it drops', () => {
    const timeline = new Timeline(origin, 1);
    const onPhase = phaseRecorder(timeline, 0);
    onPhase('waiting', origin, origin + 1);
    onPhase('deferring', origin + 1, origin + 2);
    assert.equal(timeline.events.length, 1);
    assert.equal(timeline.dropped, 1);
  });
});

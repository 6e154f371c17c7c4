import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TimelineEvent } from './timeline.ts';
import { turnCosts } from './turn-costs.ts';

const queued = (worker: number, end: number): TimelineEvent => ({ worker, kind: 'queued', start: 0, end });

describe('turnCosts', () => {
  it('times the first turn and the gaps between turns; workers sharing a turn count once', () => {
    const timeline = [
      queued(0, 100),
      queued(1, 110),
      queued(2, 110), // shared the turn of worker 1
      queued(3, 130),
      queued(4, 135),
      { worker: 0, kind: 'put', start: 100, end: 104 } as const,
    ];
    assert.deepEqual(turnCosts(timeline), { turns: 4, firstTurnMs: 100, gapMs: { p50: 10, p90: 20 } });
  });

  it('is null for a run without a queue', () => {
    assert.equal(turnCosts([{ worker: 0, kind: 'get', start: 0, end: 1 }]), null);
  });
});

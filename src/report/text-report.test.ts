import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TimelineEvent, TimelineKind } from '../lab/timeline.ts';
import { labResultOf, strategyRunOf } from '../../test/support/lab-result-fixture.ts';
import { textReport } from './text-report.ts';

const event = (worker: number, kind: TimelineKind, start: number, end: number): TimelineEvent => ({
  worker,
  kind,
  start,
  end,
});

// Two workers of 100 ms each: waiting 60 + 20 ms, requesting 30 + 40 ms, sleeping 0 + 40 ms.
const adaptive = [
  event(0, 'get', 0, 10),
  event(0, 'waiting', 10, 70),
  event(0, 'put', 70, 90),
  event(0, 'success', 100, 100),
  event(1, 'deferring', 0, 20),
  event(1, 'put', 20, 60),
  event(1, 'sleep', 60, 100),
  event(1, 'success', 100, 100),
];
// One worker of 50 ms, all of it requesting.
const naive = [event(0, 'get', 0, 20), event(0, 'put', 20, 50), event(0, 'success', 50, 50)];

describe('textReport', () => {
  it('has a row with each strategy’s % of worker-time waiting / requesting / sleeping', () => {
    const report = textReport(labResultOf([strategyRunOf('adaptive', adaptive), strategyRunOf('naive', naive)]));
    const row = report.split('\n').find((line) => line.startsWith('% wait/req/sleep'));
    assert.ok(row, report);
    assert.deepEqual(row.split(/\s{2,}/).slice(1), ['40/35/20', '0/100/0']);
  });

  it('shows - when the shares are unknown (events were dropped)', () => {
    const run = strategyRunOf('adaptive', adaptive);
    const dropped = { ...run, measures: { ...run.measures, timeShares: null } };
    const row = textReport(labResultOf([dropped]))
      .split('\n')
      .find((line) => line.startsWith('% wait/req/sleep'));
    assert.equal(row?.split(/\s{2,}/)[1], '-');
  });
});

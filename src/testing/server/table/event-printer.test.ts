import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventPrinter } from './event-printer.ts';

// Expected cells as kube-apiserver v1.36.3 printed the same Events, read on 5 December 2026.
const now = new Date('2026-12-05T18:00:00Z');
const metadata = (name: string) => ({ name, creationTimestamp: '2026-12-05T17:00:00Z' });

describe('eventPrinter', () => {
  it('prints an event without timestamps or count as <unknown> and 1, a kind without name, the reporting source', () => {
    const event = {
      metadata: metadata('bare'),
      involvedObject: { kind: 'Node' },
      reason: 'Bare',
      message: '  spaced out \n',
      reportingComponent: 'kubeconflict-controller',
      reportingInstance: 'instance-1',
      source: {},
    };
    assert.deepEqual(eventPrinter.cells(event, now), [
      '<unknown>',
      '',
      'Bare',
      'node',
      '',
      'kubeconflict-controller, instance-1',
      'spaced out',
      '<unknown>',
      1,
      'bare',
    ]);
  });

  it("prints a series' last observation and count, first seen at the event time", () => {
    const event = {
      metadata: metadata('series'),
      involvedObject: { kind: 'Pod', name: 'web-0', namespace: 'default', fieldPath: 'spec.containers{web}' },
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container',
      eventTime: '2026-01-01T00:00:00.000000Z',
      series: { count: 3, lastObservedTime: '2026-01-02T00:00:00.000000Z' },
      reportingComponent: 'kubelet',
      reportingInstance: 'node-a',
      source: { component: 'kubelet' },
    };
    assert.deepEqual(eventPrinter.cells(event, now), [
      '337d',
      'Warning',
      'BackOff',
      'pod/web-0',
      'spec.containers{web}',
      'kubelet, node-a',
      'Back-off restarting failed container',
      '338d',
      3,
      'series',
    ]);
  });

  it('prints first and last timestamps, the count, the source component and host', () => {
    const event = {
      metadata: metadata('counted'),
      involvedObject: { kind: 'ConfigMap', name: 'settings', namespace: 'default' },
      type: 'Normal',
      reason: 'Counted',
      message: 'seen often',
      firstTimestamp: '2026-01-01T00:00:00Z',
      lastTimestamp: '2026-01-03T00:00:00Z',
      count: 5,
      source: { component: 'kubeconflict', host: 'node-b' },
    };
    const cells = eventPrinter.cells(event, now);
    assert.deepEqual([cells[0], cells[5], cells[7], cells[8]], ['336d', 'kubeconflict, node-b', '338d', 5]);
  });
});

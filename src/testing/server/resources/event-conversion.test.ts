import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coreToEventsV1, eventsV1ToCore } from './event-conversion.ts';

// Expected bodies as kube-apiserver v1.36.3 answered the same Event through the other version.
const metadata = { name: 'e', namespace: 'default', uid: 'u', resourceVersion: '7' };

describe('Event conversion between core/v1 and events.k8s.io/v1', () => {
  it('a legacy core Event reads through events.k8s.io/v1 with its fields renamed, in Go order', () => {
    const core = {
      kind: 'Event',
      apiVersion: 'v1',
      metadata,
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'p', apiVersion: 'v1' },
      reason: 'Started',
      message: 'hello',
      source: { component: 'kubelet', host: 'n1' },
      firstTimestamp: '2026-01-01T00:00:00Z',
      lastTimestamp: '2026-01-01T00:01:00Z',
      count: 3,
      type: 'Normal',
      eventTime: null,
      reportingComponent: '',
      reportingInstance: '',
    };
    // Compared as text: Go's field order counts.
    assert.equal(
      JSON.stringify(coreToEventsV1(core)),
      JSON.stringify({
        kind: 'Event',
        apiVersion: 'events.k8s.io/v1',
        metadata,
        eventTime: null,
        reason: 'Started',
        regarding: { kind: 'Pod', namespace: 'default', name: 'p', apiVersion: 'v1' },
        note: 'hello',
        type: 'Normal',
        deprecatedSource: { component: 'kubelet', host: 'n1' },
        deprecatedFirstTimestamp: '2026-01-01T00:00:00Z',
        deprecatedLastTimestamp: '2026-01-01T00:01:00Z',
        deprecatedCount: 3,
      }),
    );
  });

  it('an events.k8s.io/v1 Event is stored as the core Event kube-apiserver serves, zeros included', () => {
    const events = {
      kind: 'Event',
      apiVersion: 'events.k8s.io/v1',
      metadata,
      eventTime: '2026-01-01T00:00:00.000000Z',
      reportingController: 'example.com/ctl',
      reportingInstance: 'i-1',
      action: 'A',
      reason: 'R',
      regarding: { kind: 'Pod', namespace: 'default', name: 'p' },
      note: 'n',
      type: 'Normal',
    };
    assert.equal(
      JSON.stringify(eventsV1ToCore(events)),
      JSON.stringify({
        kind: 'Event',
        apiVersion: 'v1',
        metadata,
        involvedObject: { kind: 'Pod', namespace: 'default', name: 'p' },
        reason: 'R',
        message: 'n',
        source: {},
        firstTimestamp: null,
        lastTimestamp: null,
        type: 'Normal',
        eventTime: '2026-01-01T00:00:00.000000Z',
        action: 'A',
        reportingComponent: 'example.com/ctl',
        reportingInstance: 'i-1',
      }),
    );
  });

  it('converts back to what it started from', () => {
    const events = {
      metadata,
      eventTime: '2026-01-01T00:00:00.000000Z',
      series: { count: 2, lastObservedTime: '2026-01-01T00:01:00.000000Z' },
      related: { kind: 'Node', name: 'n' },
      deprecatedCount: 4,
    };
    const back = coreToEventsV1(eventsV1ToCore(events));
    assert.deepEqual(back.series, events.series);
    assert.deepEqual(back.related, events.related);
    assert.equal(back.deprecatedCount, 4);
  });
});

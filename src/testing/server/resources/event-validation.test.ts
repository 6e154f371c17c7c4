import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../core/object.ts';
import { eventCreateCauses } from './event-validation.ts';

// Expected causes as kube-apiserver v1.36.3 answered the same creates.
const fields = (event: KubeObject, api: 'v1' | 'events.k8s.io/v1') =>
  eventCreateCauses(event, api).map((cause) => `${cause.field}: ${cause.message}`);

describe('eventCreateCauses', () => {
  it('events.k8s.io/v1 without an eventTime: the eventTime and the type', () => {
    const event = { metadata: { name: 'e2', namespace: 'default' }, eventTime: null } as KubeObject;
    assert.deepEqual(fields(event, 'events.k8s.io/v1'), [
      'eventTime: Required value',
      'type: Invalid value: "": has invalid value: ',
    ]);
  });

  it('events.k8s.io/v1 with an eventTime only: who reported it, what, a short series, the deprecated fields', () => {
    const event = {
      metadata: { name: 'e2', namespace: 'default' },
      eventTime: '2026-01-01T00:00:00.000000Z',
      type: 'Normal',
      count: 2,
      source: { host: 'x' },
      firstTimestamp: '2026-01-01T00:00:00Z',
      series: { count: 1 },
    } as KubeObject;
    assert.deepEqual(fields(event, 'events.k8s.io/v1'), [
      'reportingController: Required value',
      'reportingController: Invalid value: "": name part must be non-empty',
      "reportingController: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      'reportingInstance: Required value',
      'action: Required value',
      'reason: Required value',
      'series.count: Invalid value: "": should be at least 2',
      'series.lastObservedTime: Required value',
      'firstTimestamp: Invalid value: "": needs to be unset',
      'count: Invalid value: "": needs to be unset',
      'source: Invalid value: "": needs to be unset',
    ]);
  });

  it('core/v1 checks only the legacy rules: a legacy Event about a Pod of another namespace', () => {
    const event = {
      metadata: { name: 'x', namespace: 'default' },
      involvedObject: { kind: 'Pod', namespace: 'kube-system', name: 'web' },
    } as KubeObject;
    assert.deepEqual(fields(event, 'v1'), [
      'involvedObject.namespace: Invalid value: "kube-system": does not match event.namespace',
    ]);
  });
});

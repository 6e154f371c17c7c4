import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../core/object.ts';
import { createFieldTracker } from '../fields/field-tracker.ts';
import { eventsV1 } from './events-v1-type.ts';
import { ownVersionFields } from './own-version-fields.ts';

// What kube-apiserver v1.36.3 recorded for the same writes through events.k8s.io/v1 of an
// Event created through core/v1 by `curl`.
const time = '2026-01-01T00:00:00Z';
const coreEntry = {
  manager: 'curl',
  operation: 'Update',
  apiVersion: 'v1',
  time,
  fieldsType: 'FieldsV1',
  fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:cohabit': {} } }, 'f:reason': {} },
};
const live = {
  apiVersion: 'events.k8s.io/v1',
  kind: 'Event',
  metadata: { name: 'e', namespace: 'default', uid: 'u', labels: { cohabit: 'x' }, managedFields: [coreEntry] },
  eventTime: null,
  reason: 'R',
} as KubeObject;
const fields = ownVersionFields(createFieldTracker());

describe('ownVersionFields', () => {
  it('an update through the other version leaves only its own entries; one that changes nothing, none', () => {
    const unchanged = fields.update({ type: eventsV1, live, updated: live, manager: 'curl', time });
    assert.deepEqual(unchanged, []);
    const relabelled = { ...live, metadata: { ...live.metadata, labels: { cohabit: 'x', z: '1' } } } as KubeObject;
    const entries = fields.update({ type: eventsV1, live, updated: relabelled, manager: 'curl', time });
    assert.deepEqual(
      entries.map((entry) => [entry.manager, entry.apiVersion, entry.fieldsV1]),
      [['curl', 'events.k8s.io/v1', { 'f:metadata': { 'f:labels': { 'f:z': {} } } }]],
    );
  });

  it('an apply conflicts with none of the other version’s managers, and no before-first-apply entry appears', () => {
    const config = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'e', labels: { cohabit: 'y' } },
    } as KubeObject;
    const result = fields.apply({ type: eventsV1, live, config, manager: 'applier', force: false, time });
    assert.ok('object' in result, JSON.stringify(result));
    assert.deepEqual(
      result.object.metadata?.managedFields?.map((entry) => [entry.manager, entry.operation, entry.apiVersion]),
      [['applier', 'Apply', 'events.k8s.io/v1']],
    );
  });
});

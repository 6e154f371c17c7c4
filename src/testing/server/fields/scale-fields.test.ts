import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ManagedFieldsEntry } from '../../../core/object.ts';
import { deploymentReplicasPaths, toParentManagedFields, toScaleManagedFields } from './scale-fields.ts';

// A Deployment's managedFields after `POST ?fieldManager=creator`, cut down.
const creator: ManagedFieldsEntry = {
  manager: 'creator',
  operation: 'Update',
  apiVersion: 'apps/v1',
  time: '2026-12-05T07:48:04Z',
  fieldsType: 'FieldsV1',
  fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:a': {} } }, 'f:spec': { 'f:replicas': {}, 'f:paused': {} } },
};
const creatorWithoutReplicas = { ...creator, fieldsV1: { ...creator.fieldsV1, 'f:spec': { 'f:paused': {} } } };
const replicasOnly = { 'f:spec': { 'f:replicas': {} } };

describe('managedFields across /scale (as kube-apiserver v1.36.3 records them)', () => {
  it('shows the Scale the owners of the replicas, in autoscaling/v1', () => {
    assert.deepEqual(toScaleManagedFields([creator], deploymentReplicasPaths), [
      { ...creator, apiVersion: 'autoscaling/v1', fieldsV1: replicasOnly },
    ]);
  });

  it('moves the replicas to a new Scale writer: an entry with subresource scale and no time', () => {
    const scale: ManagedFieldsEntry[] = [
      {
        manager: 'scaler',
        operation: 'Update',
        apiVersion: 'autoscaling/v1',
        time: '2026-12-05T07:48:09Z',
        fieldsType: 'FieldsV1',
        fieldsV1: replicasOnly,
        subresource: 'scale',
      },
    ];
    assert.deepEqual(toParentManagedFields([creator], scale, deploymentReplicasPaths, 'apps/v1'), [
      {
        manager: 'scaler',
        operation: 'Update',
        apiVersion: 'apps/v1',
        fieldsType: 'FieldsV1',
        fieldsV1: replicasOnly,
        subresource: 'scale',
      },
      creatorWithoutReplicas,
    ]);
  });

  it('splits an Update owner whose replicas a Scale write left alone (its identifier names another apiVersion)', () => {
    const unchanged = toScaleManagedFields([creator], deploymentReplicasPaths);
    const { time: _time, ...creatorReplicas } = { ...creator, fieldsV1: replicasOnly };
    assert.deepEqual(toParentManagedFields([creator], unchanged, deploymentReplicasPaths, 'apps/v1'), [
      creatorReplicas,
      creatorWithoutReplicas,
    ]);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { persistentVolumeClaimPrinter } from './persistent-volume-claim-printer.ts';

// Expected cells as kube-apiserver v1.36.3 printed the same claims (stored as it defaults them).
const now = new Date('2026-01-01T01:00:00Z');
const metadata = { name: 'x', creationTimestamp: '2026-01-01T00:00:00Z' };
const spec = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' };

describe('persistentVolumeClaimPrinter', () => {
  it('prints a bound claim: the capacity and access modes of its status (in a fixed order, once each)', () => {
    const claim = {
      metadata,
      spec: {
        ...spec,
        storageClassName: 'fast',
        volumeName: 'pv-bound',
        volumeMode: 'Block',
        volumeAttributesClassName: 'gold',
      },
      status: {
        phase: 'Bound',
        accessModes: ['ReadWriteOncePod', 'ReadOnlyMany', 'ReadWriteMany', 'ReadOnlyMany'],
        capacity: { storage: '2Gi' },
      },
    };
    assert.deepEqual(persistentVolumeClaimPrinter.cells(claim, now), [
      'x',
      'Bound',
      'pv-bound',
      '2Gi',
      'ROX,RWX,RWOP',
      'fast',
      'gold',
      '60m',
      'Block',
    ]);
  });

  it('prints a claim naming a volume without capacity as 0, the beta storage class annotation', () => {
    const annotations = { 'volume.beta.kubernetes.io/storage-class': 'beta-class' };
    const claim = {
      metadata: { ...metadata, annotations },
      spec: { ...spec, volumeName: 'pv-empty' },
      status: { phase: 'Pending' },
    };
    assert.deepEqual(persistentVolumeClaimPrinter.cells(claim, now), [
      'x',
      'Pending',
      'pv-empty',
      '0',
      '',
      'beta-class',
      '<unset>',
      '60m',
      'Filesystem',
    ]);
  });

  it('prints a deleted claim as Terminating, without capacity or access modes while no volume is named', () => {
    const claim = {
      metadata: { ...metadata, deletionTimestamp: '2026-01-01T00:30:00Z' },
      spec,
      status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
    };
    assert.deepEqual(persistentVolumeClaimPrinter.cells(claim, now), [
      'x',
      'Terminating',
      '',
      '',
      '',
      '',
      '<unset>',
      '60m',
      'Filesystem',
    ]);
  });
});

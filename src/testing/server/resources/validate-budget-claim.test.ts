// The causes here are kube-apiserver v1.36.3's, recorded by the conformance cases in
// test/conformance/cases/invalid/budgets-claims.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validatePodDisruptionBudget } from './validate-budget.ts';
import { validatePersistentVolumeClaim } from './validate-claim.ts';

type Json = Record<string, unknown>;
const shown = (causes: readonly { field: string; message: string }[]) => causes.map((c) => `${c.field}: ${c.message}`);
const budget = (spec: Json) => ({
  metadata: { name: 'b' },
  spec: { selector: { matchLabels: { app: 'a' } }, ...spec },
});
const claim = (spec: Json) => ({ metadata: { name: 'c' }, spec });

describe('PodDisruptionBudget validation', () => {
  it('refuses minAvailable and maxUnavailable together, showing the internal spec as Go prints it', () => {
    assert.deepEqual(shown(validatePodDisruptionBudget(budget({ minAvailable: 1, maxUnavailable: '50%' }))), [
      'spec: Invalid value: {"MinAvailable":1,"Selector":{"matchLabels":{"app":"a"}},"MaxUnavailable":"50%","UnhealthyPodEvictionPolicy":null}: minAvailable and maxUnavailable cannot be both set',
    ]);
  });

  it('refuses negative numbers, strings that are not percentages, and more than 100%', () => {
    assert.deepEqual(shown(validatePodDisruptionBudget(budget({ minAvailable: -1 }))), [
      'spec.minAvailable: Invalid value: -1: must be greater than or equal to 0',
    ]);
    assert.deepEqual(shown(validatePodDisruptionBudget(budget({ minAvailable: 'half' }))), [
      "spec.minAvailable: Invalid value: \"half\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]);
    assert.deepEqual(shown(validatePodDisruptionBudget(budget({ maxUnavailable: '150%' }))), [
      'spec.maxUnavailable: Invalid value: "150%": must not be greater than 100%',
    ]);
    assert.deepEqual(validatePodDisruptionBudget(budget({ minAvailable: '100%' })), []);
  });
});

describe('PersistentVolumeClaim validation', () => {
  it('requires an access mode and a storage request', () => {
    assert.deepEqual(shown(validatePersistentVolumeClaim(claim({}))), [
      'spec.accessModes: Required value: at least 1 access mode is required',
      'spec.resources[storage]: Required value',
    ]);
  });

  it('refuses unknown modes, ReadWriteOncePod with others, a zero request and an unknown volumeMode', () => {
    const storage = { resources: { requests: { storage: '1Gi' } } };
    assert.deepEqual(shown(validatePersistentVolumeClaim(claim({ accessModes: ['ReadWriteSometimes'], ...storage }))), [
      'spec.accessModes: Unsupported value: "ReadWriteSometimes": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
    ]);
    assert.deepEqual(
      shown(validatePersistentVolumeClaim(claim({ accessModes: ['ReadWriteOncePod', 'ReadOnlyMany'], ...storage }))),
      ['spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes'],
    );
    const zero = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '0' } } };
    assert.deepEqual(shown(validatePersistentVolumeClaim(claim(zero))), [
      'spec.resources[storage]: Invalid value: "0": must be greater than zero',
    ]);
    assert.deepEqual(
      shown(validatePersistentVolumeClaim(claim({ accessModes: ['ReadWriteOnce'], volumeMode: 'Disk', ...storage }))),
      ['spec.volumeMode: Unsupported value: "Disk": supported values: "Block", "Filesystem"'],
    );
  });
});

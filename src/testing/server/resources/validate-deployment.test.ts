// The causes here are kube-apiserver v1.36.3's, recorded by the conformance case
// "invalid specs: negative replicas, and Deployment strategies and deadlines".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deploymentStrategyCauses } from './validate-deployment.ts';

type Json = Record<string, unknown>;
const shown = (spec: Json) => deploymentStrategyCauses(spec).map(({ field, message }) => `${field}: ${message}`);
const rolling = (rollingUpdate: Json) => ({ strategy: { type: 'RollingUpdate', rollingUpdate } });

describe('Deployment strategy validation', () => {
  it('refuses maxSurge and maxUnavailable both 0, a string that is no percentage, and more than 100%', () => {
    assert.deepEqual(shown(rolling({ maxSurge: 0, maxUnavailable: '0%' })), [
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0',
    ]);
    assert.deepEqual(shown(rolling({ maxSurge: 'lots', maxUnavailable: '150%' })), [
      "spec.strategy.rollingUpdate.maxSurge: Invalid value: \"lots\": a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "150%": must not be greater than 100%',
    ]);
    assert.deepEqual(shown(rolling({ maxSurge: '25%', maxUnavailable: '25%' })), []);
  });

  it('refuses a rollingUpdate beside Recreate, and an unknown type showing Go’s internal strategy', () => {
    assert.deepEqual(shown({ strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }), [
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
    ]);
    assert.deepEqual(shown({ strategy: { type: 'BlueGreen' } }), [
      'spec.strategy: Unsupported value: {"Type":"BlueGreen","RollingUpdate":null}: supported values: "Recreate", "RollingUpdate"',
    ]);
  });

  it('refuses a progress deadline not above minReadySeconds', () => {
    assert.deepEqual(shown({ ...rolling({ maxSurge: 1 }), minReadySeconds: 600, progressDeadlineSeconds: 600 }), [
      'spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds',
    ]);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../core/object.ts';
import { services } from './service-type.ts';

/** The causes of a new Service with these ports, after defaulting, as the server checks it. */
function causesOf(ports: unknown[]): unknown {
  const service: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports } };
  services.applyDefaults?.(service);
  return services.validate?.(service, undefined);
}

describe('Service port validation', () => {
  it('refuses a port out of range, and the targetPort defaulted from it, as kube-apiserver does', () => {
    // Checked against kube-apiserver v1.36.3 by test/integration/python-client.test.ts.
    const detail = 'Invalid value: 70000: must be between 1 and 65535, inclusive';
    assert.deepEqual(causesOf([{ name: 'http', port: 70000 }]), [
      { reason: 'FieldValueInvalid', message: detail, field: 'spec.ports[0].port' },
      { reason: 'FieldValueInvalid', message: detail, field: 'spec.ports[0].targetPort' },
    ]);
  });

  it('accepts ports in range and a named targetPort', () => {
    assert.deepEqual(causesOf([{ port: 80 }, { port: 65535, targetPort: 'http' }]), []);
  });
});

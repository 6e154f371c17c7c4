// The causes here are kube-apiserver v1.36.3's, recorded by the conformance case
// "invalid specs: Service port protocols, names, duplicates and types".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateService } from './validate-service.ts';

describe('Service validation', () => {
  it('requires ports, unless the Service is headless', () => {
    assert.deepEqual(validateService({ metadata: { name: 's' }, spec: { type: 'ClusterIP', ports: [] } }), [
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.ports' },
    ]);
    assert.deepEqual(validateService({ metadata: { name: 's' }, spec: { type: 'ClusterIP', clusterIP: 'None' } }), []);
  });

  it('refuses a type kube-apiserver does not know, listing the four it does', () => {
    const spec = { type: 'Public', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] };
    assert.deepEqual(validateService({ metadata: { name: 's' }, spec }), [
      {
        reason: 'FieldValueNotSupported',
        message:
          'Unsupported value: "Public": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
        field: 'spec.type',
      },
    ]);
  });
});

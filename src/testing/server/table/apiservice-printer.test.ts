import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiServicePrinter } from './apiservice-printer.ts';

// Expected cells as kube-apiserver v1.36.3 printed the same objects.
const now = new Date('2026-01-01T00:00:06Z');
const metadata = (name: string) => ({ name, creationTimestamp: '2026-01-01T00:00:00Z' });
const available = (status: string, reason: string) => ({
  conditions: [{ type: 'Available', status, reason, message: 'm', lastTransitionTime: '2026-01-01T00:00:00Z' }],
});

describe('apiServicePrinter', () => {
  it('a local APIService: Local, True', () => {
    const object = { metadata: metadata('v1alpha1.x.example.com'), spec: {}, status: available('True', 'Local') };
    assert.deepEqual(apiServicePrinter.cells(object, now), ['v1alpha1.x.example.com', 'Local', 'True', '6s']);
  });

  it('a service without one: its namespace/name, False with the reason', () => {
    const object = {
      metadata: metadata('v1.y.example.com'),
      spec: { service: { namespace: 'default', name: 'nosvc', port: 443 } },
      status: available('False', 'ServiceNotFound'),
    };
    assert.deepEqual(apiServicePrinter.cells(object, now), [
      'v1.y.example.com',
      'default/nosvc',
      'False (ServiceNotFound)',
      '6s',
    ]);
  });
});

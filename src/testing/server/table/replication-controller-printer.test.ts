import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replicationControllerPrinter } from './workload-printers.ts';

// Expected cells as kube-apiserver v1.36.3 printed the same controllers
// (test/conformance/cases/core-controllers-nodes.ts, identical there).
const now = new Date('2026-01-01T01:00:00Z');
const template = {
  spec: {
    containers: [
      { name: 'main', image: 'busybox' },
      { name: 'side', image: 'nginx:1.27' },
    ],
  },
};

describe('replicationControllerPrinter', () => {
  it('prints replicas, the template containers and the selector map as labels, sorted by key', () => {
    const controller = {
      metadata: { name: 'rc', creationTimestamp: '2026-01-01T00:00:00Z' },
      spec: { replicas: 0, selector: { b: '2', a: '1' }, template },
      status: { replicas: 0 },
    };
    assert.deepEqual(replicationControllerPrinter.cells(controller, now), [
      'rc',
      0,
      0,
      0,
      '60m',
      'main,side',
      'busybox,nginx:1.27',
      'a=1,b=2',
    ]);
  });
});

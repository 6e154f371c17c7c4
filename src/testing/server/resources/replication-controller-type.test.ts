import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultReplicationController } from './replication-controller-type.ts';

// As kube-apiserver v1.36.3 defaulted the same controllers (test/conformance/cases/core-controllers-nodes.ts).
describe('defaultReplicationController', () => {
  it('takes the selector and the labels from the template when they are empty, and one replica', () => {
    const controller = {
      metadata: { name: 'rc' },
      spec: { template: { metadata: { labels: { app: 'x', tier: 'web' } }, spec: { containers: [] } } },
    };
    defaultReplicationController(controller);
    assert.deepEqual(controller.metadata, { name: 'rc', labels: { app: 'x', tier: 'web' } });
    const spec = controller.spec as Record<string, unknown>;
    assert.deepEqual(spec.selector, { app: 'x', tier: 'web' });
    assert.equal(spec.replicas, 1);
    assert.equal((controller.spec.template.spec as Record<string, unknown>).restartPolicy, 'Always');
  });

  it('keeps a selector, labels and replicas of its own', () => {
    const controller = {
      metadata: { name: 'rc', labels: { own: 'yes' } },
      spec: { replicas: 0, selector: { a: '1' }, template: { metadata: { labels: { a: '1', c: '3' } } } },
    };
    defaultReplicationController(controller);
    assert.deepEqual(controller.metadata.labels, { own: 'yes' });
    assert.deepEqual(controller.spec.selector, { a: '1' });
    assert.equal(controller.spec.replicas, 0);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultReplicationController, replicationControllerCauses } from './replication-controller-type.ts';

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

// Messages as kube-apiserver v1.36.3 answered the same controllers (test/conformance/cases/core-controllers-nodes.ts).
describe('replicationControllerCauses', () => {
  it('wants a selector and a template, in that order', () => {
    assert.deepEqual(
      replicationControllerCauses({ metadata: { name: 'rc' }, spec: {} }).map(
        ({ field, message }) => `${field}: ${message}`,
      ),
      ['spec.selector: Required value', 'spec.template: Required value'],
    );
  });

  it('refuses template labels the selector does not match, no containers, and another restart policy', () => {
    const controller = {
      metadata: { name: 'rc' },
      spec: {
        selector: { app: 'other' },
        template: { metadata: { labels: { app: 'x' } }, spec: { restartPolicy: 'OnFailure', containers: [] } },
      },
    };
    assert.deepEqual(
      replicationControllerCauses(controller).map(({ field, message }) => `${field}: ${message}`),
      [
        'spec.template.metadata.labels: Invalid value: {"app":"x"}: `selector` does not match template `labels`',
        'spec.template.spec.containers: Required value',
        'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
      ],
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../testing/server/kube-object.ts';
import { maxWaitingShown, turnOf, waitingAnnotation, waitingOf, withQueue } from './queue-markers.ts';

const object: KubeObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'hot', labels: { app: 'web' }, annotations: { note: 'kept' } },
};

describe('queue markers', () => {
  it('hand the turn to the first ticket and list the rest, keeping the object’s own labels', () => {
    const marked = withQueue(object, ['7', '9', '12']);
    assert.equal(turnOf(marked), '7');
    assert.deepEqual(waitingOf(marked), ['9', '12']);
    assert.deepEqual(marked.metadata, {
      name: 'hot',
      labels: { app: 'web', 'kubeconflict.io/queue-turn': '7' },
      annotations: { note: 'kept', 'kubeconflict.io/queue-waiting': '9 12' },
    });
  });

  it('leave an idle object exactly as it was before the queue, without empty maps', () => {
    assert.deepEqual(withQueue(withQueue(object, ['7', '9']), []), object);
    const bare: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'bare' } };
    assert.deepEqual(withQueue(withQueue(bare, ['1', '2']), []), bare);
    assert.equal(turnOf(bare), undefined);
    assert.deepEqual(waitingOf(bare), []);
  });

  it('never grow the annotation past a bound: later tickets are found by listing again', () => {
    const many = Array.from({ length: 1_000 }, (_, i) => String(i + 1));
    const marked = withQueue(object, many);
    assert.equal(waitingOf(marked).length, maxWaitingShown);
    assert.ok((marked.metadata?.annotations?.[waitingAnnotation]?.length ?? 0) < 2_000);
  });
});

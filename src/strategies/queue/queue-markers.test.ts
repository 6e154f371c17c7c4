import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../core/object.ts';
import { maxWaitingShown, queueStateOf, waitingAnnotation, withQueue } from './queue-markers.ts';

const object: KubeObject = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'hot', labels: { app: 'web' }, annotations: { note: 'kept' } },
};

describe('queue markers', () => {
  it('hand the turn to the first ticket and list the rest after the highest listed, keeping the object’s own marks', () => {
    const marked = withQueue(object, ['7', '9', '12'], '15');
    assert.deepEqual(queueStateOf(marked), { turn: '7', waiting: ['9', '12'], listedThrough: '15' });
    assert.deepEqual(marked.metadata, {
      name: 'hot',
      labels: { app: 'web', 'kubeconflict.io/queue-turn': '7' },
      annotations: { note: 'kept', 'kubeconflict.io/queue-waiting': '15 9 12' },
    });
  });

  it('leave an idle object exactly as it was before the queue, without empty maps', () => {
    assert.deepEqual(withQueue(withQueue(object, ['7', '9'], '9'), [], '9'), object);
    const bare: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'bare' } };
    assert.deepEqual(withQueue(withQueue(bare, ['1', '2'], '2'), [], '2'), bare);
    assert.deepEqual(queueStateOf(bare), { turn: undefined, waiting: [], listedThrough: undefined });
  });

  it('never grow the annotation past a bound: later tickets are found by listing again', () => {
    const many = Array.from({ length: 1_000 }, (_, i) => String(i + 1));
    const marked = withQueue(object, many, '1000');
    const state = queueStateOf(marked);
    assert.equal(state.waiting.length, maxWaitingShown);
    assert.equal(state.listedThrough, state.waiting.at(-1), 'the tickets left out are listed again');
    assert.ok((marked.metadata?.annotations?.[waitingAnnotation]?.length ?? 0) < 2_000);
  });
});

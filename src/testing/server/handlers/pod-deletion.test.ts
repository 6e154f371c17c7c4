import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { podGracefulDeletion } from './pod-deletion.ts';

const pod = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) => ({
  metadata: { name: 'p', generation: 1, ...metadata },
  spec,
});

describe('podGracefulDeletion', () => {
  it('a Pod on no node gets no grace period; generation bumped', () => {
    const { marked, period, pending } = podGracefulDeletion(pod({}), 30);
    assert.equal(pending, false);
    assert.equal(period, 0);
    assert.equal(marked?.metadata?.deletionGracePeriodSeconds, 0);
    assert.equal(marked.metadata.generation, 2);
  });

  it('a Pod on a node gets its terminationGracePeriodSeconds, else 30, else what was asked', () => {
    assert.equal(podGracefulDeletion(pod({ nodeName: 'n' }), undefined).period, 30);
    assert.equal(podGracefulDeletion(pod({ nodeName: 'n', terminationGracePeriodSeconds: 5 }), undefined).period, 5);
    assert.equal(podGracefulDeletion(pod({ nodeName: 'n' }), 7).period, 7);
  });

  it('a pending deletion is only shortened, never lengthened', () => {
    const marking = { deletionTimestamp: new Date(Date.now() + 30_000).toISOString(), deletionGracePeriodSeconds: 30 };
    const marked = pod({ nodeName: 'n' }, marking);
    assert.equal(podGracefulDeletion(marked, undefined).pending, true);
    assert.equal(podGracefulDeletion(marked, 60).pending, true);
    const shortened = podGracefulDeletion(marked, 0);
    assert.equal(shortened.pending, false);
    assert.equal(shortened.period, 0);
  });
});

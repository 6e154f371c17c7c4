import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deletionFinalizers, markAsDeleting, namespaceDeletionFinalizers } from './deletion-finalizers.ts';

// Expected lists checked against kube-apiserver v1.36.3 (test/conformance/cases/finalizers.ts).
describe('deletionFinalizers', () => {
  it('adds orphan or foregroundDeletion as the options ask, after the others', () => {
    assert.deepEqual(deletionFinalizers([], { propagationPolicy: 'Orphan' }), {
      changed: true,
      finalizers: ['orphan'],
    });
    assert.deepEqual(deletionFinalizers(['a/b'], { propagationPolicy: 'Foreground' }), {
      changed: true,
      finalizers: ['a/b', 'foregroundDeletion'],
    });
    assert.deepEqual(deletionFinalizers([], { orphanDependents: true }), { changed: true, finalizers: ['orphan'] });
  });

  it('a new choice replaces the old one; none keeps what is there', () => {
    assert.deepEqual(deletionFinalizers(['orphan', 'a/b'], { propagationPolicy: 'Foreground' }).finalizers, [
      'a/b',
      'foregroundDeletion',
    ]);
    assert.deepEqual(deletionFinalizers(['orphan', 'a/b'], {}), { changed: false, finalizers: ['orphan', 'a/b'] });
    assert.deepEqual(deletionFinalizers(['orphan'], { orphanDependents: false }), { changed: true, finalizers: [] });
    assert.deepEqual(deletionFinalizers([], { propagationPolicy: 'Background' }), { changed: false, finalizers: [] });
  });

  // A core/v1 ReplicationController (test/conformance/cases/core-controllers-nodes.ts and its round).
  it('orphans by default for a kind whose default is to orphan, unless the options say otherwise', () => {
    assert.deepEqual(deletionFinalizers([], {}, true), { changed: true, finalizers: ['orphan'] });
    assert.deepEqual(deletionFinalizers([], { propagationPolicy: 'Background' }, true), {
      changed: false,
      finalizers: [],
    });
  });
});

describe('namespaceDeletionFinalizers', () => {
  it('sets each of orphan and foregroundDeletion as asked, keeping the others', () => {
    assert.deepEqual(namespaceDeletionFinalizers([], { propagationPolicy: 'Orphan' }), ['orphan']);
    assert.deepEqual(namespaceDeletionFinalizers(['orphan', 'x/y'], { orphanDependents: false }), [
      'x/y',
      'foregroundDeletion',
    ]);
    assert.deepEqual(namespaceDeletionFinalizers(['orphan'], {}), ['orphan']);
  });
});

describe('markAsDeleting', () => {
  it('marks once: generation bumped on the first mark only, the first timestamp kept', () => {
    const object = { metadata: { name: 'x', generation: 3 } };
    markAsDeleting(object);
    const first = object.metadata as { deletionTimestamp?: string; deletionGracePeriodSeconds?: number };
    assert.equal(object.metadata.generation, 4);
    assert.equal(first.deletionGracePeriodSeconds, 0);
    first.deletionTimestamp = '2020-01-01T00:00:00Z';
    markAsDeleting(object);
    assert.equal(object.metadata.generation, 4);
    assert.equal(first.deletionTimestamp, '2020-01-01T00:00:00Z');
  });
});

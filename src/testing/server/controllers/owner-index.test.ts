import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../core/object.ts';
import type { StoreEvent } from '../object-store.ts';
import { OwnerIndex } from './owner-index.ts';

const object = (uid: string, owners: string[] = [], deleting = false): KubeObject => ({
  metadata: {
    name: uid,
    uid,
    ...(owners.length > 0 && { ownerReferences: owners.map((owner) => ({ uid: owner })) }),
    ...(deleting && { deletionTimestamp: '2026-01-01T00:00:00Z' }),
  },
});
const event = (type: StoreEvent['type'], next: KubeObject, previous?: KubeObject): StoreEvent => ({
  type,
  resource: '/configmaps',
  namespace: 'default',
  revision: 1,
  object: next,
  ...(previous && { previous }),
});

describe('OwnerIndex', () => {
  it('finds objects and dependents by uid, following changed and removed references', () => {
    const index = new OwnerIndex();
    index.observe(event('ADDED', object('owner')));
    const child = object('child', ['owner']);
    index.observe(event('ADDED', child));
    assert.deepEqual(index.dependentsOf('owner'), ['child']);
    assert.deepEqual(index.find('child'), { resource: '/configmaps', namespace: 'default', name: 'child' });
    index.observe(event('MODIFIED', object('child'), child));
    assert.deepEqual(index.dependentsOf('owner'), []);
    index.observe(event('DELETED', object('child')));
    assert.equal(index.find('child'), undefined);
  });

  it("an owner's dependents are to be visited only when it is deleted or being deleted", () => {
    const index = new OwnerIndex();
    index.observe(event('ADDED', object('owner')));
    index.observe(event('ADDED', object('child', ['owner'])));
    assert.deepEqual(index.observe(event('MODIFIED', object('owner'))), ['owner']);
    assert.deepEqual(index.observe(event('MODIFIED', object('owner', [], true))), ['owner', 'child']);
    assert.deepEqual(index.observe(event('DELETED', object('owner'))), ['owner', 'child']);
    assert.deepEqual(index.observe(event('MODIFIED', object('child', ['owner']))), ['child', 'owner']);
  });
});

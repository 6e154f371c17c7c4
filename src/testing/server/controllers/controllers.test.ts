// The controllers against the embedded server's own store and write paths: what a cluster's
// garbage collector and namespace controller leave behind (Kubernetes documentation:
// "Garbage Collection", "Use Cascading Deletion", "Namespaces").
import assert from 'node:assert/strict';
import { setImmediate as settled } from 'node:timers/promises';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../core/object.ts';
import { createFieldTracker } from '../fields/field-tracker.ts';
import { deleteStored } from '../handlers/delete-stored.ts';
import type { DeletionOptions } from '../handlers/deletion.ts';
import { persist } from '../handlers/persist.ts';
import { ObjectStore } from '../object-store.ts';
import { ResourceRegistry } from '../registry.ts';
import type { ResourceType } from '../resource-type.ts';
import { bootstrapNamespaces } from '../resources/bootstrap.ts';
import { configMaps, namespaces } from '../resources/builtin-types.ts';
import type { ControllerContext } from './controller-context.ts';
import { startControllers } from './controllers.ts';

interface Owner {
  readonly uid: string;
  readonly name: string;
  readonly blockOwnerDeletion?: boolean;
}

function cluster(controllers = true) {
  const store = new ObjectStore();
  bootstrapNamespaces(store);
  const context: ControllerContext = { store, fields: createFieldTracker(), registry: new ResourceRegistry() };
  const stop = controllers ? startControllers(context) : () => undefined;
  const resource = (type: ResourceType) => `${type.group}/${type.plural}`;
  const get = (name: string, namespace = 'default') => store.get(resource(configMaps), namespace, name);
  const create = (name: string, extra: { owners?: Owner[]; finalizers?: string[]; namespace?: string } = {}) => {
    const ownerReferences = extra.owners?.map((owner) => ({ apiVersion: 'v1', kind: 'ConfigMap', ...owner }));
    const metadata = {
      name,
      ...(ownerReferences && { ownerReferences }),
      ...(extra.finalizers && { finalizers: extra.finalizers }),
    };
    const desired = { apiVersion: 'v1', kind: 'ConfigMap', metadata };
    const namespace = extra.namespace ?? 'default';
    const write = { type: configMaps, namespace, live: undefined, desired, manager: 'test', dryRun: false };
    return persist(context, write).object;
  };
  const remove = (type: ResourceType, name: string, options: DeletionOptions = {}, namespace = 'default') => {
    const live = store.get(resource(type), type.namespaced ? namespace : '', name);
    assert.ok(live, `${name} exists`);
    const deletion = { type, namespace: type.namespaced ? namespace : '', name, options, dryRun: false };
    return deleteStored(context, deletion, live).object;
  };
  const release = (name: string, namespace = 'default') => {
    const live = get(name, namespace);
    assert.ok(live);
    const desired = structuredClone(live);
    delete desired.metadata?.finalizers;
    persist(context, { type: configMaps, namespace, live, desired, manager: 'test', dryRun: false });
  };
  return { store, context, get, create, remove, release, stop };
}

const ownerOf = (object: KubeObject, blockOwnerDeletion?: boolean): Owner => ({
  uid: object.metadata?.uid ?? '',
  name: object.metadata?.name ?? '',
  ...(blockOwnerDeletion !== undefined && { blockOwnerDeletion }),
});
const ownerUids = (object: KubeObject | undefined) =>
  ((object?.metadata?.ownerReferences ?? []) as Owner[]).map((owner) => owner.uid);

describe('garbage collector', () => {
  it('background: dependents whose every owner is gone go, down the chain; one with an owner left loses the reference', async () => {
    const { get, create, remove, stop } = cluster();
    const owner = create('owner');
    const other = create('other');
    const child = create('child', { owners: [ownerOf(owner)] });
    create('grandchild', { owners: [ownerOf(child)] });
    create('shared', { owners: [ownerOf(owner), ownerOf(other)] });
    remove(configMaps, 'owner');
    await settled();
    assert.equal(get('owner'), undefined);
    assert.equal(get('child'), undefined);
    assert.equal(get('grandchild'), undefined);
    assert.deepEqual(ownerUids(get('shared')), [other.metadata?.uid]);
    stop();
  });

  it('owners are matched by uid: a new object of the same name does not own the old dependents', async () => {
    const { get, create, remove, stop } = cluster();
    const first = create('owner');
    remove(configMaps, 'owner');
    create('owner');
    create('stale', { owners: [ownerOf(first)] });
    await settled();
    assert.equal(get('stale'), undefined);
    assert.ok(get('owner'));
    stop();
  });

  it('foreground: the owner waits, marked, until dependents that block it are gone', async () => {
    const { get, create, remove, release, stop } = cluster();
    const owner = create('fg-owner');
    create('fg-blocker', { owners: [ownerOf(owner, true)], finalizers: ['example.com/hold'] });
    create('fg-free', { owners: [ownerOf(owner)] });
    const answer = remove(configMaps, 'fg-owner', { propagationPolicy: 'Foreground' });
    assert.deepEqual(answer.metadata?.finalizers, ['foregroundDeletion']);
    await settled();
    assert.equal(get('fg-free'), undefined);
    assert.ok(get('fg-blocker')?.metadata?.deletionTimestamp);
    assert.deepEqual(get('fg-owner')?.metadata?.finalizers, ['foregroundDeletion']);
    release('fg-blocker');
    await settled();
    assert.equal(get('fg-blocker'), undefined);
    assert.equal(get('fg-owner'), undefined);
    stop();
  });

  it('orphan: dependents stay without the reference, then the orphan finalizer goes and the owner with it', async () => {
    const { get, create, remove, stop } = cluster();
    const owner = create('or-owner');
    const other = create('or-other');
    create('or-child', { owners: [ownerOf(owner)] });
    create('or-shared', { owners: [ownerOf(owner), ownerOf(other)] });
    remove(configMaps, 'or-owner', { propagationPolicy: 'Orphan' });
    await settled();
    assert.equal(get('or-owner'), undefined);
    assert.deepEqual(ownerUids(get('or-child')), []);
    assert.equal(get('or-child')?.metadata?.ownerReferences, undefined);
    assert.deepEqual(ownerUids(get('or-shared')), [other.metadata?.uid]);
    stop();
  });

  it('an owner held by a finalizer of its own keeps its dependents until it goes', async () => {
    const { get, create, remove, release, stop } = cluster();
    const owner = create('held-owner', { finalizers: ['example.com/hold'] });
    create('held-child', { owners: [ownerOf(owner)] });
    remove(configMaps, 'held-owner');
    await settled();
    assert.ok(get('held-child'));
    release('held-owner');
    await settled();
    assert.equal(get('held-owner'), undefined);
    assert.equal(get('held-child'), undefined);
    stop();
  });

  it('switched off, nothing is collected', async () => {
    const { get, create, remove } = cluster(false);
    const owner = create('off-owner');
    create('off-child', { owners: [ownerOf(owner)] });
    remove(configMaps, 'off-owner');
    await settled();
    assert.ok(get('off-child'));
  });
});

describe('namespace controller', () => {
  it('empties a deleted namespace (waiting for finalizers), then it is gone', async () => {
    const { store, context, create, get, remove, release, stop } = cluster();
    const write = { type: namespaces, namespace: '', live: undefined, manager: 'test', dryRun: false };
    persist(context, { ...write, desired: { metadata: { name: 'ending' } } });
    create('plain', { namespace: 'ending' });
    create('held', { namespace: 'ending', finalizers: ['example.com/hold'] });
    const answer = remove(namespaces, 'ending');
    assert.equal((answer.status as { phase?: string }).phase, 'Terminating');
    await settled();
    assert.equal(get('plain', 'ending'), undefined);
    assert.ok(get('held', 'ending')?.metadata?.deletionTimestamp);
    assert.ok(store.get('/namespaces', '', 'ending'));
    release('held', 'ending');
    await settled();
    assert.equal(get('held', 'ending'), undefined);
    assert.equal(store.get('/namespaces', '', 'ending'), undefined);
    stop();
  });
});

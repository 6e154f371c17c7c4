// The expected events were checked against kube-apiserver v1.36.3 by the conformance
// cases in test/conformance/cases/watch-selectors.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../core/object.ts';
import { ObjectStore, type StoreEvent } from '../object-store.ts';
import { parseLabelSelector } from '../selectors/label-selector.ts';
import { selectedEvent } from './watch-event.ts';

const resource = '/configmaps';
const configMap = (name: string, labels: Record<string, string>, data: Record<string, string> = {}): KubeObject => ({
  metadata: { name, namespace: 'default', labels },
  data,
});
const xIsY = parseLabelSelector('x=y');
const matches = (object: KubeObject) => xIsY(object.metadata?.labels ?? {});

/** A real store, recording every event it emits. */
function recordingStore() {
  const store = new ObjectStore();
  const events: StoreEvent[] = [];
  store.subscribe((event) => events.push(event));
  const last = () => {
    const event = events.at(-1);
    assert.ok(event, 'the store emitted no event');
    return event;
  };
  return { store, last };
}

describe('selectedEvent', () => {
  it('sends ADDED for an update that makes the object match, MODIFIED while it still does', () => {
    const { store, last } = recordingStore();
    store.put(resource, 'default', configMap('a', { x: 'n' }), 'ADDED');
    assert.equal(selectedEvent(last(), matches), undefined);
    store.put(resource, 'default', configMap('a', { x: 'y' }), 'MODIFIED');
    assert.equal(selectedEvent(last(), matches)?.type, 'ADDED');
    store.put(resource, 'default', configMap('a', { x: 'y' }, { k: '2' }), 'MODIFIED');
    assert.deepEqual(selectedEvent(last(), matches), { type: 'MODIFIED', object: last().object });
  });

  it('sends DELETED for an update that makes it stop matching: the object before, at the new resourceVersion', () => {
    const { store, last } = recordingStore();
    const before = store.put(resource, 'default', configMap('a', { x: 'y' }, { k: '1' }), 'ADDED');
    const snapshot = structuredClone(before);
    store.put(resource, 'default', configMap('a', { x: 'n' }, { k: '2' }), 'MODIFIED');
    const selected = selectedEvent(last(), matches);
    assert.equal(selected?.type, 'DELETED');
    assert.deepEqual(selected.object, {
      ...snapshot,
      metadata: { ...snapshot.metadata, resourceVersion: String(store.revision) },
    });
    // The stored object it was made from is shared with other readers, and stays as it was.
    assert.deepEqual(before, snapshot);
  });

  it('sends DELETED for the deletion of an object that matched, nothing for one that did not', () => {
    const { store, last } = recordingStore();
    store.put(resource, 'default', configMap('kept', { x: 'y' }), 'ADDED');
    store.put(resource, 'default', configMap('other', { x: 'n' }), 'ADDED');
    store.delete(resource, 'default', 'kept');
    const deleted = selectedEvent(last(), matches);
    assert.equal(deleted?.type, 'DELETED');
    assert.equal(deleted.object.metadata?.resourceVersion, String(store.revision));
    store.delete(resource, 'default', 'other');
    assert.equal(selectedEvent(last(), matches), undefined);
  });

  it('passes every event through unchanged when everything matches', () => {
    const { store, last } = recordingStore();
    const all = () => true;
    store.put(resource, 'default', configMap('a', {}), 'ADDED');
    assert.deepEqual(selectedEvent(last(), all), { type: 'ADDED', object: last().object });
    store.put(resource, 'default', configMap('a', { x: 'y' }), 'MODIFIED');
    assert.deepEqual(selectedEvent(last(), all), { type: 'MODIFIED', object: last().object });
    store.delete(resource, 'default', 'a');
    assert.deepEqual(selectedEvent(last(), all), { type: 'DELETED', object: last().object });
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../../../core/object.ts';
import { ObjectStore, type StoreEvent } from '../object-store.ts';
import { ConvertingStore } from './converting-store.ts';

// A toy cohabitation: `b/things` are `a/things` with `x` named `y`.
const rename = (from: string, to: string) => (object: KubeObject) => {
  const { [from]: value, ...rest } = object as Record<string, unknown>;
  return { ...rest, ...(value !== undefined && { [to]: value }) } as KubeObject;
};
const cohabitation = {
  served: 'b/things',
  stored: 'a/things',
  toStored: rename('y', 'x'),
  fromStored: rename('x', 'y'),
};

describe('ConvertingStore', () => {
  it('writes through the served resource land in the stored one, converted, at the next revision', () => {
    const store = new ObjectStore();
    const view = new ConvertingStore(store, cohabitation);
    const written = view.put('b/things', 'ns', { metadata: { name: 'n' }, y: 1 }, 'ADDED');
    assert.deepEqual(store.get('a/things', 'ns', 'n'), { metadata: { name: 'n', resourceVersion: '1' }, x: 1 });
    assert.deepEqual(written, { metadata: { name: 'n', resourceVersion: '1' }, y: 1 });
    assert.equal(view.revision, 1);
  });

  it('reads, lists and deletes the stored objects as served ones; other resources pass through', () => {
    const store = new ObjectStore();
    store.put('a/things', 'ns', { metadata: { name: 'n' }, x: 2 }, 'ADDED');
    store.put('c/others', 'ns', { metadata: { name: 'o' }, x: 3 }, 'ADDED');
    const view = new ConvertingStore(store, cohabitation);
    assert.deepEqual(view.get('b/things', 'ns', 'n'), { metadata: { name: 'n', resourceVersion: '1' }, y: 2 });
    assert.equal(view.get('b/things', 'ns', 'n'), view.get('b/things', 'ns', 'n'), 'one object read twice is one');
    assert.deepEqual(view.list('b/things', undefined).length, 1);
    assert.deepEqual(view.get('c/others', 'ns', 'o'), { metadata: { name: 'o', resourceVersion: '2' }, x: 3 });
    assert.deepEqual(view.delete('b/things', 'ns', 'n'), { metadata: { name: 'n', resourceVersion: '1' }, y: 2 });
    assert.equal(store.get('a/things', 'ns', 'n'), undefined);
  });

  it('watchers see the stored resource’s events as the served one’s, history and live alike', () => {
    const store = new ObjectStore();
    const view = new ConvertingStore(store, cohabitation);
    const seen: StoreEvent[] = [];
    const stop = view.subscribe((event) => seen.push(event));
    store.put('a/things', 'ns', { metadata: { name: 'n' }, x: 1 }, 'ADDED');
    store.put('a/things', 'ns', { metadata: { name: 'n' }, x: 2 }, 'MODIFIED');
    stop();
    assert.deepEqual(
      seen.map((event) => [event.resource, event.type, (event.object as { y?: number }).y]),
      [
        ['b/things', 'ADDED', 1],
        ['b/things', 'MODIFIED', 2],
      ],
    );
    assert.equal((seen[1]?.previous as { y?: number } | undefined)?.y, 1);
    assert.deepEqual(
      view.eventsSince(0)?.map((event) => event.resource),
      ['b/things', 'b/things'],
    );
  });
});

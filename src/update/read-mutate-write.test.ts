import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../core/object.ts';
import { mutated, noChange, sameJson } from './read-mutate-write.ts';

const object: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', labels: { n: '1' } } };

describe('mutated', () => {
  it('hands the mutation a copy and returns what it returned', async () => {
    const result = await mutated((copy) => {
      copy.metadata = { ...copy.metadata, labels: { n: '2' } };
      return copy;
    }, object);
    assert.deepEqual(result !== noChange && result.metadata?.labels, { n: '2' });
    assert.deepEqual(object.metadata?.labels, { n: '1' }, 'the object given is untouched');
    assert.equal(await mutated(() => noChange, object), noChange);
  });

  it('a mutation that forgot to return the object fails with a message saying so', async () => {
    for (const [returned, named] of [
      [undefined, 'undefined'],
      [null, 'null'],
      [5, '5'],
      [[], 'an array'],
    ] as const) {
      await assert.rejects(
        mutated(() => returned as unknown as KubeObject, object),
        new TypeError(`a mutation must return the object it was given, changed, or noChange; it returned ${named}`),
      );
    }
  });
});

describe('sameJson', () => {
  it('equal as JSON: key order, Dates and undefined fields do not matter', () => {
    assert.ok(sameJson({ a: 1, b: { c: 2 } }, { b: { c: 2 }, a: 1 }));
    assert.ok(sameJson({ t: new Date(0) }, { t: '1970-01-01T00:00:00.000Z' }));
    assert.ok(sameJson({ a: 1, gone: undefined }, { a: 1 }));
  });

  it('a changed value is a change, even one of the same length', () => {
    assert.ok(!sameJson({ n: '101' }, { n: '102' }));
    assert.ok(!sameJson({ a: 1, b: 2 }, { a: 2, b: 1 }));
    assert.ok(!sameJson({ a: 1 }, { a: 1, b: 2 }));
  });
});

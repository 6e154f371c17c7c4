// RFC 7386's own examples, then kube-apiserver v1.36.3's answers to merge patches of a
// custom resource (spec: {a: 1, arr: [1, 2, 3], obj: {x: 'y'}, n: null, s: 'str'}) and of
// ConfigMaps, recorded from the real server.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyMergePatch, checkMergePatch, MergePatchError } from './merge-patch.ts';

describe('applyMergePatch: RFC 7386 appendix A', () => {
  const cases: [unknown, unknown, unknown][] = [
    [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
    [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
    [{ a: 'b' }, { a: null }, {}],
    [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
    [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
    [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
    [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
    [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
    [
      ['a', 'b'],
      ['c', 'd'],
      ['c', 'd'],
    ],
    [{ a: 'b' }, ['c'], ['c']],
    [{ a: 'foo' }, null, null],
    [{ a: 'foo' }, 'bar', 'bar'],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: 'b', c: null }, { a: 'b' }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  for (const [target, patch, result] of cases) {
    it(`${JSON.stringify(target)} + ${JSON.stringify(patch)} = ${JSON.stringify(result)}`, () => {
      assert.deepEqual(applyMergePatch(target, patch), result);
    });
  }
});

describe('applyMergePatch: as kube-apiserver merges', () => {
  const spec = { a: 1, arr: [1, 2, 3], obj: { x: 'y' }, n: null, s: 'str' };
  const cases: [unknown, unknown][] = [
    [{ a: null }, { arr: [1, 2, 3], obj: { x: 'y' }, n: null, s: 'str' }],
    [{ zz: null }, spec],
    [{ obj: { x: null, y: 1 } }, { ...spec, obj: { y: 1 } }],
    [{ obj: { x: { deep: null } } }, { ...spec, obj: { x: {} } }],
    [{ arr: { x: null, y: 1 } }, { ...spec, arr: { y: 1 } }],
    [{ obj: [null, 1] }, { ...spec, obj: [null, 1] }],
    // Null members vanish wherever a patch object is inserted rather than merged...
    [{ arr: [{ b: null }] }, { ...spec, arr: [{}] }],
    [{ newarr: [{ b: null, c: 1 }] }, { ...spec, newarr: [{ c: 1 }] }],
    [{ newobj: { a: [{ b: null }] } }, { ...spec, newobj: { a: [{}] } }],
    [{ n: [{ b: null }] }, { ...spec, n: [{}] }],
    [{ s: { x: null, y: 1 } }, { ...spec, s: { y: 1 } }],
    [{ n: { x: null, y: 1 } }, { ...spec, n: { y: 1 } }],
    [{ q: { x: { y: null } } }, { ...spec, q: { x: {} } }],
  ];
  for (const [patch, result] of cases) {
    it(`spec + ${JSON.stringify(patch)}`, () => {
      assert.deepEqual(applyMergePatch({ spec }, { spec: patch }), { spec: result });
    });
  }

  it('...but an array replacing an object keeps them, as the RFC says', () => {
    assert.deepEqual(applyMergePatch({ a: { x: 1 } }, { a: [{ b: null }] }), { a: [{ b: null }] });
  });

  it('removes keys and whole objects with null', () => {
    assert.deepEqual(applyMergePatch({ spec }, { spec: null }), {});
    assert.deepEqual(applyMergePatch({ data: { a: '1', b: '2' } }, { data: { a: null, c: '3' } }), {
      data: { b: '2', c: '3' },
    });
  });

  it('sets "__proto__" as an ordinary key', () => {
    const result = applyMergePatch({}, JSON.parse('{"__proto__":{"polluted":true}}')) as Record<string, unknown>;
    assert.equal(Object.hasOwn(result, '__proto__'), true);
    assert.equal(Object.getPrototypeOf(result), Object.prototype);
  });
});

describe('checkMergePatch', () => {
  it('accepts objects', () => {
    assert.doesNotThrow(() => {
      checkMergePatch({});
    });
  });

  const refusals: [unknown, string][] = [
    [null, 'Invalid JSON Patch'],
    [[1], 'error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}'],
    [[], 'error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}'],
    ['str', 'error decoding patch: json: cannot unmarshal string into Go value of type map[string]interface {}'],
    [5, 'error decoding patch: json: cannot unmarshal number into Go value of type map[string]interface {}'],
    [true, 'error decoding patch: json: cannot unmarshal bool into Go value of type map[string]interface {}'],
  ];
  for (const [body, message] of refusals) {
    it(`refuses ${JSON.stringify(body)} with 400 ${message}`, () => {
      assert.throws(
        () => {
          checkMergePatch(body);
        },
        (error: unknown) => error instanceof MergePatchError && error.message === message,
      );
    });
  }
});

// JSON values without null, where the RFC's identities hold (null deletes).
const nullFree = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.integer(),
    fc.boolean(),
    fc.array(tie('value')),
    fc.dictionary(fc.string(), tie('value'), { noNullPrototype: true }),
  ),
})).value;
// Patches whose nulls are object members outside arrays: the real server's pruning of
// nulls inside arrays makes applying such a patch twice differ from applying it once.
const patches = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.string(),
    fc.integer(),
    fc.array(nullFree),
    fc.dictionary(fc.string(), tie('value'), { noNullPrototype: true }),
  ),
})).value;
const json = fc.jsonValue();

describe('applyMergePatch properties', () => {
  it('merging a null-free document into itself gives it back', () => {
    fc.assert(
      fc.property(nullFree, (target) => {
        assert.deepEqual(applyMergePatch(target, target), target);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(json, patches, (target, patch) => {
        const once = applyMergePatch(target, patch);
        assert.deepEqual(applyMergePatch(once, patch), once);
      }),
    );
  });

  it('never changes its inputs, nor shares objects with them', () => {
    fc.assert(
      fc.property(json, json, (target, patch) => {
        const [targetBefore, patchBefore] = [structuredClone(target), structuredClone(patch)];
        const result = applyMergePatch(target, patch);
        assert.deepEqual(target, targetBefore);
        assert.deepEqual(patch, patchBefore);
        if (typeof result === 'object' && result !== null) {
          assert.notEqual(result, target);
          assert.notEqual(result, patch);
        }
      }),
    );
  });
});

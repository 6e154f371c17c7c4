import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyJsonPatch } from '../testing/server/patch/json-patch.ts';
import { applyMergePatch } from '../testing/server/patch/merge-patch.ts';
import { jsonPatchOf, mergePatchOf, testsPass } from './object-diff.ts';

// JSON without nulls (a merge patch cannot set null) and without strings Go escapes
// (the server's `test` never matches those; the helper guards them another way).
const key = fc.string({ maxLength: 4 });
const scalar = fc.oneof(
  fc.boolean(),
  fc.integer(),
  fc.string({ maxLength: 5 }).filter((s) => !/[<>&\u2028\u2029]/.test(s)),
);
const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('tree'), { maxLength: 3 }),
    fc.dictionary(key, tie('tree'), { maxKeys: 4, noNullPrototype: true }),
  ),
}));
const object = fc.dictionary(key, tree, { maxKeys: 5, noNullPrototype: true });

describe('object diffs, checked with the embedded server’s own patch code', () => {
  it('applying mergePatchOf(a, b) to a gives b', () => {
    fc.assert(
      fc.property(object, object, (a, b) => {
        assert.deepEqual(applyMergePatch(structuredClone(a), mergePatchOf(a, b)), b);
      }),
    );
  });

  it('applying jsonPatchOf(a, b) to a gives b, and its tests pass on a', () => {
    fc.assert(
      fc.property(object, object, (a, b) => {
        const operations = jsonPatchOf(a, b);
        assert.ok(testsPass(operations, a));
        assert.deepEqual(applyJsonPatch(structuredClone(a), operations), b);
      }),
    );
  });

  it('tests only what changes: a label change tests the old value, an added label tests the labels', () => {
    const read = { metadata: { labels: { 'biz-version': '101', app: 'demo' } }, status: { replicas: 1 } };
    const changed = {
      metadata: { labels: { 'biz-version': '102', app: 'demo', extra: 'x' } },
      status: { replicas: 1 },
    };
    assert.deepEqual(jsonPatchOf(read, changed), [
      { op: 'test', path: '/metadata/labels', value: { 'biz-version': '101', app: 'demo' } },
      { op: 'test', path: '/metadata/labels/biz-version', value: '101' },
      { op: 'replace', path: '/metadata/labels/biz-version', value: '102' },
      { op: 'add', path: '/metadata/labels/extra', value: 'x' },
    ]);
    const otherWriter = { ...read, status: { replicas: 3 } };
    assert.ok(testsPass(jsonPatchOf(read, changed), otherWriter), 'a status change does not fail the tests');
    const rival = { ...read, metadata: { labels: { 'biz-version': '102', app: 'demo' } } };
    assert.ok(!testsPass(jsonPatchOf(read, changed), rival), 'a rival increment fails them');
  });

  it('escapes / and ~ in member names (RFC 6901)', () => {
    const operations = jsonPatchOf({ a: { 'x/y~z': 1 } }, { a: { 'x/y~z': 2 } });
    assert.equal(operations[0]?.path, '/a/x~1y~0z');
  });

  it('refuses non-objects with a clear error', () => {
    assert.throws(() => mergePatchOf([], {}), { message: 'a merge patch is made between two objects' });
    assert.throws(() => jsonPatchOf({}, 'x'), { message: 'a JSON patch is made between two objects' });
  });
});

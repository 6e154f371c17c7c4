import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyJsonPatch, JsonPatchError } from './json-patch.ts';

const documents = fc.dictionary(fc.string(), fc.jsonValue(), { noNullPrototype: true });
const keys = fc.constantFrom('a', 'b', 'c', '0', '-', '', '~0', '~1x');
const paths = fc.array(keys, { maxLength: 3 }).map((segments) => segments.map((s) => `/${s}`).join(''));
const operations = fc.array(
  fc.record(
    {
      op: fc.constantFrom('add', 'remove', 'replace', 'move', 'copy', 'test', 'other'),
      path: fc.oneof(paths, fc.constant('')),
      from: paths,
      value: fc.jsonValue(),
    },
    { requiredKeys: ['op'], noNullPrototype: true },
  ),
  { maxLength: 6 },
);
// Values a `test` finds equal to themselves on the real server: no null inside arrays,
// no string that Go's encoder escapes.
const testable = fc.jsonValue().filter((value) => {
  const text = JSON.stringify(value);
  return !/[<>&\u2028\u2029]/.test(text) && !/[[,]null/.test(text);
});

describe('applyJsonPatch properties', () => {
  it('never changes its inputs, whether it succeeds or fails', () => {
    fc.assert(
      fc.property(documents, operations, (document, patch) => {
        const [documentBefore, patchBefore] = [structuredClone(document), structuredClone(patch)];
        try {
          applyJsonPatch(document, patch);
        } catch (error) {
          assert.ok(error instanceof JsonPatchError, String(error));
        }
        assert.deepEqual(document, documentBefore);
        assert.deepEqual(patch, patchBefore);
      }),
    );
  });

  it('shares nothing between result and operations', () => {
    fc.assert(
      fc.property(documents, fc.object(), (document, value) => {
        const result = applyJsonPatch(document, [{ op: 'add', path: '/new', value }]) as Record<string, unknown>;
        assert.notEqual(result.new, value);
        assert.deepEqual(result.new, value);
      }),
    );
  });

  it('adding then removing a new key gives the document back', () => {
    fc.assert(
      fc.property(documents, fc.jsonValue(), (document, value) => {
        fc.pre(!Object.hasOwn(document, 'fresh'));
        const patch = [
          { op: 'add', path: '/fresh', value },
          { op: 'remove', path: '/fresh' },
        ];
        assert.deepEqual(applyJsonPatch(document, patch), document);
      }),
    );
  });

  it('a test passes for what was just added, copied or moved', () => {
    fc.assert(
      fc.property(documents, testable, (document, value) => {
        const patch = [
          { op: 'add', path: '/x', value },
          { op: 'test', path: '/x', value },
          { op: 'copy', from: '/x', path: '/y' },
          { op: 'test', path: '/y', value },
          { op: 'move', from: '/y', path: '/z' },
          { op: 'test', path: '/z', value },
        ];
        applyJsonPatch(document, patch);
      }),
    );
  });

  it('moving a key away and back gives the document back', () => {
    fc.assert(
      fc.property(documents, fc.jsonValue(), (document, value) => {
        const start = { ...document, a: value };
        fc.pre(!Object.hasOwn(start, 'b'));
        const patch = [
          { op: 'move', from: '/a', path: '/b' },
          { op: 'move', from: '/b', path: '/a' },
        ];
        assert.deepEqual(applyJsonPatch(start, patch), start);
      }),
    );
  });
});

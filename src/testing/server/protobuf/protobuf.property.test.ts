import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { descriptors } from './descriptors.ts';
import { decodeObject, encodeObject } from './index.ts';
import { arbitraryGoJson } from './test-support/arbitrary-go-json.ts';

describe('protobuf codec, property', () => {
  for (const [key, type] of descriptors().kinds) {
    const slash = key.lastIndexOf('/');
    const apiVersion = key.slice(0, slash);
    const kind = key.slice(slash + 1);
    it(`JSON -> protobuf -> JSON is the identity on the JSON Go writes for ${apiVersion} ${kind}`, () => {
      fc.assert(
        fc.property(arbitraryGoJson(type), (fields) => {
          const object = { kind, apiVersion, ...fields };
          assert.deepEqual(decodeObject(encodeObject(object)), object);
        }),
        { numRuns: 40 },
      );
    });
  }
});

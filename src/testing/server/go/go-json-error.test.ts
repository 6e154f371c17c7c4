import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { goJsonSyntaxError } from './go-json-error.ts';

// Messages recorded from kube-apiserver v1.36.3 (Go's encoding/json).
describe('goJsonSyntaxError', () => {
  it('accepts 10000 levels and refuses the 10001st with the character that opens it', () => {
    assert.equal(goJsonSyntaxError('['.repeat(10_000) + ']'.repeat(10_000)), undefined);
    assert.equal(
      goJsonSyntaxError('['.repeat(10_001) + ']'.repeat(10_001)),
      "invalid character '[' exceeded max depth",
    );
    assert.equal(
      goJsonSyntaxError('{"a":'.repeat(10_001) + '1' + '}'.repeat(10_001)),
      "invalid character '{' exceeded max depth",
    );
    assert.equal(goJsonSyntaxError(' \n[ \n'.repeat(10_001)), "invalid character '[' exceeded max depth");
  });

  it('reports the first error in the text: a syntax error before the depth, the depth before one after', () => {
    assert.equal(
      goJsonSyntaxError('['.repeat(5_000) + 'x' + '['.repeat(10_000)),
      "invalid character 'x' looking for beginning of value",
    );
    assert.equal(goJsonSyntaxError('['.repeat(10_001) + 'x'), "invalid character '[' exceeded max depth");
    assert.equal(goJsonSyntaxError('['.repeat(5_000)), 'unexpected end of JSON input');
  });

  it("quotes the offending byte as Go does: controls escaped, a character's first byte", () => {
    assert.equal(goJsonSyntaxError('{"a\u0000":1}'), "invalid character '\\x00' in string literal");
    assert.equal(goJsonSyntaxError('é'), "invalid character 'Ã' looking for beginning of value");
    assert.equal(goJsonSyntaxError("{'a':1}"), "invalid character '\\'' looking for beginning of object key string");
  });

  it('takes a lower limit, and scans 3 MiB of brackets without recursion', () => {
    assert.equal(goJsonSyntaxError('[[[]]]', 2), "invalid character '[' exceeded max depth");
    assert.equal(goJsonSyntaxError('['.repeat(3 * 1024 * 1024)), "invalid character '[' exceeded max depth");
  });

  it('accepts what JSON.parse accepts, within the depth', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        assert.equal(goJsonSyntaxError(JSON.stringify(value)), undefined);
      }),
      { numRuns: 500 },
    );
  });
});

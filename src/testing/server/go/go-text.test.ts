import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goFormat, goJson } from './go-text.ts';

describe('goFormat', () => {
  it("writes a decoded JSON value as Go's %v does (vectors from go1.26)", () => {
    const value = {
      b: 1e21,
      a: 1.5,
      d: 0.00001,
      e: 0.0001,
      f: 1000000,
      h: ['x', 1, null, true, {}],
      i: 'q"s p',
      j: { z: 1, a: 'b' },
    };
    assert.equal(
      goFormat(value),
      'map[a:1.5 b:1e+21 d:1e-05 e:0.0001 f:1000000 h:[x 1 <nil> true map[]] i:q"s p j:map[a:b z:1]]',
    );
    assert.equal(goFormat([1234567.5, 123456.5, 0.000012, -2.5e-7]), '[1.2345675e+06 123456.5 1.2e-05 -2.5e-07]');
  });
});

describe('goJson', () => {
  it('sorts the keys of the objects Go held as maps and escapes HTML characters', () => {
    const inner = { z: 1, a: '<&>' };
    const outer = { y: inner, b: [inner] };
    assert.equal(
      goJson(outer, (node) => node === outer),
      '{"b":[{"z":1,"a":"\\u003c\\u0026\\u003e"}],"y":{"z":1,"a":"\\u003c\\u0026\\u003e"}}',
    );
    assert.equal(
      goJson(outer, () => true),
      '{"b":[{"a":"\\u003c\\u0026\\u003e","z":1}],"y":{"a":"\\u003c\\u0026\\u003e","z":1}}',
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  comparePathElements,
  parsePathElement,
  type PathElement,
  pathToString,
  serializePathElement,
} from './path-element.ts';

describe('path elements', () => {
  it('serializes keys with sorted key fields and Go escaping', () => {
    const port: PathElement = {
      key: [
        { name: 'containerPort', value: 80 },
        { name: 'protocol', value: 'TCP' },
      ],
    };
    assert.equal(serializePathElement(port), 'k:{"containerPort":80,"protocol":"TCP"}');
    assert.equal(serializePathElement({ value: 'a<b&c' }), 'v:"a\\u003cb\\u0026c"');
    assert.equal(serializePathElement({ field: 'kubernetes.io/name' }), 'f:kubernetes.io/name');
    assert.equal(serializePathElement({ index: 3 }), 'i:3');
    assert.deepEqual(parsePathElement('k:{"protocol":"TCP","containerPort":80}'), port);
    assert.equal(parsePathElement('x:whatever'), undefined);
  });

  it('orders fields, then keys, then values, then indexes', () => {
    const sorted: PathElement[] = [
      { index: 0 },
      { value: 'a' },
      { key: [{ name: 'name', value: 'a' }] },
      { field: 'b' },
      { field: 'B' },
    ];
    sorted.sort(comparePathElements);
    assert.deepEqual(
      sorted.map((pe) => serializePathElement(pe)),
      ['f:B', 'f:b', 'k:{"name":"a"}', 'v:"a"', 'i:0'],
    );
    assert.ok(comparePathElements({ value: 2 }, { value: 'a' }) < 0, 'numbers before strings');
  });

  it('prints paths as conflict messages do', () => {
    const path: PathElement[] = [
      { field: 'spec' },
      { field: 'containers' },
      { key: [{ name: 'name', value: 'nginx' }] },
      { field: 'ports' },
      {
        key: [
          { name: 'containerPort', value: 80 },
          { name: 'protocol', value: 'TCP' },
        ],
      },
    ];
    assert.equal(pathToString(path), '.spec.containers[name="nginx"].ports[containerPort=80,protocol="TCP"]');
    assert.equal(pathToString([{ field: 'finalizers' }, { value: 'a' }]), '.finalizers[="a"]');
  });
});

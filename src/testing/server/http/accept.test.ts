import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAccept } from './accept.ts';

const ranges = (header: string) =>
  parseAccept(header).map(({ type, subtype, q }) => `${type}/${subtype};q=${String(Number(q.toPrecision(6)))}`);

describe('parseAccept', () => {
  it('reads ranges, parameters and q-values', () => {
    const [clause] = parseAccept('application/json;as=Table;g=meta.k8s.io;v=v1;q=0.5');
    assert.ok(clause);
    assert.equal(clause.type, 'application');
    assert.equal(clause.subtype, 'json');
    assert.equal(clause.q, 0.5);
    assert.deepEqual(
      [...clause.params],
      [
        ['as', 'Table'],
        ['g', 'meta.k8s.io'],
        ['v', 'v1'],
      ],
    );
  });

  it('puts higher q-values first, and specific types before wildcards, keeping the order otherwise', () => {
    assert.deepEqual(ranges('*/*;q=0.8, application/yaml;q=0.9, application/json'), [
      'application/json;q=1',
      'application/yaml;q=0.9',
      '*/*;q=0.8',
    ]);
    assert.deepEqual(ranges('application/yaml, application/json'), ['application/yaml;q=1', 'application/json;q=1']);
    assert.deepEqual(ranges('*/*, application/json'), ['application/json;q=1', '*/*;q=1']);
  });

  it('lets a specific range with a lower q-value pass a wildcard, as Go’s comparison does', () => {
    assert.deepEqual(ranges('*/*, application/json;q=0.1'), ['application/json;q=0.1', '*/*;q=1']);
  });

  it('skips ranges that are not type/subtype, and parameters without one "="', () => {
    assert.deepEqual(ranges('json, application/, a/b/c, *, application/json;x;y=1=2'), [
      'application/json;q=1',
      '*/*;q=1',
    ]);
    assert.deepEqual([...(parseAccept('application/json;x;y=1=2;z=3')[0]?.params ?? [])], [['z', '3']]);
  });

  it('counts a q-value Go cannot parse as 0, and trims only spaces', () => {
    assert.deepEqual(ranges('application/json;q=high'), ['application/json;q=0']);
    assert.deepEqual(ranges('  application/json  '), ['application/json;q=1']);
    assert.deepEqual(ranges('\tapplication/json'), ['\tapplication/json;q=1']);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareResourceVersions } from './resource-version.ts';

describe('compareResourceVersions', () => {
  it('orders integers by value, not as text', () => {
    assert.equal(compareResourceVersions('9', '10'), -1);
    assert.equal(compareResourceVersions('10', '9'), 1);
    assert.equal(compareResourceVersions('123', '123'), 0);
    assert.equal(compareResourceVersions('18446744073709551616', '18446744073709551617'), -1, 'past 2^64');
  });

  it('cannot order what is not a positive integer without leading zeros', () => {
    for (const [a, b] of [
      ['07', '8'],
      ['0', '1'],
      ['abc', '1'],
      ['1', ''],
      ['1.5', '2'],
    ] as const) {
      assert.equal(compareResourceVersions(a, b), undefined, `${a} vs ${b}`);
    }
  });
});

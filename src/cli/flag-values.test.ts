import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  durationMs,
  finiteNumber,
  integerFrom,
  labelKey,
  namedItem,
  objectName,
  randomSeed,
  requestShare,
  seedValue,
} from './flag-values.ts';

const usageError = (message: string | RegExp) => ({ name: 'UsageError', message });

describe('flag values', () => {
  it('an integer in range: both ends included, decimal digits only', () => {
    const check = integerFrom(1, 64);
    assert.equal(check('1', '--n'), 1);
    assert.equal(check('64', '--n'), 64);
    for (const text of ['0', '65', '1.5', '1e1', '0x10', '', ' ', 'many']) {
      assert.throws(
        () => check(text, '--n'),
        usageError(`--n must be an integer from 1 to 64; got ${JSON.stringify(text)}`),
        text,
      );
    }
  });

  it('a seed is any 32-bit integer, the range seeded randomness tells apart; the random default is in it', () => {
    assert.equal(seedValue('-2147483648', '--seed'), -(2 ** 31));
    assert.equal(seedValue('2147483647', '--seed'), 2 ** 31 - 1);
    assert.throws(() => seedValue('2147483648', '--seed'), usageError(/from -2147483648 to 2147483647/));
    assert.throws(() => seedValue('-2147483649', '--seed'), usageError(/from -2147483648 to 2147483647/));
    for (let i = 0; i < 100; i++) assert.equal(seedValue(String(randomSeed()), '--seed') >= 0, true);
  });

  it('a duration is whole milliseconds up to an hour', () => {
    assert.equal(durationMs('3600000', '--deadline'), 3_600_000);
    assert.throws(() => durationMs('0', '--deadline'), usageError(/--deadline must be an integer from 1 to 3600000/));
  });

  it('a number is finite and not blank; a share of requests is from 0 to 1', () => {
    assert.equal(finiteNumber('-1.5', '--x'), -1.5);
    for (const text of ['', 'abc', 'Infinity'])
      assert.throws(() => finiteNumber(text, '--x'), usageError(/must be a number/));
    assert.equal(requestShare('0', '--faults'), 0);
    assert.equal(requestShare('1', '--faults'), 1);
    for (const text of ['1.01', '-0.1', '', 'NaN']) {
      assert.throws(() => requestShare(text, '--faults'), usageError(/from 0 to 1 \(0\.1 is 10%\)/), text);
    }
  });

  it('names and label keys follow kube-apiserver’s rules, quoted in the error', () => {
    assert.equal(objectName('demo-deployment', '--name'), 'demo-deployment');
    assert.throws(
      () => objectName('Bad_Name', '--name'),
      usageError(/^--name "Bad_Name" is not an object name: .*RFC 1123/),
    );
    assert.equal(labelKey('example.com/counter', '--label'), 'example.com/counter');
    assert.throws(() => labelKey('a/b/c', '--label'), usageError(/^--label "a\/b\/c" is not a label key/));
  });

  it('an item by name, or the list of names', () => {
    const check = namedItem([{ name: 'one' }, { name: 'two' }]);
    assert.deepEqual(check('two', '--pick'), { name: 'two' });
    assert.throws(() => check('Two', '--pick'), usageError('--pick must be one of one, two; got "Two"'));
  });
});

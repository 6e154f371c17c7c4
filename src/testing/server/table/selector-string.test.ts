import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { selectorString } from './selector-string.ts';

describe('selectorString', () => {
  it('writes requirements sorted by key, set values sorted', () => {
    const selector = {
      matchLabels: { tier: 'web', app: 'shop' },
      matchExpressions: [
        { key: 'env', operator: 'NotIn', values: ['qa', 'dev'] },
        { key: 'canary', operator: 'DoesNotExist' },
        { key: 'zone', operator: 'In', values: ['b', 'a'] },
        { key: 'owner', operator: 'Exists' },
      ],
    };
    assert.equal(selectorString(selector), 'app=shop,!canary,env notin (dev,qa),owner,tier=web,zone in (a,b)');
  });

  it('is empty for no selector or an empty one, <invalid> for one Go would refuse', () => {
    assert.equal(selectorString(undefined), '');
    assert.equal(selectorString({}), '');
    assert.equal(selectorString({ matchExpressions: [{ key: 'a', operator: 'Equals', values: ['b'] }] }), '<invalid>');
    assert.equal(selectorString({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }), '<invalid>');
    assert.equal(selectorString({ matchLabels: { 'bad key!': 'x' } }), '<invalid>');
  });
});

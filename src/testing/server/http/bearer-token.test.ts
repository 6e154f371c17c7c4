// Each row as kube-apiserver v1.36.3 took the header (a token of the admin): 200 when the
// token is found, 403 (anonymous) when no bearer token is offered.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bearerToken } from './bearer-token.ts';

describe('bearerToken', () => {
  it('reads the token after a case-insensitive "Bearer", ignoring words after it', () => {
    assert.equal(bearerToken('Bearer abc'), 'abc');
    assert.equal(bearerToken('bearer abc'), 'abc');
    assert.equal(bearerToken('Bearer abc extra'), 'abc');
    assert.equal(bearerToken('Bearer abc '), 'abc');
  });

  it('finds no token (an anonymous request) in an empty header, another scheme or an empty token', () => {
    for (const header of [undefined, '', '   ', 'Basic YTpi', 'Bearer', 'Bearer ', 'Bearer  abc']) {
      assert.equal(bearerToken(header), undefined, JSON.stringify(header));
    }
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRequestUrl, unescape } from './request-url.ts';

describe('parseRequestUrl, as Go reads a request target', () => {
  it('refuses a path with an invalid %-escape (Go answers 400 itself)', () => {
    assert.equal(parseRequestUrl('/api/v1/namespaces/default/configmaps/%zz'), undefined);
    assert.equal(parseRequestUrl('/healthz/%E0%A4%A'), undefined);
    assert.notEqual(parseRequestUrl('/api/v1/configmaps?labelSelector=%zz'), undefined);
  });

  it('keeps `//` a path', () => {
    assert.equal(parseRequestUrl('//')?.pathname, '//');
  });

  it('drops query pairs Go cannot decode, or holding `;`, and reads `+` as a space', () => {
    const url = parseRequestUrl('/x?labelSelector=%zz&limit=+5&a=1;b=2&watch=&fieldSelector=a%3Db');
    assert.deepEqual(
      [...(url?.searchParams ?? [])],
      [
        ['limit', ' 5'],
        ['watch', ''],
        ['fieldSelector', 'a=b'],
      ],
    );
  });
});

describe('unescape', () => {
  it('decodes byte by byte; bytes that are not UTF-8 become U+FFFD', () => {
    assert.equal(unescape('a%2Fb'), 'a/b');
    assert.equal(unescape('%E2%82%AC'), '€');
    assert.equal(unescape('%FF'), '\uFFFD');
  });
});

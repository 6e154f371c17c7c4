// Expected strings are Go's strconv.Quote results (as kube-apiserver printed them).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goQuote } from './go-quote.ts';

describe('goQuote', () => {
  const cases: [string, string][] = [
    ['app', '"app"'],
    ['', '""'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['ä/é', '"ä/é"'],
    ['\u0007\b\f\n\r\t\u000b', '"\\a\\b\\f\\n\\r\\t\\v"'],
    ['\u0000\u001f\u007f', '"\\x00\\x1f\\x7f"'],
    ['a\u00a0b', '"a\\u00a0b"'],
    ['\u2028', '"\\u2028"'],
    ['😀', '"😀"'],
    ['\u{e0001}', '"\\U000e0001"'],
  ];
  for (const [text, quoted] of cases) {
    it(`quotes ${JSON.stringify(text)} as ${quoted}`, () => {
      assert.equal(goQuote(text), quoted);
    });
  }
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goJson, goJsonIndented } from './go-json.ts';

describe('goJson', () => {
  it('ends the text with a newline, as Go’s json.Encoder does', () => {
    assert.equal(goJson({ kind: 'Status', code: 404 }), '{"kind":"Status","code":404}\n');
  });

  it('escapes <, >, & and the line and paragraph separators inside strings', () => {
    assert.equal(goJson({ 'a<b': 'x > y & z\u2028\u2029' }), '{"a\\u003cb":"x \\u003e y \\u0026 z\\u2028\\u2029"}\n');
  });

  it('leaves every other character as JSON.stringify writes it', () => {
    assert.equal(goJson(['é', '"', '\n', 1.5]), '["é","\\"","\\n",1.5]\n');
  });
});

describe('goJsonIndented', () => {
  it('indents as Go’s json.MarshalIndent: two spaces, ": ", empty containers on one line, no final newline', () => {
    assert.equal(
      goJsonIndented({ kind: 'Status', metadata: {}, details: { causes: [] }, message: 'a, b: {c} "d" \\ <e>' }),
      '{\n  "kind": "Status",\n  "metadata": {},\n  "details": {\n    "causes": []\n  },\n  "message": "a, b: {c} \\"d\\" \\\\ \\u003ce\\u003e"\n}',
    );
    assert.equal(goJsonIndented([1, [2], { a: [] }]), '[\n  1,\n  [\n    2\n  ],\n  {\n    "a": []\n  }\n]');
  });
});

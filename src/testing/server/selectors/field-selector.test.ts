// Expected matches and messages are kube-apiserver v1.36.3's own answers to
// GET /api/v1/namespaces/default/configmaps?fieldSelector=… (and /pods, /secrets), recorded
// with ConfigMaps cm-a, cm-b and x in namespace default.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldLabelNotSupported, notAKnownFieldSelector, parseFieldSelector, SelectorError } from './field-selector.ts';

const configMapFields = ['metadata.name', 'metadata.namespace'];
const names = ['cm-a', 'cm-b', 'x'];

const selected = (selector: string) => {
  const matches = parseFieldSelector(selector, configMapFields);
  return names.filter((name) => matches({ 'metadata.name': name, 'metadata.namespace': 'default' }));
};

const refused = (selector: string, message: string, fields = configMapFields, unsupported = notAKnownFieldSelector) => {
  assert.throws(
    () => parseFieldSelector(selector, fields, { unsupported }),
    (error: unknown) => {
      assert.ok(error instanceof SelectorError);
      assert.equal(error.message, message);
      return true;
    },
  );
};

const notKnown = (field: string) =>
  `"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`;

describe('parseFieldSelector: what each operator selects', () => {
  const cases: [string, string[]][] = [
    ['', ['cm-a', 'cm-b', 'x']],
    ['metadata.name=cm-a', ['cm-a']],
    ['metadata.name==cm-a', ['cm-a']],
    ['metadata.name!=cm-a', ['cm-b', 'x']],
    ['metadata.namespace=default', ['cm-a', 'cm-b', 'x']],
    ['metadata.namespace!=default', []],
    ['metadata.name=cm-a,metadata.namespace=default', ['cm-a']],
    ['metadata.name=cm-a,metadata.name=cm-b', []],
    ['metadata.name!=cm-a,metadata.name!=cm-b', ['x']],
    // Empty terms, and terms with neither field nor value, select nothing away.
    [',', ['cm-a', 'cm-b', 'x']],
    [',,metadata.name=cm-a,', ['cm-a']],
    ['=', ['cm-a', 'cm-b', 'x']],
    ['!=', ['cm-a', 'cm-b', 'x']],
    // Values are taken as they are: no trimming, and `!` is just a character.
    ['metadata.name=', []],
    ['metadata.name!=', ['cm-a', 'cm-b', 'x']],
    ['metadata.name= cm-a', []],
    ['metadata.name=!cm-a', []],
  ];
  for (const [selector, expected] of cases) {
    it(`${JSON.stringify(selector)} selects ${expected.join(', ') || 'nothing'}`, () => {
      assert.deepEqual(selected(selector), expected);
    });
  }

  it('takes an absent field as the empty string', () => {
    const matches = parseFieldSelector('status.phase=,metadata.name!=', ['status.phase', 'metadata.name']);
    assert.equal(matches({}), false);
    assert.equal(matches({ 'metadata.name': 'a' }), true);
  });

  it('reads own fields only', () => {
    const matches = parseFieldSelector('constructor=', ['constructor']);
    assert.equal(matches({}), true);
  });
});

describe('parseFieldSelector: escapes in values', () => {
  it('unescapes \\, \\= and \\\\', () => {
    const matches = parseFieldSelector('metadata.name=a\\,b\\=c\\\\d', configMapFields);
    assert.equal(matches({ 'metadata.name': 'a,b=c\\d' }), true);
    assert.deepEqual(selected('metadata.name=x\\,'), []);
  });

  it('refuses other escapes and an unescaped =', () => {
    refused('metadata.name=a\\x', 'invalid field selector: invalid escape sequence: \\x');
    refused('metadata.name=a\\', 'invalid field selector: invalid escape sequence: \\');
    refused('metadata.name=\\ä', 'invalid field selector: invalid escape sequence: \\ä');
    refused('metadata.name=a=b', 'invalid field selector: unescaped character in value: 61');
    refused('metadata.name!==cm-a', 'invalid field selector: unescaped character in value: 61');
    refused('metadata.name===x', 'invalid field selector: unescaped character in value: 61');
  });

  it('splits at unescaped commas only', () => {
    refused('metadata.name=a,b', "invalid selector: 'metadata.name=a,b'; can't understand 'b'");
    assert.deepEqual(selected('metadata.name=a\\,b'), []);
  });
});

describe('parseFieldSelector: syntax errors', () => {
  const cases: [string, string][] = [
    ['metadata.name', "invalid selector: 'metadata.name'; can't understand 'metadata.name'"],
    ['foo', "invalid selector: 'foo'; can't understand 'foo'"],
    ['metadata.name<x', "invalid selector: 'metadata.name<x'; can't understand 'metadata.name<x'"],
    ['metadata.name in (x)', "invalid selector: 'metadata.name in (x)'; can't understand 'metadata.name in (x)'"],
    ['metadata.name=cm-a,bad', "invalid selector: 'metadata.name=cm-a,bad'; can't understand 'bad'"],
    // Terms are checked in sorted order; syntax before fields.
    ['zz,aa', "invalid selector: 'zz,aa'; can't understand 'aa'"],
    ['zz=1,aa', "invalid selector: 'zz=1,aa'; can't understand 'aa'"],
    ['foo=x,metadata.name=a=b', 'invalid field selector: unescaped character in value: 61'],
  ];
  for (const [selector, message] of cases) {
    it(`${JSON.stringify(selector)}: ${message}`, () => {
      refused(selector, message);
    });
  }
});

describe('parseFieldSelector: unsupported fields', () => {
  it('answers as for ConfigMaps by default', () => {
    refused('foo=bar', notKnown('foo'));
    refused('spec.x=1', notKnown('spec.x'));
    refused('metadata.labels=x', notKnown('metadata.labels'));
    refused('Metadata.name=x', notKnown('Metadata.name'));
    refused('metadata.name=cm-a,foo=bar', notKnown('foo'));
    refused('zzz=1,aaa=2', notKnown('aaa'));
    refused('aaa=2,zzz=1', notKnown('aaa'));
    refused('=x', notKnown(''));
    refused('!=x', notKnown(''));
    refused(' metadata.name=cm-a', notKnown(' metadata.name'));
    refused('metadata.name =cm-a', notKnown('metadata.name '));
  });

  it('quotes the field as Go does', () => {
    refused('"=1', notKnown('\\"'));
    refused('x\u00a0=1', notKnown('x\\u00a0'));
  });

  it('answers as for Pods, Secrets or Namespaces when told', () => {
    refused('foo=bar', 'field label not supported: foo', ['metadata.name', 'status.phase'], fieldLabelNotSupported);
    const matches = parseFieldSelector('status.phase=Running', ['metadata.name', 'status.phase'], {
      unsupported: fieldLabelNotSupported,
    });
    assert.equal(matches({ 'status.phase': 'Running' }), true);
  });
});

// Expected matches and messages are kube-apiserver v1.36.3's own answers to
// GET /api/v1/namespaces/default/configmaps?labelSelector=…, recorded against these labels.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Labels, parseLabelSelector, SelectorError } from './label-selector.ts';

const objects: Readonly<Record<string, Labels>> = {
  a: { app: 'web', tier: 'front', n: '5' },
  b: { app: 'db', tier: 'back', n: '10' },
  c: { app: 'web' },
  d: {},
  e: { 'example.com/team': 'x', n: '007', empty: '' },
  f: { n: 'x3', in: 'in', notin: 'a' },
};

const selected = (selector: string) => {
  const matches = parseLabelSelector(selector);
  return Object.keys(objects).filter((name) => matches(objects[name] ?? {}));
};

const refused = (selector: string, message: string) => {
  assert.throws(
    () => parseLabelSelector(selector),
    (error: unknown) => {
      assert.ok(error instanceof SelectorError);
      assert.equal(error.message, message);
      return true;
    },
  );
};

const nameRule =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const valueRule =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const prefixRule =
  "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const notAnInteger = "for 'Gt', 'Lt' operators, the value must be an integer";

describe('parseLabelSelector: what each operator selects', () => {
  const cases: [string, string[]][] = [
    ['', ['a', 'b', 'c', 'd', 'e', 'f']],
    [' \t', ['a', 'b', 'c', 'd', 'e', 'f']],
    ['app', ['a', 'b', 'c']],
    ['!app', ['d', 'e', 'f']],
    ['app=web', ['a', 'c']],
    ['app==web', ['a', 'c']],
    ['app!=web', ['b', 'd', 'e', 'f']],
    ['app in (web,db)', ['a', 'b', 'c']],
    ['app notin (web)', ['b', 'd', 'e', 'f']],
    ['app=web,tier=front', ['a']],
    ['!app,tier', []],
    ['example.com/team=x', ['e']],
  ];
  for (const [selector, names] of cases) {
    it(`${JSON.stringify(selector)} selects ${names.join(', ') || 'nothing'}`, () => {
      assert.deepEqual(selected(selector), names);
    });
  }
});

describe('parseLabelSelector: empty values and value sets', () => {
  const cases: [string, string[]][] = [
    ['app in ()', []],
    ['app notin ()', ['a', 'b', 'c', 'd', 'e', 'f']],
    ['app in (,)', []],
    ['app in (web,)', ['a', 'c']],
    ['app in (,web)', ['a', 'c']],
    ['app in (web,,db)', ['a', 'b', 'c']],
    ['empty=', ['e']],
    ['empty==', ['e']],
    ['empty!=', ['a', 'b', 'c', 'd', 'f']],
    ['empty in ()', ['e']],
    ['app=,tier', []],
  ];
  for (const [selector, names] of cases) {
    it(`${JSON.stringify(selector)} selects ${names.join(', ') || 'nothing'}`, () => {
      assert.deepEqual(selected(selector), names);
    });
  }
});

describe('parseLabelSelector: > and < compare integers', () => {
  const cases: [string, string[]][] = [
    ['n>5', ['b', 'e']], // "007" is 7; "x3" is no integer and never matches
    ['n<10', ['a', 'e']],
    ['n<007', ['a']],
    ['n>4,n<6', ['a']],
  ];
  for (const [selector, names] of cases) {
    it(`${selector} selects ${names.join(', ')}`, () => {
      assert.deepEqual(selected(selector), names);
    });
  }

  it('needs a 64-bit integer that is also a valid label value', () => {
    refused('n>x', `unable to parse requirement: values[0]: Invalid value: "x": ${notAnInteger}`);
    refused('n>', `unable to parse requirement: values[0]: Invalid value: "": ${notAnInteger}`);
    refused('n>1.5', `unable to parse requirement: values[0]: Invalid value: "1.5": ${notAnInteger}`);
    refused(
      'n>99999999999999999999',
      `unable to parse requirement: values[0]: Invalid value: "99999999999999999999": ${notAnInteger}`,
    );
    refused('n>-1', `unable to parse requirement: values[0][n]: Invalid value: "-1": ${valueRule}`);
    refused('n>+1', `unable to parse requirement: values[0][n]: Invalid value: "+1": ${valueRule}`);
  });

  it('reports both failures of a value that is neither, in brackets', () => {
    refused(
      'n>a_',
      `unable to parse requirement: [values[0]: Invalid value: "a_": ${notAnInteger}, values[0][n]: Invalid value: "a_": ${valueRule}]`,
    );
  });
});

describe('parseLabelSelector: whitespace and words', () => {
  const cases: [string, string[]][] = [
    [' app = web ', ['a', 'c']],
    ['app\t=\tweb', ['a', 'c']],
    ['app\n=\nweb', ['a', 'c']],
    ['app\r=web', ['a', 'c']],
    ['app=web, tier=front', ['a']],
    ['app in(web)', ['a', 'c']],
    ['app notin(web)', ['b', 'd', 'e', 'f']],
    ['app in ( web , db )', ['a', 'b', 'c']],
    ['! app', ['d', 'e', 'f']],
    // "in" and "notin" are keywords only where an operator may stand
    ['in', ['f']],
    ['notin', ['f']],
    ['in=in', ['f']],
    ['in in (in)', ['f']],
    ['notin notin (notin)', ['a', 'b', 'c', 'd', 'e', 'f']],
    ['in,notin', ['f']],
  ];
  for (const [selector, names] of cases) {
    it(`${JSON.stringify(selector)} selects ${names.join(', ') || 'nothing'}`, () => {
      assert.deepEqual(selected(selector), names);
    });
  }

  it('takes only space, tab, CR and LF as whitespace', () => {
    refused('app\u000b=web', `unable to parse requirement: <nil>: Invalid value: "app\\v": name part ${nameRule}`);
  });

  it('reads NUL as the end of input where a token would start, and skips it after one', () => {
    assert.deepEqual(selected('\u0000app=-bad'), ['a', 'b', 'c', 'd', 'e', 'f']);
    assert.deepEqual(selected('app\u0000=web'), ['a', 'c']);
    refused('app\u0000web', "unable to parse requirement: found 'web', expected: in, notin, =, ==, !=, gt, lt");
  });
});

describe('parseLabelSelector: syntax errors', () => {
  const cases: [string, string][] = [
    ['appin (web)', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
    ['app web', "unable to parse requirement: found 'web', expected: in, notin, =, ==, !=, gt, lt"],
    ['app!web', "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt"],
    ['app)', "unable to parse requirement: found ')', expected: in, notin, =, ==, !=, gt, lt"],
    ['app in web', "unable to parse requirement: found 'web' expected: '('"],
    ['app in (web', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['app in (web db)', "unable to parse requirement: found 'db', expected: ',' or ')'"],
    ['app in (x,=', "unable to parse requirement: found '=', expected: ',', or identifier"],
    ['app in (=', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['app in (web,db))', "found ')', expected: ',' or 'end of string'"],
    ['app=(web)', "unable to parse requirement: found '(', expected: identifier"],
    ['app=!web', "unable to parse requirement: found '!', expected: identifier"],
    ['app<>1', "unable to parse requirement: found '>', expected: identifier"],
    ['app>=1', "unable to parse requirement: found '=', expected: identifier"],
    ['app=web=x', "found '=', expected: ',' or 'end of string'"],
    ['app=web db', "found 'db', expected: ',' or 'end of string'"],
    ['app=we b', "found 'b', expected: ',' or 'end of string'"],
    ['!app=web', "found '=', expected: ',' or 'end of string'"],
    ['app,', "found '', expected: identifier after ','"],
    ['app,,tier', "found ',', expected: identifier after ','"],
    [',app', "found ',', expected: !, identifier, or 'end of string'"],
    ['=web', "found '=', expected: !, identifier, or 'end of string'"],
    ['==web', "found '==', expected: !, identifier, or 'end of string'"],
    ['!=web', "found '!=', expected: !, identifier, or 'end of string'"],
    ['(', "found '(', expected: !, identifier, or 'end of string'"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['!!app', "unable to parse requirement: found '!', expected: identifier"],
    ['app=web,!', "unable to parse requirement: found '', expected: identifier"],
  ];
  for (const [selector, message] of cases) {
    it(`${JSON.stringify(selector)}: ${message}`, () => {
      refused(selector, message);
    });
  }
});

describe('parseLabelSelector: label keys', () => {
  const cases: [string, string][] = [
    ['A_', `name part ${nameRule}`],
    ['-a', `name part ${nameRule}`],
    ['a%b', `name part ${nameRule}`],
    ['/a', 'prefix part must be non-empty'],
    ['a/', `name part must be non-empty; name part ${nameRule}`],
    ['Example.com/a', prefixRule],
    ['example..com/a', prefixRule],
    [
      'a/b/c',
      `a valid label key ${nameRule} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ],
    ['a'.repeat(64), 'name part must be no more than 63 bytes'],
    ['-'.padEnd(65, 'a'), `name part must be no more than 63 bytes; name part ${nameRule}`],
    [`${'p'.repeat(254)}/a`, 'prefix part must be no more than 253 bytes'],
    ['ä'.repeat(32), `name part must be no more than 63 bytes; name part ${nameRule}`], // 64 UTF-8 bytes
  ];
  for (const [key, reason] of cases) {
    it(`refuses ${key.length > 20 ? `${key.slice(0, 8)}… (${String(key.length)} chars)` : key}`, () => {
      refused(key, `unable to parse requirement: <nil>: Invalid value: "${key}": ${reason}`);
    });
  }

  it('accepts prefixed keys and keys of 63 bytes', () => {
    assert.deepEqual(selected('a'.repeat(63)), []);
    assert.deepEqual(selected(`${'p'.repeat(253)}/a`), []);
    assert.deepEqual(selected('a.b'), []);
  });

  it('quotes the key as Go does', () => {
    refused('ä=b', `unable to parse requirement: <nil>: Invalid value: "ä": name part ${nameRule}`);
    refused('a\u00a0b', `unable to parse requirement: <nil>: Invalid value: "a\\u00a0b": name part ${nameRule}`);
    refused('\u2028', `unable to parse requirement: <nil>: Invalid value: "\\u2028": name part ${nameRule}`);
  });
});

describe('parseLabelSelector: label values', () => {
  it('checks every value of a requirement', () => {
    refused('app=-web', `unable to parse requirement: values[0][app]: Invalid value: "-web": ${valueRule}`);
    refused('app!=-x', `unable to parse requirement: values[0][app]: Invalid value: "-x": ${valueRule}`);
    refused('app notin (-x)', `unable to parse requirement: values[0][app]: Invalid value: "-x": ${valueRule}`);
    refused('app=ä', `unable to parse requirement: values[0][app]: Invalid value: "ä": ${valueRule}`);
    refused('app=a\\b', `unable to parse requirement: values[0][app]: Invalid value: "a\\\\b": ${valueRule}`);
    refused('app=\u0007', `unable to parse requirement: values[0][app]: Invalid value: "\\a": ${valueRule}`);
  });

  it('limits a value to 63 bytes', () => {
    const long = 'v'.repeat(64);
    refused(
      `app=${long}`,
      `unable to parse requirement: values[0][app]: Invalid value: "${long}": must be no more than 63 bytes`,
    );
    refused(
      `app=-${long}`,
      `unable to parse requirement: values[0][app]: Invalid value: "-${long}": must be no more than 63 bytes; ${valueRule}`,
    );
  });

  it('numbers values once sorted and deduplicated, and brackets several errors', () => {
    const both = `[values[0][app]: Invalid value: "-x": ${valueRule}, values[1][app]: Invalid value: "y_": ${valueRule}]`;
    refused('app in (-x,y_)', `unable to parse requirement: ${both}`);
    refused('app in (y_,-x)', `unable to parse requirement: ${both}`);
    refused('app in (-x,-x)', `unable to parse requirement: values[0][app]: Invalid value: "-x": ${valueRule}`);
  });

  it('checks the key before the value', () => {
    refused('-a=-b', `unable to parse requirement: <nil>: Invalid value: "-a": name part ${nameRule}`);
  });
});

describe('parseLabelSelector: matching', () => {
  it('looks at own labels only', () => {
    const matches = parseLabelSelector('constructor');
    assert.equal(matches({}), false);
    assert.equal(matches({ constructor: 'x' }), true);
  });

  it('throws SelectorError, an Error', () => {
    assert.throws(() => parseLabelSelector('!'), { name: 'SelectorError' });
    assert.ok(new SelectorError('x') instanceof Error);
  });
});

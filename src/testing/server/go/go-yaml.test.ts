import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { type GoYamlAnswer, startGoYamlPeer } from '../../../../test/go-peer/go-peer.ts';
import type { GoLinePeer } from '../../../../test/support/go-line-peer.ts';
import { goYamlKeyOrder } from './go-yaml-key-order.ts';
import { GoYamlError, toGoYaml } from './go-yaml.ts';

// Every expectation here is also checked against the real sigs.k8s.io/yaml v1.6.0
// JSONToYAML (test/go-peer, the code kube-apiserver runs for application/yaml).
let peer: GoLinePeer<GoYamlAnswer>;
before(() => {
  peer = startGoYamlPeer();
});
after(() => {
  peer.stop();
});

const goYaml = async (value: unknown): Promise<GoYamlAnswer> => (await peer.ask([value]))[0] as GoYamlAnswer;

/** Asserts that both toGoYaml and the real JSONToYAML write `value` as `yaml`. */
async function assertYaml(value: unknown, yaml: string): Promise<void> {
  assert.deepEqual(await goYaml(value), { yaml }, `the real JSONToYAML of ${JSON.stringify(value)}`);
  assert.equal(toGoYaml(value), yaml, `toGoYaml(${JSON.stringify(value)})`);
}

/** Asserts each string is written at the root as `written(string)`. */
async function assertEach(strings: readonly string[], written: (text: string) => string): Promise<void> {
  for (const text of strings) await assertYaml(text, `${written(text)}\n`);
}

const doubleQuoted = (text: string) => `"${text}"`;
const plain = (text: string) => text;
const singleQuoted = (text: string) => `'${text.replaceAll("'", "''")}'`;

describe('toGoYaml: strings that would read back as another type are double-quoted', () => {
  it('null and YAML 1.1 bool words, in their three casings only', async () => {
    const words = ['', '~', 'null', 'Null', 'NULL', 'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO'];
    await assertEach([...words, 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'true', 'True', 'FALSE'], doubleQuoted);
    await assertEach(['nULL', 'yES', 'tRUE', '<<', 'nope'], plain);
  });

  it('ints as strconv.ParseInt/ParseUint read them (base prefixes, underscores, 64 bits)', async () => {
    const ints = ['0', '017', '08', '0x1F', '0X1f', '0o17', '0b101', '-0b1', '0b-1', '+1', '-1', '1_000'];
    await assertEach([...ints, '9223372036854775807', '18446744073709551615', '18446744073709551616'], doubleQuoted);
    await assertEach(['_1', '0x', '0b', '+', '0b2', '0x1p-2'], plain);
  });

  it('floats, the special floats and base-60 numbers', async () => {
    await assertEach(
      ['.5', '1.5e3', '1.', '-.5', '+1e5', '.5_5', '1_0.5', '.inf', '.NaN', '-.Inf', '+.INF'],
      doubleQuoted,
    );
    await assertEach(['1:20', '-1:20:30.5', '190:20:30', '1:2:3'], doubleQuoted);
    await assertEach(['1e', '1e400', '._5', '.e1', '.nan_', 'Infinity', 'NaN', '1:60'], plain);
  });

  it("timestamps in go-yaml's layouts, as time.Parse reads them", async () => {
    const dates = ['2026-01-02', '2026-1-2', '2028-02-29', '2026-1-2 3:04:05', '2026-1-2   3:4:5.5'];
    const times = ['2026-12-05T07:50:45Z', '2026-12-05t07:50:45.123456789+01:00', '2026-12-05T07:50:45,5Z'];
    await assertEach([...dates, ...times], doubleQuoted);
    const near = ['2026-12-05T07:50:45', '2026-02-29', '2026-13-01', '2026-12-05T24:00:00Z', '20261-01-02'];
    await assertEach([...near, '2026-01-02x'], plain);
  });

  it('keys too', async () => {
    await assertYaml({ 9: 'nine', null: 1, on: 2, yes: 3, '': 4 }, '"": 4\n"9": nine\n"null": 1\n"on": 2\n"yes": 3\n');
  });
});

describe('toGoYaml: other strings that cannot be plain', () => {
  it('are single-quoted when plain would read differently, with quotes doubled', async () => {
    const indicators = ['- a', '-', '[x]', 'a:', 'a: b', 'a #b', '#a', 'a ', ' a', "'a", '? x', ': x', '@x'];
    await assertEach(
      [...indicators, '%x', '`x', '!x', '&x', '*x', '|x', '>x', ',x', '{x', '---', '...x'],
      singleQuoted,
    );
    await assertEach(['-a', 'a:b', 'a#b', "a'b", '?x', 'a\\b', 'café', '\u00a0x'], plain);
  });

  it('are double-quoted with escapes for controls, tabs, a BOM, astral characters', async () => {
    await assertYaml('a\tb', '"a\\tb"\n');
    await assertYaml('a\r\nb', '"a\\r\\nb"\n');
    await assertYaml('\u0000\u001b', '"\\0\\e"\n');
    await assertYaml('😀', '"\\U0001F600"\n');
    await assertYaml('a\u2029 b', '"a\\P b"\n');
    // go-yaml tests for a BOM at the start of the value at every character.
    await assertYaml('\uFEFFa b', '"\\uFEFF\\x61\\x20\\x62"\n');
  });

  it('write a lone surrogate as U+FFFD, as Go reads it from JSON', async () => {
    await assertYaml({ 'k\ud800': 'a\udc00' }, 'k\uFFFD: a\uFFFD\n');
  });

  it('keep U+2028 raw in single quotes, with the next line indented', async () => {
    await assertYaml('a\u2028b', "'a\u2028  b'\n");
  });
});

describe('toGoYaml: strings with a newline', () => {
  it('use literal style with the chomping and indentation indicators needed', async () => {
    await assertYaml(['a\nb', 'a\nb\n', 'a\nb\n\n'], '- |-\n  a\n  b\n- |\n  a\n  b\n- |+\n  a\n  b\n\n');
    await assertYaml([' a\nb', '\na', '\n'], '- |2-\n   a\n  b\n- |2-\n\n  a\n- |2+\n\n');
    await assertYaml({ a: { b: 'x\ny' } }, 'a:\n  b: |-\n    x\n    y\n');
  });

  it('fall back to double quotes for trailing spaces on a line, tabs, astral characters', async () => {
    await assertYaml(
      ['a \nb\n', 'a\nb ', 'a\tb\nc', '😀\nb'],
      '- "a \\nb\\n"\n- "a\\nb "\n- "a\\tb\\nc"\n- "\\U0001F600\\nb"\n',
    );
  });
});

describe('toGoYaml: long scalars', () => {
  const words = 'lorem ipsum '.repeat(15).trim();
  it('wrap at a space once past column 80, continuing one step in', async () => {
    const lines = [
      'plain: lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem',
      '  ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem',
      '  ipsum lorem ipsum',
      "single: '- lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum",
      '  lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum',
      "  lorem ipsum lorem ipsum'",
    ];
    await assertYaml({ plain: words, single: `- ${words}` }, `${lines.join('\n')}\n`);
    const list = 'word '.repeat(30).trim();
    const wrapped = `- ${'word '.repeat(16).trim()}\n  ${'word '.repeat(14).trim()}\n`;
    await assertYaml([list], wrapped);
  });

  it('wrap at the first space after column 80, not at column 80', async () => {
    await assertYaml({ a: `${'x'.repeat(77)} yyyyy z` }, `a: ${'x'.repeat(77)} yyyyy\n  z\n`);
    await assertYaml({ a: `${'x'.repeat(78)} yyyyy z` }, `a: ${'x'.repeat(78)}\n  yyyyy z\n`);
    await assertYaml({ a: `'${'x'.repeat(77)} y z` }, `a: '''${'x'.repeat(77)}\n  y z'\n`);
  });

  it('never wrap at double spaces, inside a word, or in keys', async () => {
    const value = `${'x'.repeat(79)}  ${'y'.repeat(10)}  z`;
    await assertYaml({ a: value }, `a: ${value}\n`);
    const key = 'lorem ipsum '.repeat(9).trim(); // 107 bytes: still a simple key
    await assertYaml({ [key]: 'x'.repeat(200) }, `${key}: ${'x'.repeat(200)}\n`);
  });

  it('make a key over 128 bytes, or with a line break, a complex key', async () => {
    const long = 'k'.repeat(129);
    const yaml = `${'k'.repeat(128)}: 8\n? ${long}\n: 7\n? |-\n  two\n  lines\n: a: 1\n`;
    await assertYaml({ [long]: 7, ['k'.repeat(128)]: 8, 'two\nlines': { a: 1 } }, yaml);
  });
});

describe('toGoYaml: structure and numbers', () => {
  it('writes block mappings, unindented sequences in mappings, {} and [] when empty', async () => {
    const value = { apiVersion: 'v1', items: [{ a: 1, b: [1, [2, []], {}] }, [], null, [[{ x: null }]]], e: {} };
    const yaml =
      'apiVersion: v1\ne: {}\nitems:\n- a: 1\n  b:\n  - 1\n  - - 2\n    - []\n  - {}\n- []\n- null\n- - - x: null\n';
    await assertYaml(value, yaml);
    await assertYaml({}, '{}\n');
    await assertYaml([], '[]\n');
    await assertYaml(null, 'null\n');
    await assertYaml(true, 'true\n');
  });

  it('sorts keys with digit runs compared as numbers and letters after other characters', async () => {
    const keys = ['10', '9', 'a10', 'a9', 'b', 'B', '_x', 'a', 'A', 'é', '-', 'a01', 'a1', 'a001', 'x10y', 'x9y'];
    const sorted = ['-', '_x', '9', '10', 'A', 'B', 'a', 'a1', 'a01', 'a001', 'a9', 'a10', 'b', 'x9y', 'x10y', 'é'];
    const yaml = sorted.map((key) => `${/^[0-9]+$/.test(key) ? `"${key}"` : key === '-' ? "'-'" : key}: 0\n`).join('');
    await assertYaml(Object.fromEntries(keys.map((key) => [key, 0])), yaml);
  });

  it('writes ints that fit 64 bits as they are and other numbers as Go float64 %g', async () => {
    const numbers = [0, -0, 1.5, 1e6, 1000000.5, 123456.7, 1e21, 1e-7, 0.0001, 0.00001, 2 ** 53, 2 ** 63, 2 ** 64];
    const yaml = ['0', '0', '1.5', '1000000', '1.0000005e+06', '123456.7', '1e+21', '1e-07', '0.0001', '1e-05'];
    yaml.push('9007199254740992', '9223372036854776000', '1.8446744073709552e+19');
    await assertYaml(numbers, yaml.map((line) => `- ${line}\n`).join(''));
    await assertYaml([-(2 ** 63), 5e-324, 1e20], '- -9.223372036854776e+18\n- 5e-324\n- 1e+20\n');
  });
});

describe('toGoYaml: characters YAML reads its own way in JSON text', () => {
  it('folds NEL (U+0085) with the spaces around it, as go-yaml reads the JSON', async () => {
    await assertYaml(
      ['a\u0085b', 'a \u0085 \u0085  b', '\u0085a', 'a\u0085---'],
      "- a b\n- |-\n  a\n  b\n- ' a'\n- a ---\n",
    );
  });

  it("fails with JSONToYAML's message on DEL, C1 controls, U+FFFE, a NEL line starting ---, NEL in a key", async () => {
    for (const value of ['a\u007fb', '\u009f', '\uffff', 'a\u0085--- b', { 'a\u0085b': 1 }]) {
      await sameAsGo(value);
    }
    assert.throws(() => toGoYaml('\u007f'), {
      name: 'GoYamlError',
      message: 'yaml: control characters are not allowed',
    });
  });
});

// The property: for generated JSON values, toGoYaml and the real JSONToYAML agree byte for
// byte (or both fail). Strings come from pieces that exercise every rule above.
const pieces = [' ', ' ', ' ', "'", '"', ':', '#', '-', '0', '1', '9', '.', '\n', '\t', 'a', 'y', 'e', 'x', '_', '+'];
pieces.push(',', '[', '{', '?', '!', '|', '>', '~', '\\', 'T', 'Z', 'n', 'é', '😀', '\u2028', '\u2029', '\u0085');
pieces.push('\uFEFF', '\r', '\u00a0', '\u007f', '\u0000', 'w'.repeat(13), 'x'.repeat(40), '2026-01-02', '12:30:45');
pieces.push('0x1F', '1e5', '.5', 'null', 'on');
// Lengths spread over the whole range ('max'), so long strings wrap at every column.
const text = (maxPieces: number) =>
  fc.array(fc.constantFrom(...pieces), { maxLength: maxPieces, size: 'max' }).map((parts) => parts.join(''));
const jsonValue = (maxPieces: number) =>
  fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      text(maxPieces),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      tie('list'),
      tie('map'),
    ),
    list: fc.array(tie('node'), { maxLength: 4 }),
    map: fc.dictionary(text(12), tie('node'), { maxKeys: 5 }),
  })).node;

/**
 * Whether every map's keys are totally ordered by go-yaml's key order. When they are not
 * ("9" < "10" < "1a" < "9"), Go's own output depends on its random map iteration order.
 */
function keysTotallyOrdered(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(keysTotallyOrdered);
  if (value === null || typeof value !== 'object') return true;
  const keys = Object.keys(value).sort(goYamlKeyOrder);
  const consistent = keys.every((a, i) => keys.slice(i + 1).every((b) => goYamlKeyOrder(b, a) > 0));
  return consistent && Object.values(value).every(keysTotallyOrdered);
}

const controlMessage = 'yaml: control characters are not allowed';

async function sameAsGo(value: unknown): Promise<void> {
  const expected = await goYaml(value);
  if ('error' in expected) {
    // Go names the line of the NEL failures; toGoYaml does not. With both a control
    // character and a NEL failure, Go reports the one its reader meets first (it reads
    // ahead in 512-byte chunks); toGoYaml reports the control character.
    const message = expected.error.replace(/^yaml: line [0-9]+: /, 'yaml: ');
    const both = /[\u007F-\u0084\u0086-\u009F\uFFFE\uFFFF]/u.test(JSON.stringify(value)) && message !== controlMessage;
    const expectedMessage = both ? controlMessage : message;
    assert.throws(() => toGoYaml(value), { name: GoYamlError.name, message: expectedMessage }, expected.error);
  } else {
    assert.equal(toGoYaml(value), expected.yaml);
  }
}

describe('toGoYaml: property, against the real JSONToYAML', () => {
  it('agrees on 10000 generated JSON values', async () => {
    const values = jsonValue(30).filter(keysTotallyOrdered);
    await fc.assert(fc.asyncProperty(values, sameAsGo), { numRuns: 10_000 });
  });

  it('agrees on 2000 values with long strings (wrapping)', async () => {
    const values = jsonValue(120).filter(keysTotallyOrdered);
    await fc.assert(fc.asyncProperty(values, sameAsGo), { numRuns: 2000 });
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { integerFrom, oneOf } from './flag-values.ts';
import { commandHelp, type CommandSpec, listFlag, parseCommand, switchFlag, valueFlag } from './flags.ts';

const flags = {
  count: valueFlag({ placeholder: 'N', help: 'how many', default: '3', check: integerFrom(1, 9) }),
  color: valueFlag({ placeholder: 'C', help: 'which color', shownDefault: 'none', check: oneOf(['red', 'blue']) }),
  item: listFlag({ placeholder: 'I[,I...]', help: 'items', check: oneOf(['a', 'b', 'c']) }),
  loud: switchFlag('shout', 'l'),
};
const spec: CommandSpec<typeof flags> = {
  about: 'demo: a command for tests',
  flags,
  sections: [
    { title: 'Counting:', flags: ['count', 'item'], note: 'A note under the section.' },
    { title: 'Style:', flags: ['color', 'loud'] },
  ],
  epilogue: 'Exit status: 0.',
};
const values = (...args: string[]) => {
  const parsed = parseCommand(spec, args);
  assert.equal(parsed.help, false);
  return parsed.values;
};

describe('flags declared once', () => {
  it('reads each flag through its check; a default is checked like given text', () => {
    assert.deepEqual(values(), { count: 3, color: undefined, item: undefined, loud: false });
    assert.deepEqual(values('--count', '7', '--color', 'red', '-l'), {
      count: 7,
      color: 'red',
      item: undefined,
      loud: true,
    });
  });

  it('takes a list as a,b, as repeated flags, or both, in the order given', () => {
    assert.deepEqual(values('--item', 'a,c').item, ['a', 'c']);
    assert.deepEqual(values('--item', 'b', '--item', 'a').item, ['b', 'a']);
    assert.deepEqual(values('--item', 'c,b', '--item', 'a').item, ['c', 'b', 'a']);
  });

  it('refuses a bad item and an empty item, naming the flag', () => {
    assert.throws(() => values('--item', 'a,z'), {
      name: 'UsageError',
      message: '--item must be one of a, b, c; got "z"',
    });
    for (const text of ['a,,b', ',a', 'a,', '']) {
      assert.throws(() => values('--item', text), {
        name: 'UsageError',
        message: `--item has an empty item in ${JSON.stringify(text)}; separate items with single commas (a,b) or repeat --item`,
      });
    }
  });

  it('answers help before checking anything, and leaves unknown flags to parseArgs', () => {
    assert.deepEqual(parseCommand(spec, ['--count', 'many', '-h']), { help: true });
    assert.throws(() => parseCommand(spec, ['--bogus']), { code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION' });
    assert.throws(() => parseCommand(spec, ['stray']), { code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' });
  });

  it('makes help from the same declarations: every flag once, defaults shown, two spaces after the longest flag', () => {
    assert.equal(
      commandHelp(spec),
      `demo: a command for tests

Counting:
  --count N        how many (default 3)
  --item I[,I...]  items
  A note under the section.

Style:
  --color C        which color (default none)
  -l, --loud       shout
  -h, --help       this help

Exit status: 0.`,
    );
  });

  it('wraps long help under its own column', () => {
    const long = { text: valueFlag({ placeholder: 'T', help: 'word '.repeat(40).trim(), check: oneOf(['x']) }) };
    const help = commandHelp({ about: 'long', flags: long, sections: [{ title: 'Flags:', flags: ['text'] }] });
    const lines = help.split('\n').slice(3, -1);
    assert.ok(lines.length > 1, help);
    for (const line of lines) {
      assert.ok(line.length <= 92, line);
      assert.equal(line.indexOf('word'), '  -h, --help  '.length, line);
    }
  });

  it('refuses help that leaves a flag out or shows it twice', () => {
    assert.throws(() => commandHelp({ ...spec, sections: [{ title: 'Counting:', flags: ['count'] }] }), {
      message: 'help shows --color 0 times; it must show it once',
    });
    assert.throws(() => commandHelp({ ...spec, sections: [...spec.sections, { title: 'Again:', flags: ['count'] }] }), {
      message: 'help shows --count 2 times; it must show it once',
    });
  });
});

// Each flag is declared once (its name, type, default, help line and check); both
// `node:util` parseArgs' options and the command's help are made from that declaration.
import { parseArgs } from 'node:util';
import { type Check, listItems } from './flag-values.ts';

type RawValue = string | boolean | (string | boolean)[] | undefined;

/** One flag: how parseArgs reads it, how help shows it, and how its text becomes a value. */
export interface Flag<V> {
  readonly type: 'string' | 'boolean';
  readonly multiple: boolean;
  readonly short?: string;
  /** The value's name in help: N in `--workers N`. */
  readonly placeholder?: string;
  readonly help: string;
  /** What help says happens without the flag. */
  readonly shownDefault?: string;
  readonly read: (raw: RawValue, flag: string) => V;
}

export type FlagSet = Readonly<Record<string, Flag<unknown>>>;
export type FlagValues<F extends FlagSet> = { readonly [K in keyof F]: F[K] extends Flag<infer V> ? V : never };

interface ValueFlagSpec<V> {
  readonly placeholder: string;
  readonly help: string;
  readonly check: Check<V>;
  readonly short?: string;
  /** Help's words for a default the command works out itself (the flag then reads undefined). */
  readonly shownDefault?: string;
}

/** A flag with a value; its `default` text, if any, is checked as if it had been given. */
export function valueFlag<V>(spec: ValueFlagSpec<V> & { readonly default: string }): Flag<V>;
export function valueFlag<V>(spec: ValueFlagSpec<V>): Flag<V | undefined>;
export function valueFlag<V>({
  check,
  default: fallback,
  shownDefault = fallback,
  ...shown
}: ValueFlagSpec<V> & { readonly default?: string }): Flag<V | undefined> {
  return {
    ...shown,
    type: 'string',
    multiple: false,
    ...(shownDefault !== undefined && { shownDefault }),
    read: (raw, flag) => {
      const text = typeof raw === 'string' ? raw : fallback;
      return text === undefined ? undefined : check(text, flag);
    },
  };
}

/** A list flag: `--flag a,b`, `--flag a --flag b`, or both, as kubectl takes them; undefined when absent. */
export function listFlag<V>({ check, ...shown }: ValueFlagSpec<V>): Flag<V[] | undefined> {
  return {
    ...shown,
    type: 'string',
    multiple: true,
    read: (raw, flag) => (Array.isArray(raw) ? listItems(raw.map(String), flag, check) : undefined),
  };
}

/** A flag without a value: true when given. */
export function switchFlag(help: string, short?: string): Flag<boolean> {
  return { type: 'boolean', multiple: false, help, ...(short !== undefined && { short }), read: (raw) => raw === true };
}

/** A titled group of flags in help, with an optional note under them. */
export interface HelpSection<F extends FlagSet> {
  readonly title: string;
  readonly flags: readonly (keyof F & string)[];
  readonly note?: string;
}

/** A command's flags and its help around them. */
export interface CommandSpec<F extends FlagSet> {
  /** What help shows before the flags: what the command does, its usage line. */
  readonly about: string;
  readonly flags: F;
  /** Every flag in exactly one section, in help's order. `-h, --help` is added to the last. */
  readonly sections: readonly HelpSection<F>[];
  /** What help shows after the flags (exit status, ...). */
  readonly epilogue?: string;
}

export type Parsed<F extends FlagSet> =
  { readonly help: true } | { readonly help: false; readonly values: FlagValues<F> };

const helpFlag = switchFlag('this help', 'h');

/** Reads `args` against the command's flags: help asked for, or every flag's value, checked. */
export function parseCommand<F extends FlagSet>(spec: CommandSpec<F>, args: readonly string[]): Parsed<F> {
  const flags: FlagSet = { ...spec.flags, help: helpFlag };
  const options = Object.fromEntries(
    Object.entries(flags).map(([name, flag]) => [
      name,
      { type: flag.type, multiple: flag.multiple, ...(flag.short !== undefined && { short: flag.short }) },
    ]),
  );
  const { values } = parseArgs({ args: [...args], options, strict: true, allowPositionals: false });
  if (values.help === true) return { help: true };
  const read = Object.entries(spec.flags).map(([name, flag]) => [name, flag.read(values[name], `--${name}`)]);
  return { help: false, values: Object.fromEntries(read) as FlagValues<F> };
}

const helpWidth = 92;

/** The command's help: its text, then each section's flags in aligned, wrapped columns. */
export function commandHelp<F extends FlagSet>(spec: CommandSpec<F>): string {
  assertEachFlagShownOnce(spec);
  const flags: FlagSet = { ...spec.flags, help: helpFlag };
  const titled: readonly { title: string; flags: readonly string[]; note?: string }[] =
    spec.sections.length > 0 ? spec.sections : [{ title: 'Flags:', flags: [] }];
  const sections = titled.map((section, index) => {
    const names = index === titled.length - 1 ? [...section.flags, 'help'] : section.flags;
    return { ...section, rows: names.map((name) => ({ label: flagLabel(name, flags), text: flagText(name, flags) })) };
  });
  const column = Math.max(...sections.flatMap(({ rows }) => rows.map(({ label }) => label.length))) + 4;
  const blocks = sections.map(({ title, rows, note }) => {
    const lines = [title];
    for (const { label, text } of rows) {
      const [first = '', ...rest] = wrap(text, helpWidth - column);
      lines.push(`  ${label.padEnd(column - 2)}${first}`, ...rest.map((line) => ' '.repeat(column) + line));
    }
    if (note !== undefined) lines.push(...wrap(note, helpWidth - 2).map((line) => `  ${line}`));
    return lines.join('\n');
  });
  return [spec.about, ...blocks, ...(spec.epilogue === undefined ? [] : [spec.epilogue])].join('\n\n');
}

function flagNamed(name: string, flags: FlagSet): Flag<unknown> {
  const flag = flags[name];
  if (!flag) throw new Error(`help shows --${name}, which is not declared`);
  return flag;
}

function flagLabel(name: string, flags: FlagSet): string {
  const { short, placeholder } = flagNamed(name, flags);
  return `${short === undefined ? '' : `-${short}, `}--${name}${placeholder === undefined ? '' : ` ${placeholder}`}`;
}

function flagText(name: string, flags: FlagSet): string {
  const { help, shownDefault } = flagNamed(name, flags);
  return shownDefault === undefined ? help : `${help} (default ${shownDefault})`;
}

function assertEachFlagShownOnce<F extends FlagSet>(spec: CommandSpec<F>): void {
  const shown = spec.sections.flatMap((section) => section.flags);
  for (const name of Object.keys(spec.flags)) {
    const times = shown.filter((each) => each === name).length;
    if (times !== 1) throw new Error(`help shows --${name} ${String(times)} times; it must show it once`);
  }
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return [...lines, line];
}

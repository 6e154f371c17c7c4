// The checks flag values pass, one definition each, shared by every command. A failed
// check is a UsageError naming the flag, the rule, and the text given.
import { dnsSubdomainErrors, labelKeyErrors } from '../core/names.ts';
import { UsageError } from './usage-error.ts';

/** Turns a flag's text into its value, or throws a UsageError naming `flag` and the rule. */
export type Check<V> = (text: string, flag: string) => V;

/** The text as given, quoted, so that an empty or padded value shows. */
const got = (text: string) => `got ${JSON.stringify(text)}`;

/** Any text (a path, a token, a namespace the target checks itself). */
export const anyText: Check<string> = (text) => text;

/** An integer from `min` to `max`, written in decimal. */
export function integerFrom(min: number, max: number): Check<number> {
  return (text, flag) => {
    const value = Number(text);
    if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
      throw new UsageError(`${flag} must be an integer from ${String(min)} to ${String(max)}; ${got(text)}`);
    }
    return value;
  };
}

/**
 * A seed: a 32-bit integer. Seeded randomness keeps the low 32 bits of its seed
 * (src/core/random.ts), so any wider range would give different seeds the same run.
 */
export const seedValue = integerFrom(-(2 ** 31), 2 ** 31 - 1);

/** How a seed is described in every command's help. */
export const seedRule = `an integer from ${String(-(2 ** 31))} to ${String(2 ** 31 - 1)}`;

/** A seed when none is given: random, from 0 to 2^31 - 1. */
export const randomSeed = (): number => Math.floor(Math.random() * 2 ** 31);

/** A whole number of milliseconds, from 1 ms to an hour. */
export const durationMs = integerFrom(1, 3_600_000);

/** A TCP port; 0 lets the system pick a free one. */
export const portNumber = integerFrom(0, 65_535);

/** Any finite number; ranges are the caller's (the Backoff checks its own). */
export const finiteNumber: Check<number> = (text, flag) => {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${flag} must be a number; ${got(text)}`);
  return value;
};

/** A share of requests, from 0 to 1. */
export const requestShare: Check<number> = (text, flag) => {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new UsageError(`${flag} must be a share of requests from 0 to 1 (0.1 is 10%); ${got(text)}`);
  }
  return value;
};

const notOneOf = (flag: string, choices: readonly string[], text: string) =>
  new UsageError(`${flag} must be one of ${choices.join(', ')}; ${got(text)}`);

/** One of `choices`, spelled exactly. */
export function oneOf<const C extends string>(choices: readonly C[]): Check<C> {
  return (text, flag) => {
    if (!(choices as readonly string[]).includes(text)) throw notOneOf(flag, choices, text);
    return text as C;
  };
}

/** The one of `items` with that name. */
export function namedItem<T extends { readonly name: string }>(items: readonly T[]): Check<T> {
  return (text, flag) => {
    const item = items.find((each) => each.name === text);
    if (!item)
      throw notOneOf(
        flag,
        items.map((each) => each.name),
        text,
      );
    return item;
  };
}

/** An object's name: a DNS-1123 subdomain, as kube-apiserver requires of Deployments and ConfigMaps. */
export const objectName: Check<string> = (text, flag) => {
  const problems = dnsSubdomainErrors(text);
  if (problems.length > 0) {
    throw new UsageError(`${flag} ${JSON.stringify(text)} is not an object name: ${problems.join('; ')}`);
  }
  return text;
};

/** A label key: `[prefix/]name`, as kube-apiserver requires. */
export const labelKey: Check<string> = (text, flag) => {
  const problems = labelKeyErrors(text);
  if (problems.length > 0) {
    throw new UsageError(`${flag} ${JSON.stringify(text)} is not a label key: ${problems.join('; ')}`);
  }
  return text;
};

/**
 * The items of a list flag, given as `a,b`, as repeated flags, or both (as kubectl takes
 * list flags), each passed through `check`.
 */
export function listItems<V>(texts: readonly string[], flag: string, check: Check<V>): V[] {
  return texts.flatMap((text) =>
    text.split(',').map((item) => {
      if (item === '') {
        throw new UsageError(
          `${flag} has an empty item in ${JSON.stringify(text)}; separate items with single commas (a,b) or repeat ${flag}`,
        );
      }
      return check(item, flag);
    }),
  );
}

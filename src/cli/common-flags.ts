// Flags that several commands take, declared once for all of them.
import { seedRule, seedValue } from './flag-values.ts';
import { type Flag, valueFlag } from './flags.ts';

/** --seed: what it seeds, and the default when it has one (otherwise random). */
export function seedFlag(purpose: string): Flag<number | undefined>;
export function seedFlag(purpose: string, fallback: string): Flag<number>;
export function seedFlag(purpose: string, fallback?: string): Flag<number | undefined> {
  const help = `${purpose}; ${seedRule}`;
  return fallback === undefined
    ? valueFlag({ placeholder: 'N', help, shownDefault: 'random', check: seedValue })
    : valueFlag({ placeholder: 'N', help, default: fallback, check: seedValue });
}

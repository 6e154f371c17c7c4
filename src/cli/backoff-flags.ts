import { Backoff, type BackoffOptions, DefaultBackoff, DefaultRetry } from '../core/backoff.ts';
import { jitterModes } from '../core/jitter.ts';
import { finiteNumber, oneOf } from './flag-values.ts';
import { type FlagValues, valueFlag } from './flags.ts';
import { UsageError } from './usage-error.ts';

/** The hand-tuned schedule that lets 50 client-go writers all succeed (measured in issue 8). */
export const HighContentionBackoff = new Backoff({ steps: 30, duration: 10, factor: 1.5, jitter: 1 });

const presets = {
  'default-retry': DefaultRetry,
  'default-backoff': DefaultBackoff,
  'high-contention': HighContentionBackoff,
} as const;
export type BackoffPreset = keyof typeof presets;
const presetNames = Object.keys(presets) as BackoffPreset[];

/** The backoff flags every command that retries shares; without --preset, `defaultPreset`. */
export function backoffFlags(defaultPreset: BackoffPreset) {
  return {
    preset: valueFlag({
      placeholder: 'NAME',
      help: 'default-retry (client-go DefaultRetry), default-backoff, or high-contention: 30 steps, 10 ms, x1.5, jitter 1, the hand-tuned client-go backoff that holds 50 writers',
      default: defaultPreset,
      check: oneOf(presetNames),
    }),
    steps: valueFlag({ placeholder: 'N', help: 'calls at most, an integer >= 1', check: finiteNumber }),
    duration: valueFlag({ placeholder: 'MS', help: 'first sleep', check: finiteNumber }),
    factor: valueFlag({ placeholder: 'X', help: 'growth per step; 1 keeps sleeps constant', check: finiteNumber }),
    jitter: valueFlag({
      placeholder: 'X',
      help: 'additive jitter: each sleep gains up to X x duration',
      check: finiteNumber,
    }),
    cap: valueFlag({ placeholder: 'MS', help: 'limit on the growing duration; 0 for none', check: finiteNumber }),
    'jitter-mode': valueFlag({ placeholder: 'MODE', help: jitterModes.join(' | '), check: oneOf(jitterModes) }),
  };
}

type BackoffFlags = ReturnType<typeof backoffFlags>;

export const backoffSectionTitle = 'Backoff (durations in milliseconds):';
export const backoffFlagNames = Object.keys(backoffFlags('default-retry')) as (keyof BackoffFlags)[];

/** Builds a Backoff from flags: the preset, then any flag given overrides its value. */
export function backoffFromFlags(flags: FlagValues<BackoffFlags>): Backoff {
  const preset = presets[flags.preset];
  const jitterMode = flags['jitter-mode'] ?? preset.jitterMode;
  const options: BackoffOptions = {
    steps: flags.steps ?? preset.steps,
    duration: flags.duration ?? preset.duration,
    factor: flags.factor ?? preset.factor,
    cap: flags.cap ?? preset.cap,
    jitterMode,
    // A jitter mode other than additive replaces the preset's additive jitter.
    jitter: flags.jitter ?? (flags['jitter-mode'] !== undefined && jitterMode !== 'additive' ? 0 : preset.jitter),
  };
  try {
    return new Backoff(options);
  } catch (error) {
    // The Backoff's own range checks are the rule; their messages name its options, here flags.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(
      message.replace(/^(steps|duration|factor|jitter|cap)\b/, '--$1').replace(/\bjitterMode\b/g, '--jitter-mode'),
    );
  }
}

import { Backoff, type BackoffOptions, DefaultBackoff, DefaultRetry } from '../core/backoff.ts';
import { type JitterMode, jitterModes } from '../core/jitter.ts';
import { UsageError } from './usage-error.ts';

/** The backoff flags every command that retries shares (the lab will use them too). */
export const backoffFlagOptions = {
  preset: { type: 'string' },
  steps: { type: 'string' },
  duration: { type: 'string' },
  factor: { type: 'string' },
  jitter: { type: 'string' },
  cap: { type: 'string' },
  'jitter-mode': { type: 'string' },
} as const;

export const backoffFlagsHelp = `Backoff (durations in milliseconds):
  --preset NAME        default-retry (client-go DefaultRetry), default-backoff, or
                       high-contention (30 steps, 10 ms, x1.5, jitter 1: the hand-tuned
                       client-go backoff that holds 50 writers)
  --steps N            calls at most, an integer >= 1
  --duration MS        first sleep
  --factor X           growth per step; 1 keeps sleeps constant
  --jitter X           additive jitter: each sleep gains up to X x duration
  --cap MS             limit on the growing duration; 0 for none
  --jitter-mode MODE   ${jitterModes.join(' | ')}`;

/** The hand-tuned schedule that lets 50 client-go writers all succeed (measured in issue 8). */
export const HighContentionBackoff = new Backoff({ steps: 30, duration: 10, factor: 1.5, jitter: 1 });

const presets: Record<string, Backoff> = {
  'default-retry': DefaultRetry,
  'default-backoff': DefaultBackoff,
  'high-contention': HighContentionBackoff,
};
export type BackoffPreset = keyof typeof presets;

type BackoffFlags = Partial<Record<keyof typeof backoffFlagOptions, string>>;

/** Builds a Backoff from flags: a preset, then any flag given overrides its value. */
export function backoffFromFlags(flags: BackoffFlags, defaultPreset = 'default-retry'): Backoff {
  const presetName = flags.preset ?? defaultPreset;
  const preset = presets[presetName];
  if (!preset) {
    throw new UsageError(`--preset must be one of ${Object.keys(presets).join(', ')}; got ${presetName}`);
  }
  const options: BackoffOptions = {
    steps: number('--steps', flags.steps) ?? preset.steps,
    duration: number('--duration', flags.duration) ?? preset.duration,
    factor: number('--factor', flags.factor) ?? preset.factor,
    cap: number('--cap', flags.cap) ?? preset.cap,
    jitterMode: (flags['jitter-mode'] as JitterMode | undefined) ?? preset.jitterMode,
    jitter:
      number('--jitter', flags.jitter) ??
      (flags['jitter-mode'] && flags['jitter-mode'] !== 'additive' ? 0 : preset.jitter),
  };
  try {
    return new Backoff(options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(
      message.replace(/^(steps|duration|factor|jitter|cap|jitterMode)\b/, (name) => `--${flagName(name)}`),
    );
  }
}

function flagName(option: string): string {
  return option === 'jitterMode' ? 'jitter-mode' : option;
}

function number(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    throw new UsageError(`${flag} must be a number; got ${JSON.stringify(text)}`);
  }
  return value;
}

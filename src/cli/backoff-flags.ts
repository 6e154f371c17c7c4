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
  --preset NAME        default-retry (client-go DefaultRetry, the default) or default-backoff
  --steps N            calls at most, an integer >= 1
  --duration MS        first sleep
  --factor X           growth per step; 1 keeps sleeps constant
  --jitter X           additive jitter: each sleep gains up to X x duration
  --cap MS             limit on the growing duration; 0 for none
  --jitter-mode MODE   ${jitterModes.join(' | ')}`;

const presets: Record<string, Backoff> = { 'default-retry': DefaultRetry, 'default-backoff': DefaultBackoff };

type BackoffFlags = Partial<Record<keyof typeof backoffFlagOptions, string>>;

/** Builds a Backoff from flags: a preset, then any flag given overrides its value. */
export function backoffFromFlags(flags: BackoffFlags): Backoff {
  const presetName = flags.preset ?? 'default-retry';
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

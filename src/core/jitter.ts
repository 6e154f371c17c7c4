/**
 * How a backoff randomises each sleep.
 * - `additive` (client-go, the default): `duration + random × jitter × duration`; never
 *   shorter than the duration.
 * - `full`: uniformly between 0 and the duration ("full jitter").
 * - `equal`: half the duration plus up to another half ("equal jitter").
 * - `decorrelated`: uniformly between the initial duration and three times the previous
 *   sleep, limited by `cap`; it ignores `factor` ("decorrelated jitter").
 *
 * The last three are from Marc Brooker, "Exponential Backoff and Jitter" (AWS
 * Architecture Blog, 2015): they spread competing writers further apart than additive
 * jitter, at the cost of sometimes retrying sooner.
 */
export type JitterMode = 'additive' | 'full' | 'equal' | 'decorrelated';

export const jitterModes: readonly JitterMode[] = ['additive', 'full', 'equal', 'decorrelated'];

/** Whole nanoseconds, as Go's time.Duration, so delays match client-go to the nanosecond. */
export const toNanoseconds = (ms: number): number => Math.round(ms * 1e6);
export const fromNanoseconds = (ns: number): number => ns / 1e6;

/** client-go's `wait.Jitter`: adds `random × jitter × duration`, truncated to nanoseconds. */
export function additiveJitter(durationMs: number, jitter: number, random: number): number {
  const ns = toNanoseconds(durationMs);
  return fromNanoseconds(ns + Math.trunc(random * jitter * ns));
}

export function fullJitter(durationMs: number, random: number): number {
  return random * durationMs;
}

export function equalJitter(durationMs: number, random: number): number {
  return durationMs / 2 + (random * durationMs) / 2;
}

/** The next decorrelated sleep, from the initial duration and the previous sleep. */
export function decorrelatedJitter(initialMs: number, previousMs: number, capMs: number, random: number): number {
  const high = Math.max(initialMs, previousMs * 3);
  const delay = initialMs + random * (high - initialMs);
  return capMs > 0 ? Math.min(capMs, delay) : delay;
}

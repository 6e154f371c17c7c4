import {
  additiveJitter,
  decorrelatedJitter,
  equalJitter,
  fromNanoseconds,
  fullJitter,
  type JitterMode,
  toNanoseconds,
} from './jitter.ts';
import type { Random } from './random.ts';

/** Everything a backoff step reads and writes; plain data, so it is easy to test. */
export interface DelayState {
  readonly duration: number;
  readonly factor: number;
  readonly jitter: number;
  readonly steps: number;
  readonly cap: number;
  readonly jitterMode: JitterMode;
  /** The first duration: the floor of decorrelated jitter. */
  readonly initial: number;
  /** The previous sleep: decorrelated jitter grows from it. */
  readonly previousDelay: number;
}

/**
 * One backoff step, with the meaning of client-go's `wait.Backoff.Step()`
 * (apimachinery `pkg/util/wait/backoff.go`):
 * - `steps < 1`: the duration is returned (jittered) and nothing changes;
 * - otherwise `steps` drops by one, the current duration is returned (jittered), and the
 *   next duration is `duration × factor` (unchanged when factor is 0), truncated to whole
 *   nanoseconds; past `cap` (when cap > 0) it becomes `cap` and `steps` drops to 0.
 * Jitter never feeds back into the duration.
 */
export function nextDelay(state: DelayState, random: Random): { delay: number; next: DelayState } {
  if (state.steps < 1) {
    return { delay: jittered(state, random), next: state };
  }
  let steps = state.steps - 1;
  let duration = state.duration;
  if (state.factor !== 0) {
    const nextNs = Math.trunc(toNanoseconds(state.duration) * state.factor);
    duration = fromNanoseconds(nextNs);
    if (state.cap > 0 && nextNs > toNanoseconds(state.cap)) {
      duration = state.cap;
      steps = 0;
    }
  }
  const delay = jittered(state, random);
  return { delay, next: { ...state, duration, steps, previousDelay: delay } };
}

function jittered(state: DelayState, random: Random): number {
  switch (state.jitterMode) {
    case 'additive':
      return state.jitter > 0 ? additiveJitter(state.duration, state.jitter, random()) : state.duration;
    case 'full':
      return fullJitter(state.duration, random());
    case 'equal':
      return equalJitter(state.duration, random());
    case 'decorrelated':
      return decorrelatedJitter(state.initial, state.previousDelay, state.cap, random());
  }
}

import { nextDelay, type DelayState } from './delay.ts';
import { fromNanoseconds, type JitterMode, jitterModes, toNanoseconds } from './jitter.ts';
import type { Random } from './random.ts';

const stepped = Symbol('stepped');

/**
 * The settings of a {@link Backoff}, with the meaning of client-go's `wait.Backoff`.
 * Durations are milliseconds, as in `setTimeout` (`duration: 10` is client-go's 10 ms).
 */
export interface BackoffOptions {
  /** The first sleep, in milliseconds (whole nanoseconds, as in Go). Must be ≥ 0. */
  readonly duration: number;
  /**
   * How many times the operation may be called in a retry loop (client-go's `Steps`).
   * An integer ≥ 1: client-go treats `Steps: 0` as "call nothing and report success",
   * which kubeconflict refuses instead.
   */
  readonly steps: number;
  /** Each sleep is the previous duration × factor; 0 or 1 keeps it constant. @default 1 */
  readonly factor?: number;
  /**
   * Additive jitter: each sleep gains up to `jitter × duration` (never loses). Only with
   * `jitterMode: 'additive'`; the other modes randomise the whole sleep. @default 0
   */
  readonly jitter?: number;
  /**
   * Upper limit, in milliseconds, on the duration as it grows; 0 means none. When growth
   * would pass it, the duration becomes `cap` and no further steps are left, exactly as
   * in client-go. @default 0
   */
  readonly cap?: number;
  /** How sleeps are randomised; see {@link JitterMode}. @default 'additive' */
  readonly jitterMode?: JitterMode;
}

/**
 * An immutable backoff schedule. {@link Backoff.step} returns the sleep and the next
 * `Backoff`, so a value can be shared freely and replayed.
 *
 * @example
 * const backoff = new Backoff({ duration: 10, factor: 1.5, jitter: 1, steps: 30 });
 * const { delay, next } = backoff.step(Math.random);
 */
export class Backoff implements BackoffOptions {
  readonly duration: number;
  readonly steps: number;
  readonly factor: number;
  readonly jitter: number;
  readonly cap: number;
  readonly jitterMode: JitterMode;
  readonly #state: DelayState;

  constructor(options: BackoffOptions);
  /** @internal a state reached by stepping, already valid (steps may be 0 here). */
  constructor(options: DelayState, token: typeof stepped);
  constructor(options: BackoffOptions | DelayState, token?: typeof stepped) {
    const state = token === stepped ? (options as DelayState) : validate(options);
    this.#state = state;
    this.duration = state.duration;
    this.steps = state.steps;
    this.factor = state.factor;
    this.jitter = state.jitter;
    this.cap = state.cap;
    this.jitterMode = state.jitterMode;
  }

  /**
   * The sleep before the next call and the schedule after it. Same rules as client-go's
   * `Backoff.Step()`; `random` supplies the jitter.
   */
  step(random: Random): { delay: number; next: Backoff } {
    const { delay, next } = nextDelay(this.#state, random);
    return { delay, next: new Backoff(next, stepped) };
  }

  /**
   * A function that returns each next sleep of this schedule, and never stops: client-go's
   * `Backoff.DelayFunc()`. Once the steps are spent the duration stays as it is, so it
   * suits loops that end on something other than a count (a reopened watch, a transport
   * with its own retry limit); for a retry loop's stopping rules see {@link backoffDelays}.
   *
   * @example
   * const nextDelay = new Backoff({ duration: 100, factor: 2, cap: 5_000, steps: 6 }).delayFunc(Math.random);
   * nextDelay(); // 100, then 200, 400, … 3200, then 5000 for ever
   */
  delayFunc(random: Random): () => number {
    let state = this.#state;
    return () => {
      const { delay, next } = nextDelay(state, random);
      state = next;
      return delay;
    };
  }

  /** The settings as plain data (for JSON and messages). */
  toJSON(): Required<BackoffOptions> {
    const { duration, steps, factor, jitter, cap, jitterMode } = this;
    return { duration, steps, factor, jitter, cap, jitterMode };
  }
}

function validate(options: BackoffOptions): DelayState {
  // Checked at run time too: JavaScript callers and CLI flags reach here unchecked.
  if (typeof (options as unknown) !== 'object' || (options as unknown) === null) {
    throw new TypeError('Backoff options must be an object such as { duration: 10, steps: 5 }');
  }
  // Whole nanoseconds, like Go's time.Duration, so that every step is exact.
  const duration = wholeNanoseconds(nonNegative('duration', options.duration));
  const factor = nonNegative('factor', options.factor ?? 1);
  const jitter = nonNegative('jitter', options.jitter ?? 0);
  const cap = wholeNanoseconds(nonNegative('cap', options.cap ?? 0));
  const jitterMode: unknown = options.jitterMode ?? 'additive';
  if (!isJitterMode(jitterMode)) {
    throw new RangeError(`jitterMode must be one of ${jitterModes.join(', ')}; got ${String(jitterMode)}`);
  }
  if (jitter > 0 && jitterMode !== 'additive') {
    throw new RangeError(
      `jitter (${String(jitter)}) applies only to jitterMode 'additive'; '${jitterMode}' randomises the whole sleep, so leave jitter at 0`,
    );
  }
  const steps = options.steps;
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1) {
    throw new RangeError(
      `steps must be an integer ≥ 1 (the number of calls); got ${String(steps)}. ` +
        'client-go treats Steps: 0 as "call nothing and succeed"; kubeconflict refuses it',
    );
  }
  return { duration, factor, jitter, steps, cap, jitterMode, initial: duration, previousDelay: duration };
}

const isJitterMode = (value: unknown): value is JitterMode => jitterModes.includes(value as JitterMode);

const wholeNanoseconds = (ms: number): number => fromNanoseconds(toNanoseconds(ms));

function nonNegative(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number ≥ 0; got ${String(value)}`);
  }
  return value;
}

/**
 * client-go's `retry.DefaultRetry`: 5 calls, 10 ms apart, 10 % additive jitter. The
 * recommended schedule for conflicts between clients changing the same object.
 */
export const DefaultRetry = new Backoff({ steps: 5, duration: 10, factor: 1, jitter: 0.1 });

/**
 * client-go's `retry.DefaultBackoff`: 4 calls, sleeps growing ×5 from 10 ms, 10 %
 * jitter. For an update that competes with controllers managing the object.
 */
export const DefaultBackoff = new Backoff({ steps: 4, duration: 10, factor: 5, jitter: 0.1 });

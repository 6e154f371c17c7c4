import { Backoff, type BackoffOptions } from './backoff.ts';
import { backoffDelays } from './backoff-delays.ts';
import { type Clock, systemClock } from './clock.ts';
import { isConflict } from './errors/classify.ts';
import type { Random } from './random.ts';

/** What a retried operation is told about the call it is making. */
export interface Attempt {
  /** 1 for the first call, 2 for the first retry, and so on. */
  readonly attempt: number;
  /** The caller's signal, to pass on to the requests the operation makes. */
  readonly signal: AbortSignal | undefined;
}

/** What {@link RetryOptions.onRetry} is told before each sleep. */
export interface RetryEvent {
  /** The call that just failed (1-based). */
  readonly attempt: number;
  /** The sleep about to start, in milliseconds. */
  readonly delay: number;
  /** The retriable error that call threw. */
  readonly error: unknown;
}

/** Options beyond client-go. All are optional; without them the loop is client-go's. */
export interface RetryOptions {
  /**
   * Cancels the loop: a sleep in progress ends at once and the returned promise rejects
   * with `signal.reason`. A call already running is not interrupted (it receives the
   * signal in {@link Attempt.signal}), and its success is still returned, since its
   * write may have landed.
   */
  readonly signal?: AbortSignal;
  /**
   * Gives up once the time is spent, as an absolute time in epoch milliseconds (the
   * clock's `now()`). No sleep that would end past it is started: the last retriable
   * error is thrown instead, as when the steps run out. Past it before the first call,
   * the promise rejects with a `TimeoutError` DOMException and nothing is called.
   */
  readonly deadline?: number;
  /** Like `deadline`, counted in milliseconds from the start of the loop. */
  readonly timeout?: number;
  /** Called before each sleep; for logging and metrics. Exceptions from it propagate. */
  readonly onRetry?: (event: RetryEvent) => void;
  /** The clock to read and sleep on. @default systemClock */
  readonly clock?: Clock;
  /** The jitter source, in [0, 1). @default Math.random */
  readonly random?: Random;
}

/**
 * Calls `fn` until it succeeds, it throws an error `isRetriable` rejects, or the backoff's
 * steps run out; client-go's `retry.OnError`.
 *
 * - At most `backoff.steps` calls, with the sleeps of {@link backoffDelays} between them.
 * - Success: resolves with what `fn` returned.
 * - A non-retriable error is thrown as is, at once.
 * - Steps run out: the last retriable error is thrown as is.
 *
 * One client-go detail is kept on purpose: when a `cap` ends the schedule early, client-go
 * still sleeps once after the last call before giving up; so does this loop (without
 * calling `onRetry`, since no retry follows). The Go test vectors record that sleep.
 *
 * @example
 * await onError(DefaultBackoff, (e) => classify(e) === 'ServerError', () => client.read());
 */
export async function onError<T>(
  backoff: Backoff | BackoffOptions,
  isRetriable: (error: unknown) => boolean,
  fn: (attempt: Attempt) => T | PromiseLike<T>,
  options: RetryOptions = {},
): Promise<T> {
  const schedule = backoff instanceof Backoff ? backoff : new Backoff(backoff);
  const { signal, onRetry, clock = systemClock, random = Math.random } = options;
  const deadline = resolveDeadline(options, clock);
  signal?.throwIfAborted();
  if (deadline !== undefined && clock.now() >= deadline) {
    throw new DOMException('the retry deadline passed before the first call', 'TimeoutError');
  }
  const sleeps = backoffDelays(schedule, random);
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn({ attempt, signal });
    } catch (error) {
      if (!isRetriable(error)) throw error;
      signal?.throwIfAborted();
      const sleep = sleeps.next();
      if (sleep.done) throw error;
      const { delay, retry } = sleep.value;
      if (deadline !== undefined && clock.now() + delay > deadline) throw error;
      if (retry) onRetry?.({ attempt, delay, error });
      await clock.sleep(delay, signal);
      if (!retry) throw error;
    }
  }
}

/**
 * Runs a read-modify-write until it stops conflicting; client-go's
 * `retry.RetryOnConflict`. `fn` must read the object afresh on every call, change it
 * and write it with the resourceVersion it read, and throw the write's error unchanged
 * (wrapping it in `Error.cause` is fine: the classifier follows causes).
 *
 * Retries every error that {@link isConflict} accepts, as client-go does: that includes
 * server-side apply field-manager conflicts, which no retry can fix. To retry stale
 * writes only, use `onError(backoff, isStaleWriteConflict, fn)`.
 *
 * @example
 * const updated = await retryOnConflict(DefaultRetry, async () => {
 *   const deployment = await apps.readNamespacedDeployment({ name, namespace });
 *   deployment.metadata!.labels!['biz-version'] = String(Number(label) + 1);
 *   return apps.replaceNamespacedDeployment({ name, namespace, body: deployment });
 * });
 */
export function retryOnConflict<T>(
  backoff: Backoff | BackoffOptions,
  fn: (attempt: Attempt) => T | PromiseLike<T>,
  options?: RetryOptions,
): Promise<T> {
  return onError(backoff, isConflict, fn, options);
}

function resolveDeadline(options: RetryOptions, clock: Clock): number | undefined {
  const { deadline, timeout } = options;
  if (deadline !== undefined && !Number.isFinite(deadline)) {
    throw new RangeError(`deadline must be a finite epoch time in milliseconds; got ${String(deadline)}`);
  }
  if (timeout !== undefined && (!Number.isFinite(timeout) || timeout <= 0)) {
    throw new RangeError(`timeout must be a finite number of milliseconds > 0; got ${String(timeout)}`);
  }
  const fromTimeout = timeout === undefined ? undefined : clock.now() + timeout;
  if (deadline === undefined) return fromTimeout;
  return fromTimeout === undefined ? deadline : Math.min(deadline, fromTimeout);
}

import type { Backoff } from './backoff.ts';
import type { Random } from './random.ts';

/** One sleep of a retry loop whose calls keep failing; see {@link backoffDelays}. */
export interface BackoffDelay {
  /** The sleep after the failed call, in milliseconds. */
  readonly delay: number;
  /**
   * Whether another call follows the sleep. `false` only for the sleep client-go makes
   * after the last call when a `cap` ended the steps: the loop sleeps, then gives up.
   */
  readonly retry: boolean;
}

/**
 * The sleeps of a retry loop driven by `backoff` whose calls all fail, in order: the
 * stopping rules of client-go's `wait.ExponentialBackoff` and `retry.OnError`, which
 * {@link onError} and `kubeconflict backoff` follow.
 *
 * - At most `steps` calls, so at most `steps − 1` sleeps between them.
 * - When growth passes `cap`, the steps end at once; client-go still sleeps once after
 *   the last call, so that sleep is yielded with `retry: false`, and nothing after it.
 *
 * Lazy: each sleep is drawn from `random` only when asked for, so a loop that succeeds
 * early draws no more jitter than it slept. For loops that give up on something other
 * than a count, {@link Backoff.delayFunc} gives the sleeps without stopping.
 *
 * @example
 * for (const { delay, retry } of backoffDelays(DefaultBackoff, seededRandom(1))) {
 *   console.log(delay, retry ? 'then call again' : 'then give up');
 * }
 */
export function* backoffDelays(backoff: Backoff, random: Random): Generator<BackoffDelay, void, undefined> {
  let schedule = backoff;
  while (schedule.steps > 1) {
    const { delay, next } = schedule.step(random);
    schedule = next;
    const retry = schedule.steps >= 1;
    yield { delay, retry };
    if (!retry) return;
  }
}

import type { Clock } from '../core/clock.ts';

interface PendingSleep {
  readonly until: number;
  readonly resolve: () => void;
}

/**
 * A {@link Clock} that moves only when told, for deterministic tests of retry code.
 * Every requested sleep is recorded in `sleeps`. With `autoAdvance`, a sleep completes
 * at once and moves the time forward by its length; otherwise it waits for `advance()`.
 *
 * @example
 * const clock = new ManualClock({ autoAdvance: true });
 * await retryOnConflict(DefaultRetry, fn, { clock });
 * clock.sleeps; // [10.4, 10.9, ...]
 */
export class ManualClock implements Clock {
  #now: number;
  readonly #autoAdvance: boolean;
  readonly #pending: PendingSleep[] = [];
  readonly #sleeps: number[] = [];

  /**
   * @param options.start - the initial `now()`, epoch milliseconds. @default 0
   * @param options.autoAdvance - complete every sleep at once. @default false
   */
  constructor(options: { start?: number; autoAdvance?: boolean } = {}) {
    this.#now = options.start ?? 0;
    this.#autoAdvance = options.autoAdvance ?? false;
  }

  /** Every sleep requested so far, in milliseconds, in order. */
  get sleeps(): readonly number[] {
    return this.#sleeps;
  }

  /** Sleeps started and not yet finished or aborted. */
  get pendingSleeps(): number {
    return this.#pending.length;
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.#sleeps.push(ms);
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    if (this.#autoAdvance) {
      this.#now += ms;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const entry: PendingSleep = {
        until: this.#now + ms,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.#pending.splice(this.#pending.indexOf(entry), 1);
        reject(signal?.reason as Error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#pending.push(entry);
    });
  }

  /** Moves time forward by `ms` and completes every sleep that ends by then. */
  advance(ms: number): void {
    this.#now += ms;
    for (const entry of this.#pending.filter((pending) => pending.until <= this.#now)) {
      this.#pending.splice(this.#pending.indexOf(entry), 1);
      entry.resolve();
    }
  }
}

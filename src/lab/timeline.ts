/** What a worker was doing, from `start` to `end` (ms since the run began). */
export type TimelineKind = 'get' | 'put' | 'conflict' | 'sleep' | 'success' | 'failure';

export interface TimelineEvent {
  readonly worker: number;
  readonly kind: TimelineKind;
  readonly start: number;
  readonly end: number;
}

/**
 * Records events against one clock origin (epoch ms, so that worker processes share it);
 * cheap enough for a thousand workers.
 */
export class Timeline {
  readonly events: TimelineEvent[] = [];
  readonly origin: number;
  /** Events not kept because `limit` was reached (huge runs would otherwise fill memory). */
  dropped = 0;
  readonly #limit: number;

  constructor(origin = performance.timeOrigin + performance.now(), limit = 100_000) {
    this.origin = origin;
    this.#limit = limit;
  }

  now(): number {
    return performance.timeOrigin + performance.now() - this.origin;
  }

  add(worker: number, kind: TimelineKind, start: number, end = this.now()): void {
    if (this.events.length < this.#limit) this.events.push({ worker, kind, start, end });
    else this.dropped++;
  }

  /** Times `work` as an event of `kind`. */
  async time<T>(worker: number, kind: TimelineKind, work: () => Promise<T>): Promise<T> {
    const start = this.now();
    try {
      return await work();
    } finally {
      this.add(worker, kind, start);
    }
  }
}

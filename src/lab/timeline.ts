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

  constructor(origin = performance.timeOrigin + performance.now()) {
    this.origin = origin;
  }

  now(): number {
    return performance.timeOrigin + performance.now() - this.origin;
  }

  add(worker: number, kind: TimelineKind, start: number, end = this.now()): void {
    this.events.push({ worker, kind, start, end });
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

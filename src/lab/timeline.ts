/**
 * What a worker was doing, from `start` to `end` (ms since the run began). `waiting`: for a
 * watch event; `deferring`: a random wait before writing, listening for rivals; `queued`: in
 * the queue, for its turn.
 */
export type TimelineKind =
  'get' | 'put' | 'conflict' | 'waiting' | 'deferring' | 'queued' | 'sleep' | 'success' | 'failure';

/** The kinds a strategy reports itself, with epoch times (`onPhase` of `adaptiveUpdate`, `onQueued` of `queuedUpdate`). */
export type PhaseKind = Extract<TimelineKind, 'waiting' | 'deferring' | 'queued'>;

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

  /** Records a phase timed in epoch ms (`Date.now()`), as `adaptiveUpdate` reports it. */
  addEpoch(worker: number, kind: PhaseKind, startEpochMs: number, endEpochMs: number): void {
    this.add(worker, kind, startEpochMs - this.origin, endEpochMs - this.origin);
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

/** The `onPhase` callback the lab gives `adaptiveUpdate`: draws its phases on `worker`'s lane. */
export function phaseRecorder(
  timeline: Timeline,
  worker: number,
): (phase: PhaseKind, startMs: number, endMs: number) => void {
  return (phase, startMs, endMs) => {
    timeline.addEpoch(worker, phase, startMs, endMs);
  };
}

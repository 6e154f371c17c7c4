import type { TimelineEvent, TimelineKind } from './timeline.ts';

/**
 * Where a strategy's worker-time went, in % of it (summed over workers): waiting (for a
 * watch event or its turn, and deferring to rivals), requesting (GETs, PUTs, 409s) and
 * sleeping (backoff). The rest is time the timeline does not draw (the worker's own work,
 * the event loop). A worker's time runs from the release (0) to its success or failure.
 */
export interface TimeShares {
  readonly waiting: number;
  readonly requesting: number;
  readonly sleeping: number;
  /** The worker-time the shares are of, ms. */
  readonly workerMs: number;
}

const categories = {
  waiting: ['waiting', 'deferring'],
  requesting: ['get', 'put', 'conflict'],
  sleeping: ['sleep'],
} as const satisfies Record<string, readonly TimelineKind[]>;

type Category = keyof typeof categories;

/** The shares of `events`; null when no worker's time can be told (no events, or none ended). */
export function timeShares(events: readonly TimelineEvent[]): TimeShares | null {
  const byWorker = Map.groupBy(events, (event) => event.worker);
  let workerMs = 0;
  const spent: Record<Category, number> = { waiting: 0, requesting: 0, sleeping: 0 };
  for (const lane of byWorker.values()) {
    const end = workerEnd(lane);
    workerMs += end;
    for (const category of Object.keys(categories) as Category[]) {
      const kinds: readonly TimelineKind[] = categories[category];
      spent[category] += coveredMs(
        lane.filter((event) => kinds.includes(event.kind)),
        end,
      );
    }
  }
  if (workerMs <= 0) return null;
  const percent = (ms: number) => Math.round((ms / workerMs) * 1000) / 10;
  return {
    waiting: percent(spent.waiting),
    requesting: percent(spent.requesting),
    sleeping: percent(spent.sleeping),
    workerMs: Math.round(workerMs * 100) / 100,
  };
}

/** Where a worker's time ends: its success or failure; without one, its last event's end. */
function workerEnd(lane: readonly TimelineEvent[]): number {
  const outcome = lane.find((event) => event.kind === 'success' || event.kind === 'failure');
  return Math.max(0, outcome ? outcome.end : Math.max(...lane.map((event) => event.end)));
}

/**
 * How much of [0, end] the intervals cover, overlaps counted once: a sleep is drawn to its
 * planned end, and a strategy's phases may overlap its requests, yet no share passes 100%.
 */
export function coveredMs(intervals: readonly { start: number; end: number }[], end: number): number {
  const clipped = intervals
    .map((i) => ({ start: Math.max(0, i.start), end: Math.min(end, i.end) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
  let covered = 0;
  let reached = 0;
  for (const interval of clipped) {
    const from = Math.max(reached, interval.start);
    if (interval.end > from) covered += interval.end - from;
    reached = Math.max(reached, interval.end);
  }
  return covered;
}

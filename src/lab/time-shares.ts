import type { TimelineEvent, TimelineKind } from './timeline.ts';

/**
 * Where a strategy's worker-time went, in % of it (summed over workers): waiting (for a
 * watch event or its turn, and deferring to rivals), requesting (GETs, PUTs, 409s) and
 * sleeping (backoff). The rest is time the timeline does not draw (the worker's own work,
 * the event loop). A worker's time runs from the release (0) to its success or failure. An
 * instant in events of two shares counts once, for the first of requesting, waiting, sleeping.
 */
export interface TimeShares {
  readonly waiting: number;
  readonly requesting: number;
  readonly sleeping: number;
  /** The worker-time the shares are of, ms. */
  readonly workerMs: number;
}

/** The kinds of each share, in the order an instant is claimed: a request, then a wait, then a sleep. */
const shareKinds = [
  ['requesting', ['get', 'put', 'conflict']],
  ['waiting', ['waiting', 'deferring', 'queued']],
  ['sleeping', ['sleep']],
] as const satisfies readonly (readonly [string, readonly TimelineKind[]])[];

type Share = (typeof shareKinds)[number][0];

/** The shares of `events`; null when no worker's time can be told (no events, or none ended). */
export function timeShares(events: readonly TimelineEvent[]): TimeShares | null {
  let workerMs = 0;
  const spent: Record<Share, number> = { waiting: 0, requesting: 0, sleeping: 0 };
  for (const lane of Map.groupBy(events, (event) => event.worker).values()) {
    const end = workerEnd(lane);
    workerMs += end;
    // Each share gets what its kinds cover beyond the shares before it: no instant counts twice.
    const claimed: TimelineKind[] = [];
    let coveredBefore = 0;
    for (const [share, kinds] of shareKinds) {
      claimed.push(...kinds);
      const covered = coveredMs(
        lane.filter((event) => claimed.includes(event.kind)),
        end,
      );
      spent[share] += covered - coveredBefore;
      coveredBefore = covered;
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
 * planned end, which a timer may pass or (by under a ms) fall short of.
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

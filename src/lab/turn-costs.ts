import type { TimelineEvent } from './timeline.ts';

/** Where a queue's time went: waiting for the first turn, then from one turn to the next. */
export interface TurnCosts {
  /** Turns taken (a process's workers that shared one count once). */
  readonly turns: number;
  /** From the release to the first turn, ms: joining and starting the queue. */
  readonly firstTurnMs: number;
  /** From one turn to the next, ms: a write and a handoff. */
  readonly gapMs: { readonly p50: number; readonly p90: number };
}

/** The turns of a run, from the ends of its workers' `queued` events; null when it has none. */
export function turnCosts(timeline: readonly TimelineEvent[]): TurnCosts | null {
  const turns = [...new Set(timeline.filter((event) => event.kind === 'queued').map((event) => event.end))].sort(
    (a, b) => a - b,
  );
  const [first] = turns;
  if (first === undefined) return null;
  const gaps = turns.slice(1).map((turn, index) => turn - (turns[index] ?? turn));
  gaps.sort((a, b) => a - b);
  const at = (share: number) => round(gaps[Math.min(gaps.length - 1, Math.floor(share * gaps.length))] ?? 0);
  return { turns: turns.length, firstTurnMs: round(first), gapMs: { p50: at(0.5), p90: at(0.9) } };
}

const round = (value: number) => Math.round(value * 10) / 10;

import { type Clock, systemClock } from '../core/clock.ts';
import { isStaleWriteConflict, isTransient } from '../core/errors/classify.ts';
import type { Random } from '../core/random.ts';
import type { KubeObjectClient } from '../client/kube-object-client.ts';
import { LostWrite } from '../update/lost-write.ts';
import type { ObjectRef } from '../update/object-client.ts';
import { type ExactlyOnceOptions, exactlyOnceOf, withOperationRecorded } from '../update/operation-ids.ts';
import {
  type Mutation,
  noChange,
  sameJson,
  type UpdateResult,
  withResourceVersionOf,
} from '../update/read-mutate-write.ts';
import { shareWatch } from './shared-watch.ts';

export interface AdaptiveOptions {
  readonly signal?: AbortSignal;
  /** Gives up after this many milliseconds, throwing the last conflict. @default 60000 */
  readonly timeout?: number;
  /** @default Math.random */
  readonly random?: Random;
  /** Time for the deadline, the waits and `onPhase`. @default systemClock */
  readonly clock?: Clock;
  /** Also retry 429, 5xx, timeouts and broken connections, as the update helpers' option. @default true with exactlyOnce */
  readonly retryTransient?: boolean;
  /** Never apply the mutation twice when a write's answer is lost, as the update helpers' option. @default false */
  readonly exactlyOnce?: boolean | ExactlyOnceOptions;
  /**
   * Told of each span spent not writing, as epoch milliseconds, when it ends: `waiting`
   * for the watch (its first event, or the winner's change after this writer's own
   * conflict), `deferring` in a random wait before a write (listening for rivals). The
   * lab draws them in its report.
   */
  readonly onPhase?: (phase: AdaptivePhase, startMs: number, endMs: number) => void;
}

/** What an adaptive writer does while it is not writing. */
export type AdaptivePhase = 'waiting' | 'deferring';

/** Collisions accepted per write: the wait window is this many write times per rival. */
const windowPerRival = 2;
/** The first window, in write times: guesses a few rivals, so a crowd's first round is not a stampede. */
const initialWindow = 8;
/** A line quiet for this many write times means the window is too wide for the rivals left. */
const idleWrites = 3;
/** How long the watch may take to show the object before a read is made instead. */
const firstEventPatienceMs = 500;
/** Each rival's landed write: one rival fewer. */
const rivalDecay = 0.9;

/**
 * Updates an object that many writers, in any number of processes, change at once,
 * without tuning: bounded by a deadline, not by a number of steps.
 *
 * How: it watches the object instead of reading it before each attempt, so it always
 * holds the latest version and every attempt is one PUT. Before writing it waits a
 * random time in a window, and defers (draws again) whenever another writer's change
 * arrives first, as Ethernet stations sense a busy line. The window adapts to the
 * contention it sees: it doubles when its own write conflicts (more rivals than it
 * assumed), shrinks a little each time a rival's write lands (one rival fewer), and
 * halves when the line stays quiet for a few write times (fewer rivals than feared).
 * It is measured in this writer's own write time, so it fits fast and slow servers.
 *
 * Concurrent calls through the same client (the same `watch`) for the same object share
 * one watch, so a process can run a thousand of them on one stream.
 */
export async function adaptiveUpdate(
  client: Pick<KubeObjectClient, 'watch' | 'read' | 'replace'>,
  ref: ObjectRef,
  mutate: Mutation,
  options: AdaptiveOptions = {},
): Promise<UpdateResult> {
  const { signal, random = Math.random, onPhase, clock = systemClock } = options;
  /** Runs `wait`, then reports it as `phase` in epoch milliseconds. */
  const timed = async <T>(phase: AdaptivePhase, wait: () => Promise<T>): Promise<T> => {
    const start = clock.now();
    try {
      return await wait();
    } finally {
      onPhase?.(phase, start, clock.now());
    }
  };
  signal?.throwIfAborted();
  const deadline = clock.now() + (options.timeout ?? 60_000);
  const exactlyOnce = exactlyOnceOf(options.exactlyOnce);
  const retryingTransient = options.retryTransient ?? exactlyOnce !== undefined;
  const lostWrite = exactlyOnce && new LostWrite(client, ref, exactlyOnce);
  const lease = shareWatch(client, ref, clock);
  const { watcher } = lease;
  /** Reads the object when the watch is late or broken, so the state stays fresh. */
  const refresh = async () => {
    const began = clock.now();
    const object = await client.read(ref, signal);
    watcher.offer(object, clock.now() - began);
  };
  let attempts = 0;
  let conflicts = 0;
  let lastConflict: Error | undefined;
  try {
    // One round trip (the watch's first event, or a read when it is late) stands for the
    // write time until a write is timed; a writer joining an open watch takes its figure.
    const started = clock.now();
    await timed('waiting', async () => {
      if (!(await watcher.changed(0, firstEventPatienceMs, signal))) await refresh();
    });
    let writeMs = Math.max(1, watcher.roundTripMs ?? clock.now() - started);
    let window = initialWindow * writeMs;
    let staleVersion = -1;
    for (;;) {
      const remaining = deadline - clock.now();
      if (remaining <= 0) throw lastConflict ?? new DOMException('the update deadline passed', 'TimeoutError');
      let { version } = watcher.latest;
      if (version <= staleVersion) {
        // Our last write lost: wait for the winner's change before trying again.
        const patience = Math.min(remaining, Math.max(window, 50 * writeMs));
        await timed('waiting', async () => {
          if (!(await watcher.changed(staleVersion, patience, signal))) await refresh();
        });
        ({ version } = watcher.latest);
      }
      const draw = random() * window;
      const listen = Math.min(remaining, draw, idleWrites * writeMs);
      if (await timed('deferring', () => watcher.changed(version, listen, signal))) {
        window = Math.max(windowPerRival * writeMs, window * rivalDecay);
        continue; // a rival's write landed first: defer, with one rival fewer
      }
      if (listen < draw) {
        window = Math.max(windowPerRival * writeMs, window / 2);
        continue; // the line stayed quiet: fewer rivals than feared; draw again in a narrower window
      }
      const current = watcher.latest.object;
      if (current === undefined) continue;
      // Even a late copy is safe to judge by: a write based on it cannot land after ours did.
      if (lostWrite && (await lostWrite.judge(current, signal)) === 'landed') {
        return { object: current, written: true, attempts, conflicts, alreadyApplied: true };
      }
      attempts++;
      const changed = await mutate(structuredClone(current));
      if (changed === noChange || sameJson(changed, current)) {
        lostWrite?.nothingToWrite();
        return { object: current, written: false, attempts, conflicts };
      }
      const toWrite = exactlyOnce ? withOperationRecorded(changed, exactlyOnce) : changed;
      const began = clock.now();
      try {
        const stored = await client.replace(withResourceVersionOf(toWrite, current), signal);
        return { object: stored, written: true, attempts, conflicts };
      } catch (error) {
        if (retryingTransient && isTransient(error)) {
          // Maybe landed: wait for the next change (perhaps ours) before judging and trying again.
          lostWrite?.failed(current, error);
          lastConflict = error as Error;
          staleVersion = version;
          continue;
        }
        if (!isStaleWriteConflict(error)) throw error;
        conflicts++;
        lastConflict = error as Error;
        staleVersion = version;
        writeMs = 0.8 * writeMs + 0.2 * Math.max(1, clock.now() - began);
        window = Math.min(2 * window, 1_000 * writeMs);
      }
    }
  } catch (error) {
    // Any failure (a refusal, a throwing mutation, the deadline) with a write's fate open:
    // one more read settles what it can, as the update helpers do.
    if (!lostWrite) throw error;
    const object = await lostWrite.settle(error, signal);
    return { object, written: true, attempts, conflicts, alreadyApplied: true };
  } finally {
    lease.release();
  }
}

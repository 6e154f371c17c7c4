import { type Clock, systemClock } from '../core/clock.ts';
import { isStaleWriteConflict, isTransient } from '../core/errors/classify.ts';
import type { Random } from '../core/random.ts';
import type { KubeObjectClient } from '../client/kube-object-client.ts';
import { LostWrite } from '../update/lost-write.ts';
import type { KubeObject, ObjectRef } from '../core/object.ts';
import { type ExactlyOnceOptions, exactlyOnceOf, withOperationRecorded } from '../update/operation-ids.ts';
import {
  type Mutation,
  mutated,
  noChange,
  sameJson,
  type UpdateResult,
  withResourceVersionOf,
} from '../update/read-mutate-write.ts';
import { shareWatch, type WatchLease } from './shared-watch.ts';

export interface AdaptiveOptions {
  readonly signal?: AbortSignal;
  /** Gives up after this many milliseconds, throwing the last conflict or retried transient failure. @default 60000 */
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
   * conflict), `deferring` in a random wait before a write (listening for rivals) or
   * while another writer of this process writes. The lab draws them in its report.
   */
  readonly onPhase?: (phase: AdaptivePhase, startMs: number, endMs: number) => void;
}

/** What an adaptive writer does while it is not writing. */
export type AdaptivePhase = 'waiting' | 'deferring';

/** Collisions accepted per write: the wait window is this many write times per rival. */
const windowPerRival = 2;
/**
 * The first window, in write times: room for one rival. The window matters only once a
 * conflict has shown a rival, and that conflict doubles it.
 */
const initialWindow = windowPerRival;
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
 * How: a writer alone reads and writes at once, as `retryOnConflict` does. Its first
 * conflict shows a rival in another process; from then on it watches the object instead
 * of reading it before each attempt, so it always holds the latest version and every
 * attempt is one PUT. Before writing it waits a random time in a window, and defers (draws
 * again) whenever another writer's change arrives first, as Ethernet stations sense a busy
 * line. The window adapts to the contention it sees: it doubles when its own write
 * conflicts (more rivals than it assumed), shrinks a little each time a rival's write lands
 * (one rival fewer), and halves when the line stays quiet for a few write times (fewer
 * rivals than feared). It is measured in this writer's own write time, so it fits fast and
 * slow servers.
 *
 * Concurrent calls through the same client (the same `watch`) for the same object share
 * one read, one watch and one turn: a process can run a thousand of them on one stream.
 * While one of them writes on a version, the others wait for its answer, which is the next
 * version, instead of writing on that version too, which could only conflict.
 */
export async function adaptiveUpdate(
  client: Pick<KubeObjectClient, 'watch' | 'read' | 'replace'>,
  ref: ObjectRef,
  mutate: Mutation,
  options: AdaptiveOptions = {},
): Promise<UpdateResult> {
  options.signal?.throwIfAborted();
  const clock = options.clock ?? systemClock;
  const lease = shareWatch(client, ref, clock, options.signal);
  const writer = new AdaptiveWriter(client, ref, mutate, options, clock, lease);
  try {
    return await writer.run();
  } catch (error) {
    // Any failure (a refusal, a throwing mutation, the deadline) with a write's fate open:
    // one more read settles what it can, as the update helpers do.
    if (!writer.lostWrite) throw error;
    const object = await writer.lostWrite.settle(error, options.signal);
    return { object, written: true, attempts: writer.attempts, conflicts: writer.conflicts, alreadyApplied: true };
  } finally {
    lease.release();
  }
}

type AdaptiveClient = Pick<KubeObjectClient, 'watch' | 'read' | 'replace'>;

/** One adaptiveUpdate call: its window, its write time, and its attempts. */
class AdaptiveWriter {
  attempts = 0;
  conflicts = 0;
  readonly lostWrite: LostWrite | undefined;
  readonly #client: AdaptiveClient;
  readonly #ref: ObjectRef;
  readonly #mutate: Mutation;
  readonly #options: AdaptiveOptions;
  readonly #clock: Clock;
  readonly #lease: WatchLease;
  readonly #exactlyOnce: ReturnType<typeof exactlyOnceOf>;
  readonly #deadline: number;
  /** The last conflict or transient failure: what the deadline throws. */
  #lastFailure: Error | undefined;
  /** This writer's write time, ms: one round trip at first, then its PUTs', smoothed. */
  #writeMs = 1;
  #window = 1;
  /** The version its last write was based on, when that write failed. */
  #staleVersion = -1;

  constructor(
    client: AdaptiveClient,
    ref: ObjectRef,
    mutate: Mutation,
    options: AdaptiveOptions,
    clock: Clock,
    lease: WatchLease,
  ) {
    this.#client = client;
    this.#ref = ref;
    this.#mutate = mutate;
    this.#options = options;
    this.#clock = clock;
    this.#lease = lease;
    this.#exactlyOnce = exactlyOnceOf(options.exactlyOnce);
    this.lostWrite = this.#exactlyOnce && new LostWrite(client, ref, this.#exactlyOnce);
    this.#deadline = clock.now() + (options.timeout ?? 60_000);
  }

  async run(): Promise<UpdateResult> {
    const watcher = this.#lease.watcher;
    // One round trip (the first read, or the watch's first event) stands for the write time
    // until a write is timed; a writer joining others takes their figure.
    const started = this.#clock.now();
    await this.#timed('waiting', () => this.#firstState());
    this.#writeMs = Math.max(1, watcher.roundTripMs ?? this.#clock.now() - started);
    this.#window = initialWindow * this.#writeMs;
    for (;;) {
      // Once rivals in other processes showed, the writers of this process contend one at a
      // time: several listening at once would make the process a crowd of its own.
      const leave = watcher.watching ? await this.#timed('deferring', () => this.#lease.contend()) : undefined;
      try {
        const result = await this.#round();
        if (result) return result;
      } finally {
        leave?.();
      }
    }
  }

  /** One try: wait out a lost write, take a turn, write. The result, or undefined to go round again. */
  async #round(): Promise<UpdateResult | undefined> {
    const watcher = this.#lease.watcher;
    const remaining = this.#deadline - this.#clock.now();
    if (remaining <= 0) throw this.#lastFailure ?? new DOMException('the update deadline passed', 'TimeoutError');
    if (watcher.latest.version <= this.#staleVersion) {
      // Our last write lost: wait for the winner's change before trying again; with no
      // watch (a transient failure, no rival seen), only a read can show it.
      if (watcher.watching) await this.#timed('waiting', () => this.#awaitChange(this.#staleVersion, remaining));
      else await this.#refresh();
    }
    const { version, object } = watcher.latest;
    // Until a rival outside this process shows itself (a conflict opens the watch), a
    // writer writes at once, taking turns only with the writers of its own process.
    const release = await (watcher.watching ? this.#turn(version, remaining) : this.#turnInProcess(version, remaining));
    if (!release) return undefined;
    if (object === undefined) {
      release();
      return undefined;
    }
    return this.#attempt(object, version, release);
  }

  /** The object's state: the open watch's, or one read shared with the writers arriving with it. */
  async #firstState(): Promise<void> {
    const watcher = this.#lease.watcher;
    if (watcher.watching && watcher.latest.object === undefined) {
      if (await this.#lease.changed(0, firstEventPatienceMs)) return;
    }
    await this.#lease.known((signal) => this.#client.read(this.#ref, signal));
  }

  /** The turn on `version` when no rival outside the process is known: at once, unless a writer of this process has it. */
  async #turnInProcess(version: number, remaining: number): Promise<(() => void) | undefined> {
    const watcher = this.#lease.watcher;
    if (!watcher.claimed(version)) return watcher.claim(version);
    await this.#timed('deferring', () => this.#awaitChange(version, remaining));
    return undefined;
  }

  /**
   * Listens a random time for rivals. When this writer may write on `version` now, takes the
   * process's turn on it and returns the turn's release; otherwise undefined, to go round again.
   */
  async #turn(version: number, remaining: number): Promise<(() => void) | undefined> {
    const watcher = this.#lease.watcher;
    const draw = (this.#options.random ?? Math.random)() * this.#window;
    const listen = Math.min(remaining, draw, idleWrites * this.#writeMs);
    if (await this.#timed('deferring', () => this.#lease.changed(version, listen))) {
      this.#rivalLanded();
      return undefined; // a rival's write landed first: defer, with one rival fewer
    }
    if (watcher.claimed(version)) {
      // A writer of this process is writing on this version: wait for its change or its failure.
      await this.#timed('deferring', () => this.#awaitChange(version, remaining));
      if (watcher.latest.version > version) this.#rivalLanded();
      return undefined;
    }
    if (listen < draw) {
      this.#window = Math.max(windowPerRival * this.#writeMs, this.#window / 2);
      return undefined; // the line stayed quiet: fewer rivals than feared; draw again in a narrower window
    }
    return watcher.claim(version);
  }

  /** One write on `current`, this process's turn on `version`: the result, or undefined to go on. */
  async #attempt(current: KubeObject, version: number, release: () => void): Promise<UpdateResult | undefined> {
    let written = false;
    try {
      const { attempts, conflicts } = this;
      // Even a late copy is safe to judge by: a write based on it cannot land after ours did.
      if (this.lostWrite && (await this.lostWrite.judge(current, this.#options.signal)) === 'landed') {
        return { object: current, written: true, attempts, conflicts, alreadyApplied: true };
      }
      this.attempts++;
      const changed = await mutated(this.#mutate, current);
      if (changed === noChange || sameJson(changed, current)) {
        this.lostWrite?.nothingToWrite();
        return { object: current, written: false, attempts: this.attempts, conflicts };
      }
      const stored = await this.#put(changed, current, version);
      written = stored !== undefined;
      if (!stored) return undefined;
      // The answer is the new state: the turn passes to the next writer of this process now.
      this.#lease.watcher.offer(stored);
      return { object: stored, written: true, attempts: this.attempts, conflicts: this.conflicts };
    } finally {
      if (!written) release();
    }
  }

  /** The PUT: what was stored, or undefined after a conflict or a transient failure to retry. */
  async #put(changed: KubeObject, current: KubeObject, version: number): Promise<KubeObject | undefined> {
    const exactlyOnce = this.#exactlyOnce;
    const toWrite = exactlyOnce ? withOperationRecorded(changed, exactlyOnce) : changed;
    const began = this.#clock.now();
    try {
      return await this.#client.replace(withResourceVersionOf(toWrite, current), this.#options.signal);
    } catch (error) {
      const retryingTransient = this.#options.retryTransient ?? exactlyOnce !== undefined;
      if (retryingTransient && isTransient(error)) {
        // Maybe landed: wait for the next change (perhaps ours) before judging and trying again.
        if (this.lostWrite) this.lostWrite.failed(current, error);
        this.#lastFailure = error as Error;
        this.#staleVersion = version;
        return undefined;
      }
      if (!isStaleWriteConflict(error)) throw error;
      // A rival outside this process: from now on watch, and listen before writing.
      this.#lease.watcher.watch();
      this.conflicts++;
      this.#lastFailure = error as Error;
      this.#staleVersion = version;
      this.#writeMs = 0.8 * this.#writeMs + 0.2 * Math.max(1, this.#clock.now() - began);
      this.#window = Math.min(2 * this.#window, 1_000 * this.#writeMs);
      return undefined;
    }
  }

  #rivalLanded(): void {
    this.#window = Math.max(windowPerRival * this.#writeMs, this.#window * rivalDecay);
  }

  /** Waits for a state newer than `version`; when none comes in time, reads instead. */
  async #awaitChange(version: number, remaining: number): Promise<void> {
    const patience = Math.min(remaining, Math.max(this.#window, 50 * this.#writeMs));
    const until = this.#clock.now() + patience;
    // Woken early without a change (another writer's turn failed), it goes round again unread.
    if (!(await this.#lease.changed(version, patience)) && this.#clock.now() >= until) await this.#refresh();
  }

  /** Reads the object when the watch is late or broken, so the state stays fresh. */
  async #refresh(): Promise<void> {
    const began = this.#clock.now();
    const object = await this.#client.read(this.#ref, this.#options.signal);
    this.#lease.watcher.offer(object, this.#clock.now() - began);
  }

  /** Runs `wait`, then reports it as `phase` in epoch milliseconds. */
  async #timed<T>(phase: AdaptivePhase, wait: () => Promise<T>): Promise<T> {
    const start = this.#clock.now();
    try {
      return await wait();
    } finally {
      this.#options.onPhase?.(phase, start, this.#clock.now());
    }
  }
}

import { stoppedInternally } from '../core/abort-reason.ts';
import { Backoff } from '../core/backoff.ts';
import { type Clock, systemClock } from '../core/clock.ts';
import { isNotFound } from '../core/errors/classify.ts';
import { compareResourceVersions } from '../core/resource-version.ts';
import type { KubeObjectClient } from '../client/kube-object-client.ts';
import type { KubeObject, ObjectRef } from '../core/object.ts';

/**
 * The pauses before a broken or refused watch is opened again: 100 ms doubling to 5 s,
 * then 5 s for as long as it keeps failing (the watcher never gives up: the steps only
 * let the duration grow to the cap).
 * Meanwhile writers still learn of changes from their reads and writes' answers.
 */
export const watchReopenBackoff = new Backoff({ duration: 100, factor: 2, cap: 5_000, steps: 6 });

/** The subset of a client the watcher uses. */
export type WatchingClient = Pick<KubeObjectClient, 'watch'>;

/**
 * Keeps the latest state of one object, so writers learn of every change without reading:
 * `version` counts the states seen; `changed()` waits for the next one. States come from
 * what the writers offer (a read, their own writes' answers) and, once `watch()` was called,
 * from a watch; a watch the server ends is reopened from the last state. Every wait runs on
 * the given {@link Clock}, so tests can drive it. Many writers may wait on one watcher: each
 * wait ends on its own signal.
 */
export class ObjectWatcher {
  readonly #client: WatchingClient;
  readonly #ref: ObjectRef;
  readonly #clock: Clock;
  readonly #stop = new AbortController();
  #latest: KubeObject | undefined;
  #version = 0;
  #roundTripMs: number | undefined;
  /** The version a writer of this process is writing on now. */
  #claimed: number | undefined;
  #failure: Error | undefined;
  #watching = false;
  /** The first read, shared by the writers that arrive before it is answered. */
  #firstRead: Promise<void> | undefined;
  /** The last writer in line for the process's place among the rivals; resolved when it leaves. */
  #lastInLine: Promise<void> = Promise.resolve();
  /** A set: a thousand writers waiting on one watch leave in any order, each in O(1). */
  readonly #waiters = new Set<() => void>();

  constructor(client: WatchingClient, ref: ObjectRef, signal?: AbortSignal, clock: Clock = systemClock) {
    this.#client = client;
    this.#ref = ref;
    this.#clock = clock;
    signal?.addEventListener(
      'abort',
      () => {
        this.close();
      },
      { once: true },
    );
  }

  /** Opens the watch, if it is not open yet: from now on every change is seen without a read. */
  watch(): void {
    if (this.#watching || this.#stop.signal.aborted) return;
    this.#watching = true;
    void this.#pump();
  }

  /**
   * Waits, in call order, until the caller is this process's one contender against writers
   * in other processes; call what it returns to pass that on. A signal ends the wait (the
   * caller's place passes on at once).
   */
  async contend(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    let leave!: () => void;
    const mine = new Promise<void>((resolve) => {
      leave = resolve;
    });
    const before = this.#lastInLine;
    this.#lastInLine = before.then(() => mine);
    await untilAborted(before, signal, leave);
    return leave;
  }

  /** Whether `watch()` was called: rivals outside this process were seen. */
  get watching(): boolean {
    return this.#watching;
  }

  /**
   * Makes sure a state is known: when none is, one read (`read`, timed, ended by `close()`)
   * for all the callers that come before it is answered. A failed read fails those callers;
   * the next one reads again. Each caller's `signal` ends its own wait only.
   */
  async known(read: (signal: AbortSignal) => Promise<KubeObject>, signal?: AbortSignal): Promise<void> {
    if (this.#latest) return;
    this.#firstRead ??= (async () => {
      const began = this.#clock.now();
      try {
        const object = await read(this.#stop.signal);
        this.offer(object, this.#clock.now() - began);
      } finally {
        this.#firstRead = undefined;
      }
    })();
    await untilAborted(this.#firstRead, signal);
  }

  /** The latest state seen, and its number: a write based on an older number is stale. */
  get latest(): { object: KubeObject | undefined; version: number } {
    return { object: this.#latest, version: this.#version };
  }

  /**
   * How long the request that brought the first state took, ms (the watch's first event,
   * or the read offered with its time): one round trip, whoever waited for it.
   */
  get roundTripMs(): number | undefined {
    return this.#roundTripMs;
  }

  /** Whether the watch ended for good (the object was deleted or is not found). */
  get failed(): boolean {
    return this.#failure !== undefined;
  }

  /** Whether a writer of this process is writing on `version` now: another write on it could only conflict. */
  claimed(version: number): boolean {
    return this.#claimed === version && this.#version === version;
  }

  /**
   * Takes the turn to write on `version`. The turn passes when the next state is seen; the
   * returned function gives it back sooner, when the write failed, and wakes the waiters.
   */
  claim(version: number): () => void {
    this.#claimed = version;
    return () => {
      if (this.#claimed !== version) return;
      this.#claimed = undefined;
      this.#wake();
    };
  }

  /**
   * Adopts a state learned otherwise: a read (taking `tookMs`) or a write's answer. One older
   * than the latest (a watch event behind a write's answer) is ignored, where the server's
   * resourceVersions can be ordered.
   */
  offer(object: KubeObject, tookMs?: number): void {
    this.#roundTripMs ??= tookMs;
    const offered = object.metadata?.resourceVersion;
    const latest = this.#latest?.metadata?.resourceVersion;
    if (offered === latest) return;
    if (offered !== undefined && latest !== undefined && (compareResourceVersions(offered, latest) ?? 1) < 0) return;
    this.#latest = object;
    this.#version++;
    this.#wake();
  }

  /**
   * Resolves true once a state newer than `version` is seen, or false after `timeoutMs`.
   * Many writers wait on one signal: pass each a signal of its own (see shareWatch), as
   * adding a listener to a signal costs as many steps as it has listeners.
   */
  async changed(version: number, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    if (this.#version > version) return true;
    signal?.throwIfAborted();
    this.#throwIfFailed();
    await new Promise<void>((resolve) => {
      // Whichever comes first ends the wait and removes the others: a writer waits many
      // times on one long-lived signal, which must not collect a listener per wait.
      const done = () => {
        cancelTimer();
        signal?.removeEventListener('abort', done);
        this.#waiters.delete(done);
        resolve();
      };
      const cancelTimer = this.#timer(timeoutMs, done);
      this.#waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
    signal?.throwIfAborted();
    this.#throwIfFailed();
    return this.#version > version;
  }

  /**
   * Calls `fire` after `ms` on the clock; returns what cancels it. The system clock's timer
   * is cancelled directly: a thousand writers woken by every change would otherwise make
   * and drop an AbortController, its signal and a listener per wait.
   */
  #timer(ms: number, fire: () => void): () => void {
    if (this.#clock === systemClock) {
      const timeout = setTimeout(fire, ms);
      return () => {
        clearTimeout(timeout);
      };
    }
    const timer = new AbortController();
    this.#clock.sleep(ms, timer.signal).then(fire, () => undefined);
    return () => {
      timer.abort(stoppedInternally);
    };
  }

  close(): void {
    this.#stop.abort(stoppedInternally);
    this.#wake();
  }

  #throwIfFailed(): void {
    if (this.#failure) throw this.#failure;
  }

  #fail(error: Error): void {
    this.#failure = error;
    this.#wake();
  }

  #wake(): void {
    const waiters = [...this.#waiters];
    this.#waiters.clear();
    for (const wake of waiters) wake();
  }

  async #pump(): Promise<void> {
    const signal = this.#stop.signal;
    let reopenDelay = watchReopenBackoff.delayFunc(Math.random); // no jitter: random is not drawn
    /** Whether to resume from the latest state: not after the server said it is too old. */
    let resume = true;
    while (!signal.aborted) {
      try {
        const resourceVersion = resume ? this.#latest?.metadata?.resourceVersion : undefined;
        resume = true;
        const opened = this.#clock.now();
        const events = this.#client.watch(this.#ref, {
          ...(resourceVersion !== undefined && { resourceVersion }),
          signal,
        });
        for await (const event of events) {
          // A watch that delivers is healthy: the next break starts the schedule again.
          reopenDelay = watchReopenBackoff.delayFunc(Math.random);
          if (event.type === 'ADDED' || event.type === 'MODIFIED') this.offer(event.object, this.#clock.now() - opened);
          else if (event.type === 'DELETED') {
            this.#fail(new Error(`${this.#ref.kind} ${this.#ref.name} was deleted while it was being updated`));
            return;
          } else if (event.type === 'ERROR') {
            resume = false; // expired: reopen from the object as it is now
            break;
          }
        }
      } catch (error) {
        if (this.#stop.signal.aborted) return;
        if (isNotFound(error)) {
          this.#fail(error as Error);
          return;
        }
        // A broken or refused watch: reads (on timeouts) keep the state fresh meanwhile.
        await this.#clock.sleep(reopenDelay(), signal).catch(() => undefined);
      }
    }
  }
}

/**
 * `promise`, or, as soon as `signal` aborts, a rejection with its reason after `onAbort`
 * (which gives up what the caller held). The listener goes either way: writers wait many
 * times on one long-lived signal.
 */
async function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort?: () => void): Promise<T> {
  if (!signal) return promise;
  const aborted = Promise.withResolvers<never>();
  const abort = () => {
    onAbort?.();
    aborted.reject(signal.reason);
  };
  if (signal.aborted) abort();
  else signal.addEventListener('abort', abort, { once: true });
  try {
    return await Promise.race([promise, aborted.promise]);
  } finally {
    signal.removeEventListener('abort', abort);
  }
}

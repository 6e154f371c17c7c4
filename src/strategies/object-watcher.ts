import { type Clock, systemClock } from '../core/clock.ts';
import { isNotFound } from '../core/errors/classify.ts';
import type { KubeObjectClient } from '../client/kube-object-client.ts';
import type { KubeObject } from '../testing/server/kube-object.ts';
import type { ObjectRef } from '../update/object-client.ts';

/** The subset of a client the watcher uses. */
export type WatchingClient = Pick<KubeObjectClient, 'watch' | 'read'>;

/**
 * Keeps the latest state of one object from a watch, so writers learn of every change
 * without reading: `version` counts the states seen; `changed()` waits for the next one.
 * A watch the server ends is reopened from the last state; when it cannot be, callers
 * `refresh()` with a read. Every wait runs on the given {@link Clock}, so tests can drive it.
 */
export class ObjectWatcher {
  readonly #client: WatchingClient;
  readonly #ref: ObjectRef;
  readonly #clock: Clock;
  readonly #stop = new AbortController();
  #latest: KubeObject | undefined;
  #version = 0;
  #failure: Error | undefined;
  #waiters: (() => void)[] = [];

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
    void this.#pump();
  }

  /** The latest state seen, and its number: a write based on an older number is stale. */
  get latest(): { object: KubeObject | undefined; version: number } {
    return { object: this.#latest, version: this.#version };
  }

  /** Adopts a state the caller learned otherwise (its own write's answer, a read). */
  offer(object: KubeObject): void {
    if (object.metadata?.resourceVersion === this.#latest?.metadata?.resourceVersion) return;
    this.#latest = object;
    this.#version++;
    this.#wake();
  }

  /** Resolves true once a state newer than `version` is seen, or false after `timeoutMs`. */
  async changed(version: number, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
    if (this.#version > version) return true;
    signal?.throwIfAborted();
    this.#throwIfFailed();
    const timer = new AbortController();
    await new Promise<void>((resolve) => {
      // Whichever comes first ends the wait and removes the others: a writer waits many
      // times on one long-lived signal, which must not collect a listener per wait.
      const done = () => {
        timer.abort();
        signal?.removeEventListener('abort', done);
        this.#waiters = this.#waiters.filter((waiter) => waiter !== done);
        resolve();
      };
      this.#clock.sleep(timeoutMs, timer.signal).then(done, () => undefined);
      this.#waiters.push(done);
      signal?.addEventListener('abort', done, { once: true });
    });
    signal?.throwIfAborted();
    this.#throwIfFailed();
    return this.#version > version;
  }

  /** Reads the object once: when the watch is late or broken, the state stays fresh. */
  async refresh(signal?: AbortSignal): Promise<void> {
    this.offer(await this.#client.read(this.#ref, signal));
  }

  close(): void {
    this.#stop.abort();
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
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }

  async #pump(): Promise<void> {
    const signal = this.#stop.signal;
    let retryDelay = 50;
    while (!signal.aborted) {
      try {
        const resourceVersion = this.#latest?.metadata?.resourceVersion;
        const events = this.#client.watch(this.#ref, {
          ...(resourceVersion !== undefined && { resourceVersion }),
          signal,
        });
        for await (const event of events) {
          if (event.type === 'ADDED' || event.type === 'MODIFIED') this.offer(event.object);
          else if (event.type === 'DELETED') {
            this.#fail(new Error(`${this.#ref.kind} ${this.#ref.name} was deleted while it was being updated`));
            return;
          } else if (event.type === 'ERROR') break; // expired: reopen from the latest state
        }
      } catch (error) {
        if (this.#stop.signal.aborted) return;
        if (isNotFound(error)) {
          this.#fail(error as Error);
          return;
        }
        // A broken or refused watch: reads (on timeouts) keep the state fresh meanwhile.
        retryDelay = Math.min(retryDelay * 2, 5_000);
        await this.#clock.sleep(retryDelay, signal).catch(() => undefined);
      }
    }
  }
}

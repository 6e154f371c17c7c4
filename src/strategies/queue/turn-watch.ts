import { stoppedInternally } from '../../core/abort-reason.ts';
import { Backoff } from '../../core/backoff.ts';
import { type Clock, systemClock } from '../../core/clock.ts';
import { isNotFound } from '../../core/errors/classify.ts';
import type { KubeObject, ObjectRef } from '../../core/object.ts';
import type { QueueClient } from './queue-entries.ts';
import { turnLabel, turnOf } from './queue-markers.ts';

/**
 * The pauses before a broken turn watch is opened again: 50 ms doubling to 1 s, then 1 s
 * (the steps only let the duration grow to the cap); back to 50 ms once a watch delivers
 * an event.
 */
export const turnWatchReopenBackoff = new Backoff({ duration: 50, factor: 2, cap: 1_000, steps: 5 });

/**
 * Waits for one ticket's turn on the object. The watch is filtered by the server to the
 * object's states whose turn label names the ticket, so the writer wakes once, for its own
 * turn, however many others wait: the handoff costs one event to one process.
 */
export class TurnWatch {
  readonly #client: QueueClient;
  readonly #ref: ObjectRef;
  readonly #ticket: string;
  readonly #clock: Clock;
  readonly #stop = new AbortController();
  #turn: KubeObject | undefined;
  #failure: Error | undefined;
  #wake: (() => void) | undefined;

  constructor(client: QueueClient, ref: ObjectRef, ticket: string, clock: Clock = systemClock) {
    this.#client = client;
    this.#ref = ref;
    this.#ticket = ticket;
    this.#clock = clock;
    void this.#pump();
  }

  /** The object as it was when the turn came, once the watch has shown it. */
  get turn(): KubeObject | undefined {
    return this.#turn;
  }

  /** Resolves with the object at this ticket's turn, or undefined after `timeoutMs`. */
  async next(timeoutMs: number, signal?: AbortSignal): Promise<KubeObject | undefined> {
    const timer = new AbortController();
    try {
      while (this.#turn === undefined) {
        if (this.#failure) throw this.#failure;
        signal?.throwIfAborted();
        const woken = new Promise<boolean>((resolve) => {
          this.#wake = () => {
            resolve(true);
          };
        });
        const slept = this.#clock.sleep(timeoutMs, AbortSignal.any([timer.signal, ...(signal ? [signal] : [])]));
        if (
          !(await Promise.race([
            woken,
            slept.then(
              () => false,
              () => true,
            ),
          ]))
        )
          return undefined;
      }
      return this.#turn;
    } finally {
      timer.abort(stoppedInternally);
      this.#wake = undefined;
    }
  }

  #notify(): void {
    this.#wake?.();
  }

  close(): void {
    this.#stop.abort(stoppedInternally);
  }

  async #pump(): Promise<void> {
    const signal = this.#stop.signal;
    let reopenDelay = turnWatchReopenBackoff.delayFunc(Math.random); // no jitter: random is not drawn
    while (!signal.aborted) {
      try {
        // Opened without a resourceVersion, it starts with the current state when that is
        // already this ticket's turn: reopening never misses a handoff.
        const events = this.#client.watch(this.#ref, {
          labelSelector: `${turnLabel}=${this.#ticket}`,
          signal,
        });
        for await (const event of events) {
          reopenDelay = turnWatchReopenBackoff.delayFunc(Math.random);
          const mine = (event.type === 'ADDED' || event.type === 'MODIFIED') && turnOf(event.object) === this.#ticket;
          this.#turn = mine ? event.object : undefined;
          if (mine) this.#notify();
        }
      } catch (error) {
        if (this.#stop.signal.aborted) return;
        if (isNotFound(error)) {
          this.#failure = error as Error;
          this.#notify();
          return;
        }
        await this.#clock.sleep(reopenDelay(), signal).catch(() => undefined);
      }
    }
  }
}

import { type Clock, systemClock } from '../../core/clock.ts';
import { isConflict, isTransient } from '../../core/errors/classify.ts';
import type { KubeObject } from '../../testing/server/kube-object.ts';
import { LostWrite } from '../../update/lost-write.ts';
import type { ObjectRef } from '../../update/object-client.ts';
import {
  type ExactlyOnce,
  type ExactlyOnceOptions,
  exactlyOnceOf,
  withOperationRecorded,
} from '../../update/operation-ids.ts';
import {
  type Mutation,
  noChange,
  sameJson,
  type UpdateResult,
  withResourceVersionOf,
} from '../../update/read-mutate-write.ts';
import { type QueueClient, QueueEntries, type QueueEntry } from './queue-entries.ts';
import { turnOf, waitingOf, withQueue } from './queue-markers.ts';
import { compareTickets } from './ticket-order.ts';
import { TurnWatch } from './turn-watch.ts';

export interface QueueOptions {
  readonly signal?: AbortSignal;
  /** Gives up after this many milliseconds in the queue, leaving it. @default 60000 */
  readonly timeout?: number;
  /**
   * How long the queue may stand still before the writer whose turn it is counts as dead
   * (its process crashed) and is skipped. A skipped writer that was only slow finds its
   * write refused (the resourceVersion moved on) and joins again. @default 5000
   */
  readonly stallTimeout?: number;
  /** Where the queue's Leases live when the object is cluster-scoped. @default "default" */
  readonly leaseNamespace?: string;
  /** Also retry 429, 5xx, timeouts and broken connections of the write. @default true with exactlyOnce */
  readonly retryTransient?: boolean;
  /** Never apply the mutation twice when a write's answer is lost, as the update helpers' option. @default false */
  readonly exactlyOnce?: boolean | ExactlyOnceOptions;
  /** Told of the span spent waiting for the turn, in epoch milliseconds, when it ends. */
  readonly onQueued?: (startMs: number, endMs: number) => void;
  /** @default systemClock */
  readonly clock?: Clock;
}

/** After a write failed: write again on `object`, stop (it had landed), or join again (skipped). */
type FailedWrite = { then: 'retry' | 'done'; object: KubeObject } | { then: 'rejoin' };

/** A turn: the object as it was handed over, and the tickets known to wait after it. */
interface Turn {
  readonly object: KubeObject;
  readonly after: readonly string[];
}

/**
 * Updates an object that writers in any number of processes change at once by taking
 * turns, agreed through the Kubernetes API alone, so that writers never collide.
 *
 * Each writer joins the object's queue with a Lease of its own (one create, on a key of
 * its own, so joining never conflicts); the Leases' resourceVersions order the queue.
 * The writer whose turn it is applies its mutation to the latest object and, in the same
 * write, names the next writer in a label on the object. Each waiter watches the object
 * filtered by the server to its own turn, so a handoff wakes one process. The
 * resourceVersion precondition stays the last word: a write on a stale object is refused.
 * When the queue empties, the object is left without marks and the Leases are gone.
 */
export async function queuedUpdate(
  client: QueueClient,
  ref: ObjectRef,
  mutate: Mutation,
  options: QueueOptions = {},
): Promise<UpdateResult> {
  return new QueuedWriter(client, ref, mutate, options).run();
}

class QueuedWriter {
  readonly #client: QueueClient;
  readonly #ref: ObjectRef;
  readonly #mutate: Mutation;
  readonly #entries: QueueEntries;
  readonly #signal: AbortSignal | undefined;
  readonly #clock: Clock;
  readonly #stallMs: number;
  readonly #deadline: number;
  readonly #exactlyOnce: ExactlyOnce | undefined;
  readonly #retryTransient: boolean;
  readonly #lostWrite: LostWrite | false | undefined;
  readonly #onQueued: QueueOptions['onQueued'];
  #attempts = 0;
  #conflicts = 0;

  constructor(client: QueueClient, ref: ObjectRef, mutate: Mutation, options: QueueOptions) {
    this.#client = client;
    this.#ref = ref;
    this.#mutate = mutate;
    this.#entries = new QueueEntries(client, ref, ref.namespace ?? options.leaseNamespace ?? 'default');
    this.#signal = options.signal;
    this.#clock = options.clock ?? systemClock;
    this.#stallMs = checkedMs('stallTimeout', options.stallTimeout ?? 5_000);
    this.#deadline = this.#clock.now() + checkedMs('timeout', options.timeout ?? 60_000);
    this.#exactlyOnce = exactlyOnceOf(options.exactlyOnce);
    this.#retryTransient = options.retryTransient ?? this.#exactlyOnce !== undefined;
    this.#lostWrite = this.#exactlyOnce && new LostWrite(client, ref, this.#exactlyOnce);
    this.#onQueued = options.onQueued;
  }

  async run(): Promise<UpdateResult> {
    this.#signal?.throwIfAborted();
    try {
      for (;;) {
        const result = await this.#member();
        if (result !== 'rejoin') return result;
      }
    } catch (error) {
      if (!this.#lostWrite) throw error;
      const object = await this.#lostWrite.settle(error, this.#signal);
      return this.#result(object, true, true);
    }
  }

  /** One stay in the queue: join, wait for the turn, write; 'rejoin' when skipped meanwhile. */
  async #member(): Promise<UpdateResult | 'rejoin'> {
    const entry = await this.#entries.join(this.#signal);
    const watch = new TurnWatch(this.#client, this.#ref, entry.ticket, this.#clock);
    let served = false;
    try {
      const queuedAt = this.#clock.now();
      const turn = await this.#awaitTurn(entry, watch);
      this.#onQueued?.(queuedAt, this.#clock.now());
      const result = await this.#write(entry, turn);
      served = result !== 'rejoin';
      return result;
    } finally {
      watch.close();
      // A writer that leaves early (aborted, failed, out of time) takes its Lease with it,
      // so that nobody waits on it; a served one removed it while writing.
      if (!served) await this.#entries.remove(entry).catch(() => undefined);
    }
  }

  /**
   * Waits for the turn: handed over by the watch, or claimed when the queue is idle and
   * this ticket is the first. Every `stallTimeout` without a turn it looks at the object:
   * unchanged since the last look means the writer whose turn it is died; it is skipped.
   */
  async #awaitTurn(entry: QueueEntry, watch: TurnWatch): Promise<Turn> {
    // A busy queue will come to this ticket (its last writer lists who joined); only an
    // idle one needs the list, to tell whether this ticket is first and claims it.
    const object = await this.#client.read(this.#ref, this.#signal);
    const entries = turnOf(object) === undefined ? await this.#entries.list(this.#signal) : [];
    const turn = this.#turnIn(object, entry, entries);
    if (turn) return turn;
    let seen = object.metadata?.resourceVersion;
    for (;;) {
      const remaining = this.#deadline - this.#clock.now();
      if (remaining <= 0)
        throw new DOMException('the update deadline passed while waiting in the queue', 'TimeoutError');
      const handed = await watch.next(Math.min(this.#stallMs, remaining), this.#signal);
      if (handed) return { object: handed, after: waitingOf(handed) };
      const object = await this.#client.read(this.#ref, this.#signal);
      const entries = turnOf(object) === undefined ? await this.#entries.list(this.#signal) : [];
      const turn = this.#turnIn(object, entry, entries);
      if (turn) return turn;
      const stalled = object.metadata?.resourceVersion === seen;
      seen = object.metadata?.resourceVersion;
      if (stalled) seen = await this.#skipStalled(object, entries);
    }
  }

  /** This ticket's turn in `object`: handed to it, or the queue idle with it first in `entries`. */
  #turnIn(object: KubeObject, entry: QueueEntry, entries: readonly QueueEntry[]): Turn | undefined {
    const turn = turnOf(object);
    if (turn === entry.ticket) return { object, after: waitingOf(object) };
    if (turn !== undefined || entries[0]?.ticket !== entry.ticket) return undefined;
    return { object, after: entries.slice(1).map((e) => e.ticket) };
  }

  /**
   * Passes over the writer the queue stands still for (the turn's, or the first when it is
   * idle): its Lease is removed and the turn handed to the next. Returns the object's new
   * resourceVersion, or the old one when another waiter was quicker.
   */
  async #skipStalled(object: KubeObject, known: readonly QueueEntry[]): Promise<string | undefined> {
    const entries = known.length > 0 ? known : await this.#entries.list(this.#signal);
    const stalledTicket = turnOf(object) ?? entries[0]?.ticket;
    const stalled = entries.find((e) => e.ticket === stalledTicket);
    if (stalled) await this.#entries.remove(stalled, this.#signal);
    const after = entries
      .filter((e) => stalledTicket === undefined || compareTickets(e.ticket, stalledTicket) > 0)
      .map((e) => e.ticket);
    try {
      const stored = await this.#client.replace(withQueue(object, after), this.#signal);
      return stored.metadata?.resourceVersion;
    } catch (error) {
      if (isConflict(error)) return object.metadata?.resourceVersion;
      throw error;
    }
  }

  async #write(entry: QueueEntry, turn: Turn): Promise<UpdateResult | 'rejoin'> {
    // Best effort: a Lease left behind only costs a later writer one stall timeout.
    const leaving = this.#entries.remove(entry, this.#signal).catch(() => undefined);
    let { object } = turn;
    let after = turn.after.filter((ticket) => compareTickets(ticket, entry.ticket) > 0);
    if (after.length === 0) after = await this.#ticketsAfter(entry);
    for (;;) {
      this.#attempts++;
      const changed = await this.#mutate(structuredClone(object));
      const mutated = changed !== noChange && !sameJson(changed, object);
      if (!mutated && this.#lostWrite) this.#lostWrite.nothingToWrite();
      const data = mutated && this.#exactlyOnce ? withOperationRecorded(changed, this.#exactlyOnce) : changed;
      const toWrite = withQueue(data === noChange ? object : data, after);
      // The last writer's Lease must be gone before the queue looks idle to a newcomer.
      if (after.length === 0) await leaving;
      if (sameJson(toWrite, object)) return this.#result(object, false);
      let outcome: FailedWrite;
      try {
        const stored = await this.#client.replace(withResourceVersionOf(toWrite, object), this.#signal);
        await leaving;
        if (after.length === 0) await this.#callLateJoiners(stored, entry);
        return this.#result(stored, mutated);
      } catch (error) {
        outcome = await this.#afterFailedWrite(error, object, entry);
      }
      if (outcome.then === 'rejoin') return 'rejoin';
      if (outcome.then === 'done') {
        if (turnOf(outcome.object) === undefined) await this.#callLateJoiners(outcome.object, entry);
        return this.#result(outcome.object, true, true);
      }
      object = outcome.object;
    }
  }

  /**
   * A refused or lost write: the object is read again. Still this ticket's turn (another
   * client wrote, or the write did not land): write again on it. Otherwise the queue moved
   * on without this writer (it was skipped as stalled): join again.
   */
  async #afterFailedWrite(error: unknown, object: KubeObject, entry: QueueEntry): Promise<FailedWrite> {
    if (isConflict(error)) this.#conflicts++;
    else if (this.#retryTransient && isTransient(error)) {
      if (this.#lostWrite) this.#lostWrite.failed(object, error);
    } else throw error;
    const current = await this.#client.read(this.#ref, this.#signal);
    if (this.#lostWrite && (await this.#lostWrite.judge(current, this.#signal)) === 'landed') {
      return { then: 'done', object: current };
    }
    return turnOf(current) === entry.ticket ? { then: 'retry', object: current } : { then: 'rejoin' };
  }

  /** The tickets waiting after `entry`, listed when the object's list of them has run out. */
  async #ticketsAfter(entry: QueueEntry): Promise<string[]> {
    const entries = await this.#entries.list(this.#signal);
    return entries.map((e) => e.ticket).filter((ticket) => compareTickets(ticket, entry.ticket) > 0);
  }

  /**
   * After leaving the queue idle: writers that joined while this one wrote saw it busy and
   * wait for a turn nobody would give. The first of them gets it; if another writer wrote
   * meanwhile, it was one of them, and the queue is moving.
   */
  async #callLateJoiners(stored: KubeObject, entry: QueueEntry): Promise<void> {
    const after = await this.#ticketsAfter(entry);
    if (after.length === 0) return;
    await this.#client.replace(withQueue(stored, after), this.#signal).catch((error: unknown) => {
      if (!isConflict(error)) throw error;
    });
  }

  #result(object: KubeObject, written: boolean, alreadyApplied = false): UpdateResult {
    return {
      object,
      written,
      attempts: this.#attempts,
      conflicts: this.#conflicts,
      ...(alreadyApplied && { alreadyApplied }),
    };
  }
}

function checkedMs(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`queuedUpdate: ${name} must be a positive number of milliseconds; got ${String(value)}`);
  }
  return value;
}

import { type Clock, systemClock } from '../../core/clock.ts';
import { isConflict, isTransient } from '../../core/errors/classify.ts';
import type { KubeObject, ObjectRef } from '../../core/object.ts';
import { LostWrite } from '../../update/lost-write.ts';
import {
  type ExactlyOnce,
  type ExactlyOnceOptions,
  exactlyOnceOf,
  withOperationRecorded,
} from '../../update/operation-ids.ts';
import {
  type Mutation,
  mutated,
  noChange,
  sameJson,
  type UpdateResult,
  withResourceVersionOf,
} from '../../update/read-mutate-write.ts';
import { type QueueClient, QueueEntries, type QueueEntry } from './queue-entries.ts';
import { queueStateOf, turnOf, withQueue } from './queue-markers.ts';
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

/** A turn: the object as it was handed over, the tickets known to wait after it, and the highest listed. */
interface Turn {
  readonly object: KubeObject;
  readonly after: readonly string[];
  readonly listedThrough: string | undefined;
}

/**
 * Updates an object that writers in any number of processes change at once by taking
 * turns, agreed through the Kubernetes API alone, so that writers never collide.
 *
 * Each writer joins the object's queue with a Lease of its own (one create, on a key of
 * its own, so joining never conflicts); the Leases' resourceVersions order the queue.
 * Of the writers who find the queue idle, the one that creates its head Lease starts it.
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
    const queuedAt = this.#clock.now();
    // The place comes first: a writer that loses the head is then sure to be listed by the
    // writer that holds it, before that one lets the queue go idle.
    const entry = await this.#entries.join(this.#signal);
    let served = false;
    let turn: Turn | undefined;
    try {
      turn = (await this.#entries.acquireHead(this.#signal)) ? await this.#claim(entry) : await this.#awaitTurn(entry);
      this.#onQueued?.(queuedAt, this.#clock.now());
      const result = await this.#write(entry, turn);
      served = result !== 'rejoin';
      return result;
    } catch (error) {
      // Failing with the turn in hand (a throwing mutation, a refusal, an abort): pass it
      // on, so that the others need not wait a stall timeout for it.
      if (turn) await this.#handOn(entry, turn).catch(() => undefined);
      throw error;
    } finally {
      // A writer that leaves early (aborted, failed, out of time) takes its Lease with it,
      // so that nobody waits on it; a served one removed it when it wrote.
      if (!served) await this.#entries.remove(entry).catch(() => undefined);
    }
  }

  /** Starts the queue, holding its head: the latest object, and everyone waiting, in order. */
  async #claim(entry: QueueEntry): Promise<Turn> {
    const [object, entries] = await Promise.all([
      this.#client.read(this.#ref, this.#signal),
      this.#entries.list(this.#signal),
    ]);
    return {
      object,
      after: entries.map((e) => e.ticket).filter((ticket) => ticket !== entry.ticket),
      listedThrough: entries.at(-1)?.ticket,
    };
  }

  /**
   * Waits for the turn, handed over by the watch. Every `stallTimeout` without it, it looks
   * at the object: idle, it tries to take the head; unchanged since the last look, the
   * writer the queue waits for died, and is passed over.
   */
  async #awaitTurn(entry: QueueEntry): Promise<Turn> {
    const watch = new TurnWatch(this.#client, this.#ref, entry.ticket, this.#clock);
    try {
      let seen: string | undefined;
      for (;;) {
        const remaining = this.#deadline - this.#clock.now();
        if (remaining <= 0)
          throw new DOMException('the update deadline passed while waiting in the queue', 'TimeoutError');
        const handed = await watch.next(Math.min(this.#stallMs, remaining), this.#signal);
        if (handed) return turnIn(handed);
        const object = await this.#client.read(this.#ref, this.#signal);
        if (turnOf(object) === entry.ticket) return turnIn(object);
        const stalled = object.metadata?.resourceVersion === seen;
        seen = object.metadata?.resourceVersion;
        if (turnOf(object) === undefined) {
          // Idle with a place waiting: whoever held the head died before handing on.
          if (stalled) await this.#entries.releaseHead(this.#signal);
          if (await this.#entries.acquireHead(this.#signal)) return await this.#claim(entry);
        } else if (stalled) seen = await this.#passOver(object);
      }
    } finally {
      watch.close();
    }
  }

  /**
   * Passes over the writer whose turn the object names, dead since the last look: its Lease
   * is removed and the turn handed to the next. Returns the object's resourceVersion after.
   */
  async #passOver(object: KubeObject): Promise<string | undefined> {
    const state = queueStateOf(object);
    const listed = await this.#entries.list(this.#signal);
    const stalled = listed.find((e) => e.ticket === state.turn);
    if (stalled) await this.#entries.remove(stalled, this.#signal);
    const { after, listedThrough } = await this.#waitingAfter(state.waiting, state.listedThrough, state.turn, {
      listed: listed.filter((e) => e !== stalled),
    });
    try {
      const stored = await this.#client.replace(withQueue(object, after, listedThrough), this.#signal);
      if (after.length === 0) await this.#entries.releaseHead(this.#signal);
      return stored.metadata?.resourceVersion;
    } catch (error) {
      if (isConflict(error)) return object.metadata?.resourceVersion;
      throw error;
    }
  }

  async #write(entry: QueueEntry, turn: Turn): Promise<UpdateResult | 'rejoin'> {
    let { object } = turn;
    const { after, listedThrough } = await this.#waitingAfter(turn.after, turn.listedThrough, entry.ticket);
    // Best effort: a Lease left behind costs a later writer one stall timeout, not data.
    const leave = () => this.#entries.remove(entry, this.#signal).catch(() => undefined);
    // The last writer's Lease must be gone before it gives the head back (whoever starts
    // the queue next lists the Leases): it goes while the write is out. The others remove
    // theirs once their write is out, off the handoff's path.
    const leaving = after.length === 0 ? leave() : undefined;
    for (;;) {
      this.#attempts++;
      const changed = await mutated(this.#mutate, object);
      const changes = changed !== noChange && !sameJson(changed, object);
      if (!changes && this.#lostWrite) this.#lostWrite.nothingToWrite();
      const data = changes && this.#exactlyOnce ? withOperationRecorded(changed, this.#exactlyOnce) : changed;
      const toWrite = withQueue(data === noChange ? object : data, after, listedThrough);
      let outcome: FailedWrite;
      try {
        const stored = sameJson(toWrite, object)
          ? object
          : await this.#client.replace(withResourceVersionOf(toWrite, object), this.#signal);
        await (leaving ?? leave());
        if (after.length === 0) await this.#goIdle(stored, listedThrough);
        return this.#result(stored, changes && stored !== object);
      } catch (error) {
        outcome = await this.#afterFailedWrite(error, object, entry);
      }
      if (outcome.then === 'rejoin') return 'rejoin';
      if (outcome.then === 'done') {
        await (leaving ?? leave());
        if (turnOf(outcome.object) === undefined) await this.#goIdle(outcome.object, listedThrough);
        return this.#result(outcome.object, true, true);
      }
      object = outcome.object;
    }
  }

  /** Hands the turn this writer holds to the next, or lets the queue go idle; no signal: it runs after an abort too. */
  async #handOn(entry: QueueEntry, turn: Turn): Promise<void> {
    const object = await this.#client.read(this.#ref);
    const claimed = turnOf(turn.object) === undefined;
    const holding = turnOf(object) === entry.ticket || (claimed && turnOf(object) === undefined);
    if (!holding) return; // its write landed, or the queue moved on without it
    const { after, listedThrough } = await this.#waitingAfter(turn.after, turn.listedThrough, entry.ticket, {
      signal: null,
    });
    const stored = sameJson(withQueue(object, after, listedThrough), object)
      ? object
      : await this.#client.replace(withQueue(object, after, listedThrough));
    if (after.length === 0) await this.#goIdle(stored, listedThrough, null);
  }

  /**
   * The tickets to hand on to after `own`: those the object names, or, when they have run
   * out, the places taken since the queue last listed (higher than `listedThrough`), from
   * `listed` when the caller has just listed them. A `signal` of null: it runs after an abort too.
   */
  async #waitingAfter(
    waiting: readonly string[],
    listedThrough: string | undefined,
    own: string | undefined,
    { signal = this.#signal ?? null, listed }: { signal?: AbortSignal | null; listed?: readonly QueueEntry[] } = {},
  ): Promise<{ after: string[]; listedThrough: string | undefined }> {
    const after = waiting.filter((ticket) => ticket !== own);
    if (after.length > 0) return { after, listedThrough };
    const entries = listed ?? (await this.#entries.list(signal ?? undefined));
    const fresh = entries
      .map((e) => e.ticket)
      .filter((ticket) => ticket !== own && (listedThrough === undefined || compareTickets(ticket, listedThrough) > 0));
    return { after: fresh, listedThrough: entries.at(-1)?.ticket ?? listedThrough };
  }

  /**
   * The queue left idle: the head is given back; writers who joined meanwhile saw it
   * busy and wait for a turn nobody would give, so, if it can take the head again, this
   * writer hands the turn to the first of them. Another writer that took it starts them.
   */
  async #goIdle(
    stored: KubeObject,
    listedThrough: string | undefined,
    signal: AbortSignal | null = this.#signal ?? null,
  ): Promise<void> {
    const on = signal ?? undefined;
    await this.#entries.releaseHead(on);
    const { after, listedThrough: through } = await this.#waitingAfter([], listedThrough, undefined, { signal });
    if (after.length === 0 || !(await this.#entries.acquireHead(on))) return;
    let object = stored;
    for (let tries = 0; tries < 5; tries++) {
      try {
        await this.#client.replace(withQueue(object, after, through), on);
        return;
      } catch (error) {
        if (!isConflict(error)) throw error;
        object = await this.#client.read(this.#ref, on); // another client wrote meanwhile
      }
    }
  }

  /**
   * A refused or lost write: the object is read again. Still this ticket's turn (another
   * client wrote, or the write did not land): write again on it. Otherwise the queue moved
   * on without this writer (it was skipped as stalled): join again.
   */
  async #afterFailedWrite(error: unknown, object: KubeObject, entry: QueueEntry): Promise<FailedWrite> {
    const claimed = turnOf(object) === undefined;
    if (isConflict(error)) this.#conflicts++;
    else if (this.#retryTransient && isTransient(error)) {
      if (this.#lostWrite) this.#lostWrite.failed(object, error);
    } else throw error;
    const current = await this.#client.read(this.#ref, this.#signal);
    if (this.#lostWrite && (await this.#lostWrite.judge(current, this.#signal)) === 'landed') {
      return { then: 'done', object: current };
    }
    // A claimed turn (the head held, the object idle) stays this writer's while it is idle.
    const mine = turnOf(current) === entry.ticket || (claimed && turnOf(current) === undefined);
    return mine ? { then: 'retry', object: current } : { then: 'rejoin' };
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

/** The turn the object hands over: the tickets it names after it. */
function turnIn(object: KubeObject): Turn {
  const { waiting, listedThrough } = queueStateOf(object);
  return { object, after: waiting, listedThrough };
}

function checkedMs(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`queuedUpdate: ${name} must be a positive number of milliseconds; got ${String(value)}`);
  }
  return value;
}

import type { Backoff } from '../core/backoff.ts';
import type { Clock } from '../core/clock.ts';
import { isStaleWriteConflict, isTransient } from '../core/errors/classify.ts';
import type { Random } from '../core/random.ts';
import { onError } from '../core/retry.ts';
import type { KubeObject, ObjectClient, ObjectRef } from '../core/object.ts';
import { LostWrite } from '../update/lost-write.ts';
import { exactlyOnceOf, OutcomeUnknownError, withOperationRecorded } from '../update/operation-ids.ts';
import { mutated, noChange, sameJson, withResourceVersionOf } from '../update/read-mutate-write.ts';
import { type CoalescedUpdate, type CoalescerCall, rejectAll, resolveAll } from './coalescer-call.ts';
import type { ExactlyOnceOptions } from '../update/operation-ids.ts';

/** What one coalescer works on and how it retries, shared by all its cycles. */
export interface CycleSettings {
  readonly client: ObjectClient;
  readonly ref: ObjectRef;
  readonly backoff: Backoff;
  readonly clock: Clock | undefined;
  readonly random: Random | undefined;
  readonly retryingTransient: boolean;
  readonly exactlyOnce: boolean | ExactlyOnceOptions | undefined;
}

/** How one read-modify-write attempt ended: the object, whether it was written, the calls it carried. */
interface CycleAttempt {
  readonly object: KubeObject;
  readonly written: boolean;
  readonly carried: readonly CoalescerCall[];
}

/**
 * One coalescer cycle: a batch of calls applied together in one read-modify-write, retried
 * on conflicts, with every call settled when it ends (see {@link createCoalescer}).
 */
export class CoalescerCycle {
  readonly #batch: readonly CoalescerCall[];
  readonly #settings: CycleSettings;
  /** Each cycle is one exactly-once operation: its own id, whatever its attempts. */
  readonly #exactlyOnce;
  readonly #lostWrite;
  /** The calls the lost write carried: their fate follows it. */
  #lostCarried: CoalescerCall[] | undefined;
  /** Calls of the lost write whose mutation failed when applied again: they wait for its fate. */
  readonly #held = new Map<CoalescerCall, unknown>();
  #attempts = 0;

  constructor(batch: readonly CoalescerCall[], settings: CycleSettings) {
    this.#batch = batch;
    this.#settings = settings;
    this.#exactlyOnce = exactlyOnceOf(settings.exactlyOnce);
    this.#lostWrite = this.#exactlyOnce && new LostWrite(settings.client, settings.ref, this.#exactlyOnce);
  }

  /** Runs the cycle's attempts; resolves once every call of the batch is settled. */
  async run(): Promise<void> {
    const { backoff, clock, random, retryingTransient } = this.#settings;
    try {
      const { object, written, carried } = await onError(
        backoff,
        (error) => isStaleWriteConflict(error) || (retryingTransient && isTransient(error)),
        () => this.#attempt(),
        { clock, random },
      );
      resolveAll(carried, this.#result(object, written));
    } catch (error) {
      const failure = await this.#failure(error);
      rejectAll(this.#live(), failure);
    }
  }

  #live(): CoalescerCall[] {
    return this.#batch.filter((call) => !call.settled);
  }

  #result(object: KubeObject, written: boolean): CoalescedUpdate {
    return { object, written, batchSize: this.#batch.length, attempts: this.#attempts };
  }

  async #attempt(): Promise<CycleAttempt> {
    this.#attempts++;
    // Every call aborted during a backoff sleep: nothing left to read or write for.
    if (this.#live().length === 0) return { object: {}, written: false, carried: [] };
    const current = await this.#settings.client.read(this.#settings.ref);
    if (this.#lostWrite) {
      const decided = await this.#judgeLostWrite(this.#lostWrite, current);
      if (decided) return decided;
    }
    const { next, carried } = await this.#applyUntilNoneAborted(current);
    if (carried.length === 0 || sameJson(next, current)) {
      this.#lostWrite?.nothingToWrite();
      return { object: current, written: false, carried };
    }
    return this.#write(current, next, carried);
  }

  /** Judges a lost write by `current`, just read: the attempt's end when that decides it. */
  async #judgeLostWrite(lostWrite: LostWrite, current: KubeObject): Promise<CycleAttempt | undefined> {
    const outcome = await lostWrite.judge(current, undefined);
    // The cycle's id is on the object: the lost write carried exactly the calls waiting on it.
    if (outcome === 'landed') return { object: current, written: true, carried: this.#lostCarried ?? this.#live() };
    if (outcome === 'not-landed') this.#forgetLostWrite();
    if (this.#live().length === 0) return { object: current, written: false, carried: [] };
    return undefined;
  }

  /** The lost write cannot land: its calls' failures and aborts count now. */
  #forgetLostWrite(): void {
    this.#rejectHeld();
    for (const call of this.#lostCarried ?? []) {
      call.inWrite = false; // it cannot land: an abort meanwhile now counts
      if (call.signal?.aborted === true) call.onAbort();
    }
    this.#lostCarried = undefined;
  }

  #rejectHeld(): void {
    for (const [call, error] of this.#held) rejectAll([call], error);
    this.#held.clear();
  }

  /** A call aborted before the write goes out must not land: apply again without it. */
  async #applyUntilNoneAborted(current: KubeObject): Promise<{ next: KubeObject; carried: CoalescerCall[] }> {
    let applied;
    do applied = await this.#applyLiveCalls(current);
    while (applied.carried.some((call) => call.settled));
    return applied;
  }

  /** Applies each live call's mutation, in call order, to the previous one's result. */
  async #applyLiveCalls(current: KubeObject): Promise<{ next: KubeObject; carried: CoalescerCall[] }> {
    let next = current;
    const carried: CoalescerCall[] = [];
    for (const call of this.#live()) {
      let changed: unknown;
      try {
        // A mutation that returns no object fails its caller, not the batch.
        changed = await mutated(call.mutate, next);
      } catch (error) {
        // Its change may yet land with the lost write: its fate waits for that one.
        if (this.#lostCarried?.includes(call)) this.#held.set(call, error);
        else rejectAll([call], error);
        continue;
      }
      if (call.settled) continue; // aborted while its mutation ran
      if (changed !== noChange) next = changed as KubeObject;
      carried.push(call);
    }
    return { next, carried };
  }

  async #write(current: KubeObject, next: KubeObject, carried: CoalescerCall[]): Promise<CycleAttempt> {
    for (const call of carried) call.inWrite = true;
    const toWrite = this.#exactlyOnce ? withOperationRecorded(next, this.#exactlyOnce) : next;
    try {
      const stored = await this.#settings.client.replace(withResourceVersionOf(toWrite, current));
      return { object: stored, written: true, carried };
    } catch (error) {
      if (this.#lostWrite?.failed(current, error)) {
        // It may have landed: the next read decides, and these calls wait for it. A lost
        // write still pending was made on the same record and carried these calls too.
        this.#lostCarried ??= carried;
        throw error;
      }
      for (const call of carried) {
        if (this.#lostCarried?.includes(call)) continue; // its fate follows the lost write
        call.inWrite = false;
        if (call.signal?.aborted === true && isStaleWriteConflict(error)) call.onAbort();
      }
      throw error;
    }
  }

  /**
   * The attempts ended with `error`. When a write's fate is open, one more read settles what
   * it can, as the helpers do. Returns what the calls still live fail with.
   */
  async #failure(error: unknown): Promise<unknown> {
    if (this.#lostWrite?.open !== true || !this.#lostCarried) return error;
    try {
      const object = await this.#lostWrite.settle(error, undefined);
      resolveAll(this.#lostCarried, this.#result(object, true));
      return error;
    } catch (settled) {
      if (!(settled instanceof OutcomeUnknownError)) this.#rejectHeld(); // it cannot land
      return settled;
    }
  }
}

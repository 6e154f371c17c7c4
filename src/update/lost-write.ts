import { stoppedInternally } from '../core/abort-reason.ts';
import { compareResourceVersions } from '../core/resource-version.ts';
import { isTransient } from '../core/errors/classify.ts';
import type { KubeObject, ObjectClient, ObjectRef } from '../core/object.ts';
import {
  beyondRecord,
  type ExactlyOnce,
  operationRecord,
  OutcomeUnknownError,
  recentOperationsAnnotation,
  recordedOperations,
} from './operation-ids.ts';

/** A write whose answer was lost: the record it was made on (count, raw value), its resourceVersion, and why. */
interface LostAnswer {
  readonly basedOn: number;
  readonly recordValue: string;
  readonly resourceVersion: string;
  readonly error: unknown;
}

/** Why an exactly-once update whose mutation now changes nothing cannot say what happened. */
const nothingLeftToWrite = 'the mutation changes nothing now, and the lost write could still land';

/**
 * One exactly-once update's bookkeeping across its attempts: the write whose answer was
 * lost, from the failure until a read decides its fate. The update helpers, adaptiveUpdate
 * and the coalescer all keep it the same way.
 */
export class LostWrite {
  readonly #client: Pick<ObjectClient, 'read' | 'watch'>;
  readonly #ref: ObjectRef;
  readonly #exactlyOnce: ExactlyOnce;
  #lost: LostAnswer | undefined;

  constructor(client: Pick<ObjectClient, 'read' | 'watch'>, ref: ObjectRef, exactlyOnce: ExactlyOnce) {
    this.#client = client;
    this.#ref = ref;
    this.#exactlyOnce = exactlyOnce;
  }

  /** Whether a write's fate is open. */
  get open(): boolean {
    return this.#lost !== undefined;
  }

  /** Judges `current`, just read: landed, not-landed (then forgotten) or pending, as `lostWriteOutcome` below. */
  async judge(current: KubeObject, signal: AbortSignal | undefined): Promise<'landed' | 'not-landed' | 'pending'> {
    const outcome = await lostWriteOutcome(this.#client, this.#ref, this.#exactlyOnce, current, this.#lost, signal);
    if (outcome === 'not-landed') this.#lost = undefined;
    return outcome;
  }

  /**
   * A write made on `current` failed: remembered when it may have landed (a 5xx, a reset, a
   * timeout; a refusal is certain). A write still pending was made on the same record, so
   * the first lost one stands for both. Returns whether it may have landed.
   */
  failed(current: KubeObject, error: unknown): boolean {
    if (!isTransient(error)) return false;
    this.#lost ??= {
      basedOn: operationRecord(current).count,
      recordValue: recordValueOf(current),
      resourceVersion: current.metadata?.resourceVersion ?? '',
      error,
    };
    return true;
  }

  /** The mutation leaves nothing to write: fine, unless a lost write may still land on this state. */
  nothingToWrite(): void {
    if (this.#lost) throw new OutcomeUnknownError(this.#exactlyOnce.operationId, nothingLeftToWrite, this.#lost.error);
  }

  /**
   * The attempts ended with `error`. With a write's fate open, one more read settles what it
   * can: resolves with the object when the write landed; throws `error` when it cannot land
   * (or nothing was open, or it was an abort), {@link OutcomeUnknownError} when it still could.
   */
  async settle(error: unknown, signal: AbortSignal | undefined): Promise<KubeObject> {
    const lost = this.#lost;
    if (!lost || error instanceof OutcomeUnknownError || signal?.aborted === true) throw error;
    const current = await this.#client.read(this.#ref, signal).catch(() => undefined);
    const outcome = current && (await this.judge(current, signal));
    if (current && outcome === 'landed') return current;
    if (outcome === 'not-landed') throw error;
    throw new OutcomeUnknownError(
      this.#exactlyOnce.operationId,
      'the update ended while it could still land',
      lost.error,
    );
  }
}

/**
 * What became of an exactly-once update's writes, judged on `current` (just read):
 * - `landed`: its id is among the kept ids, or a replay of the changes since the lost
 *   write's read shows it;
 * - `not-landed`: no write of it can land any more: nothing was lost, or the lost write's
 *   slot in the record (`basedOn + 1`) went to another update;
 * - `pending`: nothing was recorded since the lost write's read, so it may still land (a
 *   server can commit after answering 504). The next write, made on the same record,
 *   conflicts with it if it does. When the object changed meanwhile, a replay first rules
 *   out that the write landed and its record was removed since.
 * Throws {@link OutcomeUnknownError} when the record no longer reaches back (or was
 * rewritten) and no replay can tell.
 */
async function lostWriteOutcome(
  client: Pick<ObjectClient, 'watch'>,
  ref: ObjectRef,
  exactlyOnce: ExactlyOnce,
  current: KubeObject,
  lost: LostAnswer | undefined,
  signal: AbortSignal | undefined,
): Promise<'landed' | 'not-landed' | 'pending'> {
  const record = operationRecord(current);
  if (record.ids.includes(exactlyOnce.operationId)) return 'landed';
  if (lost === undefined) return 'not-landed';
  const replay = () =>
    client.watch
      ? replaySince(client.watch.bind(client), ref, exactlyOnce.operationId, lost.resourceVersion, current, signal)
      : Promise.resolve(undefined);
  const unknown = () =>
    new OutcomeUnknownError(
      exactlyOnce.operationId,
      `more than the ${String(exactlyOnce.history)} ids kept on the object landed since, or the record was rewritten, and no replay of its changes could tell: raise exactlyOnce.history, or use a client that can watch`,
      lost.error,
    );
  const sameRecord = record.count === lost.basedOn && recordValueOf(current) === lost.recordValue;
  if (sameRecord) {
    if (current.metadata?.resourceVersion === lost.resourceVersion) return 'pending';
    // Changed, yet the record is as it was: another writer's change, or ours with the record
    // removed since (an annotation reset to what it was). Only a replay tells them apart.
    const replayed = await replay();
    if (replayed === undefined) throw unknown();
    return replayed ? 'landed' : 'pending';
  }
  if (record.count > lost.basedOn && !beyondRecord(record, lost.basedOn)) return 'not-landed';
  const replayed = await replay();
  if (replayed === undefined) throw unknown();
  return replayed ? 'landed' : 'not-landed';
}

/** How long a replay may take before the outcome is called unknown, ms. */
const replayPatienceMs = 10_000;

const recordValueOf = (object: KubeObject) => object.metadata?.annotations?.[recentOperationsAnnotation] ?? '';

/**
 * Replays the object's changes after `resourceVersion` (a watch from there) up to
 * `current`: true when one carries `operationId`, false when none does, undefined when it
 * cannot tell (the history is gone: 410 Expired; the watch failed or took too long).
 */
async function replaySince(
  watch: NonNullable<ObjectClient['watch']>,
  ref: ObjectRef,
  operationId: string,
  resourceVersion: string,
  current: KubeObject,
  signal: AbortSignal | undefined,
): Promise<boolean | undefined> {
  const until = current.metadata?.resourceVersion;
  /** Whether `version` is `until` or later, where the server's versions can be ordered. */
  const reached = (version: string) => until !== undefined && (compareResourceVersions(version, until) ?? -1) >= 0;
  // A read older than the lost write's own (a cache, another server): no replay reaches it.
  if (until !== undefined && (compareResourceVersions(until, resourceVersion) ?? 0) < 0) return undefined;
  const stop = new AbortController();
  const timer = setTimeout(() => {
    stop.abort(stoppedInternally);
  }, replayPatienceMs);
  try {
    const events = watch(ref, {
      resourceVersion,
      signal: signal ? AbortSignal.any([signal, stop.signal]) : stop.signal,
    });
    for await (const event of events) {
      if (event.type === 'ERROR') return undefined;
      if (event.type === 'BOOKMARK') continue;
      if (recordedOperations(event.object).includes(operationId)) return true;
      const version = event.object.metadata?.resourceVersion;
      // Up to the version read, or past it where versions can be ordered (Kubernetes 1.35+).
      if (version === current.metadata?.resourceVersion) return false;
      if (version !== undefined && reached(version)) return false;
    }
    return undefined;
  } catch {
    signal?.throwIfAborted();
    return undefined;
  } finally {
    clearTimeout(timer);
    stop.abort(stoppedInternally);
  }
}

import type { KubeObject } from '../testing/server/kube-object.ts';
import type { ObjectClient, ObjectRef } from './object-client.ts';
import {
  beyondRecord,
  type ExactlyOnce,
  operationRecord,
  OutcomeUnknownError,
  recordedOperations,
} from './operation-ids.ts';

/** A write whose answer was lost: the record count and resourceVersion it was made on, and why. */
export interface LostAnswer {
  readonly basedOn: number;
  readonly resourceVersion: string;
  readonly error: unknown;
}

/** How long a replay may take before the outcome is called unknown, ms. */
const replayPatienceMs = 10_000;

/**
 * Whether this exactly-once update already landed, judged on `current` (just read): its id
 * is among the kept ids; or, after a lost answer whose slot the kept ids no longer reach,
 * a replay of the changes since that write's read shows it. Throws
 * {@link OutcomeUnknownError} when nothing can tell.
 */
export async function landedBefore(
  client: Pick<ObjectClient, 'watch'>,
  ref: ObjectRef,
  exactlyOnce: ExactlyOnce,
  current: KubeObject,
  lost: LostAnswer | undefined,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  const record = operationRecord(current);
  if (record.ids.includes(exactlyOnce.operationId)) return true;
  if (lost === undefined || !beyondRecord(record, lost.basedOn)) return false;
  const replayed = client.watch
    ? await replaySince(client.watch.bind(client), ref, exactlyOnce.operationId, lost.resourceVersion, current, signal)
    : undefined;
  if (replayed === undefined) throw new OutcomeUnknownError(exactlyOnce.operationId, exactlyOnce.history, lost.error);
  return replayed;
}

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
  const stop = new AbortController();
  const timer = setTimeout(() => {
    stop.abort();
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
      if (event.object.metadata?.resourceVersion === current.metadata?.resourceVersion) return false;
    }
    return undefined;
  } catch {
    signal?.throwIfAborted();
    return undefined;
  } finally {
    clearTimeout(timer);
    stop.abort();
  }
}

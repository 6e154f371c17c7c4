import { AsyncLocalStorage } from 'node:async_hooks';
import type { KubeObjectClient } from '../client/kube-object-client.ts';
import type { TransportRetry } from '../client/transport-retry.ts';
import { classify, isAlreadyExists, isConflict, isNotFound } from '../core/errors/classify.ts';
import type { PatchType } from '../core/object.ts';
import type { Timeline } from './timeline.ts';

/** What a worker's requests added up to. */
export interface Tally {
  attempts: number;
  conflicts: number;
  requests: number;
  /** Failures other than conflicts, by kind (TooManyRequests, ServerError, Timeout, Network, ...). */
  faults: Record<string, number>;
  /** Requests sent again after a failure of that kind, by the transport or the strategy. */
  retries: Record<string, number>;
}

export const emptyTally = (): Tally => ({ attempts: 0, conflicts: 0, requests: 0, faults: {}, retries: {} });

/** The requests a lab strategy may make: a client that records each on the timeline. */
export type WorkerClient = Pick<
  KubeObjectClient,
  'read' | 'replace' | 'create' | 'patch' | 'watch' | 'list' | 'delete'
>;

/** A lost JSON-patch `test` comes back as 422: for the lab's own increments it is a conflict. */
const lostRace = (error: unknown, type?: PatchType) =>
  isConflict(error) || (type === 'json' && classify(error) === 'Invalid');

const add = (counts: Record<string, number>, kind: string) => {
  counts[kind] = (counts[kind] ?? 0) + 1;
};

/** The tally of the worker whose request is running: the transport's retries are counted there. */
const currentTally = new AsyncLocalStorage<Tally>();

/** For the lab's transport: a failure it absorbed, counted on the worker that met it. */
export function countTransportRetry(retry: TransportRetry): void {
  const tally = currentTally.getStore();
  if (!tally) return;
  add(tally.faults, retry.kind);
  add(tally.retries, retry.kind);
}

/**
 * Wraps the lab's client so that every read, write and watch a strategy makes, through
 * whichever library helper, is counted in `tally` and drawn on the worker's lane.
 */
export function workerClient(
  objects: KubeObjectClient,
  worker: number,
  timeline: Timeline,
  tally: Tally,
): WorkerClient {
  /** The kind of the worker's last failed request, until its next request: a retry. */
  let failedBefore: string | undefined;
  /** Counts a request; a failure that is not `answer` (a lost race, an expected refusal) counts as a fault. */
  const request = <T>(work: () => Promise<T>, type?: PatchType, answer = lostRace): Promise<T> => {
    tally.requests++;
    if (failedBefore !== undefined) add(tally.retries, failedBefore);
    failedBefore = undefined;
    return currentTally.run(tally, work).catch((error: unknown) => {
      if (!answer(error, type)) {
        failedBefore = classify(error);
        add(tally.faults, failedBefore);
      }
      throw error;
    });
  };
  const write = async <T>(work: () => Promise<T>, type?: PatchType): Promise<T> => {
    tally.attempts++;
    const started = timeline.now();
    try {
      const result = await request(work, type);
      timeline.add(worker, 'put', started);
      return result;
    } catch (error) {
      const lost = lostRace(error, type);
      if (lost) tally.conflicts++;
      timeline.add(worker, lost ? 'conflict' : 'put', started);
      throw error;
    }
  };
  return {
    read: (ref, signal) => timeline.time(worker, 'get', () => request(() => objects.read(ref, signal))),
    replace: (object, signal) => write(() => objects.replace(object, signal)),
    // Creates and deletes are of objects beside the lab's (a queue's Leases): requests, not
    // tries of a write. "Exists already" and "gone already" are answers there, not faults.
    create: (object, signal) =>
      timeline.time(worker, 'put', () => request(() => objects.create(object, signal), undefined, isAlreadyExists)),
    delete: (ref, signal) =>
      timeline.time(worker, 'put', () => request(() => objects.delete(ref, signal), undefined, isNotFound)),
    list: (ref, options) => timeline.time(worker, 'get', () => request(() => objects.list(ref, options))),
    patch: (ref, patch, type, options) => write(() => objects.patch(ref, patch, type, options), type),
    watch: (ref, options) => {
      tally.requests++;
      return objects.watch(ref, options);
    },
  };
}

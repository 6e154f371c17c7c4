import type { KubeObjectClient } from '../client/kube-object-client.ts';
import { classify, isConflict } from '../core/errors/classify.ts';
import type { PatchType } from '../update/object-client.ts';
import type { Timeline } from './timeline.ts';

/** What a worker's requests added up to. */
export interface Tally {
  attempts: number;
  conflicts: number;
  requests: number;
}

/** The requests a lab strategy may make: a client that records each on the timeline. */
export type WorkerClient = Pick<KubeObjectClient, 'read' | 'replace' | 'create' | 'patch' | 'watch'>;

/** A lost JSON-patch `test` comes back as 422: for the lab's own increments it is a conflict. */
const lostRace = (error: unknown, type?: PatchType) =>
  isConflict(error) || (type === 'json' && classify(error) === 'Invalid');

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
  const write = async <T>(work: () => Promise<T>, type?: PatchType): Promise<T> => {
    tally.requests++;
    tally.attempts++;
    const started = timeline.now();
    try {
      const result = await work();
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
    read: (ref, signal) => {
      tally.requests++;
      return timeline.time(worker, 'get', () => objects.read(ref, signal));
    },
    replace: (object, signal) => write(() => objects.replace(object, signal)),
    create: (object, signal) => write(() => objects.create(object, signal)),
    patch: (ref, patch, type, options) => write(() => objects.patch(ref, patch, type, options), type),
    watch: (ref, options) => {
      tally.requests++;
      return objects.watch(ref, options);
    },
  };
}

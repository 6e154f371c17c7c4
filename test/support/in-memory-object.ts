// One ConfigMap held in memory behind the three calls adaptiveUpdate makes (watch, read,
// replace), for unit tests of its timing rules on a ManualClock: the test decides when reads
// and the watch answer and when a rival's write lands or is seen. A watch from a
// resourceVersion is sent the changes after it first. Conflicts are decided by
// resourceVersion, as a server does; everything else a server does is left out.
import type { KubeObjectClient } from '../../src/client/kube-object-client.ts';
import type { KubeObject, ObjectRef, WatchEvent } from '../../src/core/object.ts';
import { KubeApiError } from '../../src/core/errors/kube-api-error.ts';
import { counter, increment, label } from './counter-label.ts';

interface Stream {
  readonly queue: WatchEvent[];
  /** Set when the test breaks the watch: the stream throws it. */
  broken?: Error;
  /** Whether its first event may go out (the test answers watches when it chooses). */
  answered: boolean;
  wake: () => void;
}

export { increment };

export class InMemoryObject {
  readonly ref: ObjectRef = { apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'busy' };
  readonly client: Pick<KubeObjectClient, 'watch' | 'read' | 'replace'>;
  /** Watch requests made, PUTs that landed, PUTs refused with 409, and reads. */
  readonly counts = { watches: 0, writes: 0, conflicts: 0, reads: 0 };
  /** Called before each PUT is judged: a test lets a rival land first. */
  beforeReplace: (() => void) | undefined;
  /** While set, PUTs wait for it before they are judged: writes in flight. */
  writesHeld: Promise<void> | undefined;
  /** While set, reads wait for it before they are answered. */
  readsHeld: Promise<void> | undefined;
  /** PUTs sent and not yet answered. */
  writesInFlight = 0;
  #object: KubeObject;
  #resourceVersion = 1;
  #deleted = false;
  readonly #streams = new Set<Stream>();
  /** Changes made but not yet seen by watchers: a slow watch. */
  readonly #unseen: WatchEvent[] = [];
  /** Every change watchers have been sent, for watches that resume from a resourceVersion. */
  readonly #sent: WatchEvent[] = [];

  constructor() {
    this.#object = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { ...this.ref, resourceVersion: '1', labels: { [label]: '100' } },
    };
    this.client = {
      watch: (_ref, options = {}) => this.#watch(options.resourceVersion, options.signal),
      read: async () => {
        this.counts.reads++;
        await (this.readsHeld ?? Promise.resolve());
        this.#throwIfDeleted();
        return structuredClone(this.#object);
      },
      replace: (object) => this.#replace(object),
    };
  }

  get counter(): number {
    return counter(this.#object);
  }

  /** Watches open now. */
  get openWatches(): number {
    return this.#streams.size;
  }

  /** Breaks every open watch, as a dropped connection does; while `refuseWatches`, new ones fail at once. */
  breakWatches(): void {
    for (const stream of this.#streams) {
      stream.broken = new Error('watch connection reset');
      stream.wake();
    }
  }

  /** While true, a watch request fails before its first event. */
  refuseWatches = false;

  /** Lets every open watch send its first event (the object as it is). */
  answerWatches(): void {
    for (const stream of this.#streams) {
      stream.answered = true;
      stream.wake();
    }
  }

  /** Another writer's +1 lands; watchers see it now, or only at `showChanges()` when `unseen`. */
  rivalWrite(options: { unseen?: boolean } = {}): void {
    this.#store(increment(this.#object), options.unseen ?? false);
  }

  /** Sends the changes watchers have not seen yet. */
  showChanges(): void {
    for (const event of this.#unseen.splice(0)) this.#send(event);
  }

  /** Deletes the object: watchers get DELETED, reads and writes 404. */
  delete(): void {
    this.#deleted = true;
    this.#send({ type: 'DELETED', object: this.#object });
  }

  #throwIfDeleted(): void {
    if (!this.#deleted) return;
    const message = 'configmaps "busy" not found';
    throw new KubeApiError({
      code: 404,
      status: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message },
      retryAfterSeconds: undefined,
    });
  }

  #store(object: KubeObject, unseen: boolean): KubeObject {
    this.#resourceVersion++;
    this.#object = { ...object, metadata: { ...object.metadata, resourceVersion: String(this.#resourceVersion) } };
    const event: WatchEvent = { type: 'MODIFIED', object: this.#object };
    if (unseen) this.#unseen.push(event);
    else this.#send(event);
    return structuredClone(this.#object);
  }

  #send(event: WatchEvent): void {
    this.#sent.push(event);
    for (const stream of this.#streams) {
      stream.queue.push(event);
      stream.wake();
    }
  }

  async #replace(object: KubeObject): Promise<KubeObject> {
    this.writesInFlight++;
    await (this.writesHeld ?? Promise.resolve());
    this.writesInFlight--;
    this.beforeReplace?.();
    this.#throwIfDeleted();
    if (object.metadata?.resourceVersion !== this.#object.metadata?.resourceVersion) {
      this.counts.conflicts++;
      const message = 'Operation cannot be fulfilled on configmaps "busy": the object has been modified';
      throw new KubeApiError({
        code: 409,
        status: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Conflict', code: 409, message },
        retryAfterSeconds: undefined,
      });
    }
    this.counts.writes++;
    return this.#store(object, false);
  }

  async *#watch(resourceVersion: string | undefined, signal: AbortSignal | undefined): AsyncGenerator<WatchEvent> {
    this.counts.watches++;
    if (this.refuseWatches) throw new Error('watch refused');
    const stream: Stream = { queue: [], answered: resourceVersion !== undefined, wake: () => undefined };
    if (resourceVersion === undefined) stream.queue.push({ type: 'ADDED', object: this.#object });
    else
      stream.queue.push(
        ...this.#sent.filter((event) => Number(event.object.metadata?.resourceVersion) > Number(resourceVersion)),
      );
    this.#streams.add(stream);
    try {
      for (;;) {
        let event: WatchEvent | undefined;
        while (stream.answered && (event = stream.queue.shift()) !== undefined) yield event;
        if (stream.broken) throw stream.broken;
        if (signal?.aborted) return;
        await new Promise<void>((resolve) => {
          const done = () => {
            signal?.removeEventListener('abort', done);
            resolve();
          };
          stream.wake = done;
          signal?.addEventListener('abort', done, { once: true });
        });
      }
    } finally {
      this.#streams.delete(stream);
    }
  }
}

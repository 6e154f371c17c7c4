import type { KubeObject } from '../../core/object.ts';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** A change to one object; `object` carries the resourceVersion of the change. */
export interface StoreEvent {
  readonly type: WatchEventType;
  /** `group/plural` of the object. */
  readonly resource: string;
  readonly namespace: string;
  readonly revision: number;
  readonly object: KubeObject;
  /** The object as stored before a MODIFIED or DELETED change: a filtered watch compares both. */
  readonly previous?: KubeObject;
}

/**
 * All objects, under one global revision counter like etcd's: every write of any object
 * takes the next revision, which becomes that object's resourceVersion. Keeps the last
 * `historyLimit` events, so a watch can start from any resourceVersion still in them, as
 * kube-apiserver serves a watch from etcd's history until etcd compacts it; older ones
 * get 410 Gone, as after a compaction.
 */
export class ObjectStore {
  #revision: number;
  readonly #objects = new Map<string, KubeObject>();
  readonly #history: StoreEvent[] = [];
  readonly #historyLimit: number;
  readonly #listeners = new Set<(event: StoreEvent) => void>();

  constructor(options: { firstRevision?: number; historyLimit?: number } = {}) {
    this.#revision = (options.firstRevision ?? 1) - 1;
    this.#historyLimit = options.historyLimit ?? 10_000;
  }

  get revision(): number {
    return this.#revision;
  }

  /** The oldest revision a watch can still start after. */
  get oldestWatchableRevision(): number {
    return this.#history[0]?.revision ?? this.#revision + 1;
  }

  // Stored objects are shared, not copied, on the way in and out (copies were the
  // largest cost of a write): callers must treat what they get as read-only, and hand
  // `put` an object they no longer touch.

  get(resource: string, namespace: string, name: string): KubeObject | undefined {
    return this.#objects.get(key(resource, namespace, name));
  }

  /** Objects of `resource`, in one namespace or all, ordered by namespace then name. */
  list(resource: string, namespace: string | undefined): KubeObject[] {
    const prefix = namespace === undefined ? `${resource}/` : `${resource}/${namespace}/`;
    return [...this.#objects.entries()]
      .filter(([k]) => k.startsWith(prefix))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, object]) => object);
  }

  /** Stores `object` (created or replaced) at the next revision, and returns it. */
  put(resource: string, namespace: string, object: KubeObject, type: 'ADDED' | 'MODIFIED'): KubeObject {
    const revision = ++this.#revision;
    (object.metadata ??= {}).resourceVersion = String(revision);
    const k = key(resource, namespace, object.metadata.name ?? '');
    const previous = this.#objects.get(k);
    this.#objects.set(k, object);
    this.#emit({ type, resource, namespace, revision, object, previous });
    return object;
  }

  /** Removes the object at the next revision; returns it as it was last stored. */
  delete(resource: string, namespace: string, name: string): KubeObject | undefined {
    const k = key(resource, namespace, name);
    const existing = this.#objects.get(k);
    if (!existing) return undefined;
    this.#objects.delete(k);
    const revision = ++this.#revision;
    const object = { ...existing, metadata: { ...existing.metadata, resourceVersion: String(revision) } };
    this.#emit({ type: 'DELETED', resource, namespace, revision, object, previous: existing });
    return existing;
  }

  /** Events after `revision` still in history, or undefined when it is too old to replay. */
  eventsSince(revision: number): StoreEvent[] | undefined {
    if (revision + 1 < this.oldestWatchableRevision && revision < this.#revision) return undefined;
    return this.#history.filter((event) => event.revision > revision);
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(event: StoreEvent): void {
    this.#history.push(event);
    if (this.#history.length > this.#historyLimit) this.#history.shift();
    for (const listener of this.#listeners) listener(event);
  }
}

function key(resource: string, namespace: string, name: string): string {
  return `${resource}/${namespace}/${name}`;
}

// A view of the object store in which one resource is another's objects, converted both
// ways: events.k8s.io/v1 events are core/v1 events in kube-apiserver's storage (one
// object, one uid and resourceVersion, written and watched through either).
import type { KubeObject } from '../../../core/object.ts';
import { ObjectStore, type StoreEvent } from '../object-store.ts';

/** Which resource is kept as which, and how objects convert between them. */
export interface Cohabitation {
  /** `group/plural` the view serves: `events.k8s.io/events`. */
  readonly served: string;
  /** `group/plural` the objects are stored under: `/events`. */
  readonly stored: string;
  readonly toStored: (object: KubeObject) => KubeObject;
  readonly fromStored: (object: KubeObject) => KubeObject;
}

/**
 * `store` as handlers of `cohabitation.served` see it. Reads convert (and are memoized,
 * so the same stored object reads as the same served one); writes convert, then take
 * the store's next revision as any write does.
 */
export class ConvertingStore extends ObjectStore {
  readonly #store: ObjectStore;
  readonly #cohabitation: Cohabitation;
  readonly #converted = new WeakMap<KubeObject, KubeObject>();

  constructor(store: ObjectStore, cohabitation: Cohabitation) {
    super();
    this.#store = store;
    this.#cohabitation = cohabitation;
  }

  override get revision(): number {
    return this.#store.revision;
  }

  override get oldestWatchableRevision(): number {
    return this.#store.oldestWatchableRevision;
  }

  override get(resource: string, namespace: string, name: string): KubeObject | undefined {
    const object = this.#store.get(this.#resource(resource), namespace, name);
    return object && this.#convert(resource, object);
  }

  override list(resource: string, namespace: string | undefined): KubeObject[] {
    return this.#store.list(this.#resource(resource), namespace).map((object) => this.#convert(resource, object));
  }

  override put(resource: string, namespace: string, object: KubeObject, type: 'ADDED' | 'MODIFIED'): KubeObject {
    if (resource !== this.#cohabitation.served) return this.#store.put(resource, namespace, object, type);
    const stored = this.#store.put(this.#cohabitation.stored, namespace, this.#cohabitation.toStored(object), type);
    return this.#convert(resource, stored);
  }

  override delete(resource: string, namespace: string, name: string): KubeObject | undefined {
    const removed = this.#store.delete(this.#resource(resource), namespace, name);
    return removed && this.#convert(resource, removed);
  }

  override eventsSince(revision: number): StoreEvent[] | undefined {
    return this.#store.eventsSince(revision)?.map((event) => this.#event(event));
  }

  override subscribe(listener: (event: StoreEvent) => void): () => void {
    return this.#store.subscribe((event) => {
      listener(this.#event(event));
    });
  }

  #resource(resource: string): string {
    return resource === this.#cohabitation.served ? this.#cohabitation.stored : resource;
  }

  #convert(resource: string, object: KubeObject): KubeObject {
    if (resource !== this.#cohabitation.served) return object;
    let converted = this.#converted.get(object);
    if (!converted) {
      converted = this.#cohabitation.fromStored(object);
      this.#converted.set(object, converted);
    }
    return converted;
  }

  /** A stored resource's event as the served resource's; others as they are. */
  #event(event: StoreEvent): StoreEvent {
    if (event.resource !== this.#cohabitation.stored) return event;
    const { served } = this.#cohabitation;
    return {
      ...event,
      resource: served,
      object: this.#convert(served, event.object),
      ...(event.previous && { previous: this.#convert(served, event.previous) }),
    };
  }
}
